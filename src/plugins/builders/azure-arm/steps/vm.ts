/** The NIC, then the build VM: size, source image, OS disk, custom data, the SSH key, tags. */
import type { VirtualMachine } from '@azure/arm-compute';
import type { Step } from '../../../../engine/steps';
import { throwIfCancelled } from '../../../../engine/steps';
import { BuildError } from '../../../../engine/context';
import { deleteResource } from '../resources';
import type { AzureState, Config, Ctx, Made } from './context';

export function vmStep(x: Ctx): Step<AzureState> {
  const { c, clients, names } = x;
  const vmSize = String(c.vm_size ?? 'Standard_B2s');
  const user = String(c.ssh_username ?? 'packer');
  const imageReference = (s: AzureState) =>
    s.sourceImageId
      ? { id: s.sourceImageId }
      : {
          publisher: String(c.image_publisher),
          offer: String(c.image_offer),
          sku: String(c.image_sku),
          version: String(c.image_version ?? 'latest'),
        };
  return {
    name: 'virtual machine',
    async run(s, ctx) {
      const rg = s.group!.name;
      const loc = s.location!;
      const o = { polling: x.polling, signal: ctx.signal, location: loc, vmSize };
      const nicId = x.id(rg, 'Microsoft.Network', 'networkInterfaces', names.nic);
      s.nic = { id: nicId, entry: x.ledger('azure-resource', nicId, 'network interface') };
      // A NIC may only name a public IP and NSG whose creates finished: the network step awaited them.
      await x.call(
        `creating network interface ${names.nic}`,
        (p) =>
          clients.network.networkInterfaces.beginCreateOrUpdateAndWait(
            rg,
            names.nic,
            {
              location: loc,
              tags: x.tags,
              networkSecurityGroup: { id: s.nsg!.id },
              ipConfigurations: [
                {
                  name: 'ipconfig',
                  subnet: { id: s.subnetId },
                  privateIPAllocationMethod: 'Dynamic',
                  ...(s.publicIp ? { publicIPAddress: { id: s.publicIp.id } } : {}),
                },
              ],
            },
            p,
          ),
        o,
      );
      throwIfCancelled(ctx.signal);
      const vmId = x.id(rg, 'Microsoft.Compute', 'virtualMachines', names.vm);
      const diskId = x.id(rg, 'Microsoft.Compute', 'disks', names.disk);
      s.vm = { id: vmId, entry: x.ledger('azure-resource', vmId, 'virtual machine') };
      if (!s.group!.temporary)
        s.vm.disk = { id: diskId, entry: x.ledger('azure-resource', diskId, 'OS disk') };
      const body: VirtualMachine = {
        location: loc,
        tags: x.tags,
        hardwareProfile: { vmSize },
        storageProfile: {
          imageReference: imageReference(s),
          osDisk: {
            name: names.disk,
            createOption: 'FromImage',
            deleteOption: 'Delete',
            caching: 'ReadWrite',
            managedDisk: { storageAccountType: 'Standard_LRS' },
            ...(c.os_disk_size_gb !== undefined ? { diskSizeGB: Number(c.os_disk_size_gb) } : {}),
          },
        },
        osProfile: {
          computerName: names.vm.slice(0, 64),
          adminUsername: user,
          ...(s.customData ? { customData: s.customData } : {}),
          linuxConfiguration: {
            disablePasswordAuthentication: true,
            ssh: {
              publicKeys: [
                { path: `/home/${user}/.ssh/authorized_keys`, keyData: s.key!.publicKey },
              ],
            },
          },
        },
        networkProfile: {
          networkInterfaces: [{ id: nicId, primary: true, deleteOption: 'Delete' }],
        },
      };
      ctx.log(`creating VM ${names.vm} (${vmSize})`);
      await x.call(
        `creating VM ${names.vm}`,
        (p) => clients.compute.virtualMachines.createOrUpdate(rg, names.vm, body, p),
        o,
      );
      throwIfCancelled(ctx.signal);
      s.host = await addressOf(x, s, ctx.signal);
      x.env.generated.ID = vmId;
      ctx.log(`VM ${names.vm} is running at ${s.host}`);
    },
    async cleanup(s, ctx) {
      // In a temporary group these go with the group.
      if (s.group?.temporary !== false) return;
      if (s.vm) {
        ctx.log(`deleting VM ${names.vm}`);
        await deleteResource(clients, s.vm.id);
        x.done(s.vm);
        if (s.vm.disk) {
          await deleteResource(clients, s.vm.disk.id);
          x.done(s.vm.disk);
        }
      }
      if (s.nic) {
        await deleteResource(clients, s.nic.id);
        x.done(s.nic);
      }
    },
    cleanupBudgetMs: 20 * 60_000,
  };
}

async function addressOf(x: Ctx, s: AzureState, signal: AbortSignal): Promise<string> {
  const rg = s.group!.name;
  const o = { polling: x.polling, signal };
  if (s.publicIp) {
    const ip = await x.call(
      `reading public IP ${x.names.ip}`,
      (p) => x.clients.network.publicIPAddresses.get(rg, x.names.ip, p),
      o,
    );
    if (ip.ipAddress) return ip.ipAddress;
    throw new BuildError(
      `public IP ${x.names.ip} has no address`,
      'the VM may not have started; look at its boot diagnostics',
    );
  }
  const nic = await x.call(
    `reading network interface ${x.names.nic}`,
    (p) => x.clients.network.networkInterfaces.get(rg, x.names.nic, p),
    o,
  );
  const addr = (nic.ipConfigurations?.[0] as Config | undefined)?.privateIPAddress as
    string | undefined;
  if (!addr) throw new BuildError(`network interface ${x.names.nic} has no private address`);
  return addr;
}

export type { Made };

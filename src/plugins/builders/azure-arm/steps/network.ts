/**
 * Side by side: the virtual network and subnet (unless an existing one is named), the
 * public IP, and a network security group allowing SSH only from where bake connects.
 */
import type { Step } from '../../../../engine/steps';
import { throwIfCancelled } from '../../../../engine/steps';
import { allOrFirstError } from '../azure';
import { deleteResource } from '../resources';
import type { AzureState, Ctx, Made } from './context';

export const usesPublicIp = (x: Ctx) =>
  typeof x.c.virtual_network_name !== 'string' ||
  x.c.private_virtual_network_with_public_ip !== false;

export function networkStep(x: Ctx): Step<AzureState> {
  const { c, clients, names } = x;
  const net = clients.network;
  const N = 'Microsoft.Network';
  return {
    name: 'network',
    async run(s, ctx) {
      const rg = s.group!.name;
      const loc = s.location!;
      const o = { polling: x.polling, signal: ctx.signal, location: loc };
      const port = Number(c.ssh_port ?? 22);
      const make = async (
        slot: 'vnet' | 'publicIp' | 'nsg',
        id: string,
        what: string,
        create: () => Promise<unknown>,
      ) => {
        // Ledgered before it is asked for; the delete of a resource never made is a no-op.
        const m: Made = { id, entry: x.ledger('azure-resource', id, what) };
        s[slot] = m;
        await create();
      };
      await allOrFirstError([
        typeof c.virtual_network_name !== 'string' &&
          make('vnet', x.id(rg, N, 'virtualNetworks', names.vnet), 'virtual network', async () => {
            const v = await x.call(
              `creating virtual network ${names.vnet}`,
              (p) =>
                net.virtualNetworks.beginCreateOrUpdateAndWait(
                  rg,
                  names.vnet,
                  {
                    location: loc,
                    tags: x.tags,
                    addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
                    subnets: [{ name: names.subnet, addressPrefix: '10.0.0.0/24' }],
                  },
                  p,
                ),
              o,
            );
            s.subnetId =
              v.subnets?.find((n) => n.name === names.subnet)?.id ??
              `${v.id}/subnets/${names.subnet}`;
          }),
        usesPublicIp(x) &&
          make('publicIp', x.id(rg, N, 'publicIPAddresses', names.ip), 'public IP', () =>
            x.call(
              `creating public IP ${names.ip}`,
              (p) =>
                net.publicIPAddresses.beginCreateOrUpdateAndWait(
                  rg,
                  names.ip,
                  {
                    location: loc,
                    tags: x.tags,
                    sku: { name: 'Standard' },
                    publicIPAllocationMethod: 'Static',
                  },
                  p,
                ),
              o,
            ),
          ),
        make('nsg', x.id(rg, N, 'networkSecurityGroups', names.nsg), 'network security group', () =>
          x.call(
            `creating network security group ${names.nsg}`,
            (p) =>
              net.networkSecurityGroups.beginCreateOrUpdateAndWait(
                rg,
                names.nsg,
                {
                  location: loc,
                  tags: x.tags,
                  securityRules: [
                    {
                      name: 'bake-ssh',
                      protocol: 'Tcp',
                      access: 'Allow',
                      direction: 'Inbound',
                      priority: 100,
                      sourcePortRange: '*',
                      destinationPortRange: String(port),
                      destinationAddressPrefix: '*',
                      ...(s.sourceCidrs!.length === 1
                        ? { sourceAddressPrefix: s.sourceCidrs![0] }
                        : { sourceAddressPrefixes: s.sourceCidrs }),
                    },
                  ],
                },
                p,
              ),
            o,
          ),
        ),
      ]);
      ctx.log(
        `network ready: ${[s.vnet && names.vnet, s.publicIp && names.ip, names.nsg].filter(Boolean).join(', ')}`,
      );
      throwIfCancelled(ctx.signal);
    },
    async cleanup(s, ctx) {
      // In a temporary group these go with the group.
      if (s.group?.temporary !== false) return;
      const list = [s.publicIp, s.nsg, s.vnet].filter((m): m is Made => !!m);
      if (list.length) ctx.log(`deleting ${list.map((m) => m.id.split('/').at(-1)).join(', ')}`);
      await allOrFirstError(
        list.map(async (m) => {
          await deleteResource(clients, m.id);
          x.done(m);
        }),
      );
    },
    cleanupBudgetMs: 15 * 60_000,
  };
}

/** SSH into the build VM with the existing communicator; a timeout names the likely cause. */
import { BuildError } from '../../../../engine/context';
import type { Step } from '../../../../engine/steps';
import type { AzureState, Ctx } from './context';
import { connectSsh } from '../../../ssh-connect';

export function connectStep(x: Ctx): Step<AzureState> {
  const { c, env } = x;
  const user = String(c.ssh_username ?? 'packer');
  const hint = (s: AzureState, e: BuildError) => {
    if (/authentication/i.test(e.message))
      return `sshd answered but refused the login: check ssh_username ("${user}") and that the image lets cloud-init / the Azure agent install the key`;
    return [
      `the network security group allows port ${c.ssh_port ?? 22} from ${(s.sourceCidrs ?? []).join(', ')}; if this runner reaches Azure from another address, set allowed_inbound_ip_addresses`,
      s.publicIp
        ? `the VM's public IP is ${s.host}`
        : `there is no public IP (private_virtual_network_with_public_ip: false): this runner must reach ${s.host} inside the virtual network`,
      `ssh_username "${user}" must be a user the image accepts`,
      'the image must start sshd (some take minutes on first boot: raise ssh_timeout)',
    ].join('; ');
  };
  return {
    name: 'connect',
    async run(s, ctx) {
      await connectSsh(
        env,
        { ...c, ssh_username: user },
        { host: s.host!, privateKey: s.key!.privateKey },
        s,
        ctx,
        (e) => ({ hint: hint(s, e) }),
      );
    },
    async cleanup(s) {
      s.ssh?.close();
    },
    cleanupBudgetMs: 2000,
  };
}

/** The null builder (Packer's name): provisions a machine that already exists, over SSH. */
import type { BuilderDescriptor } from '../../api';
import { nullBuilderSchema } from './schema';
import { sshLocalInputs } from '../../../communicators/ssh-schema';

export const nullBuilder: BuilderDescriptor = {
  kind: 'builder',
  type: 'null',
  description: 'provisions an existing machine over SSH; no artifact',
  schema: nullBuilderSchema,
  refine: (c) => {
    if (c.communicator === 'none') {
      const ssh = Object.keys(c).filter(
        (k) => k.startsWith('ssh_') || k === 'pause_before_connecting',
      );
      return ssh.map((k) => ({
        key: k,
        message: `${k} has no use with communicator "none"`,
        hint: 'remove it, or use communicator "ssh"',
      }));
    }
    return (['ssh_host', 'ssh_username'] as const)
      .filter((k) => c[k] === undefined || c[k] === null)
      .map((k) => ({
        key: '',
        message: `missing required key "${k}"`,
        hint: `${k}: ${k === 'ssh_host' ? 'address of the machine (host name or IP)' : 'user to log in as'}; or communicator "none" for a build of local steps only`,
      }));
  },
  artifact: 'none',
  localInputs: sshLocalInputs,
  load: async () => (await import('./builder')).nullBuilder,
};

/** The restart provisioner (Packer's name): its settings, and its implementation behind load(). */
import type { ProvisionerDescriptor } from '../../api';
import { opt, s } from '../../../spec/schema';

export const restartSchema = s.object({
  restart_command: opt(
    s.string(),
    'command that reboots the machine',
    'shutdown -r now',
    'sudo shutdown -r now',
  ),
  restart_check_command: opt(s.string(), 'must succeed once the machine is back'),
  restart_timeout: opt(s.duration(), 'how long the machine may take to come back', '5m'),
});

export const restartProvisioner: ProvisionerDescriptor = {
  kind: 'provisioner',
  type: 'restart',
  description: 'reboot the machine and wait for it to come back',
  schema: restartSchema,
  load: async () => (await import('./restart')).restart,
};

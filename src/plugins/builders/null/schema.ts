import { opt, s } from '../../../spec/schema';
import { sshFields } from '../../../communicators/ssh-schema';

export const nullBuilderSchema = s.object({
  communicator: opt(
    s.enum(['ssh', 'none']),
    'ssh: provision the machine at ssh_host; none: no machine, only steps that run here (shell-local)',
    'ssh',
  ),
  ...sshFields,
  // Required with the ssh communicator (the descriptor's rules say so).
  runs_on: {
    schema: s.string(),
    description: 'runner label for this source in the reusable workflow',
  },
});

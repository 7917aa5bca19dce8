import { s } from '../../../spec/schema';
import { sshFields } from '../../../communicators/ssh-schema';

export const nullBuilderSchema = s.object({
  ...sshFields,
  ssh_host: { ...sshFields.ssh_host, required: true },
  ssh_username: { ...sshFields.ssh_username, required: true },
  runs_on: {
    schema: s.string(),
    description: 'runner label for this source in the reusable workflow',
  },
});

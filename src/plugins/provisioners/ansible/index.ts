/** The ansible provisioner (Packer's name): its settings, and its implementation behind load(). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ProvisionerDescriptor } from '../../api';
import { opt, refused, req, s } from '../../../spec/schema';

export const ansibleSchema = s.object({
  playbook_file: req(s.string(), 'the playbook to run', 'playbook.yml'),
  extra_arguments: opt(
    s.list(s.string()),
    'more ansible-playbook arguments, e.g. ["--tags", "web"]',
  ),
  ansible_env_vars: opt(s.list(s.string()), 'KEY=value environment for ansible-playbook'),
  user: opt(s.string(), "remote user (default: the build's SSH user)"),
  groups: opt(s.list(s.string()), 'inventory groups the machine is in'),
  host_alias: opt(s.string(), 'inventory name of the machine', 'default'),
  galaxy_file: opt(s.string(), 'requirements file for ansible-galaxy, installed first'),
  roles_path: opt(s.string(), 'where ansible-playbook looks for roles (ANSIBLE_ROLES_PATH)'),
  collections_path: opt(
    s.string(),
    'where ansible-playbook looks for collections (ANSIBLE_COLLECTIONS_PATH)',
  ),
  use_sftp: opt(s.bool(), 'transfer files with sftp (default scp/piped)'),
  command: opt(s.string(), 'the ansible-playbook command', 'ansible-playbook'),
  inventory_file: opt(
    s.string(),
    "an inventory of your own (groups, their vars, other hosts), read before the one bake writes, so the machine's address, port, user and key stay bake's",
  ),
  inventory_directory: refused(
    'bake writes the inventory for the machine being built; add other inventories with inventory_file or extra_arguments ["-i", "DIR"]',
  ),
  sftp_command: opt(
    s.string(),
    'the command on the machine that serves sftp when Ansible sends files by sftp (for an sshd without the sftp subsystem), e.g. /usr/lib/openssh/sftp-server -e',
  ),
  playbook_dir: refused(
    'playbook_dir belongs to ansible-local, which runs Ansible on the machine (type: ansible-local); this one runs it from here with playbook_file (roles beside it are found)',
  ),
});

export const ansibleProvisioner: ProvisionerDescriptor = {
  kind: 'provisioner',
  type: 'ansible',
  description: 'run an Ansible playbook from this machine against the build',
  schema: ansibleSchema,
  // A Docker build is reached through the docker connection, where no sftp runs.
  refine: (c, ctx) =>
    c.sftp_command !== undefined && ctx.builder === 'docker'
      ? [
          {
            key: 'sftp_command',
            message:
              'sftp_command is for a machine reached over SSH; Ansible reaches a Docker build through the docker connection',
            hint: 'remove sftp_command, or leave this step out of the Docker source with only/except',
          },
        ]
      : [],
  // The playbook, its requirements, and the roles directory beside it (Ansible's default).
  localInputs: (c, dir) => {
    const playbook = resolve(dir, String(c.playbook_file));
    const roles = join(dirname(playbook), 'roles');
    return [
      playbook,
      ...(typeof c.galaxy_file === 'string' ? [resolve(dir, c.galaxy_file)] : []),
      ...(typeof c.inventory_file === 'string' ? [resolve(dir, c.inventory_file)] : []),
      ...(existsSync(roles) ? [roles] : []),
    ];
  },
  load: async () => (await import('./ansible')).ansible,
};

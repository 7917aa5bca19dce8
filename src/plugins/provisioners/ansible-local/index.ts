/** The ansible-local provisioner (Packer's name): its settings, and its implementation behind load(). */
import { resolve } from 'node:path';
import type { ProvisionerDescriptor } from '../../api';
import { opt, refused, s } from '../../../spec/schema';

export const ansibleLocalProvisioner: ProvisionerDescriptor = {
  kind: 'provisioner',
  type: 'ansible-local',
  description: 'upload a playbook and run Ansible on the machine being built (it needs Ansible)',
  schema: s.object({
    playbook_file: opt(s.string(), 'the playbook to upload and run', undefined, 'playbook.yml'),
    playbook_files: opt(s.list(s.string()), 'several playbooks, run one after another'),
    playbook_dir: opt(
      s.string(),
      'a folder uploaded whole into the staging directory (roles, vars, files beside the playbook)',
    ),
    role_paths: opt(s.list(s.string()), 'role folders, uploaded as roles/<name>'),
    group_vars: opt(s.string(), 'a group_vars folder to upload'),
    host_vars: opt(s.string(), 'a host_vars folder to upload'),
    inventory_file: opt(s.string(), 'an inventory to upload and use (default: 127.0.0.1)'),
    inventory_groups: opt(
      s.list(s.string()),
      'groups the machine is in, in the inventory bake writes',
    ),
    extra_arguments: opt(s.list(s.string()), 'more ansible-playbook arguments'),
    command: opt(s.string(), 'the command that runs a playbook', 'ansible-playbook'),
    staging_directory: opt(
      s.string(),
      'where the files go on the machine (default: a new /tmp/bake-ansible-local-… folder)',
    ),
    clean_staging_directory: opt(s.bool(), 'remove the staging directory afterwards', false),
    galaxy_file: refused(
      'ansible-galaxy is not run on the machine by bake: vendor the roles and upload them with role_paths or playbook_dir',
    ),
    galaxy_command: refused('bake does not run ansible-galaxy on the machine (see galaxy_file)'),
  }),
  refine: (c) =>
    c.playbook_file === undefined && c.playbook_files === undefined
      ? [
          {
            key: '',
            message: 'ansible-local needs playbook_file or playbook_files',
            hint: 'playbook_file: the playbook to run on the machine',
          },
        ]
      : c.playbook_file !== undefined && c.playbook_files !== undefined
        ? [{ message: 'set one of playbook_file and playbook_files', key: 'playbook_files' }]
        : [],
  localInputs: (c, dir) =>
    [
      c.playbook_file,
      ...((c.playbook_files as string[] | undefined) ?? []),
      c.playbook_dir,
      ...((c.role_paths as string[] | undefined) ?? []),
      c.group_vars,
      c.host_vars,
      c.inventory_file,
    ]
      .filter((p): p is string => typeof p === 'string')
      .map((p) => resolve(dir, p)),
  load: async () => (await import('./ansible-local')).ansibleLocal,
};

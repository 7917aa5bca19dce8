/** The shell-local provisioner (Packer's name): its settings, and its implementation behind load(). */
import { resolve } from 'node:path';
import type { ProvisionerDescriptor } from '../../api';
import { opt, s } from '../../../spec/schema';

export const shellLocalSchema = s.object({
  inline: opt(s.list(s.string()), 'commands to run on this machine'),
  command: opt(s.string(), 'one command to run on this machine'),
  script: opt(s.string()),
  scripts: opt(s.list(s.string())),
  environment_vars: opt(s.list(s.string())),
  env: opt(s.map(s.string())),
  execute_command: opt(s.list(s.string()), 'argv that runs a script; {{.Script}} is replaced', [
    '/bin/sh',
    '-c',
    '{{.Vars}} {{.Script}}',
  ]),
  inline_shebang: opt(s.string(), undefined, '/bin/sh -e'),
  valid_exit_codes: opt(s.list(s.int(0, 255)), undefined, [0]),
});

export const shellLocalProvisioner: ProvisionerDescriptor = {
  kind: 'provisioner',
  type: 'shell-local',
  description: 'run commands on the machine running bake',
  schema: shellLocalSchema,
  localInputs: (c, dir) => [
    ...(typeof c.script === 'string' ? [resolve(dir, c.script)] : []),
    ...(Array.isArray(c.scripts) ? c.scripts.map((x) => resolve(dir, String(x))) : []),
  ],
  load: async () => (await import('./shell-local')).shellLocal,
};

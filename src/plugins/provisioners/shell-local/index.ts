/** The shell-local provisioner (Packer's name): its settings, and its implementation behind load(). */
import { resolve } from 'node:path';
import type { ProvisionerDescriptor } from '../../api';
import { opt, s } from '../../../spec/schema';

export const shellLocalSchema = s.object({
  inline: opt(s.list(s.string(), { single: true }), 'commands to run on this machine', undefined, [
    'echo built ${build.name}',
  ]),
  command: opt(s.string(), 'one command to run on this machine'),
  script: opt(s.string(), 'a script on this machine to run'),
  scripts: opt(s.list(s.string()), 'scripts on this machine to run in order'),
  environment_vars: opt(s.list(s.string()), 'KEY=value pairs for the commands'),
  env: opt(s.map(s.string()), 'environment for the commands, name: value'),
  execute_command: opt(s.list(s.string()), 'argv that runs a script; {{.Script}} is replaced', [
    '/bin/sh',
    '-c',
    '{{.Vars}} {{.Script}}',
  ]),
  inline_shebang: opt(s.string(), 'interpreter line for inline commands', '/bin/sh -e'),
  valid_exit_codes: opt(s.list(s.int(0, 255)), 'exit codes that count as success', [0]),
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

/** The shell provisioner (Packer's name): its settings, and its implementation behind load(). */
import { resolve } from 'node:path';
import type { ProvisionerDescriptor } from '../../api';
import { opt, s } from '../../../spec/schema';

export const shellSchema = s.object({
  inline: opt(s.list(s.string(), { single: true }), 'commands to run, as one script', undefined, [
    'apt-get update',
    'apt-get install -y nginx',
  ]),
  script: opt(s.string(), 'a local script to upload and run'),
  scripts: opt(s.list(s.string()), 'local scripts to upload and run in order'),
  environment_vars: opt(s.list(s.string()), 'KEY=value pairs for the scripts'),
  env: opt(s.map(s.string()), 'environment for the scripts'),
  execute_command: opt(
    s.string(),
    'how a script is run; {{.Vars}}, {{.Path}} and {{.EnvVarFile}} are replaced',
    'chmod +x {{.Path}}; {{.Vars}} {{.Path}}',
  ),
  inline_shebang: opt(s.string(), 'interpreter line for inline commands', '/bin/sh -e'),
  env_var_format: opt(
    s.string(),
    'printf format of each variable in {{.Vars}} (or in the var file), NAME then value, e.g. "%s=\'%s\' "',
  ),
  use_env_var_file: opt(
    s.bool(),
    'write the variables to a file that execute_command sources ({{.EnvVarFile}}), instead of the command line',
    false,
  ),
  remote_folder: opt(s.string(), 'where scripts are uploaded', '/tmp'),
  remote_file: opt(s.string(), 'file name of the uploaded script'),
  remote_path: opt(s.string(), 'full remote path of the uploaded script'),
  valid_exit_codes: opt(s.list(s.int(0, 255)), 'exit codes that count as success', [0]),
  expect_disconnect: opt(s.bool(), 'a dropped connection is not an error (reboots)', false),
  skip_clean: opt(s.bool(), 'leave the uploaded script in place', false),
  pause_after: opt(s.duration(), 'wait after the scripts ran'),
  start_retry_timeout: opt(s.duration(), 'how long to retry starting the script', '5m'),
});

export const shellProvisioner: ProvisionerDescriptor = {
  kind: 'provisioner',
  type: 'shell',
  description: 'run shell commands or scripts in the machine being built',
  schema: shellSchema,
  localInputs: (c, dir) => [
    ...(typeof c.script === 'string' ? [resolve(dir, c.script)] : []),
    ...(Array.isArray(c.scripts) ? c.scripts.map((x) => resolve(dir, String(x))) : []),
  ],
  load: async () => (await import('./shell')).shell,
};

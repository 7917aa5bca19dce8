import { opt, req, s, Schema } from '../../spec/schema';

export const shellSchema = s.object({
  inline: opt(s.list(s.string()), 'commands to run, one script'),
  script: opt(s.string(), 'a local script to upload and run'),
  scripts: opt(s.list(s.string()), 'local scripts to upload and run in order'),
  environment_vars: opt(s.list(s.string()), 'KEY=value pairs for the scripts'),
  env: opt(s.map(s.string()), 'environment for the scripts'),
  execute_command: opt(
    s.string(),
    'how a script is run; {{.Vars}} and {{.Path}} are replaced',
    'chmod +x {{.Path}}; {{.Vars}} {{.Path}}',
  ),
  inline_shebang: opt(s.string(), 'interpreter line for inline commands', '/bin/sh -e'),
  remote_folder: opt(s.string(), 'where scripts are uploaded', '/tmp'),
  remote_file: opt(s.string(), 'file name of the uploaded script'),
  remote_path: opt(s.string(), 'full remote path of the uploaded script'),
  valid_exit_codes: opt(s.list(s.int(0, 255)), 'exit codes that count as success', [0]),
  expect_disconnect: opt(s.bool(), 'a dropped connection is not an error (reboots)', false),
  skip_clean: opt(s.bool(), 'leave the uploaded script in place', false),
  pause_after: opt(s.duration(), 'wait after the scripts ran'),
  start_retry_timeout: opt(s.duration(), 'how long to retry starting the script', '5m'),
});

export const fileSchema = s.object({
  source: opt(s.string(), 'local file or directory (directory/ copies its contents)'),
  sources: opt(s.list(s.string()), 'several local files'),
  content: opt(s.string(), 'text to write to destination'),
  destination: req(s.string(), 'remote path (local path for downloads)'),
  direction: opt(s.enum(['upload', 'download']), 'upload (default) or download', 'upload'),
});

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

export const restartSchema = s.object({
  restart_command: opt(s.string(), 'command that reboots the machine', 'shutdown -r now'),
  restart_check_command: opt(s.string(), 'must succeed once the machine is back'),
  restart_timeout: opt(s.duration(), 'how long the machine may take to come back', '5m'),
});

export const ansibleSchema = s.object({
  playbook_file: req(s.string(), 'the playbook to run'),
  extra_arguments: opt(
    s.list(s.string()),
    'more ansible-playbook arguments, e.g. ["--tags", "web"]',
  ),
  ansible_env_vars: opt(s.list(s.string()), 'KEY=value environment for ansible-playbook'),
  user: opt(s.string(), "remote user (default: the build's SSH user)"),
  groups: opt(s.list(s.string()), 'inventory groups the machine is in'),
  host_alias: opt(s.string(), 'inventory name of the machine', 'default'),
  galaxy_file: opt(s.string(), 'requirements file for ansible-galaxy, installed first'),
  roles_path: opt(s.string()),
  collections_path: opt(s.string()),
  use_sftp: opt(s.bool(), 'transfer files with sftp (default scp/piped)'),
  command: opt(s.string(), 'the ansible-playbook command', 'ansible-playbook'),
});

/** Options every provisioner takes, whatever its type. */
export const provisionerCommon: Record<string, ReturnType<typeof opt>> = {
  only: opt(s.list(s.string(), { single: true }), 'run only for these sources (globs)'),
  except: opt(s.list(s.string(), { single: true }), 'skip these sources (globs)'),
  pause_before: opt(s.duration(), 'wait before running'),
  max_retries: opt(s.int(0, 100), 'retry a failed run this many times', 0),
  timeout: opt(s.duration(), 'fail the provisioner when it runs longer'),
  override: opt(s.map(s.map(s.any())), 'per-source settings: source name → keys to replace'),
  name: opt(s.string(), 'a label shown in logs'),
};

export const provisionerSchemas: Record<string, { schema: Schema; description: string }> = {
  shell: {
    schema: shellSchema,
    description: 'run shell commands or scripts in the machine being built',
  },
  file: { schema: fileSchema, description: 'upload or download files and directories' },
  'shell-local': {
    schema: shellLocalSchema,
    description: 'run commands on the machine running bake',
  },
  restart: {
    schema: restartSchema,
    description: 'reboot the machine and wait for it to come back',
  },
  ansible: {
    schema: ansibleSchema,
    description: 'run an Ansible playbook from this machine against the build',
  },
};

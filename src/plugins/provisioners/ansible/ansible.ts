/**
 * Runs ansible-playbook on this machine against the build: over SSH with the build's own
 * credentials (a temporary 0600 key file, removed afterwards), or into a Docker build
 * container through Ansible's docker connection.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runLocal } from '../local-process';
import { BuildEnv, BuildError, ProvisionerImpl } from '../../../engine/context';

function iniValue(v: string): string {
  return /^[\w./@:-]+$/.test(v) ? v : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

let dockerConnection: boolean | undefined;
function hasDockerConnection(command: string): boolean {
  if (dockerConnection === undefined) {
    const doc = command.replace(/ansible-playbook$/, 'ansible-doc');
    const r = spawnSync(doc, ['-t', 'connection', '-l'], { encoding: 'utf8', timeout: 60_000 });
    dockerConnection = r.status === 0 && /(^|\s)(community\.docker\.)?docker\s/m.test(r.stdout);
  }
  return dockerConnection;
}

/** ansible-playbook or ansible-galaxy; a missing program says what to install. */
async function run(
  cmd: string,
  args: string[],
  cwd: string,
  environment: NodeJS.ProcessEnv,
  env: BuildEnv,
  signal: AbortSignal,
): Promise<{ code: number; tail: string[] }> {
  try {
    return await runLocal(cmd, args, { cwd, env: environment, signal, tailLines: 30 }, env);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new BuildError(
        `${cmd} is not installed on this machine`,
        'install Ansible (apt-get install ansible, or pip install ansible)',
      );
    throw e;
  }
}

export const ansible: ProvisionerImpl = {
  async run(use, _comm, env, signal) {
    const c = use.config;
    const conn = env.connection;
    if (!conn)
      throw new BuildError(
        'the ansible provisioner needs a machine',
        'use it with a builder that reaches a machine (docker, null, cloud builders)',
      );
    const command = String(c.command ?? 'ansible-playbook');
    const alias = String(c.host_alias ?? 'default');
    const dir = mkdtempSync(join(tmpdir(), 'bake-ansible-'));
    try {
      const hostVars: Record<string, string> = {};
      if (conn.type === 'ssh') {
        const o = conn.options;
        hostVars.ansible_host = o.host;
        hostVars.ansible_port = String(o.port);
        hostVars.ansible_user = String(c.user ?? o.username);
        const sshArgs = [
          '-o StrictHostKeyChecking=no',
          '-o UserKnownHostsFile=/dev/null',
          '-o IdentitiesOnly=yes',
        ];
        if (o.privateKey !== undefined) {
          const keyFile = join(dir, 'key');
          writeFileSync(keyFile, o.privateKey.toString().trimEnd() + '\n', { mode: 0o600 });
          hostVars.ansible_ssh_private_key_file = keyFile;
        } else if (o.password !== undefined) {
          hostVars.ansible_password = o.password;
        }
        if (o.bastion) {
          if (o.bastion.password !== undefined && o.bastion.privateKey === undefined) {
            throw new BuildError(
              'ansible cannot pass a password to a bastion host',
              'give the bastion a private key (ssh_bastion_private_key_file) or use an agent',
            );
          }
          let proxy = `-o ProxyCommand="ssh -W %h:%p -p ${o.bastion.port} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null`;
          if (o.bastion.privateKey !== undefined) {
            const bkey = join(dir, 'bastion-key');
            writeFileSync(bkey, o.bastion.privateKey.toString().trimEnd() + '\n', { mode: 0o600 });
            proxy += ` -i ${bkey}`;
          }
          sshArgs.push(`${proxy} ${o.bastion.username}@${o.bastion.host}"`);
        }
        hostVars.ansible_ssh_common_args = sshArgs.join(' ');
        if (c.use_sftp === true) hostVars.ansible_ssh_transfer_method = 'sftp';
      } else {
        if (!hasDockerConnection(command)) {
          throw new BuildError(
            "Ansible's docker connection plugin is not installed",
            'install it with: ansible-galaxy collection install community.docker',
          );
        }
        hostVars.ansible_connection = 'community.docker.docker';
        hostVars.ansible_host = conn.containerId;
        if (c.user ?? conn.user) hostVars.ansible_user = String(c.user ?? conn.user);
      }
      const groups = (c.groups as string[] | undefined) ?? [];
      const hostLine = `${alias} ${Object.entries(hostVars)
        .map(([k, v]) => `${k}=${iniValue(v)}`)
        .join(' ')}`;
      const inventory =
        [hostLine, ...groups.flatMap((g) => ['', `[${g}]`, alias])].join('\n') + '\n';
      const inventoryFile = join(dir, 'inventory.ini');
      writeFileSync(inventoryFile, inventory, { mode: 0o600 });

      const environment: NodeJS.ProcessEnv = {
        ...process.env,
        ANSIBLE_HOST_KEY_CHECKING: 'False',
        ANSIBLE_RETRY_FILES_ENABLED: 'False',
        ANSIBLE_NOCOLOR: '1',
        PYTHONUNBUFFERED: '1',
      };
      if (typeof c.roles_path === 'string')
        environment.ANSIBLE_ROLES_PATH = resolve(env.specDir, c.roles_path);
      if (typeof c.collections_path === 'string')
        environment.ANSIBLE_COLLECTIONS_PATH = resolve(env.specDir, c.collections_path);
      for (const kv of (c.ansible_env_vars as string[] | undefined) ?? []) {
        const eq = kv.indexOf('=');
        if (eq <= 0)
          throw new BuildError(`ansible_env_vars entry "${kv}" is not KEY=value`, use.path);
        environment[kv.slice(0, eq)] = kv.slice(eq + 1);
      }
      if (typeof c.galaxy_file === 'string') {
        const galaxy = command.replace(/ansible-playbook$/, 'ansible-galaxy');
        const args = ['install', '-r', resolve(env.specDir, c.galaxy_file)];
        if (typeof c.roles_path === 'string') args.push('-p', resolve(env.specDir, c.roles_path));
        const g = await run(galaxy, args, env.specDir, environment, env, signal);
        if (g.code !== 0)
          throw new BuildError(
            `ansible-galaxy install exited with code ${g.code}`,
            undefined,
            g.tail,
          );
      }
      const args = [
        '-i',
        inventoryFile,
        '--limit',
        alias,
        ...((c.extra_arguments as string[] | undefined) ?? []),
        resolve(env.specDir, String(c.playbook_file)),
      ];
      const r = await run(command, args, env.specDir, environment, env, signal);
      if (r.code !== 0)
        throw new BuildError(
          `ansible-playbook exited with code ${r.code}`,
          'the playbook output above says which task failed',
          r.tail,
        );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

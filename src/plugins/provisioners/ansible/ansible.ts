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
import { shQuote } from '../../../communicators/communicator';
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

/** A communicator that can tell which host keys it verified (the SSH one). */
interface KnowsHosts {
  knownHosts(signal: AbortSignal): Promise<string>;
}
const knowsHosts = (c: unknown): c is KnowsHosts =>
  typeof (c as Partial<KnowsHosts> | undefined)?.knownHosts === 'function';

export const ansible: ProvisionerImpl = {
  async run(use, comm, env, signal) {
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
      // Set for ansible only; what the spec passes in ansible_env_vars comes on top.
      const sshEnv: NodeJS.ProcessEnv = {};
      if (conn.type === 'ssh') {
        const o = conn.options;
        hostVars.ansible_host = o.host;
        hostVars.ansible_port = String(o.port);
        hostVars.ansible_user = String(c.user ?? o.username);
        // The machines' keys as the build verified them: Ansible's ssh is held to the same.
        const knownHosts = join(dir, 'known_hosts');
        const verified = knowsHosts(comm) ? await comm.knownHosts(signal) : '';
        if (!verified)
          throw new BuildError(
            "the ansible provisioner could not learn the machine's host key from the build's connection",
            'pin it with ssh_host_key or ssh_known_hosts_file',
          );
        writeFileSync(knownHosts, verified, { mode: 0o600 });
        // Ansible's ssh shares connections through control sockets; ones of this run only, so
        // no connection another run opened (to another machine at this address) is reused.
        sshEnv.ANSIBLE_SSH_CONTROL_PATH_DIR = join(dir, 'cp');
        const hostKeyArgs = `-o StrictHostKeyChecking=yes -o UserKnownHostsFile=${knownHosts} -o GlobalKnownHostsFile=/dev/null`;
        const sshArgs = [hostKeyArgs];
        // With agent auth the agent's keys must be offered, so identities are not limited.
        if (!o.agent) sshArgs.push('-o IdentitiesOnly=yes');
        else sshEnv.SSH_AUTH_SOCK = o.agent;
        if (o.privateKey !== undefined) {
          const keyFile = join(dir, 'key');
          writeFileSync(keyFile, o.privateKey.toString().trimEnd() + '\n', { mode: 0o600 });
          hostVars.ansible_ssh_private_key_file = keyFile;
          if (o.passphrase) {
            // ssh asks SSH_ASKPASS for the key's passphrase; that program reads it from a
            // 0600 file, so it is never on a command line nor in an environment.
            const secret = join(dir, 'passphrase');
            const askpass = join(dir, 'askpass');
            writeFileSync(secret, o.passphrase, { mode: 0o600 });
            writeFileSync(
              askpass,
              `#!/bin/sh\ncase "$1" in *"${keyFile}'"*) exec cat '${secret}' ;; esac\nexit 1\n`,
              { mode: 0o700 },
            );
            sshEnv.SSH_ASKPASS = askpass;
            sshEnv.SSH_ASKPASS_REQUIRE = 'force';
            sshEnv.DISPLAY = process.env.DISPLAY ?? ':0';
          }
        } else if (o.password !== undefined) {
          hostVars.ansible_password = o.password;
        }
        if (o.bastion?.agent && !o.agent) sshEnv.SSH_AUTH_SOCK = o.bastion.agent;
        if (o.bastion) {
          if (o.bastion.password !== undefined && o.bastion.privateKey === undefined) {
            throw new BuildError(
              'ansible cannot pass a password to a bastion host',
              'give the bastion a private key (ssh_bastion_private_key_file) or use an agent',
            );
          }
          let proxy = `-o ProxyCommand="ssh -W %h:%p -p ${o.bastion.port} ${hostKeyArgs}${o.bastion.agent ? '' : ' -o IdentitiesOnly=yes'}`;
          if (o.bastion.privateKey !== undefined) {
            const bkey = join(dir, 'bastion-key');
            writeFileSync(bkey, o.bastion.privateKey.toString().trimEnd() + '\n', { mode: 0o600 });
            proxy += ` -i ${bkey}`;
          }
          sshArgs.push(`${proxy} ${o.bastion.username}@${o.bastion.host}"`);
        }
        hostVars.ansible_ssh_common_args = sshArgs.join(' ');
        if (c.use_sftp === true) hostVars.ansible_ssh_transfer_method = 'sftp';
        // sftp -s runs the command on the machine as its sftp server when it holds a "/";
        // a bare name would be read as a subsystem, so env finds it on the PATH, as a
        // shell would.
        if (typeof c.sftp_command === 'string') {
          const server = c.sftp_command.trim();
          sshEnv.ANSIBLE_SFTP_EXTRA_ARGS = `-s ${shQuote(server.includes('/') ? server : `/usr/bin/env ${server}`)}`;
        }
      } else {
        if (typeof c.sftp_command === 'string')
          throw new BuildError(
            'sftp_command is for a machine reached over SSH; Ansible reaches this container through the docker connection',
            'remove sftp_command',
          );
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
        ...sshEnv,
        ANSIBLE_HOST_KEY_CHECKING: 'True',
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
      // The spec's own inventory first: where both name the machine, bake's (read last) wins.
      const own =
        typeof c.inventory_file === 'string' ? ['-i', resolve(env.specDir, c.inventory_file)] : [];
      const args = [
        ...own,
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

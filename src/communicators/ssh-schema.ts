/** The ssh_* settings (Packer's names) every builder that reaches a machine over SSH shares. */
import { resolve } from 'node:path';
import { Field, opt, s } from '../spec/schema';

export const sshFields: Record<string, Field> = {
  ssh_host: opt(s.string(), 'address of the machine (host name or IP)', undefined, '192.0.2.10'),
  ssh_port: opt(s.int(1, 65535), 'TCP port of sshd on the machine', 22),
  ssh_username: opt(s.string(), 'user to log in as', undefined, 'admin'),
  ssh_password: opt(
    s.string(),
    'password to log in with; use a sensitive variable',
    undefined,
    '${var.ssh_password}',
  ),
  ssh_private_key_file: opt(s.string(), 'private key (RSA, ECDSA or ed25519; OpenSSH or PEM)'),
  ssh_private_key: opt(s.string(), 'private key content, e.g. from a sensitive variable'),
  ssh_private_key_passphrase: opt(
    s.string(),
    'passphrase of an encrypted private key; use a sensitive variable',
  ),
  ssh_agent_auth: opt(s.bool(), 'authenticate with the agent at SSH_AUTH_SOCK', false),
  ssh_timeout: opt(s.duration(), 'how long to keep trying to connect', '5m'),
  ssh_handshake_attempts: opt(
    s.int(1, 1000),
    'authentication failures tolerated while the machine boots',
    10,
  ),
  ssh_keep_alive_interval: opt(
    s.duration(),
    'how often to send keep-alives on an idle connection',
    '5s',
  ),
  ssh_pty: opt(s.bool(), 'request a pseudo-terminal', false),
  ssh_host_key: opt(s.string(), 'pinned host key: SHA256:... fingerprint or a public key line'),
  ssh_known_hosts_file: opt(s.string(), 'known_hosts file to check the host key against'),
  ssh_bastion_host: opt(s.string(), 'jump host'),
  ssh_bastion_port: opt(s.int(1, 65535), 'TCP port of sshd on the jump host', 22),
  ssh_bastion_username: opt(s.string(), 'user on the jump host (default: ssh_username)'),
  ssh_bastion_password: opt(s.string(), 'password on the jump host; use a sensitive variable'),
  ssh_bastion_private_key_file: opt(s.string(), 'private key file for the jump host'),
  ssh_bastion_agent_auth: opt(
    s.bool(),
    'authenticate to the jump host with the agent at SSH_AUTH_SOCK',
  ),
  ssh_file_transfer_method: opt(
    s.enum(['stream', 'scp', 'sftp']),
    "stream: a file into the machine's cat and a directory into its tar, one command each (SFTP where they are missing); scp: Packer's name for the same; sftp: every transfer over SFTP, for accounts allowed nothing else",
    'stream',
  ),
  pause_before_connecting: opt(s.duration(), 'wait before the first connection attempt'),
};

/** For builders that give the machine its key: Packer's ssh_clear_authorized_keys. */
export const clearKeyField: Record<string, Field> = {
  ssh_clear_authorized_keys: opt(
    s.bool(),
    "before the image is made, remove the key bake gave the machine from the login user's (and root's) authorized_keys",
    false,
  ),
};

/** The local files the ssh_* settings name (keys, known_hosts), for validation and fingerprints. */
export function sshLocalInputs(c: Record<string, unknown>, specDir: string): string[] {
  return ['ssh_private_key_file', 'ssh_bastion_private_key_file', 'ssh_known_hosts_file']
    .map((k) => c[k])
    .filter((v): v is string => typeof v === 'string')
    .map((v) => resolve(specDir, v));
}

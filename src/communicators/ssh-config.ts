/**
 * The ssh_* settings every builder that reaches a machine over SSH shares (Packer's names),
 * and their translation into SshOptions.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ssh2 from 'ssh2';
import { parseDuration } from '../spec/schema';
import { BuildError } from '../engine/errors';
import { addSecret } from '../util/redact';
import type { SshEndpoint, SshOptions } from './ssh';

function readKey(path: string, specDir: string, what: string): Buffer {
  const full = resolve(specDir, path);
  try {
    return readFileSync(full);
  } catch (e) {
    throw new BuildError(
      `${what} ${path} cannot be read: ${(e as NodeJS.ErrnoException).code}`,
      `paths are relative to the spec's directory (${specDir})`,
    );
  }
}

function checkKey(key: Buffer | string, passphrase: string | undefined, what: string): void {
  const parsed = ssh2.utils.parseKey(key, passphrase);
  if (parsed instanceof Error) {
    const enc = /encrypted|passphrase/i.test(parsed.message);
    throw new BuildError(
      `${what} is not a usable private key: ${parsed.message}`,
      enc
        ? 'set ssh_private_key_passphrase'
        : 'use an OpenSSH or PEM private key (RSA, ECDSA or ed25519)',
    );
  }
}

/** Reads the ssh_* settings; `host` and `username` may come from the builder instead. */
export function sshOptions(
  c: Record<string, unknown>,
  specDir: string,
  over: Partial<SshEndpoint> = {},
): SshOptions {
  const host = over.host ?? (c.ssh_host as string | undefined);
  const username = over.username ?? (c.ssh_username as string | undefined);
  if (!host) throw new BuildError('no SSH host', 'set ssh_host');
  if (!username) throw new BuildError('no SSH user', 'set ssh_username');
  const passphrase = c.ssh_private_key_passphrase as string | undefined;
  let privateKey: Buffer | string | undefined = over.privateKey;
  if (privateKey === undefined && typeof c.ssh_private_key === 'string')
    privateKey = c.ssh_private_key;
  if (privateKey === undefined && typeof c.ssh_private_key_file === 'string')
    privateKey = readKey(c.ssh_private_key_file, specDir, 'ssh_private_key_file');
  if (privateKey !== undefined) {
    checkKey(privateKey, passphrase, 'the SSH private key');
    addSecret(privateKey.toString());
  }
  const password = over.password ?? (c.ssh_password as string | undefined);
  if (password) addSecret(password);
  if (passphrase) addSecret(passphrase);
  const agent = c.ssh_agent_auth === true ? process.env.SSH_AUTH_SOCK : undefined;
  if (c.ssh_agent_auth === true && !agent)
    throw new BuildError(
      'ssh_agent_auth is set but SSH_AUTH_SOCK is not',
      'start an agent (eval $(ssh-agent)) and add the key (ssh-add)',
    );
  if (password === undefined && privateKey === undefined && !agent) {
    throw new BuildError(
      'no SSH credentials',
      'set ssh_password, ssh_private_key_file, ssh_private_key or ssh_agent_auth',
    );
  }
  let bastion: SshEndpoint | undefined;
  if (typeof c.ssh_bastion_host === 'string') {
    const bk =
      typeof c.ssh_bastion_private_key_file === 'string'
        ? readKey(c.ssh_bastion_private_key_file, specDir, 'ssh_bastion_private_key_file')
        : undefined;
    if (bk) checkKey(bk, undefined, 'the bastion private key');
    if (typeof c.ssh_bastion_password === 'string') addSecret(c.ssh_bastion_password);
    bastion = {
      host: c.ssh_bastion_host,
      port: Number(c.ssh_bastion_port ?? 22),
      username: String(c.ssh_bastion_username ?? username),
      password: c.ssh_bastion_password as string | undefined,
      privateKey: bk,
      agent: c.ssh_bastion_agent_auth === true ? process.env.SSH_AUTH_SOCK : undefined,
    };
  }
  return {
    host,
    port: Number(over.port ?? c.ssh_port ?? 22),
    username,
    password,
    privateKey,
    passphrase,
    agent,
    timeoutMs: parseDuration(c.ssh_timeout ?? '5m') ?? 300_000,
    handshakeAttempts: Number(c.ssh_handshake_attempts ?? 10),
    keepAliveMs: parseDuration(c.ssh_keep_alive_interval ?? '5s') ?? 5000,
    pty: c.ssh_pty === true,
    transfer: c.ssh_file_transfer_method === 'sftp' ? 'sftp' : 'stream',
    hostKey: c.ssh_host_key as string | undefined,
    knownHostsFile:
      typeof c.ssh_known_hosts_file === 'string'
        ? resolve(specDir, c.ssh_known_hosts_file)
        : undefined,
    bastion,
  };
}

/** A temporary key pair for one build: ed25519 by default, or RSA (3072 bits). */
export function temporaryKeyPair(
  type: 'ed25519' | 'rsa' = 'ed25519',
  comment = 'bake-temporary',
): { privateKey: string; publicKey: string } {
  if (type === 'rsa') {
    const pair = ssh2.utils.generateKeyPairSync('rsa', { bits: 3072, comment });
    addSecret(pair.private);
    return { privateKey: pair.private, publicKey: pair.public };
  }
  const pair = ed25519OpenSsh(comment);
  addSecret(pair.privateKey);
  return pair;
}

/**
 * An ed25519 key in OpenSSH's own format, written from the raw halves Node's crypto gives.
 * (ssh2's generator drops leading zero bytes of the public key, so about one key in 128
 * came out 31 bytes long and neither ssh2 nor OpenSSH could read it.)
 */
function ed25519OpenSsh(comment: string): { privateKey: string; publicKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const seed = Buffer.from(jwk.d!, 'base64url');
  const str = (b: Buffer | string) => {
    const data = typeof b === 'string' ? Buffer.from(b) : b;
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, data]);
  };
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n >>> 0);
    return b;
  };
  const blob = Buffer.concat([str('ssh-ed25519'), str(pub)]);
  const check = randomBytes(4).readUInt32BE();
  let secret = Buffer.concat([
    u32(check),
    u32(check),
    str('ssh-ed25519'),
    str(pub),
    str(Buffer.concat([seed, pub])),
    str(comment),
  ]);
  const pad = (8 - (secret.length % 8)) % 8;
  secret = Buffer.concat([secret, Buffer.from(Array.from({ length: pad }, (_, i) => i + 1))]);
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    str('none'),
    str('none'),
    str(''),
    u32(1),
    str(blob),
    str(secret),
  ]).toString('base64');
  const lines = body.match(/.{1,70}/g)!.join('\n');
  return {
    privateKey: `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines}\n-----END OPENSSH PRIVATE KEY-----\n`,
    publicKey: `ssh-ed25519 ${blob.toString('base64')} ${comment}`,
  };
}

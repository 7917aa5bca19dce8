/**
 * SSH communicator on ssh2: one connection per build, reused by every provisioner and
 * re-established after a reboot. Connects in a loop until ssh_timeout, surviving refused
 * connections, unreachable hosts and banner timeouts while a machine boots; stops early
 * when the credentials are plainly wrong.
 */
import { createHash, createHmac } from 'node:crypto';
import {
  chmodSync,
  createReadStream,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import ssh2 from 'ssh2';
import type { Client, ClientChannel, ConnectConfig, SFTPWrapper } from 'ssh2';
import * as tar from 'tar-stream';
import { extractInto, packDirectory, writeBatched } from './tar';
import {
  Communicator,
  ExecOptions,
  ExecResult,
  LineSplitter,
  UploadOptions,
  shQuote,
  tailKeeper,
} from './communicator';
import { BuildError } from '../engine/errors';
import { raceSignal, sleep, withTimeout } from '../engine/steps';

export interface SshEndpoint {
  host: string;
  port: number;
  username: string;
  password?: string;
  privateKey?: string | Buffer;
  passphrase?: string;
  agent?: string;
}

export interface SshOptions extends SshEndpoint {
  timeoutMs: number;
  handshakeAttempts: number;
  keepAliveMs: number;
  pty: boolean;
  /**
   * `stream` (the default): a file streams into `cat` and a directory into `tar` on the
   * machine, one command each, falling back to SFTP where the tool is missing. `sftp`: every
   * transfer over the SFTP subsystem (accounts that may only use SFTP).
   */
  transfer?: 'stream' | 'sftp';
  /** A pinned host key: "SHA256:base64" fingerprint or an OpenSSH public key line. */
  hostKey?: string;
  knownHostsFile?: string;
  bastion?: SshEndpoint;
  log?: (line: string) => void;
}

/** The connection dropped while a command ran (a reboot, a network blip). */
export class DisconnectedError extends Error {
  constructor(message = 'the SSH connection dropped') {
    super(message);
    this.name = 'DisconnectedError';
  }
}

export function fingerprint(key: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(key).digest('base64').replace(/=+$/, '');
}

function keyBlobOf(line: string): Buffer | undefined {
  const parts = line.trim().split(/\s+/);
  for (const p of parts) {
    if (/^AAAA[0-9A-Za-z+/]+=*$/.test(p)) return Buffer.from(p, 'base64');
  }
  return undefined;
}

/** Host keys a known_hosts file lists for host:port (plain entries; hashed ones too). */
export function knownHostKeys(file: string, host: string, port: number): Buffer[] {
  const names = port === 22 ? [host, `[${host}]:22`] : [`[${host}]:${port}`];
  const out: Buffer[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const [hosts, ...rest] = t.split(/\s+/);
    const matches = hosts.split(',').some((h) => {
      if (h.startsWith('|1|')) {
        const [, , salt, hash] = h.split('|');
        return salt !== undefined && names.some((n) => hmacMatches(salt, n, hash));
      }
      return names.includes(h);
    });
    if (!matches) continue;
    const blob = keyBlobOf(rest.join(' '));
    if (blob) out.push(blob);
  }
  return out;
}

function hmacMatches(salt: string, name: string, hash: string): boolean {
  return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
}

function describeConnectError(e: Error & { code?: string; level?: string }): string {
  if (e.level === 'client-authentication') return 'authentication failed';
  switch (e.code) {
    case 'ECONNREFUSED':
      return 'connection refused (sshd not listening yet?)';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'no route to host';
    case 'ETIMEDOUT':
      return 'connection timed out';
    case 'ECONNRESET':
      return 'connection reset';
    default:
      return e.message;
  }
}

/** Connects once; resolves with a ready client or rejects with ssh2's error. */
function connectOnce(cfg: ConnectConfig, signal: AbortSignal): Promise<Client> {
  return new Promise((res, rej) => {
    const client = new ssh2.Client();
    const onAbort = () => {
      client.destroy();
      rej(signal.reason instanceof Error ? signal.reason : new Error('cancelled'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    client.once('ready', () => {
      signal.removeEventListener('abort', onAbort);
      res(client);
    });
    // ssh2 may emit several errors for one failure (and more after `ready`); an emitter
    // without a listener would throw them at the process, so one stays attached for good.
    client.on('error', (e) => {
      signal.removeEventListener('abort', onAbort);
      client.destroy();
      rej(e);
    });
    client.connect(cfg);
    // Nagle's algorithm holds each small request (a channel open, then its exec) until the
    // previous one is acknowledged, and the server delays that ACK: ~85 ms per command.
    client.setNoDelay(true);
  });
}

export class SshCommunicator implements Communicator {
  private client?: Client;
  private bastion?: Client;
  private sftpSession?: SFTPWrapper;
  /** Whether the machine has each tool a stream transfer needs (`cat`, `tar`); unknown until tried. */
  private readonly hasTool = new Map<string, boolean>();
  /** The host key each endpoint (target, bastion) proved, by `host:port`; held for the build. */
  private readonly hostKeys = new Map<string, Buffer>();

  constructor(private readonly o: SshOptions) {}

  describe(): string {
    const via = this.o.bastion
      ? ` -J ${this.o.bastion.username}@${this.o.bastion.host}:${this.o.bastion.port}`
      : '';
    return `ssh${via} -p ${this.o.port} ${this.o.username}@${this.o.host}`;
  }

  /**
   * Checks a host key: against the pin (ssh_host_key, the target only), else the known_hosts
   * file (the target and the bastion alike), else trust on first use: the first key an
   * endpoint shows is logged, and every later connection of the build is held to it.
   */
  private hostVerifier(host: string, port: number, pin?: string) {
    const id = `${host}:${port}`;
    return (key: Buffer): boolean => {
      const fp = fingerprint(key);
      let ok: boolean;
      if (pin) {
        const want = pin.trim();
        const blob = keyBlobOf(want);
        ok = blob ? blob.equals(key) : want.replace(/=+$/, '') === fp;
      } else if (this.o.knownHostsFile) {
        ok = knownHostKeys(this.o.knownHostsFile, host, port).some((k) => k.equals(key));
      } else {
        const first = this.hostKeys.get(id);
        if (!first)
          this.o.log?.(
            `host key of ${host}:${port} is ${fp}${id === `${this.o.host}:${this.o.port}` ? ' (pin it with ssh_host_key)' : ''}`,
          );
        ok = !first || first.equals(key);
      }
      if (!ok) {
        this.o.log?.(`host key of ${host}:${port} (${fp}) is not the expected one; not connecting`);
        return false;
      }
      this.hostKeys.set(id, Buffer.from(key));
      return true;
    };
  }

  /**
   * The host keys this communicator verified, as known_hosts lines, so another SSH client
   * (Ansible) can hold the same machines to the same keys. Connects first if it has not.
   */
  async knownHosts(signal: AbortSignal): Promise<string> {
    await this.ready(signal);
    const lines: string[] = [];
    for (const [id, key] of this.hostKeys) {
      const cut = id.lastIndexOf(':');
      const host = id.slice(0, cut);
      const port = Number(id.slice(cut + 1));
      const type = key.length > 4 ? key.subarray(4, 4 + key.readUInt32BE(0)).toString() : '';
      lines.push(`${port === 22 ? host : `[${host}]:${port}`} ${type} ${key.toString('base64')}`);
    }
    return lines.join('\n') + (lines.length ? '\n' : '');
  }

  private auth(e: SshEndpoint): Partial<ConnectConfig> {
    return {
      username: e.username,
      ...(e.password !== undefined ? { password: e.password } : {}),
      ...(e.privateKey !== undefined ? { privateKey: e.privateKey, passphrase: e.passphrase } : {}),
      ...(e.agent ? { agent: e.agent } : {}),
      tryKeyboard: e.password !== undefined,
    };
  }

  /** Connects (again) within ssh_timeout, or the given budget after a reboot. */
  async connect(signal: AbortSignal, budgetMs = this.o.timeoutMs): Promise<void> {
    const deadline = Date.now() + budgetMs;
    let authFailures = 0;
    let lastError: string;
    let wait = 250;
    for (let attempt = 1; ; attempt++) {
      if (signal.aborted)
        throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
      try {
        await this.connectThroughBastion(
          signal,
          Math.max(1000, Math.min(20_000, deadline - Date.now())),
        );
        if (attempt > 1)
          this.o.log?.(`connected to ${this.o.host}:${this.o.port} after ${attempt} attempts`);
        return;
      } catch (e) {
        if (signal.aborted) throw e;
        const err = e as Error & { code?: string; level?: string };
        lastError = describeConnectError(err);
        if (err.level === 'client-authentication') {
          authFailures++;
          if (authFailures >= this.o.handshakeAttempts) {
            throw new BuildError(
              `SSH authentication as "${this.o.username}" on ${this.o.host}:${this.o.port} failed ${authFailures} times`,
              this.o.password !== undefined
                ? 'check ssh_username and ssh_password'
                : 'check ssh_username and that the private key matches an authorized key on the machine',
            );
          }
        }
        if (err instanceof BuildError) throw err;
        if (Date.now() + wait > deadline) {
          throw new BuildError(
            `could not connect to ${this.o.host}:${this.o.port} over SSH within ${Math.round(budgetMs / 1000)}s (${attempt} attempts); last error: ${lastError}`,
            lastError.startsWith('connection refused')
              ? 'the machine answers but sshd does not: is it installed and started?'
              : lastError.startsWith('no route') || lastError.includes('timed out')
                ? 'the address is not reachable from here: check the network, security group / firewall and ssh_interface'
                : 'raise ssh_timeout if the machine boots slowly',
          );
        }
        if (attempt === 1 || attempt % 10 === 0)
          this.o.log?.(`waiting for SSH on ${this.o.host}:${this.o.port}: ${lastError}`);
        await sleep(wait, signal);
        wait = Math.min(wait * 2, 2000);
      }
    }
  }

  private async connectThroughBastion(signal: AbortSignal, readyTimeout: number): Promise<void> {
    this.closeQuietly();
    const common: Partial<ConnectConfig> = {
      readyTimeout,
      keepaliveInterval: this.o.keepAliveMs,
      keepaliveCountMax: 3,
      algorithms: {
        // Ciphers whose work OpenSSL does first (ssh2 runs without its native addon here);
        // GCM first: one OpenSSL call per packet where CTR needs a cipher and an HMAC
        // (100 MiB into cat: 0.68 s against 0.78 s).
        cipher: [
          'aes128-gcm@openssh.com',
          'aes256-gcm@openssh.com',
          'aes128-ctr',
          'aes256-ctr',
          'chacha20-poly1305@openssh.com',
        ],
        hmac: [
          'hmac-sha2-256-etm@openssh.com',
          'hmac-sha2-512-etm@openssh.com',
          'hmac-sha2-256',
          'hmac-sha2-512',
        ],
        serverHostKey: [
          'ssh-ed25519',
          'ecdsa-sha2-nistp256',
          'ecdsa-sha2-nistp384',
          'ecdsa-sha2-nistp521',
          'rsa-sha2-512',
          'rsa-sha2-256',
          'ssh-rsa',
        ],
      },
    };
    let sock: ConnectConfig['sock'];
    if (this.o.bastion) {
      const b = this.o.bastion;
      this.bastion = await connectOnce(
        {
          ...common,
          host: b.host,
          port: b.port,
          ...this.auth(b),
          hostVerifier: this.hostVerifier(b.host, b.port),
        } as ConnectConfig,
        signal,
      );
      sock = await new Promise((res, rej) =>
        this.bastion!.forwardOut('127.0.0.1', 0, this.o.host, this.o.port, (err, stream) =>
          err ? rej(err) : res(stream),
        ),
      );
    }
    this.client = await connectOnce(
      {
        ...common,
        ...(sock ? { sock } : { host: this.o.host, port: this.o.port }),
        ...this.auth(this.o),
        hostVerifier: this.hostVerifier(this.o.host, this.o.port, this.o.hostKey),
      } as ConnectConfig,
      signal,
    );
    this.client.on('error', () => undefined);
    this.client.on('close', () => {
      this.client = undefined;
      this.sftpSession = undefined;
    });
  }

  private async ready(signal: AbortSignal): Promise<Client> {
    if (!this.client) await this.connect(signal);
    return this.client!;
  }

  async exec(command: string, o: ExecOptions): Promise<ExecResult> {
    const client = await this.ready(o.signal);
    const tail = tailKeeper();
    const out = new LineSplitter((l) => (tail.push(l), o.onStdout?.(l)));
    const err = new LineSplitter((l) => (tail.push(l), o.onStderr?.(l)));
    const envPrefix =
      o.env && Object.keys(o.env).length
        ? Object.entries(o.env)
            .map(([k, v]) => `${k}=${shQuote(v)}`)
            .join(' ') + ' '
        : '';
    const full = envPrefix ? `export ${envPrefix.trim()}; ${command}` : command;
    const code = await raceSignal(
      new Promise<number>((resolveCode, rejectCode) => {
        const onClose = () => rej(new DisconnectedError());
        const res = (c: number) => {
          client.off('close', onClose);
          resolveCode(c);
        };
        const rej = (e: Error) => {
          client.off('close', onClose);
          rejectCode(e);
        };
        client.once('close', onClose);
        client.exec(full, this.o.pty ? { pty: true } : {}, (e, stream: ClientChannel) => {
          if (e) return rej(e);
          let exitCode: number | undefined;
          stream.on('data', (d: Buffer) => out.write(d));
          stream.stderr.on('data', (d: Buffer) => err.write(d));
          stream.on('exit', (c: number | null, sig?: string) => {
            exitCode = c ?? (sig ? 128 : -1);
          });
          stream.on('close', () => {
            out.end();
            err.end();
            if (exitCode === undefined) rej(new DisconnectedError());
            else res(exitCode);
          });
        });
      }),
      o.signal,
    );
    return { exitCode: code, tail: tail.lines };
  }

  private async sftp(signal: AbortSignal): Promise<SFTPWrapper> {
    const client = await this.ready(signal);
    if (this.sftpSession) return this.sftpSession;
    this.sftpSession = await new Promise<SFTPWrapper>((res, rej) =>
      client.sftp((e, s) => (e ? rej(e) : res(s))),
    );
    return this.sftpSession;
  }

  /**
   * Runs a command that reads or writes a stream (`tool` is `cat` or `tar`) in one exec that
   * first checks the tool is there. `wire` feeds or drains the channel (what it returns is
   * awaited before the result; if it fails, the channel is closed and its error returned).
   * Returns undefined, and remembers it, when the machine has no such tool: the transfer
   * then uses SFTP. Never used with `ssh_file_transfer_method: sftp`.
   */
  private async streamExec(
    tool: 'cat' | 'tar',
    script: string,
    wire: (stream: ClientChannel) => Promise<unknown> | void,
    signal: AbortSignal,
  ): Promise<{ code: number; stderr: string; error?: unknown } | undefined> {
    if (this.o.transfer === 'sftp' || this.hasTool.get(tool) === false) return undefined;
    const client = await this.ready(signal);
    const r = await raceSignal(
      new Promise<{ code: number; stderr: string; error?: unknown }>((res, rej) => {
        client.exec(`command -v ${tool} >/dev/null 2>&1 || exit 127; ${script}`, (e, stream) => {
          if (e) return rej(e);
          let code = -1;
          let stderr = '';
          let error: unknown;
          stream.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          stream.on('exit', (c: number) => (code = c));
          // A channel the remote closed early (no such tool) must not fail the transfer.
          stream.on('error', () => undefined);
          const wired = Promise.resolve(wire(stream)).catch((err: unknown) => {
            error = err;
            // Half a stream must not look like a whole one: close without EOF.
            stream.close();
          });
          stream.on('close', () => void wired.then(() => res({ code, stderr, error })));
        });
      }),
      signal,
    );
    const has = !(r.code === 127 && !r.stderr.trim());
    this.hasTool.set(tool, has);
    return has ? r : undefined;
  }

  /**
   * Writes a stream to a remote file with `cat`, the file created private and given its mode
   * once complete: no SFTP subsystem to start, no request per chunk. Returns false when the
   * machine has no cat (or transfers are set to SFTP).
   */
  private async catInto(
    remotePath: string,
    mode: number,
    source: () => AsyncIterable<Buffer>,
    what: string,
    signal: AbortSignal,
  ): Promise<boolean> {
    const q = shQuote(remotePath);
    const r = await this.streamExec(
      'cat',
      `(umask 077 && exec cat > ${q}) && chmod ${(mode & 0o7777).toString(8).padStart(4, '0')} ${q}`,
      (stream) => {
        stream.on('data', () => undefined);
        return writeBatched(source(), stream);
      },
      signal,
    );
    if (!r) return false;
    const why = streamFailure(r, 'cat');
    if (why) throw new BuildError(`upload of ${what} to ${remotePath} failed: ${why}`);
    return true;
  }

  async upload(
    localPath: string,
    remotePath: string,
    signal: AbortSignal,
    opts: UploadOptions = {},
  ): Promise<void> {
    const src = resolve(localPath);
    const st = lstatSync(src);
    if (!st.isDirectory()) {
      const read = () =>
        createReadStream(src, { highWaterMark: 1 << 20 }) as unknown as AsyncIterable<Buffer>;
      if (await this.catInto(remotePath, st.mode, read, localPath, signal)) return;
      const sftp = await this.sftp(signal);
      await raceSignal(
        new Promise<void>((res, rej) =>
          sftp.fastPut(
            src,
            remotePath,
            { concurrency: 64, chunkSize: 32768, mode: st.mode & 0o7777 },
            (e) => (e ? rej(e) : res()),
          ),
        ),
        signal,
      );
      return;
    }
    const contentsOnly = localPath.endsWith('/');
    const into = posix.join(remotePath, posix.basename(src));
    const decide = !contentsOnly && opts.intoExisting === true;
    let target = contentsOnly ? remotePath : into;
    {
      // One tar stream into `tar -x`, in one exec that also makes the directory: far fewer
      // round trips than a file-by-file walk.
      const pack = tar.pack();
      const packing = packDirectory(pack, src, '').then(
        () => pack.finalize(),
        (e: Error) => pack.destroy(e),
      );
      // Packer's rule, decided by the same command: into an existing directory, else as it.
      const q = decide ? '"$t"' : shQuote(target);
      const pick = decide
        ? `if [ -d ${shQuote(remotePath)} ]; then t=${shQuote(into)}; else t=${shQuote(remotePath)}; fi; echo "$t" >&2; `
        : '';
      const r = await this.streamExec(
        'tar',
        `${pick}mkdir -p ${q} && exec tar -x -m -f - -C ${q}`,
        (stream) => {
          stream.on('data', () => undefined);
          return writeBatched(pack as unknown as AsyncIterable<Buffer>, stream);
        },
        signal,
      );
      // The pack was read to its end only when tar took it all.
      if (r && r.code === 0 && !r.error) await packing;
      else pack.destroy();
      if (r && decide) {
        // The first line tar's command wrote to stderr is where it chose to extract.
        const landed = r.stderr.split('\n')[0];
        r.stderr = r.stderr.split('\n').slice(1).join('\n');
        if (landed) target = landed;
      }
      if (r) {
        const why = streamFailure(r, 'tar');
        if (why) throw new BuildError(`upload of ${localPath} to ${target} failed: ${why}`);
        return;
      }
    }
    const sftp = await this.sftp(signal);
    if (decide && !(await sftpIsDirectory(sftp, remotePath))) target = remotePath;
    await sftpMkdirs(sftp, target);
    await sftpWalkUpload(sftp, src, target, signal);
  }

  async uploadContent(
    content: Buffer | string,
    remotePath: string,
    mode: number,
    signal: AbortSignal,
  ): Promise<void> {
    const buf = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const once = async function* () {
      yield buf;
    };
    if (await this.catInto(remotePath, mode, once, 'content', signal)) return;
    const sftp = await this.sftp(signal);
    await raceSignal(
      new Promise<void>((res, rej) =>
        sftp.writeFile(remotePath, buf, { mode }, (e) => (e ? rej(e) : res())),
      ),
      signal,
    );
  }

  async download(remotePath: string, localPath: string, signal: AbortSignal): Promise<void> {
    const sftp = await this.sftp(signal);
    const st = await new Promise<{ isDirectory(): boolean; mode: number }>((res, rej) =>
      sftp.stat(remotePath, (e, s) =>
        e ? rej(new BuildError(`${remotePath} not found on the machine: ${e.message}`)) : res(s),
      ),
    );
    const target = resolve(localPath);
    if (!st.isDirectory()) {
      mkdirSync(dirname(target), { recursive: true });
      await raceSignal(
        new Promise<void>((res, rej) =>
          sftp.fastGet(remotePath, target, { concurrency: 64, chunkSize: 32768 }, (e) =>
            e ? rej(e) : res(),
          ),
        ),
        signal,
      );
      return;
    }
    mkdirSync(target, { recursive: true });
    {
      // One tar stream out of `tar -c`, unless the machine has no tar.
      const extract = extractInto(target, (header) =>
        header.name.replace(/^\.\/?/, '').replace(/\/$/, ''),
      );
      const r = await this.streamExec(
        'tar',
        `exec tar -c -f - -C ${shQuote(remotePath)} .`,
        (stream) => pipeline(stream as unknown as Readable, extract),
        signal,
      );
      if (r) {
        const why = streamFailure(r, 'tar');
        if (why) throw new BuildError(`download of ${remotePath} failed: ${why}`);
        return;
      }
    }
    await sftpWalkDownload(sftp, remotePath, target, signal);
  }

  /** After a restart command: wait until the connection drops, then reconnect. */
  async awaitRestart(signal: AbortSignal, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.client) {
      if (Date.now() > deadline)
        throw new BuildError(
          `the machine did not go down within ${Math.round(timeoutMs / 1000)}s of the restart command`,
          'check restart_command (it must reboot the machine)',
        );
      // A no-op command notices a dead connection quickly (and keep-alives do the rest).
      const probe = withTimeout(signal, 3000);
      try {
        await this.exec('true', { signal: probe.signal });
        await sleep(500, signal);
      } catch (e) {
        if (signal.aborted) throw e;
        this.closeQuietly();
      } finally {
        probe.clear();
      }
    }
    this.o.log?.('the machine went down; waiting for it to come back');
    await this.connect(signal, Math.max(1000, deadline - Date.now()));
  }

  private closeQuietly(): void {
    try {
      this.client?.end();
    } catch {
      // already closed
    }
    try {
      this.bastion?.end();
    } catch {
      // already closed
    }
    this.client = undefined;
    this.bastion = undefined;
    this.sftpSession = undefined;
  }

  close(): void {
    this.closeQuietly();
  }
}

async function sftpWalkUpload(
  sftp: SFTPWrapper,
  dir: string,
  remote: string,
  signal: AbortSignal,
): Promise<void> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const s = lstatSync(p);
    const r = posix.join(remote, name);
    if (s.isDirectory()) {
      await sftpMkdir(sftp, r, s.mode & 0o7777);
      await sftpWalkUpload(sftp, p, r, signal);
    } else if (s.isSymbolicLink()) {
      // As a tar upload keeps it: the link itself, pointing where it pointed here.
      const target = readlinkSync(p);
      await new Promise<void>((res, rej) =>
        sftp.symlink(target, r, (e) =>
          e ? rej(new Error(`cannot make the link ${r} -> ${target}: ${e.message}`)) : res(),
        ),
      );
    } else if (s.isFile()) {
      await raceSignal(
        new Promise<void>((res, rej) =>
          sftp.fastPut(p, r, { mode: s.mode & 0o7777 }, (e) => (e ? rej(e) : res())),
        ),
        signal,
      );
    }
  }
}

/**
 * Why a stream transfer failed, or undefined when it did not: the machine's own words first
 * (a refused path closes the stream under the sender too), then the local error.
 */
function streamFailure(
  r: { code: number; stderr: string; error?: unknown },
  tool: string,
): string | undefined {
  if (r.code === 0 && !r.error) return undefined;
  if (r.code !== 0 && r.stderr.trim()) return r.stderr.trim();
  if (r.error) return (r.error as Error).message;
  return `the machine's ${tool} exited with code ${r.code}`;
}

function sftpIsDirectory(sftp: SFTPWrapper, path: string): Promise<boolean> {
  return new Promise((res) => sftp.stat(path, (e, st) => res(!e && st.isDirectory())));
}

/** `mkdir -p` over SFTP: every missing directory of an absolute or relative path. */
async function sftpMkdirs(sftp: SFTPWrapper, path: string): Promise<void> {
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const p = parts.slice(0, i).join('/');
    if (!p || p === '.') continue;
    await sftpMkdir(sftp, p, 0o755);
  }
}

/** Makes a remote directory; one that is already there is fine, any other failure is said. */
function sftpMkdir(sftp: SFTPWrapper, path: string, mode: number): Promise<void> {
  return new Promise<void>((res, rej) =>
    sftp.mkdir(path, { mode }, (e) => {
      if (!e) return res();
      sftp.stat(path, (se, st) =>
        !se && st.isDirectory()
          ? res()
          : rej(new Error(`cannot make the directory ${path}: ${e.message}`)),
      );
    }),
  );
}

async function sftpWalkDownload(
  sftp: SFTPWrapper,
  remote: string,
  dir: string,
  signal: AbortSignal,
): Promise<void> {
  const list = await new Promise<{ filename: string; attrs: { mode: number } }[]>((res, rej) =>
    sftp.readdir(remote, (e, l) => (e ? rej(e) : res(l))),
  );
  for (const { filename, attrs } of list.sort((a, b) => a.filename.localeCompare(b.filename))) {
    const r = posix.join(remote, filename);
    const p = join(dir, filename);
    const type = attrs.mode & 0o170000;
    if (type === 0o040000) {
      mkdirSync(p, { recursive: true, mode: attrs.mode & 0o7777 });
      await sftpWalkDownload(sftp, r, p, signal);
    } else if (type === 0o100000) {
      await raceSignal(
        new Promise<void>((res, rej) => sftp.fastGet(r, p, (e) => (e ? rej(e) : res()))),
        signal,
      );
      chmodSync(p, attrs.mode & 0o7777);
    } else if (type === 0o120000) {
      const target = await new Promise<string>((res, rej) =>
        sftp.readlink(r, (e, t) => (e ? rej(e) : res(t))),
      );
      rmSync(p, { force: true });
      symlinkSync(target, p);
    }
  }
}

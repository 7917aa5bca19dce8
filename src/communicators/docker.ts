/**
 * Talks to a build container through the Docker API: exec with demultiplexed, live output,
 * and file transfer as tar streams (no temporary copies, modes kept).
 */
import { lstatSync } from 'node:fs';
import { posix, relative, resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import * as tar from 'tar-stream';
import { extractInto, packDirectory, packFile } from './tar';
import {
  Communicator,
  ExecOptions,
  ExecResult,
  LineSplitter,
  tailKeeper,
  UploadOptions,
} from './communicator';
import { raceSignal } from '../engine/steps';

/** The text of a non-TTY container's log: frames of an 8-byte header and a payload. */
function demux(b: Buffer): string {
  let out = '';
  for (let i = 0; i + 8 <= b.length;) {
    const size = b.readUInt32BE(i + 4);
    out += b.subarray(i + 8, i + 8 + size).toString('utf8');
    i += 8 + size;
  }
  return out;
}

/** The build container's own command ended, so nothing more can run in it. */
export class ContainerStoppedError extends Error {
  /** Trying again cannot help. */
  readonly permanent = true;
  readonly hint =
    'the command of the build container must keep running (an interactive shell: run_command ["-d", "-i", "-t", "{{.Image}}", "/bin/sh"], or cmd: [sleep, infinity])';
  constructor(message: string) {
    super(message);
    this.name = 'ContainerStoppedError';
  }
}

export interface DockerCommunicatorOptions {
  execUser?: string;
  fixUploadOwner: boolean;
  /** Environment for every command; kept out of the container's config and so the image. */
  env?: Record<string, string>;
}

/** Where to extract an archive and the entry name of a file in it. */
function placement(remotePath: string): [string, string] {
  if (posix.isAbsolute(remotePath)) return ['/', posix.normalize(remotePath).replace(/^\/+/, '')];
  return [posix.dirname(remotePath), posix.basename(remotePath)];
}

export class DockerCommunicator implements Communicator {
  private owner?: { uid: number; gid: number };

  constructor(
    private readonly docker: Docker,
    private readonly container: Docker.Container,
    private readonly opts: DockerCommunicatorOptions,
  ) {}

  describe(): string {
    return `docker exec -it ${this.container.id.slice(0, 12)} /bin/sh`;
  }

  async exec(command: string, o: ExecOptions): Promise<ExecResult> {
    const exec = await this.container
      .exec({
        Cmd: ['/bin/sh', '-c', command],
        AttachStdout: true,
        AttachStderr: true,
        User: this.opts.execUser ?? '',
        Env: Object.entries({ ...this.opts.env, ...o.env }).map(([k, v]) => `${k}=${v}`),
      })
      .catch((e: unknown) => this.stopped(e));
    const stream = await exec.start({ hijack: true, stdin: false });
    const tail = tailKeeper();
    const out = new LineSplitter((l) => {
      tail.push(l);
      o.onStdout?.(l);
    });
    const err = new LineSplitter((l) => {
      tail.push(l);
      o.onStderr?.(l);
    });
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    stdout.on('data', (c: Buffer) => out.write(c));
    stderr.on('data', (c: Buffer) => err.write(c));
    this.docker.modem.demuxStream(stream, stdout, stderr);
    const done = new Promise<void>((res, rej) => {
      stream.on('end', res);
      stream.on('close', res);
      stream.on('error', rej);
    });
    try {
      await raceSignal(done, o.signal);
    } finally {
      if (o.signal.aborted) stream.destroy();
    }
    out.end();
    err.end();
    const info = await exec.inspect();
    return { exitCode: info.ExitCode ?? -1, tail: tail.lines };
  }

  /** Docker's 409 for a stopped container, as what happened: its command ended. */
  private async stopped(e: unknown): Promise<never> {
    if ((e as { statusCode?: number }).statusCode !== 409) throw e;
    const info = await this.container.inspect().catch(() => undefined);
    if (!info || info.State?.Running) throw e;
    const cmd = [...(info.Config?.Entrypoint ?? []), ...(info.Config?.Cmd ?? [])].join(' ');
    const logs = await this.container
      .logs({ stdout: true, stderr: true, tail: 5 })
      .then((b) => (info.Config?.Tty ? b.toString('utf8') : demux(b)).trim())
      .catch(() => '');
    throw new ContainerStoppedError(
      `the build container has stopped: its command (${cmd || 'the image default'}) exited with code ${info.State?.ExitCode ?? '?'}${logs ? `; its last output: ${logs.split('\n').slice(-3).join(' | ')}` : ''}`,
    );
  }

  private async uploadOwner(
    signal: AbortSignal,
  ): Promise<{ uid: number; gid: number } | undefined> {
    if (!this.opts.fixUploadOwner || !this.opts.execUser) return undefined;
    if (this.owner) return this.owner;
    let text = '';
    const r = await this.exec('echo "$(id -u) $(id -g)"', { signal, onStdout: (l) => (text += l) });
    const [uid, gid] = text.trim().split(' ').map(Number);
    if (r.exitCode === 0 && Number.isInteger(uid) && Number.isInteger(gid))
      this.owner = { uid, gid };
    return this.owner;
  }

  /**
   * Whether a path in the container is a directory, from the engine's stat of it (one HEAD
   * request, no exec); a symbolic link is followed by `test -d`.
   */
  private async isDirectory(path: string, signal: AbortSignal): Promise<boolean> {
    let res: { headers?: Record<string, string>; resume?: () => void };
    try {
      res = (await raceSignal(
        this.container.infoArchive({ path }) as Promise<typeof res>,
        signal,
      )) as typeof res;
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode === 404) return false;
      throw e;
    }
    res.resume?.();
    const header = res.headers?.['x-docker-container-path-stat'];
    const stat = header
      ? (JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as {
          mode?: number;
          linkTarget?: string;
        })
      : undefined;
    if (stat && !stat.linkTarget && typeof stat.mode === 'number')
      // Go's os.ModeDir is the top bit of the 32-bit mode.
      return (stat.mode & 0x80000000) !== 0;
    const q = `'${path.replace(/'/g, `'\\''`)}'`;
    return (await this.exec(`test -d ${q}`, { signal })).exitCode === 0;
  }

  async upload(
    localPath: string,
    remotePath: string,
    signal: AbortSignal,
    opts: UploadOptions = {},
  ): Promise<void> {
    const src = resolve(localPath);
    const st = lstatSync(src);
    if (
      st.isDirectory() &&
      opts.intoExisting === true &&
      !localPath.endsWith('/') &&
      !(await this.isDirectory(remotePath, signal))
    )
      // Packer's rule: a directory becomes a destination that does not exist yet.
      return this.upload(src + '/', remotePath, signal);
    const owner = await this.uploadOwner(signal);
    const pack = tar.pack();
    let extractTo: string;
    let name: string;
    if (st.isDirectory()) {
      // Like Packer: "dir/" uploads the contents into remotePath, "dir" uploads dir itself.
      const contentsOnly = localPath.endsWith('/');
      const base = contentsOnly ? remotePath : posix.join(remotePath, posix.basename(src));
      extractTo = '/';
      const rootInTar = base.replace(/^\/+/, '');
      void packDirectory(pack, src, rootInTar, owner).then(
        () => pack.finalize(),
        (e: Error) => pack.destroy(e),
      );
    } else {
      // An absolute path goes in as a full path from /: the daemon creates missing parent
      // directories itself, which saves a `mkdir -p` round trip.
      [extractTo, name] = placement(remotePath);
      void packFile(pack, src, name, st.mode, st.size, owner).then(
        () => pack.finalize(),
        (e: Error) => pack.destroy(e),
      );
    }
    await this.ensureDir(extractTo, signal);
    await raceSignal(
      this.container.putArchive(pack as unknown as Readable, { path: extractTo }),
      signal,
    );
  }

  private ensureDirCache = new Set<string>(['/', '/tmp']);
  private async ensureDir(dir: string, signal: AbortSignal): Promise<void> {
    if (this.ensureDirCache.has(dir)) return;
    const r = await this.exec(`mkdir -p '${dir.replace(/'/g, `'\\''`)}'`, { signal });
    if (r.exitCode !== 0)
      throw new Error(`cannot create ${dir} in the container: ${r.tail.join(' ')}`);
    this.ensureDirCache.add(dir);
  }

  async uploadContent(
    content: Buffer | string,
    remotePath: string,
    mode: number,
    signal: AbortSignal,
  ): Promise<void> {
    const owner = await this.uploadOwner(signal);
    const pack = tar.pack();
    const buf = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const [dir, name] = placement(remotePath);
    pack.entry({ name, mode, size: buf.length, ...(owner ?? {}) }, buf);
    pack.finalize();
    await this.ensureDir(dir, signal);
    await raceSignal(this.container.putArchive(pack as unknown as Readable, { path: dir }), signal);
  }

  async download(
    remotePath: string,
    localPath: string,
    signal: AbortSignal,
    depth = 0,
  ): Promise<void> {
    const stream = (await raceSignal(
      this.container.getArchive({ path: remotePath }),
      signal,
    )) as NodeJS.ReadableStream;
    const target = resolve(localPath);
    let first: string | undefined;
    let rootLink: string | undefined;
    // The archive's root is the remote file or directory itself.
    const extract = extractInto(target, (header) => {
      const name = header.name.replace(/\/$/, '');
      first ??= name;
      if (name === first && header.type === 'symlink') rootLink = header.linkname ?? '';
      return relative(first ?? name, name);
    });
    await raceSignal(pipeline(stream as Readable, extract), signal);
    if (rootLink !== undefined) {
      // A link as the thing asked for (like /etc/os-release): fetch what it points to.
      if (depth > 8) throw new Error(`${remotePath}: too many levels of symbolic links`);
      const real = rootLink.startsWith('/')
        ? rootLink
        : posix.join(posix.dirname(remotePath), rootLink);
      await this.download(real, localPath, signal, depth + 1);
    }
  }
}

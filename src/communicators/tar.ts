/** Tar streams for uploads and downloads, shared by the communicators. */
import {
  createReadStream,
  createWriteStream,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar-stream';

/**
 * A tar extractor that writes files and directories (modes kept) under `target`.
 * `relativeName` maps an entry to its path below target ('' for target itself), or
 * undefined to skip it. Nothing is ever written outside target, whatever the archive says.
 */
export function extractInto(
  target: string,
  relativeName: (header: tar.Header) => string | undefined,
): tar.Extract {
  const extract = tar.extract();
  extract.on('entry', (header, body, next) => {
    const rel = relativeName(header);
    const out = rel ? join(target, rel) : target;
    const inside =
      rel !== undefined &&
      !rel.startsWith('..') &&
      (out === target || out.startsWith(target + '/'));
    if (inside && header.type === 'directory') {
      mkdirSync(out, { recursive: true, mode: header.mode });
    } else if (inside && header.type === 'file') {
      mkdirSync(dirname(out), { recursive: true });
      pipeline(body, createWriteStream(out, { mode: header.mode })).then(() => next(), next);
      return;
    }
    body.resume();
    next();
  });
  return extract;
}

export interface Owner {
  uid: number;
  gid: number;
}

/** Files up to this size go into the archive from memory, without a stream each. */
const SMALL = 256 * 1024;

/** Streams one local file into the archive as `name`, mode kept. */
export function packFile(
  pack: tar.Pack,
  path: string,
  name: string,
  mode: number,
  size: number,
  owner?: Owner,
): Promise<void> {
  const header = { name, mode: mode & 0o7777, size, ...(owner ?? {}) };
  if (size <= SMALL) {
    // A read stream (or an async read) per small file costs more than the file itself.
    const data = readFileSync(path);
    if (data.length !== size)
      return Promise.reject(new Error(`${path} changed while it was being packed`));
    pack.entry(header, data);
    return Promise.resolve();
  }
  return new Promise((res, rej) => {
    const entry = pack.entry(header, (err) => (err ? rej(err) : res()));
    createReadStream(path).on('error', rej).pipe(entry);
  });
}

/**
 * Adds a local directory's tree under `prefix` (an entry for prefix itself when it is not
 * empty), modes kept, symlinks as links, in a stable order.
 */
export async function packDirectory(
  pack: tar.Pack,
  dir: string,
  prefix: string,
  owner?: Owner,
): Promise<void> {
  if (prefix)
    pack.entry({
      name: prefix + '/',
      type: 'directory',
      mode: lstatSync(dir).mode & 0o7777,
      ...(owner ?? {}),
    });
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const s = lstatSync(p);
    const inTar = prefix ? `${prefix}/${name}` : name;
    if (s.isDirectory()) await packDirectory(pack, p, inTar, owner);
    else if (s.isSymbolicLink())
      pack.entry({ name: inTar, type: 'symlink', linkname: readlinkSync(p), ...(owner ?? {}) });
    else if (s.isFile()) await packFile(pack, p, inTar, s.mode, s.size, owner);
  }
}

/**
 * Copies a stream into a writable in batches of up to `max` bytes: one SSH packet run per
 * batch instead of one per tar header, body and padding. Respects backpressure.
 */
export async function writeBatched(
  from: AsyncIterable<Buffer>,
  to: NodeJS.WritableStream,
  max = 512 * 1024,
): Promise<void> {
  let parts: Buffer[] = [];
  let size = 0;
  // A stream the other end closed never drains again: stop instead of waiting for good.
  let closed = false;
  const onClose = () => (closed = true);
  to.once('close', onClose);
  const flush = async () => {
    if (!size) return;
    if (closed) throw new Error('the other end closed the stream');
    const ok = to.write(parts.length === 1 ? parts[0] : Buffer.concat(parts, size));
    parts = [];
    size = 0;
    if (!ok)
      await new Promise<void>((res, rej) => {
        const drained = () => (to.off('close', gone), res());
        const gone = () => (
          to.off('drain', drained),
          rej(new Error('the other end closed the stream'))
        );
        to.once('drain', drained);
        to.once('close', gone);
      });
  };
  for await (const chunk of from) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= max) await flush();
  }
  await flush();
  to.off('close', onClose);
  to.end();
}

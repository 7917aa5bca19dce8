/** Unpacking a downloaded tar stream into a local directory, shared by the communicators. */
import { createWriteStream, mkdirSync } from 'node:fs';
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

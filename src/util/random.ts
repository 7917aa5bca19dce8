/**
 * Random bytes and identifiers without loading node:crypto at start-up (about 8 ms of every
 * command's start, measured with `node --cpu-prof`): read from the kernel's /dev/urandom,
 * with node:crypto where there is none. `nodeCrypto()` is node:crypto itself, loaded on first use.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** node:crypto, loaded when something first needs it. */
export function nodeCrypto(): typeof import('node:crypto') {
  return process.getBuiltinModule('node:crypto');
}

export function randomBytes(n: number): Buffer {
  let fd: number;
  try {
    fd = openSync('/dev/urandom', 'r');
  } catch {
    return nodeCrypto().randomBytes(n);
  }
  try {
    const b = Buffer.alloc(n);
    for (let got = 0; got < n;) got += readSync(fd, b, got, n - got, null);
    return b;
  } finally {
    closeSync(fd);
  }
}

/** A random (version 4) UUID. */
export function randomUuid(): string {
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

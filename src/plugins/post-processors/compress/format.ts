/** The archive a compress output name asks for, as Packer reads it: by its extension. */
import * as zlib from 'node:zlib';

export type ArchiveFormat = 'tar.gz' | 'tar.zst' | 'tar' | 'gz' | 'zip';

export function archiveFormat(output: string): ArchiveFormat | undefined {
  if (/\.(tar\.gz|tgz)$/.test(output)) return 'tar.gz';
  if (/\.tar\.zst$/.test(output)) return 'tar.zst';
  if (/\.tar$/.test(output)) return 'tar';
  if (/\.gz$/.test(output)) return 'gz';
  if (/\.zip$/.test(output)) return 'zip';
  return undefined;
}

/** zstd is in Node's zlib from Node 22.15 on. */
export const hasZstd = (): boolean =>
  typeof (zlib as unknown as { createZstdCompress?: unknown }).createZstdCompress === 'function';

import * as tar from 'tar-stream';
/**
 * A tar extractor that writes files and directories (modes kept) under `target`.
 * `relativeName` maps an entry to its path below target ('' for target itself), or
 * undefined to skip it. Nothing is ever written outside target, whatever the archive says.
 */
export declare function extractInto(target: string, relativeName: (header: tar.Header) => string | undefined): tar.Extract;
export interface Owner {
    uid: number;
    gid: number;
}
/** Streams one local file into the archive as `name`, mode kept. */
export declare function packFile(pack: tar.Pack, path: string, name: string, mode: number, size: number, owner?: Owner): Promise<void>;
/**
 * Adds a local directory's tree under `prefix` (an entry for prefix itself when it is not
 * empty), modes kept, symlinks as links, in a stable order.
 */
export declare function packDirectory(pack: tar.Pack, dir: string, prefix: string, owner?: Owner): Promise<void>;
/**
 * Copies a stream into a writable in batches of up to `max` bytes: one SSH packet run per
 * batch instead of one per tar header, body and padding. Respects backpressure.
 */
export declare function writeBatched(from: AsyncIterable<Buffer>, to: NodeJS.WritableStream, max?: number): Promise<void>;

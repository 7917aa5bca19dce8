import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, resolve } from 'node:path';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import * as tar from 'tar-stream';
import { BuildError, PostProcessorImpl } from '../../../engine/context';
import { raceSignal } from '../../../engine/steps';
import { fill } from '../template';
import { archiveFormat } from './format';

export const compress: PostProcessorImpl = {
  async run(use, input, env, signal) {
    if (!input.files?.length)
      throw new BuildError(
        'compress needs an artifact with files',
        'use it after export_path or docker-save',
      );
    const path = resolve(
      env.specDir,
      fill(String(use.config.output), {
        BuildName: env.instance.name,
        BuilderType: env.instance.type,
      }),
    );
    const format = archiveFormat(path)!;
    if (format === 'gz' && input.files.length > 1)
      throw new BuildError(
        `${basename(path)} is one gzip stream, but the artifact has ${input.files.length} files`,
        'name the output .tar.gz to pack them together',
      );
    mkdirSync(dirname(path), { recursive: true });
    const level = use.config.compression_level as number | undefined;
    const partial = `${path}.partial`;
    try {
      if (format === 'zip') await writeZip(input.files, partial, level ?? 6, signal);
      else if (format === 'gz')
        await raceSignal(
          pipeline(
            createReadStream(input.files[0]),
            zlib.createGzip({ level: level ?? 6 }),
            createWriteStream(partial),
          ),
          signal,
        );
      else await writeTar(input.files, partial, format, level, signal);
      renameSync(partial, path);
    } catch (e) {
      rmSync(partial, { force: true });
      throw e;
    }
    env.out('info', `compressed ${input.files.length} file(s) into ${path} (${format})`);
    return {
      artifact: {
        id: path,
        builderType: input.builderType,
        files: [path],
        description: `archive ${path}`,
        destroy: async () => rmSync(path, { force: true }),
      },
    };
  },
};

async function writeTar(
  files: string[],
  out: string,
  format: 'tar' | 'tar.gz' | 'tar.zst',
  level: number | undefined,
  signal: AbortSignal,
): Promise<void> {
  const pack = tar.pack();
  const stages: NodeJS.ReadWriteStream[] =
    format === 'tar.gz'
      ? [zlib.createGzip({ level: level ?? 6 })]
      : format === 'tar.zst'
        ? [zstd(level)]
        : [];
  const done = raceSignal(
    pipeline([pack as unknown as NodeJS.ReadableStream, ...stages, createWriteStream(out)]),
    signal,
  );
  for (const f of files) {
    const st = statSync(f);
    await new Promise<void>((res, rej) => {
      const entry = pack.entry(
        { name: basename(f), size: st.size, mode: st.mode & 0o777, mtime: st.mtime },
        (e) => (e ? rej(e) : res()),
      );
      createReadStream(f).on('error', rej).pipe(entry);
    });
  }
  pack.finalize();
  await done;
}

function zstd(level: number | undefined): NodeJS.ReadWriteStream {
  const z = zlib as unknown as {
    createZstdCompress: (o: object) => NodeJS.ReadWriteStream;
    constants: Record<string, number>;
  };
  return z.createZstdCompress(
    level === undefined ? {} : { params: { [z.constants.ZSTD_c_compressionLevel]: level } },
  );
}

/**
 * A zip written as a stream: each file deflated with a data descriptor after it, then the
 * central directory. Files are at most 4 GiB (no zip64).
 */
async function writeZip(
  files: string[],
  out: string,
  level: number,
  signal: AbortSignal,
): Promise<void> {
  const sink = createWriteStream(out);
  let offset = 0;
  const write = async (b: Buffer) => {
    offset += b.length;
    if (!sink.write(b)) await once(sink, 'drain');
  };
  const central: Buffer[] = [];
  const dosTime = (d: Date) => {
    const time = (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2);
    const date = ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
    return { time, date };
  };
  try {
    for (const f of files) {
      const st = statSync(f);
      if (st.size >= 0xffffffff)
        throw new BuildError(`${f} is 4 GiB or more, beyond a zip without zip64`, 'use .tar.gz');
      const name = Buffer.from(basename(f));
      const { time, date } = dosTime(st.mtime);
      const start = offset;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4); // version needed
      local.writeUInt16LE(0x0808, 6); // data descriptor follows; names are UTF-8
      local.writeUInt16LE(8, 8); // deflate
      local.writeUInt16LE(time, 10);
      local.writeUInt16LE(date, 12);
      local.writeUInt16LE(name.length, 26);
      await write(Buffer.concat([local, name]));
      let crc = 0;
      let size = 0;
      let csize = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _e, cb) {
          crc = zlib.crc32(chunk, crc);
          size += chunk.length;
          cb(null, chunk);
        },
      });
      const into = new Writable({
        write(chunk: Buffer, _e, cb) {
          csize += chunk.length;
          write(chunk).then(() => cb(), cb);
        },
      });
      await raceSignal(
        pipeline(createReadStream(f), measure, zlib.createDeflateRaw({ level }), into),
        signal,
      );
      const desc = Buffer.alloc(16);
      desc.writeUInt32LE(0x08074b50, 0);
      desc.writeUInt32LE(crc >>> 0, 4);
      desc.writeUInt32LE(csize, 8);
      desc.writeUInt32LE(size, 12);
      await write(desc);
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(0x0808, 8);
      c.writeUInt16LE(8, 10);
      c.writeUInt16LE(time, 12);
      c.writeUInt16LE(date, 14);
      c.writeUInt32LE(crc >>> 0, 16);
      c.writeUInt32LE(csize, 20);
      c.writeUInt32LE(size, 24);
      c.writeUInt16LE(name.length, 28);
      c.writeUInt32LE(((st.mode & 0o777) | 0o100000) * 0x10000, 38); // Unix mode, regular file
      c.writeUInt32LE(start, 42);
      central.push(Buffer.concat([c, name]));
    }
    const cdStart = offset;
    for (const c of central) await write(c);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(central.length, 8);
    end.writeUInt16LE(central.length, 10);
    end.writeUInt32LE(offset - cdStart, 12);
    end.writeUInt32LE(cdStart, 16);
    await write(end);
  } finally {
    sink.end();
    await once(sink, 'close');
  }
}

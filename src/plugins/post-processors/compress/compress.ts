import { createReadStream, createWriteStream, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import * as tar from 'tar-stream';
import { BuildError, PostProcessorImpl } from '../../../engine/context';
import { raceSignal } from '../../../engine/steps';
import { fill } from '../template';

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
    mkdirSync(dirname(path), { recursive: true });
    const pack = tar.pack();
    const level = Number(use.config.compression_level ?? 6);
    const done = raceSignal(pipeline(pack, createGzip({ level }), createWriteStream(path)), signal);
    for (const f of input.files) {
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
    env.out('info', `compressed ${input.files.length} file(s) into ${path}`);
    return {
      artifact: {
        id: path,
        builderType: input.builderType,
        files: [path],
        description: `archive ${path}`,
      },
    };
  },
};

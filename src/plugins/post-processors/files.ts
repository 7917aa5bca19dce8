import { createHash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  statSync,
  writeFileSync,
  renameSync,
} from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import * as tar from 'tar-stream';
import { BuildError, PostProcessorImpl } from '../../engine/context';
import { raceSignal } from '../../engine/steps';

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (m, k: string) => vars[k] ?? m);
}

async function hashFile(path: string, algo: string): Promise<string> {
  const h = createHash(algo);
  await pipeline(createReadStream(path), h);
  return h.digest('hex');
}

export const checksum: PostProcessorImpl = {
  async run(use, input, env) {
    if (!input.files?.length)
      throw new BuildError(
        'checksum needs an artifact with files',
        'use it after export_path, docker-save or compress',
      );
    const types = (use.config.checksum_types as string[] | undefined) ?? ['sha256'];
    const out: string[] = [];
    for (const t of types) {
      const path = resolve(
        env.specDir,
        fill(String(use.config.output ?? '{{.BuildName}}_{{.ChecksumType}}.checksum'), {
          BuildName: env.instance.name,
          BuilderType: env.instance.type,
          ChecksumType: t,
        }),
      );
      mkdirSync(dirname(path), { recursive: true });
      const lines: string[] = [];
      for (const f of input.files) lines.push(`${await hashFile(f, t)}\t${basename(f)}`);
      writeFileSync(path + '.tmp', lines.join('\n') + '\n');
      renameSync(path + '.tmp', path);
      out.push(path);
      env.out('info', `${t} checksums written to ${path}`);
    }
    return { artifact: { ...input, files: [...input.files, ...out] }, keepInput: true };
  },
};

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

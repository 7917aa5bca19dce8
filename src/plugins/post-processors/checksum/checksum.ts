import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { BuildError, PostProcessorImpl } from '../../../engine/context';
import { fill } from '../template';
import { hashFile } from '../../../util/hash-file';

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

import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { PostProcessorImpl } from '../../../engine/context';
import { raceSignal } from '../../../engine/steps';
import { requireImage } from '../docker-image';

export const dockerSave: PostProcessorImpl = {
  async run(use, input, env, signal) {
    requireImage(input.id, 'docker-save');
    const path = resolve(env.specDir, String(use.config.path));
    mkdirSync(dirname(path), { recursive: true });
    const gzip = use.config.compress === true || path.endsWith('.gz');
    const stream = (await env
      .docker()
      .getImage(input.tags?.[0] ?? input.id)
      .get()) as NodeJS.ReadableStream;
    if (gzip) await raceSignal(pipeline(stream, createGzip(), createWriteStream(path)), signal);
    else await raceSignal(pipeline(stream, createWriteStream(path)), signal);
    env.out('info', `saved ${input.tags?.[0] ?? input.id} to ${path}`);
    return {
      artifact: {
        id: path,
        builderType: input.builderType,
        files: [path],
        description: `image saved to ${path}`,
        destroy: async () => rmSync(path, { force: true }),
      },
    };
  },
};

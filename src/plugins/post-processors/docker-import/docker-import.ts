import { createReadStream } from 'node:fs';
import type { PostProcessorImpl } from '../../../engine/context';
import { BuildError } from '../../../engine/context';
import { raceSignal } from '../../../engine/steps';
import { validateChanges } from '../../builders/docker/builder';

export const dockerImport: PostProcessorImpl = {
  async run(use, input, env, signal) {
    const tar = (input.files ?? []).find((f) => /\.tar$/.test(f)) ?? input.files?.[0];
    if (!tar)
      throw new BuildError(
        `docker-import needs a tar file, got "${input.id}"`,
        'use it after a docker builder with export_path',
      );
    const repo = String(use.config.repository);
    const tag = String(use.config.tag ?? 'latest');
    const changes = (use.config.changes as string[] | undefined) ?? [];
    validateChanges(changes);
    const docker = env.docker();
    const stream = (await docker.importImage(createReadStream(tar), {
      repo,
      tag,
      ...(changes.length ? { changes } : {}),
      ...(typeof use.config.platform === 'string' ? { platform: use.config.platform } : {}),
    })) as NodeJS.ReadableStream;
    await raceSignal(
      new Promise<void>((res, rej) =>
        docker.modem.followProgress(stream, (e: Error | null) => (e ? rej(e) : res())),
      ),
      signal,
    );
    const { Id: id } = await docker.getImage(`${repo}:${tag}`).inspect();
    // In the ledger the moment it is known, and done at once: it is this chain's result,
    // kept on purpose (the build reports it as its artifact).
    const entry = env.ledger.add(
      env.instance.name,
      'docker-image',
      { id },
      `image ${id.slice(7, 19)}`,
    );
    env.ledger.done(entry);
    env.out('info', `imported ${tar} as ${repo}:${tag} (${id})`);
    return {
      artifact: {
        id,
        builderType: input.builderType,
        tags: [`${repo}:${tag}`],
        description: `image ${id} imported from ${tar} as ${repo}:${tag}`,
        destroy: async () => {
          await docker
            .getImage(id)
            .remove({ force: true })
            .catch((e: { statusCode?: number }) => {
              if (e.statusCode !== 404) throw e;
            });
        },
      },
    };
  },
};

import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { BuildError, PostProcessorImpl } from '../../engine/context';
import { followProgress, ProgressError } from '../builders/docker/builder';
import { raceSignal } from '../../engine/steps';
import { addSecret } from '../../util/redact';

function requireImage(id: string, type: string): void {
  if (!id.startsWith('sha256:'))
    throw new BuildError(
      `${type} needs a Docker image artifact, got "${id}"`,
      'use it after a docker builder with commit: true',
    );
}

export const dockerTag: PostProcessorImpl = {
  async run(use, input, env) {
    requireImage(input.id, 'docker-tag');
    const repo = String(use.config.repository);
    const tags = (use.config.tags as string[] | undefined) ?? ['latest'];
    const image = env.docker().getImage(input.id);
    const added: string[] = [];
    for (const tag of tags) {
      if (!/^[\w][\w.-]{0,127}$/.test(tag))
        throw new BuildError(
          `"${tag}" is not a valid Docker tag`,
          'tags use letters, digits, _, . and -, up to 128 characters',
        );
      await image.tag({ repo, tag });
      added.push(`${repo}:${tag}`);
      env.out('info', `tagged ${repo}:${tag}`);
    }
    return {
      artifact: {
        ...input,
        tags: [...(input.tags ?? []), ...added],
        description: `image ${input.id} tagged ${added.join(', ')}`,
      },
      keepInput: true,
    };
  },
};

function registryOf(ref: string): string {
  const first = ref.split('/')[0];
  return ref.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
    ? first
    : 'docker.io';
}

export const dockerPush: PostProcessorImpl = {
  async run(use, input, env, signal) {
    requireImage(input.id, 'docker-push');
    const c = use.config;
    if (!input.tags?.length)
      throw new BuildError(
        'docker-push has no tag to push',
        'put a docker-tag post-processor before it in the same chain',
      );
    const docker = env.docker();
    const username = (c.login_username as string | undefined) ?? process.env.BAKE_REGISTRY_USERNAME;
    const password = (c.login_password as string | undefined) ?? process.env.BAKE_REGISTRY_PASSWORD;
    if (password) addSecret(password);
    const digests: string[] = [];
    for (const ref of input.tags) {
      const at = ref.lastIndexOf(':');
      const repo = ref.slice(0, at);
      const tag = ref.slice(at + 1);
      const authconfig =
        c.login === true || username
          ? {
              username,
              password,
              serveraddress: (c.login_server as string | undefined) ?? registryOf(ref),
            }
          : undefined;
      env.out('info', `pushing ${ref}`);
      const stream = (await docker
        .getImage(repo)
        .push({ tag, ...(authconfig ? { authconfig } : {}) })) as NodeJS.ReadableStream;
      let digest: string | undefined;
      try {
        await followProgress<{ aux?: { Digest?: string } }>(docker, stream, signal, (ev) => {
          if (ev.aux?.Digest) digest = ev.aux.Digest;
        });
      } catch (e) {
        if (!(e instanceof ProgressError)) throw e;
        throw new BuildError(
          `push of ${ref} failed: ${e.message}`,
          'check the registry address and credentials (login_username/login_password or BAKE_REGISTRY_USERNAME/PASSWORD)',
        );
      }
      if (!digest) throw new BuildError(`push of ${ref} reported no digest`);
      digests.push(`${repo}@${digest}`);
      env.out('info', `pushed ${repo}@${digest}`);
    }
    return {
      artifact: { ...input, digests: [...(input.digests ?? []), ...digests] },
      keepInput: true,
    };
  },
};

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
      },
    };
  },
};

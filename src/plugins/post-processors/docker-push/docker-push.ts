import { BuildError, PostProcessorImpl } from '../../../engine/context';
import { followProgress, ProgressError } from '../../builders/docker/builder';
import { addSecret } from '../../../util/redact';
import { requireImage } from '../docker-image';

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

import type { PostProcessorImpl } from '../../../engine/context';
import { BuildError } from '../../../engine/context';
import { requireImage } from '../docker-image';

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
      if (use.config.force === false) {
        // Docker moves a tag silently; force: false asks bake not to.
        const held = await env
          .docker()
          .getImage(`${repo}:${tag}`)
          .inspect()
          .catch(() => undefined);
        if (held && held.Id !== input.id)
          throw new BuildError(
            `${repo}:${tag} already names another image (${held.Id.slice(7, 19)}) and force is false`,
            'remove force: false to move the tag, or choose another tag',
          );
      }
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

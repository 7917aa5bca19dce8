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

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { BuildError, PostProcessorImpl } from '../../../engine/context';

/**
 * The files become the artifact. They are not bake's to remove: a later post-processor that
 * replaces this artifact leaves them where they are. The artifact it was handed is removed
 * unless keep_input_artifact is set, as in Packer.
 */
export const artifice: PostProcessorImpl = {
  async run(use, input, env) {
    const files = (use.config.files as string[]).map((f) => resolve(env.specDir, f));
    if (!files.length)
      throw new BuildError('artifice has no files', `list the files at ${use.at ?? use.path}`);
    for (const [i, f] of files.entries()) {
      const st = statSync(f, { throwIfNoEntry: false });
      if (!st?.isFile())
        throw new BuildError(
          `artifice: ${f} ${st ? 'is not a file' : 'does not exist'}`,
          `files[${i}] at ${use.at ?? use.path}: a provisioner (file with direction: download) or a shell-local step makes it before the post-processors run`,
        );
    }
    env.out('info', `the artifact is now ${files.length} file(s): ${files.join(', ')}`);
    return {
      artifact: {
        id: files.join(','),
        builderType: input.builderType,
        files,
        description: `files ${files.join(', ')}`,
      },
    };
  },
};

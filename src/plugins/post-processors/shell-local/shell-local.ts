import type { PostProcessorImpl } from '../../../engine/context';
import { shellLocal } from '../../provisioners/shell-local/shell-local';

/** The shell-local provisioner's runner, told what the build made; the artifact passes on. */
export const shellLocalPost: PostProcessorImpl = {
  async run(use, input, env, signal) {
    const config = {
      ...use.config,
      env: {
        ...((use.config.env as Record<string, string> | undefined) ?? {}),
        BAKE_ARTIFACT_ID: input.id,
        BAKE_ARTIFACT_FILES: (input.files ?? []).join(' '),
      },
    };
    await shellLocal.run(
      { ...use, config, pauseBeforeMs: 0, maxRetries: 0 },
      undefined,
      env,
      signal,
    );
    return { artifact: input, keepInput: true };
  },
};

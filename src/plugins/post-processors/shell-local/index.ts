/** The shell-local post-processor (Packer's name): commands on this machine after a build. */
import type { PostProcessorDescriptor } from '../../api';
import { shellLocalProvisioner, shellLocalSchema } from '../../provisioners/shell-local';

export const shellLocalPostProcessor: PostProcessorDescriptor = {
  kind: 'post-processor',
  type: 'shell-local',
  description:
    'run commands on the machine running bake, with the artifact in BAKE_ARTIFACT_ID and BAKE_ARTIFACT_FILES; hands the artifact on',
  schema: shellLocalSchema,
  accepts: 'any',
  produces: 'same',
  localInputs: shellLocalProvisioner.localInputs,
  load: async () => (await import('./shell-local')).shellLocalPost,
};

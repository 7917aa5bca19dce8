/** The artifice post-processor (Packer's name): its settings, and its implementation behind load(). */
import type { PostProcessorDescriptor } from '../../api';
import { req, s } from '../../../spec/schema';

export const artificePostProcessor: PostProcessorDescriptor = {
  kind: 'post-processor',
  type: 'artifice',
  description:
    'make files on this machine the artifact (e.g. what a file provisioner downloaded), for the post-processors after it',
  schema: s.object({
    files: req(s.list(s.string()), "the files, relative to the spec's folder; each must exist", [
      'out/rootfs.tar',
    ]),
  }),
  accepts: 'any',
  produces: 'files',
  load: async () => (await import('./artifice')).artifice,
};

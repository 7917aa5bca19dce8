/** The docker-save post-processor (Packer's name): its settings, and its implementation behind load(). */
import type { PostProcessorDescriptor } from '../../api';
import { opt, req, s } from '../../../spec/schema';

export const dockerSavePostProcessor: PostProcessorDescriptor = {
  kind: 'post-processor',
  type: 'docker-save',
  description: 'save the image to a tar file',
  schema: s.object({
    path: req(s.string(), 'output tar file (.tar or .tar.gz)', 'out/image.tar'),
    compress: opt(s.bool(), 'gzip the tar (implied by a .gz name)'),
  }),
  accepts: ['docker-image'],
  produces: 'files',
  needs: { docker: true },
  load: async () => (await import('./docker-save')).dockerSave,
};

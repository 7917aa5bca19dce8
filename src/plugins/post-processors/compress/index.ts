/** The compress post-processor (Packer's name): its settings, and its implementation behind load(). */
import type { PostProcessorDescriptor } from '../../api';
import { opt, req, s } from '../../../spec/schema';

export const compressPostProcessor: PostProcessorDescriptor = {
  kind: 'post-processor',
  type: 'compress',
  description: 'pack the files a build produced into a .tar.gz',
  schema: s.object({
    output: req(s.string(), 'output archive, e.g. out/{{.BuildName}}.tar.gz'),
    compression_level: opt(s.int(1, 9), undefined, 6),
  }),
  accepts: ['files'],
  produces: 'files',
  load: async () => (await import('./compress')).compress,
};

/** The manifest post-processor (Packer's name): its settings, and its implementation behind load(). */
import type { PostProcessorDescriptor } from '../../api';
import { opt, s } from '../../../spec/schema';

export const manifestPostProcessor: PostProcessorDescriptor = {
  kind: 'post-processor',
  type: 'manifest',
  description: 'record the artifacts in a JSON manifest (Packer shape)',
  schema: s.object({
    output: opt(s.string(), 'manifest path', 'bake-manifest.json'),
    strip_path: opt(s.bool(), 'record file names without directories', false),
    custom_data: opt(s.map(s.string()), 'extra values recorded with each build'),
  }),
  accepts: 'any',
  produces: 'same',
  recordsOnly: true,
  load: async () => (await import('./manifest')).manifest,
};

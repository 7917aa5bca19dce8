/** The docker-tag post-processor (Packer's name): its settings, and its implementation behind load(). */
import type { PostProcessorDescriptor } from '../../api';
import { opt, req, s } from '../../../spec/schema';

export const dockerTagPostProcessor: PostProcessorDescriptor = {
  kind: 'post-processor',
  type: 'docker-tag',
  description: 'tag the image built by the docker builder',
  schema: s.object({
    repository: req(s.string(), 'repository to tag into', 'ghcr.io/org/app'),
    tags: opt(s.list(s.string(), { single: true }), 'tags (default: latest)', ['latest']),
    force: opt(s.bool(), 'move the tag if it already exists (always true for Docker ≥ 1.12)'),
  }),
  accepts: ['docker-image'],
  produces: 'same',
  needs: { docker: true },
  load: async () => (await import('./docker-tag')).dockerTag,
};

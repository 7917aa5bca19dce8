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
    force: opt(
      s.bool(),
      'false refuses to move a tag that already names another image; unset or true moves it, as Docker does',
    ),
  }),
  accepts: ['docker-image'],
  produces: 'same',
  needs: { docker: true },
  load: async () => (await import('./docker-tag')).dockerTag,
};

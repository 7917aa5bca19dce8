/** The docker-push post-processor (Packer's name): its settings, and its implementation behind load(). */
import type { PostProcessorDescriptor } from '../../api';
import { opt, s } from '../../../spec/schema';

export const dockerPushPostProcessor: PostProcessorDescriptor = {
  kind: 'post-processor',
  type: 'docker-push',
  description: 'push the tagged image to its registry and record the digest',
  schema: s.object({
    login: opt(s.bool(), 'log in with the credentials below', false),
    login_username: opt(s.string(), 'user to log in to the registry as'),
    login_password: opt(s.string(), 'use a sensitive variable, never a literal'),
    login_server: opt(s.string(), 'registry to log in to (default: the repository host)'),
  }),
  accepts: ['docker-image'],
  produces: 'same',
  needs: { docker: true },
  load: async () => (await import('./docker-push')).dockerPush,
};

/** The docker-import post-processor (Packer's name): a filesystem tar imported as an image. */
import type { PostProcessorDescriptor } from '../../api';
import { opt, req, s } from '../../../spec/schema';

export const dockerImportPostProcessor: PostProcessorDescriptor = {
  kind: 'post-processor',
  type: 'docker-import',
  description: 'import the filesystem tar a docker build exported (export_path) as an image',
  schema: s.object({
    repository: req(s.string(), 'repository of the imported image', 'local/app'),
    tag: opt(s.string(), 'tag of the imported image', 'latest'),
    changes: opt(
      s.list(s.string()),
      'Dockerfile instructions applied on import (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, USER, WORKDIR, VOLUME, ONBUILD, STOPSIGNAL)',
      undefined,
      ['CMD ["/bin/sh"]'],
    ),
    platform: opt(s.string(), 'platform of the imported image, e.g. linux/amd64'),
  }),
  accepts: ['files'],
  produces: 'docker-image',
  needs: { docker: true },
  load: async () => (await import('./docker-import')).dockerImport,
};

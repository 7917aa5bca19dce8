/** The docker builder (Packer's name): a Docker image from a base image, through the Docker API. */
import { resolve } from 'node:path';
import type { BuilderDescriptor } from '../../api';
import { dockerBuilderSchema } from './schema';
import { dockerArtifactExists, dockerBase } from './reuse';

/** Removal that treats "no such container/image" and "already being removed" as done. */
const ignoreMissing = (e: unknown) => {
  const code = (e as { statusCode?: number }).statusCode;
  if (code !== 404 && code !== 409) throw e;
};

export const docker: BuilderDescriptor = {
  kind: 'builder',
  type: 'docker',
  description: 'a Docker image from a base image, through the Docker API',
  schema: dockerBuilderSchema,
  artifact: (c) =>
    typeof c.export_path === 'string' ? 'files' : c.discard === true ? 'none' : 'docker-image',
  needs: { docker: true },
  cleaners: {
    'docker-container': async (e, { docker }) => {
      await docker().getContainer(e.ref.id).remove({ force: true, v: true }).catch(ignoreMissing);
    },
    'docker-image': async (e, { docker }) => {
      await docker().getImage(e.ref.id).remove({ force: true }).catch(ignoreMissing);
    },
  },
  localInputs: (c, dir) =>
    Object.keys((c.volumes as Record<string, string> | undefined) ?? {})
      .filter((host) => host.startsWith('.') || host.startsWith('/'))
      .map((host) => resolve(dir, host)),
  reuse: {
    base: (c, { docker }) => dockerBase(docker(), String(c.image), String(c.pull ?? 'missing')),
    exists: (_c, a, { docker }) => dockerArtifactExists(docker(), a),
  },
  load: async () => (await import('./builder')).dockerBuilder,
};

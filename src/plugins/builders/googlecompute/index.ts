/**
 * The googlecompute builder (Packer's name): a GCE image from a temporary instance that
 * deletes itself if bake cannot. Everything that touches the Google client libraries loads
 * on first use, so `bake validate` and Docker-only runs never parse them.
 */
import { resolve } from 'node:path';
import type { BuilderDescriptor, Cleaner } from '../../api';
import type { BuildState, BuilderImpl } from '../../../engine/context';
import type { Step } from '../../../engine/steps';
import { googlecomputeSchema, refineGooglecompute } from './schema';

const GCE_KINDS = ['gce-instance', 'gce-disk', 'gce-image', 'gce-oslogin-key'];

const cleaner =
  (kind: string): Cleaner =>
  async (entry) =>
    (await import('./resources')).gceCleaners[kind](entry);

export const googlecompute: BuilderDescriptor = {
  kind: 'builder',
  type: 'googlecompute',
  description: 'a GCE image from a temporary Compute Engine instance',
  schema: googlecomputeSchema,
  refine: (c) => refineGooglecompute(c),
  artifact: 'machine-image',
  cleaners: Object.fromEntries(GCE_KINDS.map((k) => [k, cleaner(k)])),
  localInputs: (c, dir) => [
    ...(typeof c.startup_script_file === 'string' ? [resolve(dir, c.startup_script_file)] : []),
    ...Object.values((c.metadata_files ?? {}) as Record<string, unknown>).map((f) =>
      resolve(dir, String(f)),
    ),
  ],
  reuse: {
    base: async (c) => (await import('./steps')).imageBase(c),
    exists: async (c, a) => (await import('./steps')).imageExists(c, a.id),
  },
  sweep: {
    where: { option: 'project', env: ['GOOGLE_CLOUD_PROJECT', 'CLOUDSDK_CORE_PROJECT'] },
    run: async (o) => (await import('./sweep')).sweep({ ...o, projects: o.locations }),
  },
  load: async (): Promise<BuilderImpl> => ({
    async steps(env, provision) {
      const { gceSteps } = await import('./steps');
      // The steps keep more state than BuildState names; the engine only passes it through.
      return gceSteps(env, provision) as unknown as Step<BuildState>[];
    },
  }),
};

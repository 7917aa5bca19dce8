/**
 * The azure-arm builder (Packer's name): a managed image and/or an Azure Compute Gallery
 * version from a temporary Linux VM. Everything that touches the Azure SDK loads on first
 * use, so Docker-only runs and `bake validate` never parse it.
 */
import { resolve } from 'node:path';
import type { BuilderDescriptor, Cleaner } from '../../api';
import type { BuildState, BuilderImpl } from '../../../engine/context';
import type { Step } from '../../../engine/steps';
import { azureArmSchema, refineAzureArm } from './schema';

const AZURE_KINDS = [
  'azure-resource-group',
  'azure-resource',
  'azure-image',
  'azure-gallery-version',
];

const cleaner =
  (kind: string): Cleaner =>
  async (entry) =>
    (await import('./resources')).azureCleaners[kind](entry);

export const azureArm: BuilderDescriptor = {
  kind: 'builder',
  type: 'azure-arm',
  description: 'a managed image or Azure Compute Gallery version from a temporary Linux VM',
  schema: azureArmSchema,
  refine: (c, ctx) => refineAzureArm(c, ctx.packer === true),
  // Packer publishes to a gallery only when the destination names one (runner-images sets
  // the subscription and leaves GALLERY_NAME empty for a managed image alone).
  packerUnset: (c) => {
    const g = c.shared_image_gallery_destination as Record<string, unknown> | undefined;
    if (g && typeof g === 'object' && !g.gallery_name) delete c.shared_image_gallery_destination;
  },
  artifact: 'machine-image',
  cleaners: Object.fromEntries(AZURE_KINDS.map((k) => [k, cleaner(k)])),
  localInputs: (c, dir) =>
    typeof c.custom_data_file === 'string' ? [resolve(dir, c.custom_data_file)] : [],
  reuse: {
    base: async (c) => (await import('./reuse')).azureBase(c),
    exists: async (c, a) => (await import('./reuse')).azureExists(c, a),
  },
  sweep: {
    where: { option: 'subscription', env: ['AZURE_SUBSCRIPTION_ID'] },
    run: async (o) => (await import('./sweep')).sweep({ ...o, subscriptions: o.locations }),
  },
  load: async (): Promise<BuilderImpl> => ({
    async steps(env, provision) {
      const { azureSteps } = await import('./steps');
      // The steps keep more state than BuildState names; the engine only passes it through.
      return azureSteps(env, provision) as unknown as Step<BuildState>[];
    },
  }),
};

/**
 * The amazon-ebs builder (Packer's name): an AMI from a temporary EC2 instance. Everything
 * that touches the AWS SDK loads on first use, so Docker-only runs never parse it.
 */
import { resolve } from 'node:path';
import type { BuilderDescriptor, Cleaner } from '../../api';
import type { BuildState, BuilderImpl } from '../../../engine/context';
import type { Step } from '../../../engine/steps';
import { amazonEbsSchema, refineAmazonEbs } from './schema';
import { sshLocalInputs } from '../../../communicators/ssh-schema';

const AWS_KINDS = ['aws-instance', 'aws-security-group', 'aws-key-pair', 'aws-ami'];

const cleaner =
  (kind: string): Cleaner =>
  async (entry) =>
    (await import('./resources')).awsCleaners[kind](entry);

export const amazonEbs: BuilderDescriptor = {
  kind: 'builder',
  type: 'amazon-ebs',
  description: 'an AMI from a temporary EC2 instance',
  schema: amazonEbsSchema,
  refine: (c) => refineAmazonEbs(c),
  artifact: 'machine-image',
  // As in Packer: the tags and the description may name the source AMI and the region.
  buildFields: ['tags', 'snapshot_tags', 'run_tags', 'run_volume_tags', 'ami_description'],
  cleaners: Object.fromEntries(AWS_KINDS.map((k) => [k, cleaner(k)])),
  localInputs: (c, dir) => [
    ...(typeof c.user_data_file === 'string' ? [resolve(dir, c.user_data_file)] : []),
    ...sshLocalInputs(c, dir),
  ],
  reuse: {
    base: async (c) => (await import('./reuse')).amiBase(c),
    exists: async (c, a) => (await import('./reuse')).amisExist(c, a),
  },
  sweep: {
    where: { option: 'region', env: ['AWS_REGION', 'AWS_DEFAULT_REGION'] },
    run: async (o) => (await import('./sweep')).sweep({ ...o, regions: o.locations }),
  },
  load: async (): Promise<BuilderImpl> => ({
    async steps(env, provision) {
      const { ebsSteps } = await import('./steps');
      // The steps keep more state than BuildState names; the engine only passes it through.
      return ebsSteps(env, provision) as unknown as Step<BuildState>[];
    },
  }),
};

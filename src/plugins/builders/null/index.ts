/** The null builder (Packer's name): provisions a machine that already exists, over SSH. */
import type { BuilderDescriptor } from '../../api';
import { nullBuilderSchema } from './schema';
import { sshLocalInputs } from '../../../communicators/ssh-schema';

export const nullBuilder: BuilderDescriptor = {
  kind: 'builder',
  type: 'null',
  description: 'provisions an existing machine over SSH; no artifact',
  schema: nullBuilderSchema,
  artifact: 'none',
  localInputs: sshLocalInputs,
  load: async () => (await import('./builder')).nullBuilder,
};

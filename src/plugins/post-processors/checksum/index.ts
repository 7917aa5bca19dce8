/** The checksum post-processor (Packer's name): its settings, and its implementation behind load(). */
import type { PostProcessorDescriptor } from '../../api';
import { opt, s } from '../../../spec/schema';

export const checksumPostProcessor: PostProcessorDescriptor = {
  kind: 'post-processor',
  type: 'checksum',
  description: 'write checksums of the files a build produced',
  schema: s.object({
    checksum_types: opt(
      s.list(s.enum(['sha256', 'sha512', 'sha1', 'md5'])),
      'checksums to write, one file per type',
      ['sha256'],
    ),
    output: opt(
      s.string(),
      'output file; {{.BuildName}} and {{.ChecksumType}} are replaced',
      '{{.BuildName}}_{{.ChecksumType}}.checksum',
    ),
  }),
  accepts: ['files'],
  produces: 'same',
  load: async () => (await import('./checksum')).checksum,
};

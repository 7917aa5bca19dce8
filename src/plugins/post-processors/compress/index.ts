/** The compress post-processor (Packer's name): its settings, and its implementation behind load(). */
import type { PostProcessorDescriptor } from '../../api';
import { opt, req, s } from '../../../spec/schema';
import { archiveFormat, hasZstd } from './format';

export const compressPostProcessor: PostProcessorDescriptor = {
  kind: 'post-processor',
  type: 'compress',
  description:
    'pack the files a build produced into an archive (.tar.gz, .tar.zst, .tar, .gz, .zip)',
  schema: s.object({
    output: req(s.string(), 'output archive', 'out/{{.BuildName}}.tar.gz'),
    compression_level: opt(s.int(1, 9), 'gzip level: 1 is fastest, 9 smallest', 6),
  }),
  refine: (c) => {
    const output = String(c.output);
    const format = archiveFormat(output);
    if (!format)
      return [
        {
          key: 'output',
          message: `compress cannot tell the archive format of "${output}"`,
          hint: 'end the name with .tar.gz (or .tgz), .tar.zst, .tar, .gz or .zip',
        },
      ];
    if (format === 'tar.zst' && !hasZstd())
      return [
        {
          key: 'output',
          message: `.tar.zst needs Node.js 22.15 or later (this is ${process.version})`,
          hint: 'use .tar.gz, or run bake on a newer Node.js',
        },
      ];
    return [];
  },
  accepts: ['files'],
  produces: 'files',
  load: async () => (await import('./compress')).compress,
};

/** The file provisioner (Packer's name): its settings, and its implementation behind load(). */
import { resolve } from 'node:path';
import type { ProvisionerDescriptor } from '../../api';
import { opt, req, s } from '../../../spec/schema';

export const fileSchema = s.object({
  source: opt(s.string(), 'local file or directory (directory/ copies its contents)'),
  sources: opt(s.list(s.string()), 'several local files'),
  content: opt(s.string(), 'text to write to destination'),
  destination: req(s.string(), 'remote path (local path for downloads)', '/tmp/app/'),
  direction: opt(s.enum(['upload', 'download']), 'upload (default) or download', 'upload'),
});

export const fileProvisioner: ProvisionerDescriptor = {
  kind: 'provisioner',
  type: 'file',
  description: 'upload or download files and directories',
  schema: fileSchema,
  localInputs: (c, dir) =>
    (c.direction ?? 'upload') !== 'upload'
      ? []
      : [
          ...(typeof c.source === 'string' ? [resolve(dir, c.source)] : []),
          ...(Array.isArray(c.sources) ? c.sources.map((x) => resolve(dir, String(x))) : []),
        ],
  load: async () => (await import('./file')).file,
};

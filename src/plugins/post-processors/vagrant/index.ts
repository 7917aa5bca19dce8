/** The vagrant post-processor (Packer's name), for the libvirt provider: a `.box` of a VM disk. */
import { resolve } from 'node:path';
import type { PostProcessorDescriptor } from '../../api';
import { opt, s } from '../../../spec/schema';

export const vagrantPostProcessor: PostProcessorDescriptor = {
  kind: 'post-processor',
  type: 'vagrant',
  description: 'a Vagrant box (libvirt provider) of a VM disk',
  schema: s.object({
    output: opt(
      s.string(),
      'the box file, relative to the spec; {{.BuildName}} and {{.Provider}} are replaced',
      'packer_{{.BuildName}}_{{.Provider}}.box',
    ),
    compression_level: opt(
      s.int(0, 9),
      'gzip level of the box: 0 stores, 1 is fastest, 9 smallest',
      6,
    ),
    vagrantfile_template: opt(
      s.string(),
      "a file (relative to the spec) that becomes the box's Vagrantfile instead of the default one",
    ),
  }),
  accepts: ['files'],
  produces: 'files',
  localInputs: (c, dir) =>
    typeof c.vagrantfile_template === 'string' ? [resolve(dir, c.vagrantfile_template)] : [],
  cleaners: {
    'vagrant-file': async (e) => (await import('node:fs')).rmSync(e.ref.path, { force: true }),
  },
  load: async () => (await import('./vagrant')).vagrant,
};

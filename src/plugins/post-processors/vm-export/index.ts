/**
 * The vm-export post-processor: a VM disk from the qemu builder as VMDK (streamOptimized),
 * VDI, VHDX and an OVA (OVF 1.0 descriptor, the VMDK and a SHA256 manifest, in one tar).
 */
import type { PostProcessorDescriptor } from '../../api';
import { opt, req, s } from '../../../spec/schema';

export const VM_EXPORT_FORMATS = ['vmdk', 'vdi', 'vhdx', 'ova'] as const;

export const vmExportPostProcessor: PostProcessorDescriptor = {
  kind: 'post-processor',
  type: 'vm-export',
  description: 'convert a VM disk to VMDK, VDI, VHDX and an OVA',
  schema: s.object({
    formats: req(
      s.list(s.enum(VM_EXPORT_FORMATS), { minItems: 1 }),
      'the files to write: vmdk (streamOptimized), vdi, vhdx, ova',
      ['vmdk', 'ova'],
    ),
    output_directory: opt(
      s.string(),
      'where the files go, relative to the spec (default: beside the disk)',
    ),
    vm_name: opt(
      s.string(),
      'base name of the files (default: the disk name without its extension)',
    ),
    ova_disk_controller: opt(
      s.enum(['ide', 'scsi', 'sata']),
      'the controller the OVA attaches the disk to (ide works with the most kernels)',
      'ide',
    ),
    ova_network_adapter: opt(
      s.enum(['vmxnet3', 'E1000', 'E1000e']),
      'the network card the OVA declares',
      'vmxnet3',
    ),
  }),
  refine: (c) => {
    const f = (c.formats as string[] | undefined) ?? [];
    const twice = f.find((x, i) => f.indexOf(x) !== i);
    return twice ? [{ key: 'formats', message: `${twice} is listed twice` }] : [];
  },
  accepts: ['files'],
  produces: 'files',
  cleaners: {
    'vm-export-file': async (e) => (await import('node:fs')).rmSync(e.ref.path, { force: true }),
  },
  load: async () => (await import('./vm-export')).vmExport,
};

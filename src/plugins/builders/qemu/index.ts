/**
 * The qemu builder (Packer's name): a provisioned VM disk (qcow2 or raw) from a base disk,
 * booted headless under QEMU on this machine and reached over SSH through a forwarded port.
 */
import { resolve } from 'node:path';
import type { BuilderDescriptor } from '../../api';
import type { BuildState, BuilderImpl } from '../../../engine/context';
import type { Step } from '../../../engine/steps';
import { sshLocalInputs } from '../../../communicators/ssh-schema';
import { qemuSchema, refineQemu } from './schema';

export const qemu: BuilderDescriptor = {
  kind: 'builder',
  type: 'qemu',
  description: 'a VM disk (qcow2 or raw) from a base disk, provisioned under QEMU on this machine',
  schema: qemuSchema,
  refine: (c) => refineQemu(c),
  artifact: 'files',
  cleaners: {
    // The pid with its start time: a pid the system has since reused is left alone.
    'qemu-process': async (e) => (await import('./process')).stopQemu(e.ref as never),
    'qemu-file': async (e) => (await import('./process')).removePath(e.ref.path),
    'qemu-directory': async (e) =>
      (await import('./process')).removeEmptyDirs(e.ref.path, e.ref.path),
  },
  localInputs: (c, dir) => [
    ...sshLocalInputs(c, dir),
    ...(typeof c.iso_url === 'string' && !/^[a-z]+:\/\//i.test(c.iso_url)
      ? [resolve(dir, c.iso_url)]
      : []),
    ...((c.cd_files as string[] | undefined) ?? []).map((f) => resolve(dir, f)),
  ],
  load: async (): Promise<BuilderImpl> => ({
    async steps(env, provision) {
      const { qemuSteps } = await import('./steps');
      // The steps keep more state than BuildState names; the engine only passes it through.
      return qemuSteps(env, provision) as unknown as Step<BuildState>[];
    },
  }),
};

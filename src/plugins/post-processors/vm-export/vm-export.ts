/**
 * Writes each requested format beside the disk (or into output_directory): qemu-img convert
 * to a `.partial` file that is in the ledger until it is renamed into place, so a failure
 * or a cancel leaves no half-written file. The OVA is a tar in the order OVF asks for:
 * the descriptor, the disk, then the manifest of SHA256 digests.
 */
import { createHash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar-stream';
import { BuildError, PostProcessorImpl } from '../../../engine/context';
import type { LedgerEntry } from '../../../engine/ledger';
import { raceSignal } from '../../../engine/steps';
import { runTool } from '../../builders/qemu/process';
import { fill } from '../template';
import { ovfDescriptor } from './ovf';
import { hashFile } from '../../../util/hash-file';

const CONVERT: Record<string, string[]> = {
  vmdk: ['-O', 'vmdk', '-o', 'subformat=streamOptimized'],
  vdi: ['-O', 'vdi'],
  vhdx: ['-O', 'vhdx', '-o', 'subformat=dynamic'],
};

export const vmExport: PostProcessorImpl = {
  async run(use, input, env, signal) {
    const c = use.config;
    const p = input.properties ?? {};
    const disk = input.files?.[0];
    if (!disk || !p.disk_format)
      throw new BuildError(
        'vm-export needs a VM disk, and this artifact is not one',
        'use vm-export after the qemu builder',
      );
    const vars = { BuildName: env.instance.name, BuilderType: env.instance.type };
    const dir =
      typeof c.output_directory === 'string'
        ? resolve(env.specDir, fill(c.output_directory, vars))
        : dirname(disk);
    const name =
      typeof c.vm_name === 'string'
        ? fill(c.vm_name, vars)
        : basename(disk).replace(/\.(qcow2|raw|img)$/, '');
    const formats = c.formats as string[];
    mkdirSync(dir, { recursive: true });

    const open: { path: string; entry: LedgerEntry }[] = [];
    const made: string[] = [];
    /** Writes `final` through a ledgered `.partial`. */
    const writing = async (final: string, write: (partial: string) => Promise<void>) => {
      const partial = `${final}.partial`;
      const entry = env.ledger.add(
        env.instance.name,
        'vm-export-file',
        { path: partial },
        `export being written: ${partial}`,
      );
      open.push({ path: partial, entry });
      await write(partial);
      renameSync(partial, final);
      env.ledger.done(entry);
      open.splice(
        open.findIndex((o) => o.entry === entry),
        1,
      );
    };
    const convert = (fmt: string, to: string) =>
      writing(to, (partial) =>
        runTool(
          'qemu-img',
          ['convert', '-q', '-f', p.disk_format, ...CONVERT[fmt], disk, partial],
          signal,
          `converting ${basename(disk)} to ${fmt}`,
        ).then(() => undefined),
      );
    const temporary: string[] = [];
    try {
      for (const fmt of ['vmdk', 'vdi', 'vhdx']) {
        if (!formats.includes(fmt)) continue;
        const to = join(dir, `${name}.${fmt}`);
        const t = performance.now();
        await convert(fmt, to);
        made.push(to);
        env.out('info', `wrote ${to} (${fmt}) in ${((performance.now() - t) / 1000).toFixed(1)}s`);
      }
      if (formats.includes('ova')) {
        let vmdk = made.find((f) => f.endsWith('.vmdk'));
        if (!vmdk) {
          vmdk = join(dir, `${name}.ova-disk.vmdk`);
          await convert('vmdk', vmdk);
          temporary.push(vmdk);
        }
        const to = join(dir, `${name}.ova`);
        await writing(to, (partial) => writeOva(partial, name, vmdk!, disk, p, c, signal));
        made.push(to);
        env.out('info', `wrote ${to} (OVF 1.0 with ${basename(vmdk)} as ${name}-disk1.vmdk)`);
      }
    } catch (e) {
      for (const o of open) {
        rmSync(o.path, { force: true });
        env.ledger.done(o.entry);
      }
      for (const f of [...made, ...temporary]) rmSync(f, { force: true });
      throw e;
    } finally {
      for (const f of temporary) rmSync(f, { force: true });
    }
    return {
      artifact: {
        id: made[0],
        builderType: input.builderType,
        files: made,
        description: `${formats.join(', ')} of ${basename(disk)}`,
        properties: { ...p, exported_formats: formats.join(',') },
        destroy: async () => {
          for (const f of made) rmSync(f, { force: true });
        },
      },
    };
  },
};

async function writeOva(
  out: string,
  name: string,
  vmdk: string,
  disk: string,
  p: Record<string, string>,
  c: Record<string, unknown>,
  signal: AbortSignal,
): Promise<void> {
  const diskName = `${name}-disk1.vmdk`;
  const capacity = JSON.parse(
    await runTool('qemu-img', ['info', '--output=json', disk], signal, 'reading the disk size'),
  )['virtual-size'] as number;
  const ovf = ovfDescriptor({
    name,
    cpus: Number(p.cpus ?? 1),
    memoryMiB: Number(p.memory ?? 512),
    disk: { file: diskName, size: statSync(vmdk).size, capacity },
    controller: (c.ova_disk_controller as 'ide' | 'scsi' | 'sata' | undefined) ?? 'ide',
    nic: String(c.ova_network_adapter ?? 'vmxnet3'),
    os: { id: p.os_id, version: p.os_version, name: p.os_name },
  });
  const ovfName = `${name}.ovf`;
  const manifest =
    `SHA256(${ovfName})= ${createHash('sha256').update(ovf).digest('hex')}\n` +
    `SHA256(${diskName})= ${await hashFile(vmdk)}\n`;
  const pack = tar.pack();
  const done = raceSignal(
    pipeline(pack as unknown as NodeJS.ReadableStream, createWriteStream(out)),
    signal,
  );
  const entry = (
    header: { name: string; size?: number; mode: number; mtime: Date },
    body?: string,
  ) =>
    new Promise<void>((res, rej) => {
      if (body !== undefined) pack.entry(header, body, (e) => (e ? rej(e) : res()));
      else {
        const sink = pack.entry(header, (e) => (e ? rej(e) : res()));
        createReadStream(vmdk).on('error', rej).pipe(sink);
      }
    });
  const mtime = new Date();
  await entry({ name: ovfName, mode: 0o644, mtime }, ovf);
  await entry({ name: diskName, size: statSync(vmdk).size, mode: 0o644, mtime });
  await entry({ name: `${name}.mf`, mode: 0o644, mtime }, manifest);
  pack.finalize();
  await done;
}

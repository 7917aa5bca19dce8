/**
 * A libvirt Vagrant box: a tar (gzip at compression_level, or stored at 0) holding
 * metadata.json, the disk as a self-contained qcow2 named box.img, and a Vagrantfile.
 */
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import * as tar from 'tar-stream';
import { BuildError, PostProcessorImpl } from '../../../engine/context';
import { raceSignal } from '../../../engine/steps';
import { runTool } from '../../builders/qemu/process';
import { fill } from '../template';

const DEFAULT_VAGRANTFILE = `Vagrant.configure("2") do |config|
  config.vm.provider :libvirt do |libvirt|
    libvirt.driver = "kvm"
  end
end
`;

export const vagrant: PostProcessorImpl = {
  async run(use, input, env, signal) {
    const c = use.config;
    const p = input.properties ?? {};
    const disk = input.files?.[0];
    if (!disk || !p.disk_format)
      throw new BuildError(
        'the vagrant post-processor needs a VM disk, and this artifact is not one',
        'use it after the qemu builder',
      );
    const vars = {
      BuildName: env.instance.name,
      BuilderType: env.instance.type,
      Provider: 'libvirt',
    };
    const out = resolve(
      env.specDir,
      fill(String(c.output ?? 'packer_{{.BuildName}}_{{.Provider}}.box'), vars),
    );
    let vagrantfile = DEFAULT_VAGRANTFILE;
    if (typeof c.vagrantfile_template === 'string') {
      const path = resolve(env.specDir, c.vagrantfile_template);
      try {
        vagrantfile = fill(readFileSync(path, 'utf8'), { ...vars, BoxName: basename(out, '.box') });
      } catch (e) {
        throw new BuildError(
          `vagrantfile_template ${c.vagrantfile_template} cannot be read: ${(e as NodeJS.ErrnoException).code}`,
          `paths are relative to the spec's directory (${env.specDir})`,
        );
      }
    }
    const level = Number(c.compression_level ?? 6);
    mkdirSync(dirname(out), { recursive: true });
    const partial = `${out}.partial`;
    const entry = env.ledger.add(
      env.instance.name,
      'vagrant-file',
      { path: partial },
      `box being written: ${partial}`,
    );
    // A box holds one self-contained qcow2: a raw disk or an overlay is converted first.
    const tmp = mkdtempSync(join(tmpdir(), 'bake-box-'));
    const tmpEntry = env.ledger.add(
      env.instance.name,
      'vagrant-file',
      { path: tmp },
      `box scratch directory ${tmp}`,
    );
    try {
      let img = disk;
      if (p.disk_format !== 'qcow2' || p.backing_file) {
        img = join(tmp, 'box.img');
        await runTool(
          'qemu-img',
          ['convert', '-q', '-f', p.disk_format, '-O', 'qcow2', disk, img],
          signal,
          'converting the disk to a self-contained qcow2',
        );
      }
      const size = JSON.parse(
        await runTool('qemu-img', ['info', '--output=json', img], signal, 'reading the disk size'),
      )['virtual-size'] as number;
      const metadata =
        JSON.stringify(
          { provider: 'libvirt', format: 'qcow2', virtual_size: Math.ceil(size / 2 ** 30) },
          null,
          2,
        ) + '\n';
      const pack = tar.pack();
      const stages: NodeJS.ReadWriteStream[] = level > 0 ? [zlib.createGzip({ level })] : [];
      const done = raceSignal(
        pipeline([pack as unknown as NodeJS.ReadableStream, ...stages, createWriteStream(partial)]),
        signal,
      );
      const mtime = new Date();
      const add = (name: string, body: string) =>
        new Promise<void>((res, rej) =>
          pack.entry({ name, mode: 0o644, mtime }, body, (e) => (e ? rej(e) : res())),
        );
      await add('metadata.json', metadata);
      await add('Vagrantfile', vagrantfile);
      await new Promise<void>((res, rej) => {
        const sink = pack.entry(
          { name: 'box.img', size: statSync(img).size, mode: 0o644, mtime },
          (e) => (e ? rej(e) : res()),
        );
        createReadStream(img).on('error', rej).pipe(sink);
      });
      pack.finalize();
      await done;
      renameSync(partial, out);
    } catch (e) {
      rmSync(partial, { force: true });
      throw e;
    } finally {
      env.ledger.done(entry);
      rmSync(tmp, { recursive: true, force: true });
      env.ledger.done(tmpEntry);
    }
    env.out(
      'info',
      `wrote the Vagrant box ${out} (libvirt, ${(statSync(out).size / 2 ** 20).toFixed(0)} MiB)`,
    );
    return {
      artifact: {
        id: out,
        builderType: input.builderType,
        files: [out],
        description: `Vagrant box ${out} (libvirt)`,
        properties: { provider: 'libvirt' },
        destroy: async () => rmSync(out, { force: true }),
      },
    };
  },
};

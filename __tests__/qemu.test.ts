/**
 * The qemu builder with real QEMU (software emulation here): one build of a real Debian
 * disk, provisioned over SSH, whose output disk and exports are then examined byte by byte.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bakeIn } from './helpers/run';
import { tempProject } from './helpers/spec';
import { pendingOf } from './helpers/docker';
import { CIDATA, diskInfo, qemuBase, qemuProcessesUsing, readFromDisk } from './helpers/qemu';

const LONG = 600_000;

const spec = (base: string, extra = '', builds = '') => `
sources:
  vm:
    type: qemu
    iso_url: ${base}
    disk_image: true
    use_backing_file: false
    format: qcow2
    disk_size: 3G
    cpus: 2
    memory: 1024
    boot_wait: 0s
    ssh_username: bake
    ssh_timeout: 5m
    shutdown_command: sudo poweroff
    output_directory: out
    vm_name: debian.qcow2
    cd_label: cidata
    cd_content:${CIDATA}
${extra}
builds:
  main:
    sources: [vm]
    provisioners:
      - type: shell
        inline:
          - echo "provisioned by $PACKER_BUILDER_TYPE" | sudo tee /etc/bake-provisioned
          - sudo sync
      - type: file
        content: "hello from the spec\\n"
        destination: /tmp/hello.txt
      - type: shell
        inline: ['sudo mv /tmp/hello.txt /etc/hello.txt', 'sudo sync']
${builds}
`;

describe('qemu builder', () => {
  let base: string;
  let built: Awaited<ReturnType<typeof bakeIn>>;
  let dir: string;
  const t0 = Date.now();

  beforeAll(async () => {
    base = qemuBase();
    dir = tempProject({
      'bake.yml': spec(
        base,
        '',
        `    post-processors:
      - - type: vm-export
          formats: [vmdk, vdi, vhdx, ova]
          keep_input_artifact: true
      - - type: vagrant
          output: out/debian.box
          compression_level: 1
          vagrantfile_template: Vagrantfile.tpl
          keep_input_artifact: true
      - - type: manifest
          output: manifest.json`,
      ),
      'Vagrantfile.tpl':
        'Vagrant.configure("2") do |config|\n  config.vm.provider :libvirt do |lv|\n    lv.memory = 1024 # {{ .BoxName }}\n  end\nend\n',
    });
    built = await bakeIn(dir);
  }, LONG);

  it('provisions the VM and writes the disk into output_directory', () => {
    expect(built.output).not.toMatch(/failed/);
    expect(built.result.status).toBe('succeeded');
    const disk = join(dir, 'out', 'debian.qcow2');
    expect(built.result.artifact?.id).toBe(disk);
    expect(built.result.artifact?.files).toEqual(
      expect.arrayContaining([
        disk,
        ...['vmdk', 'vdi', 'vhdx', 'ova', 'box'].map((x) => join(dir, 'out', `debian.${x}`)),
      ]),
    );
    const info = diskInfo(disk);
    expect(info.format).toBe('qcow2');
    expect(info['virtual-size']).toBe(3 * 2 ** 30);
    // A full copy, not an overlay on the base.
    expect(info['backing-filename']).toBeUndefined();
    const digest = execFileSync('sha256sum', [disk], { encoding: 'utf8' }).split(' ')[0];
    expect(built.result.artifact?.digests).toEqual([`sha256:${digest}`]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.builds[0].files.map((f: { name: string }) => f.name)).toContain(disk);
    expect(built.result.artifact?.properties).toMatchObject({
      disk_format: 'qcow2',
      cpus: '2',
      memory: '1024',
    });
    // The measured phases, for the record.
    const phases = built.output
      .split('\n')
      .filter((l) => /QEMU started|SSH up|powered off|wrote |in \d+(\.\d+)?s\)?$/.test(l));
    console.log(
      [`qemu build: ${((Date.now() - t0) / 1000).toFixed(0)}s including the base`, ...phases].join(
        '\n',
      ),
    );
  });

  it('the files the provisioners wrote are inside the output disk', () => {
    const files = readFromDisk(
      join(dir, 'out', 'debian.qcow2'),
      ['/etc/bake-provisioned', '/etc/hello.txt', '/etc/hostname'],
      dir,
    );
    expect(files['/etc/bake-provisioned']).toBe('provisioned by qemu\n');
    expect(files['/etc/hello.txt']).toBe('hello from the spec\n');
    // cloud-init read the CD's meta-data.
    expect(files['/etc/hostname'].trim()).toBe('baked');
  });

  it('leaves no QEMU process, working disk, overlay or ledger entry behind', () => {
    expect(qemuProcessesUsing(join(dir, 'out'))).toEqual([]);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([
      'debian.box',
      'debian.ova',
      'debian.qcow2',
      'debian.vdi',
      'debian.vhdx',
      'debian.vmdk',
    ]);
    expect(pendingOf(built.ledger)).toEqual([]);
    const kinds = readFileSync(built.ledger, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { op: string; kind?: string; ref?: Record<string, string> });
    const proc = kinds.find((k) => k.kind === 'qemu-process');
    expect(proc?.ref).toMatchObject({
      pid: expect.stringMatching(/^\d+$/),
      start: expect.stringMatching(/^\d+$/),
    });
    for (const k of kinds.filter(
      (x) => x.kind === 'qemu-file' && x.ref?.path !== join(dir, 'out', 'debian.qcow2'),
    ))
      expect(existsSync(k.ref!.path)).toBe(false);
  });

  it('vm-export writes a streamOptimized VMDK, a VDI and a VHDX that qemu-img reads', () => {
    const vmdk = diskInfo(join(dir, 'out', 'debian.vmdk'));
    expect(vmdk.format).toBe('vmdk');
    expect(JSON.stringify(vmdk['format-specific'])).toContain('streamOptimized');
    expect(vmdk['virtual-size']).toBe(3 * 2 ** 30);
    expect(diskInfo(join(dir, 'out', 'debian.vdi')).format).toBe('vdi');
    expect(diskInfo(join(dir, 'out', 'debian.vhdx')).format).toBe('vhdx');
    // The same filesystem, with what the provisioners wrote.
    expect(
      readFromDisk(join(dir, 'out', 'debian.vhdx'), ['/etc/hello.txt'], dir)['/etc/hello.txt'],
    ).toBe('hello from the spec\n');
  });

  it("the OVA is descriptor, disk, manifest, with the build's hardware and right digests", () => {
    const ova = join(dir, 'out', 'debian.ova');
    expect(execFileSync('tar', ['-tf', ova], { encoding: 'utf8' }).trim().split('\n')).toEqual([
      'debian.ovf',
      'debian-disk1.vmdk',
      'debian.mf',
    ]);
    const x = join(dir, 'ova');
    mkdirSync(x);
    execFileSync('tar', ['-xf', ova, '-C', x]);
    const ovf = readFileSync(join(x, 'debian.ovf'), 'utf8');
    const sha = (f: string) =>
      createHash('sha256')
        .update(readFileSync(join(x, f)))
        .digest('hex');
    expect(readFileSync(join(x, 'debian.mf'), 'utf8')).toBe(
      `SHA256(debian.ovf)= ${sha('debian.ovf')}\nSHA256(debian-disk1.vmdk)= ${sha('debian-disk1.vmdk')}\n`,
    );
    const item = (type: number) =>
      ovf
        .split('<Item>')
        .find((i) => i.includes(`<rasd:ResourceType>${type}</rasd:ResourceType>`)) ?? '';
    expect(item(3)).toContain('<rasd:VirtualQuantity>2</rasd:VirtualQuantity>');
    expect(item(4)).toContain('<rasd:VirtualQuantity>1024</rasd:VirtualQuantity>');
    expect(item(10)).toContain('<rasd:ResourceSubType>vmxnet3</rasd:ResourceSubType>');
    expect(item(17)).toContain('ovf:/disk/vmdisk1');
    // Debian, as the guest's /etc/os-release said.
    expect(ovf).toMatch(/<OperatingSystemSection ovf:id="96"[^>]*>[\s\S]*Debian GNU\/Linux 12/);
    const size = statSync(join(x, 'debian-disk1.vmdk')).size;
    expect(ovf).toContain(`<File ovf:id="file1" ovf:href="debian-disk1.vmdk" ovf:size="${size}"/>`);
    expect(ovf).toContain(`ovf:capacity="${3 * 2 ** 30}"`);
    expect(diskInfo(join(x, 'debian-disk1.vmdk')).format).toBe('vmdk');
  });

  it('the Vagrant box holds metadata.json, the Vagrantfile and a self-contained qcow2 box.img', () => {
    const box = join(dir, 'out', 'debian.box');
    expect(readFileSync(box).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const x = join(dir, 'box');
    mkdirSync(x);
    execFileSync('tar', ['-xzf', box, '-C', x]);
    expect(readdirSync(x).sort()).toEqual(['Vagrantfile', 'box.img', 'metadata.json']);
    expect(JSON.parse(readFileSync(join(x, 'metadata.json'), 'utf8'))).toEqual({
      provider: 'libvirt',
      format: 'qcow2',
      virtual_size: 3,
    });
    expect(readFileSync(join(x, 'Vagrantfile'), 'utf8')).toContain('lv.memory = 1024 # debian');
    const img = diskInfo(join(x, 'box.img'));
    expect(img.format).toBe('qcow2');
    expect(img['backing-filename']).toBeUndefined();
  });

  it('the exported VMDK boots: BIOS, extlinux, the kernel and its root filesystem, over IDE', async () => {
    const serial = join(dir, 'vmdk-serial.log');
    // -snapshot: a streamOptimized VMDK is read-only to QEMU; writes go to a temporary layer.
    const vm = spawn('qemu-system-x86_64', [
      '-machine',
      'pc,accel=tcg',
      '-m',
      '512M',
      '-display',
      'none',
      '-nodefaults',
      '-snapshot',
      '-serial',
      `file:${serial}`,
      '-drive',
      `file=${join(dir, 'out', 'debian.vmdk')},format=vmdk,if=ide`,
    ]);
    try {
      const deadline = Date.now() + 120_000;
      let log = '';
      while (Date.now() < deadline && !/EXT4-fs \(sda1\): mounted filesystem/.test(log)) {
        await new Promise((r) => setTimeout(r, 1000));
        log = existsSync(serial) ? readFileSync(serial, 'utf8') : '';
      }
      expect(log).toMatch(/EXT4-fs \(sda1\): mounted filesystem/);
    } finally {
      vm.kill('SIGKILL');
      await new Promise((r) => vm.once('exit', r));
    }
  }, 180_000);
});

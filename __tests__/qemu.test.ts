/**
 * The qemu builder with real QEMU (software emulation here): one build of a real Debian
 * disk, provisioned over SSH, whose output disk and exports are then examined byte by byte.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
    dir = tempProject({ 'bake.yml': spec(base) });
    built = await bakeIn(dir);
  }, LONG);

  it('provisions the VM and writes the disk into output_directory', () => {
    expect(built.output).not.toMatch(/failed/);
    expect(built.result.status).toBe('succeeded');
    const disk = join(dir, 'out', 'debian.qcow2');
    expect(built.result.artifact?.id).toBe(disk);
    expect(built.result.artifact?.files).toEqual([disk]);
    const info = diskInfo(disk);
    expect(info.format).toBe('qcow2');
    expect(info['virtual-size']).toBe(3 * 2 ** 30);
    // A full copy, not an overlay on the base.
    expect(info['backing-filename']).toBeUndefined();
    const digest = execFileSync('sha256sum', [disk], { encoding: 'utf8' }).split(' ')[0];
    expect(built.result.artifact?.digests).toEqual([`sha256:${digest}`]);
    expect(built.result.artifact?.properties).toMatchObject({
      disk_format: 'qcow2',
      cpus: '2',
      memory: '1024',
    });
    console.log(`qemu build: ${((Date.now() - t0) / 1000).toFixed(0)}s including the base`);
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
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['debian.qcow2']);
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
});

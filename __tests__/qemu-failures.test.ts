/**
 * The qemu builder when things go wrong: each failure and a cancel leave no QEMU process,
 * no working disk, overlay, CD or half-written output, and nothing open in the ledger; what
 * on-error=abort leaves running, `bake cleanup` removes from the ledger alone, and a pid the
 * system has given to another program is never killed.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { createServer as createTcpServer, Server as TcpServer } from 'node:net';
import { join } from 'node:path';
import { EventBus } from '../src/engine/events';
import { cleanupLedger } from '../src/engine/run';
import { builtInRegistry } from '../src/plugins/registry';
import { bakeIn } from './helpers/run';
import { problemsOf, tempProject } from './helpers/spec';
import { pendingOf, requireDocker } from './helpers/docker';
import { CIDATA, diskInfo, qemuBase, qemuProcessesUsing } from './helpers/qemu';

const LONG = 300_000;

const spec = (isoUrl: string, extra = '') => `
sources:
  vm:
    type: qemu
    iso_url: ${isoUrl}
    disk_image: true
    memory: 512
    boot_wait: 0s
    ssh_username: bake
    shutdown_command: sudo poweroff
    output_directory: out
    cd_content:${CIDATA}
${extra}
builds:
  main:
    sources: [vm]
    provisioners:
      - type: shell
        inline: ['true']
`;

/** The ledger's entries of a kind, as written. */
const ledgerLines = (file: string) =>
  (existsSync(file) ? readFileSync(file, 'utf8') : '')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { op: string; kind?: string; ref?: Record<string, string> });

/** Nothing of the build is left: no QEMU, no file in out/, no path the ledger named. */
function expectNothingLeft(dir: string, ledger: string): void {
  expect(qemuProcessesUsing(join(dir, 'out'))).toEqual([]);
  // The output_directory the build made is removed with everything in it.
  expect(existsSync(join(dir, 'out'))).toBe(false);
  expect(pendingOf(ledger)).toEqual([]);
  for (const e of ledgerLines(ledger).filter((l) => l.ref?.path))
    expect([e.ref!.path, existsSync(e.ref!.path)]).toEqual([e.ref!.path, false]);
}

/** A process that runs (a zombie waiting to be reaped does not). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The projects of this file: a test that fails midway must not leave its VM running. */
const projects: string[] = [];
function project(yaml: string): string {
  const dir = tempProject({ 'bake.yml': yaml });
  projects.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of projects)
    for (const pid of qemuProcessesUsing(join(dir, 'out'))) process.kill(pid, 'SIGKILL');
});

let base: string;
let baseSha: string;
beforeAll(() => {
  base = qemuBase();
  baseSha = execFileSync('sha256sum', [base], { encoding: 'utf8' }).split(' ')[0];
}, 600_000);

describe('qemu builder failures', () => {
  it('a base disk whose checksum does not match stops the build, leaving nothing', async () => {
    const dir = project(spec(base, `    iso_checksum: sha256:${'0'.repeat(64)}`));
    const { result, ledger } = await bakeIn(dir);
    expect(result.status).toBe('failed');
    expect(result.failedStep).toBe('base disk');
    expect(result.error).toContain(`is ${baseSha}, not ${'0'.repeat(64)} (iso_checksum)`);
    expectNothingLeft(dir, ledger);
  });

  it('QEMU that refuses its arguments is an error with its own message; the working disk is removed', async () => {
    const dir = project(spec(base, `    qemuargs: [['-no-such-option']]`));
    const { result, ledger } = await bakeIn(dir);
    expect(result.status).toBe('failed');
    expect(result.failedStep).toBe('start VM');
    expect(result.error).toMatch(/QEMU exited at start: .*-no-such-option/);
    expect(
      ledgerLines(ledger).some(
        (l) => l.kind === 'qemu-file' && l.ref?.path.endsWith('.work.qcow2'),
      ),
    ).toBe(true);
    expectNothingLeft(dir, ledger);
  });

  describe('while the VM boots', () => {
    let http: Server;
    let held: TcpServer;
    let port: number;
    beforeAll(async () => {
      // The base served over http, as a download with a checksum.
      http = createServer((_req, res) => {
        res.writeHead(200, { 'content-length': statSync(base).size });
        createReadStream(base).pipe(res);
      });
      await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
      // A port another process holds, at the bottom of the range.
      held = createTcpServer();
      await new Promise<void>((r) => held.listen(0, '127.0.0.1', r));
      port = (held.address() as { port: number }).port;
    });
    afterAll(async () => {
      await new Promise((r) => http.close(r));
      await new Promise((r) => held.close(r));
    });

    it(
      'a cancel stops QEMU and removes the download, the disk and the CD; a held port is skipped',
      async () => {
        const url = `http://127.0.0.1:${(http.address() as { port: number }).port}/base.qcow2`;
        const dir = project(
          spec(
            url,
            `    iso_checksum: sha256:${baseSha}\n    host_port_min: ${port}\n    host_port_max: ${port + 20}`,
          ),
        );
        const bus = new EventBus();
        const ctl = new AbortController();
        const lines: string[] = [];
        let qemuPid: number[] = [];
        bus.on((e) => {
          if (e.type === 'output') lines.push(e.line);
          if (e.type === 'step-start' && e.step === 'connect')
            setTimeout(() => {
              qemuPid = qemuProcessesUsing(join(dir, 'out'));
              ctl.abort();
            }, 3000);
        });
        const { result, ledger } = await bakeIn(dir, { bus, signal: ctl.signal });
        expect(result.status).toBe('cancelled');
        // QEMU ran, on a port above the held one.
        expect(qemuPid).toHaveLength(1);
        const forward = lines.find((l) => l.includes('SSH forwarded from'));
        expect(forward).toMatch(/127\.0\.0\.1:(\d+)$/);
        expect(Number(/:(\d+)$/.exec(forward!)![1])).toBeGreaterThan(port);
        expect(alive(qemuPid[0])).toBe(false);
        expect(ledgerLines(ledger).some((l) => l.ref?.path?.endsWith('.download'))).toBe(true);
        expectNothingLeft(dir, ledger);
      },
      LONG,
    );
  });

  it(
    'SSH that does not answer within ssh_timeout fails at connect, with the serial console, and stops QEMU and removes its overlay',
    async () => {
      const dir = project(spec(base, '    ssh_timeout: 4s\n    use_backing_file: true'));
      const bus = new EventBus();
      let overlay: Record<string, unknown> | undefined;
      bus.on((e) => {
        if (e.type === 'step-start' && e.step === 'start VM')
          overlay = diskInfo(join(dir, 'out', 'main.vm.qcow2.overlay'));
      });
      const { result, ledger } = await bakeIn(dir, { bus });
      expect(result.status).toBe('failed');
      expect(result.failedStep).toBe('connect');
      expect(result.hint).toContain('serial console');
      // The VM ran on a qcow2 overlay of the base, not a copy.
      expect(overlay).toMatchObject({ format: 'qcow2', 'backing-filename': base });
      expectNothingLeft(dir, ledger);
    },
    LONG,
  );

  it(
    'efi_boot runs QEMU on OVMF with its own variable store; qemuargs reach QEMU',
    async () => {
      const dir = project(
        spec(
          base,
          "    ssh_timeout: 3s\n    efi_boot: true\n    qemuargs: [['-smbios', 'type=1,serial=bake-test']]",
        ),
      );
      const bus = new EventBus();
      let args: string[] = [];
      bus.on((e) => {
        if (e.type === 'step-start' && e.step === 'connect') {
          const [pid] = qemuProcessesUsing(join(dir, 'out'));
          args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
        }
      });
      const { result, ledger } = await bakeIn(dir, { bus });
      expect(result.failedStep).toBe('connect');
      expect(args).toContain(
        'if=pflash,format=raw,unit=0,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.fd',
      );
      const vars = args.find((a) => a.startsWith('if=pflash,format=raw,unit=1,file='))!;
      expect(vars).toMatch(/bake-qemu-[^/]+\/efivars\.fd$/);
      expect(existsSync(vars.split('file=')[1])).toBe(false);
      expect(args.slice(-2)).toEqual(['-smbios', 'type=1,serial=bake-test']);
      expectNothingLeft(dir, ledger);
    },
    LONG,
  );

  it(
    'on-error=abort leaves the VM for debugging; bake cleanup stops it and removes its files from the ledger alone',
    async () => {
      const dir = project(spec(base, '    ssh_timeout: 4s'));
      const { result, ledger } = await bakeIn(dir, { onError: 'abort' });
      expect(result.status).toBe('failed');
      const running = qemuProcessesUsing(join(dir, 'out'));
      expect(running).toHaveLength(1);
      expect(
        pendingOf(ledger)
          .map((e) => e.kind)
          .sort(),
      ).toEqual(['qemu-directory', 'qemu-file', 'qemu-file', 'qemu-process']);
      // A stale entry: the pid of a living program that is not the QEMU the ledger meant.
      const other: ChildProcess = spawn('sleep', ['60']);
      const stale = {
        op: 'add',
        id: 'stale-entry',
        kind: 'qemu-process',
        ref: { pid: String(other.pid), start: '1', qmp: join(dir, 'nothing.sock') },
        build: 'main.vm',
        run: 'earlier',
        description: `QEMU process ${other.pid}`,
        time: new Date().toISOString(),
        plugin: 'builder/qemu',
      };
      writeFileSync(ledger, readFileSync(ledger, 'utf8') + JSON.stringify(stale) + '\n');
      const out: string[] = [];
      expect(await cleanupLedger(ledger, builtInRegistry(), (t) => out.push(t))).toBe(0);
      expect(alive(running[0])).toBe(false);
      expect(other.exitCode).toBeNull();
      expect(alive(other.pid!)).toBe(true);
      other.kill();
      expectNothingLeft(dir, ledger);
      expect(out.join('')).toContain('removed QEMU process');
    },
    LONG,
  );
});

describe('qemu settings that cannot work are refused at validation', () => {
  const source = (extra: string) => `sources:
  vm:
    type: qemu
    iso_url: base.qcow2
    disk_image: true
    ssh_username: bake
${extra}
builds:
  main:
    sources: [vm]
`;
  const only = (yaml: string) => {
    const p = problemsOf(yaml, {}, { 'base.qcow2': 'not read at validation' });
    expect(p).toHaveLength(1);
    return p[0];
  };

  it('boot_command, with the reason and what to do instead', () => {
    const p = only(source('    boot_command: ["<enter>"]'));
    expect(p.message).toContain('VNC');
    expect(`${p.message} ${p.hint ?? ''}`).toContain('cd_content');
    expect(p.pos?.line).toBe(7);
  });

  it('an installer ISO (disk_image: false)', () => {
    const p = only(source('').replace('disk_image: true', 'disk_image: false'));
    expect(p.message).toContain('boot_command');
    expect(p.pos?.line).toBe(5);
  });

  it('a download without iso_checksum', () => {
    const p = only(source('').replace('base.qcow2', 'https://example.org/base.qcow2'));
    expect(p.message).toContain('iso_checksum');
  });

  it('use_backing_file with a raw output, and a compressed raw disk', () => {
    expect(only(source('    format: raw\n    use_backing_file: true')).message).toContain(
      'use_backing_file',
    );
    expect(only(source('    format: raw\n    disk_compression: true')).message).toContain(
      'raw disk cannot be compressed',
    );
  });

  it('a display (headless: false), and skip_compaction with a raw disk', () => {
    expect(only(source('    headless: false')).message).toContain('without a display');
    expect(only(source('    format: raw\n    skip_compaction: true')).message).toContain(
      'format: raw cannot apply',
    );
  });

  it('a bad disk_size, an empty port range, and vm-export formats listed twice', () => {
    expect(only(source('    disk_size: 10 GB')).hint).toContain('10G');
    expect(only(source('    host_port_min: 3000\n    host_port_max: 2999')).message).toContain(
      'below host_port_min',
    );
    const p = only(
      source('') +
        `    post-processors:
      - type: vm-export
        formats: [vmdk, ova, vmdk]
`,
    );
    expect(p.message).toBe('vmdk is listed twice');
  });
});

describe('the VM disk post-processors given files that are not a VM disk', () => {
  beforeAll(requireDocker);

  it('vm-export and vagrant fail with what to do, and leave the input alone', async () => {
    const dir = tempProject({
      'bake.yml': `sources:
  t: {type: docker, image: busybox:latest, export_path: out/fs.tar}
builds:
  b:
    sources: [t]
    post-processors:
      - type: vm-export
        formats: [vmdk]
      - type: vagrant
        output: out/x.box
`,
    });
    const { result, output, ledger } = await bakeIn(dir);
    expect(result.status).toBe('failed');
    expect(output).toContain('vm-export needs a VM disk, and this artifact is not one');
    expect(output).toContain('the vagrant post-processor needs a VM disk');
    expect(result.hint).toBe('use vm-export after the qemu builder');
    // A failed chain keeps the build's artifact.
    expect(existsSync(join(dir, 'out', 'fs.tar'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'x.box'))).toBe(false);
    expect(pendingOf(ledger)).toEqual([]);
  });
});

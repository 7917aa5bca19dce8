/**
 * The qemu builder's steps: the base disk (downloaded and checked, or local), the working
 * disk (a copy or a qcow2 overlay), the CD (a NoCloud seed), QEMU with the SSH port
 * forwarded to 127.0.0.1, connect, provision, shut down, compact into output_directory.
 * Everything on disk and the QEMU process are in the ledger the moment they exist; each
 * step's cleanup removes what it made, so a failure or a cancel leaves nothing behind.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  accessSync,
  constants,
  copyFileSync,
  cpSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { temporaryKeyPair } from '../../../communicators/ssh-config';
import { BuildEnv, BuildError, BuildState } from '../../../engine/context';
import type { LedgerEntry } from '../../../engine/ledger';
import { CancelledError, sleep, Step } from '../../../engine/steps';
import { parseDuration } from '../../../spec/schema';
import { connectSsh, SshState } from '../../ssh-connect';
import { fill } from '../../post-processors/template';
import { hashFile } from '../../../util/hash-file';
import {
  freePort,
  processStartTime,
  qmp,
  removeEmptyDirs,
  removePath,
  runTool,
  sameProcess,
  stopQemu,
  waitGone,
} from './process';

type Config = Record<string, unknown>;

interface Qemu {
  child: ChildProcess;
  pid: number;
  start: string;
  entry: LedgerEntry;
  exited?: { code: number | null; signal: string | null };
  stderr: string[];
  gone: Promise<void>;
}

interface QemuState extends SshState {
  base?: string;
  baseFormat?: string;
  download?: { path: string; entry: LedgerEntry };
  work?: { path: string; entry: LedgerEntry };
  tmp?: { dir: string; entry: LedgerEntry };
  cd?: string;
  key?: { privateKey: string; publicKey: string };
  qemu?: Qemu;
  port?: number;
  partial?: { path: string; entry: LedgerEntry };
  accelerator?: string;
  output?: { path: string; entry: LedgerEntry };
  /** The first directory mkdir made for output_directory, if it made one. */
  createdDir?: { path: string; entry: LedgerEntry };
  /** From the guest's /etc/os-release: what the exports describe it as. */
  os?: Record<string, string>;
}

/** /dev/kvm can be opened and the CPU has hardware virtualisation (vmx or svm). */
export function kvmUsable(): boolean {
  try {
    accessSync('/dev/kvm', constants.R_OK | constants.W_OK);
    return /\b(vmx|svm)\b/.test(readFileSync('/proc/cpuinfo', 'utf8'));
  } catch {
    return false;
  }
}

export function outputOf(c: Config, env: BuildEnv): { dir: string; disk: string; format: string } {
  const format = String(c.format ?? 'qcow2');
  const vars = { BuildName: env.instance.name, BuilderType: env.instance.type };
  const dir = resolve(
    env.specDir,
    fill(String(c.output_directory ?? 'output-{{.BuildName}}'), vars),
  );
  const name = fill(String(c.vm_name ?? `${env.instance.name}.${format}`), vars);
  return { dir, disk: join(dir, name), format };
}

const HASHES: Record<string, string> = {
  sha256: 'sha256',
  sha512: 'sha512',
  sha1: 'sha1',
  md5: 'md5',
};

function hasher(checksum: string | undefined) {
  if (!checksum || checksum === 'none') return undefined;
  const [algo, want] = checksum.split(':');
  return { h: createHash(HASHES[algo]), algo, want: want.toLowerCase() };
}

function checkDigest(hx: ReturnType<typeof hasher>, what: string): void {
  if (!hx) return;
  const got = hx.h.digest('hex');
  if (got !== hx.want)
    throw new BuildError(
      `the ${hx.algo} checksum of ${what} is ${got}, not ${hx.want} (iso_checksum)`,
      'the file is damaged or not the one meant: check iso_url and iso_checksum',
    );
}

/** What `qemu-img info` says of a disk: its format and virtual size. */
async function diskInfo(path: string, signal: AbortSignal) {
  const text = await runTool(
    'qemu-img',
    ['info', '--output=json', path],
    signal,
    `reading the disk ${path}`,
  );
  const info = JSON.parse(text) as { format: string; 'virtual-size': number };
  return { format: info.format, size: info['virtual-size'] };
}

function sizeBytes(v: string): number {
  const m = /^(\d+)([KMGT]?)$/.exec(v)!;
  const unit = { '': 2 ** 20, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 }[m[2]]!;
  return Number(m[1]) * unit;
}

function driveArgs(iface: string, file: string, format: string): string[] {
  const drive = `file=${file},format=${format},cache=writeback,discard=unmap`;
  switch (iface) {
    case 'virtio':
      return ['-drive', `${drive},if=virtio`];
    case 'ide':
      return ['-drive', `${drive},if=ide`];
    case 'sata':
      return [
        '-device',
        'ahci,id=ahci0',
        '-drive',
        `${drive},if=none,id=disk0`,
        '-device',
        'ide-hd,drive=disk0,bus=ahci0.0',
      ];
    default: // scsi, virtio-scsi
      return [
        '-device',
        'virtio-scsi-pci,id=scsi0',
        '-drive',
        `${drive},if=none,id=disk0`,
        '-device',
        'scsi-hd,drive=disk0,bus=scsi0.0',
      ];
  }
}

// Terminal colour and cursor sequences, as systemd writes them to the serial console.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');

const lastLines = (file: string, n: number): string[] => {
  try {
    return readFileSync(file, 'utf8')
      .replace(ANSI, '')
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .slice(-n);
  } catch {
    return [];
  }
};

export function qemuSteps(env: BuildEnv, provision: Step<BuildState>): Step<QemuState>[] {
  const c = env.instance.config;
  const out = outputOf(c, env);
  const backing = c.use_backing_file === true;
  const name = env.instance.name;
  const ledgerFile = (path: string, what: string) =>
    env.ledger.add(name, 'qemu-file', { path }, what);
  const forget = (entry: LedgerEntry | undefined, path: string) => {
    removePath(path);
    if (entry) env.ledger.done(entry);
  };

  return [
    {
      name: 'base disk',
      async run(s, ctx) {
        if (existsSync(out.disk))
          throw new BuildError(
            `the output disk ${out.disk} already exists`,
            'remove it (or the output_directory), or set another vm_name or output_directory',
          );
        const url = String(c.iso_url);
        const check = c.iso_checksum as string | undefined;
        const made = mkdirSync(out.dir, { recursive: true });
        if (made)
          s.createdDir = {
            path: made,
            entry: env.ledger.add(
              name,
              'qemu-directory',
              { path: made },
              `output directory ${made}`,
            ),
          };
        if (/^https?:\/\//.test(url)) {
          const path = `${out.disk}.download`;
          s.download = { path, entry: ledgerFile(path, `download of ${url}`) };
          ctx.log(`downloading ${url}`);
          let res: Response;
          try {
            res = await fetch(url, { signal: ctx.signal });
          } catch (e) {
            if (ctx.signal.aborted) throw new CancelledError();
            throw new BuildError(
              `downloading ${url} failed: ${(e as Error).message}`,
              'check iso_url and the network',
            );
          }
          if (!res.ok || !res.body)
            throw new BuildError(`downloading ${url} failed: HTTP ${res.status}`, 'check iso_url');
          const hx = hasher(check);
          const tap = new Transform({
            transform(chunk: Buffer, _e, cb) {
              hx?.h.update(chunk);
              cb(null, chunk);
            },
          });
          await pipeline(Readable.fromWeb(res.body as never), tap, createWriteStream(path), {
            signal: ctx.signal,
          });
          checkDigest(hx, url);
          s.base = path;
        } else {
          const path = url.startsWith('file://') ? fileURLToPath(url) : resolve(env.specDir, url);
          if (!existsSync(path))
            throw new BuildError(
              `the base disk ${path} does not exist`,
              `iso_url is relative to the spec's directory (${env.specDir})`,
            );
          const hx = hasher(check);
          if (hx) {
            await pipeline(createReadStream(path), hx.h, { signal: ctx.signal });
            checkDigest(hx, path);
          }
          s.base = path;
        }
        const info = await diskInfo(s.base, ctx.signal);
        if (!['qcow2', 'raw'].includes(info.format))
          throw new BuildError(
            `the base disk ${url} is ${info.format}, not qcow2 or raw`,
            'convert it first (qemu-img convert -O qcow2), or start from a qcow2 cloud image',
          );
        s.baseFormat = info.format;
        ctx.log(
          `base disk ${basename(s.base)}: ${info.format}, ${(info.size / 2 ** 30).toFixed(1)} GiB`,
        );
      },
      async cleanup(s) {
        if (s.download) forget(s.download.entry, s.download.path);
        // A directory this build made and left empty (it failed) goes too, as in Packer.
        if (s.createdDir) {
          removeEmptyDirs(s.createdDir.path, out.dir);
          env.ledger.done(s.createdDir.entry);
        }
      },
    },
    {
      name: 'working disk',
      async run(s, ctx) {
        const path = backing ? `${out.disk}.overlay` : `${out.disk}.work.qcow2`;
        s.work = { path, entry: ledgerFile(path, backing ? 'qcow2 overlay' : 'working disk') };
        if (backing) {
          if (s.download)
            throw new BuildError(
              'use_backing_file needs the base disk to stay: a downloaded iso_url is removed after the build',
              'download it once to a local file and name that in iso_url, or remove use_backing_file',
            );
          await runTool(
            'qemu-img',
            ['create', '-q', '-f', 'qcow2', '-F', s.baseFormat!, '-b', resolve(s.base!), path],
            ctx.signal,
            'creating the overlay',
          );
        } else {
          await runTool(
            'qemu-img',
            ['convert', '-q', '-f', s.baseFormat!, '-O', 'qcow2', s.base!, path],
            ctx.signal,
            'copying the base disk',
          );
        }
        if (typeof c.disk_size === 'string') {
          const want = sizeBytes(c.disk_size);
          const have = (await diskInfo(path, ctx.signal)).size;
          if (want < have)
            throw new BuildError(
              `disk_size ${c.disk_size} is smaller than the base disk (${Math.ceil(have / 2 ** 20)} MiB)`,
              'a disk is never shrunk: give at least the base size, or remove disk_size',
            );
          if (want > have)
            await runTool(
              'qemu-img',
              ['resize', '-q', path, String(want)],
              ctx.signal,
              'growing the disk',
            );
        }
        // The download has served its purpose once the copy holds it.
        if (s.download) {
          forget(s.download.entry, s.download.path);
          s.download = undefined;
        }
      },
      async cleanup(s) {
        if (s.work) forget(s.work.entry, s.work.path);
      },
    },
    {
      name: 'start VM',
      async run(s, ctx) {
        const dir = mkdtempSync(join(tmpdir(), 'bake-qemu-'));
        s.tmp = {
          dir,
          entry: ledgerFile(dir, 'QEMU runtime directory (QMP socket, serial log, CD)'),
        };
        if (!c.ssh_password && !c.ssh_private_key && !c.ssh_private_key_file && !c.ssh_agent_auth) {
          s.key = temporaryKeyPair('ed25519', `bake-${env.runUuid.slice(0, 8)}`);
          env.generated.SSHPublicKey = s.key.publicKey;
        }
        if (c.cd_files !== undefined || c.cd_content !== undefined)
          s.cd = await makeCd(c, env, s, dir, ctx.signal);
        s.accelerator = accelerator(c, ctx.log);
        const args = [
          '-name',
          basename(out.disk),
          '-machine',
          `${String(c.machine_type ?? 'pc')}${s.accelerator === 'none' ? '' : `,accel=${s.accelerator}`}`,
          '-smp',
          String(c.cpus ?? 1),
          '-m',
          `${String(c.memory ?? 512)}M`,
          '-display',
          'none',
          '-nodefaults',
          '-serial',
          `file:${join(dir, 'serial.log')}`,
          '-qmp',
          `unix:${join(dir, 'qmp.sock')},server=on,wait=off`,
          ...driveArgs(String(c.disk_interface ?? 'virtio'), s.work!.path, 'qcow2'),
          ...(s.cd ? ['-drive', `file=${s.cd},media=cdrom,readonly=on`] : []),
          ...(c.efi_boot === true ? efiArgs(c, dir) : []),
        ];
        const extra = ((c.qemuargs as string[][] | undefined) ?? []).flat();
        const tried = new Set<number>();
        // A port another process takes between our check and QEMU's bind makes QEMU exit
        // at once: that port is skipped and the next one tried, never fought over.
        for (let attempt = 1; ; attempt++) {
          const port = await freePort(
            Number(c.host_port_min ?? 2222),
            Number(c.host_port_max ?? 4444),
            tried,
          );
          tried.add(port);
          const net = [
            '-netdev',
            `user,id=net0,hostfwd=tcp:127.0.0.1:${port}-:${Number(c.ssh_port ?? 22)}`,
            '-device',
            `${String(c.net_device ?? 'virtio-net')},netdev=net0`,
          ];
          s.qemu = startQemu(
            env,
            String(c.qemu_binary ?? 'qemu-system-x86_64'),
            [...args, ...net, ...extra],
            join(dir, 'qmp.sock'),
          );
          const ready = await qmpReady(s.qemu, join(dir, 'qmp.sock'), ctx.signal);
          if (ready) {
            s.port = port;
            break;
          }
          const why = s.qemu.stderr.join('\n');
          env.ledger.done(s.qemu.entry);
          s.qemu = undefined;
          if (/host forwarding|hostfwd/i.test(why) && attempt < 5) {
            ctx.log(`port ${port} was taken meanwhile; trying another`);
            continue;
          }
          throw new BuildError(
            `QEMU exited at start: ${why.split('\n').filter(Boolean).at(-1) ?? 'no message'}`,
            'check qemu_binary, machine_type, accelerator and qemuargs',
            why.split('\n').filter(Boolean).slice(-10),
          );
        }
        ctx.log(
          `QEMU started (pid ${s.qemu.pid}, ${s.accelerator}); SSH forwarded from 127.0.0.1:${s.port}`,
        );
      },
      async cleanup(s) {
        if (s.qemu) {
          await stopQemu({
            pid: String(s.qemu.pid),
            start: s.qemu.start,
            qmp: join(s.tmp!.dir, 'qmp.sock'),
          });
          // Reaped, not only signalled: nothing of it stays in the process table.
          await Promise.race([s.qemu.gone, sleep(2000)]);
          if (!sameProcess(s.qemu.pid, s.qemu.start)) env.ledger.done(s.qemu.entry);
        }
        if (s.tmp) forget(s.tmp.entry, s.tmp.dir);
      },
      cleanupBudgetMs: 20_000,
    },
    {
      name: 'connect',
      async run(s, ctx) {
        const t0 = Date.now();
        const wait = parseDuration(c.boot_wait ?? '10s') ?? 0;
        // Waits end early when QEMU exits: there is nothing left to connect to.
        const vmGone = new AbortController();
        void s.qemu!.gone.then(() => vmGone.abort(new Error('QEMU exited')));
        const signal = AbortSignal.any([ctx.signal, vmGone.signal]);
        const serial = join(s.tmp!.dir, 'serial.log');
        const exited = () =>
          new BuildError(
            `the VM stopped before SSH answered (QEMU exit ${s.qemu!.exited?.code ?? s.qemu!.exited?.signal})`,
            'the serial console below shows how far it booted',
            [...s.qemu!.stderr.slice(-5), ...lastLines(serial, 15)],
          );
        try {
          if (wait) await sleep(wait, signal);
          await connectSsh(
            env,
            c,
            {
              host: '127.0.0.1',
              port: s.port!,
              ...(s.key ? { privateKey: s.key.privateKey } : {}),
            },
            s,
            { signal, log: ctx.log },
            () => ({
              hint: s.cd
                ? `the VM booted but did not let ${String(c.ssh_username)} in: check that cloud-init reads the CD (cd_label cidata) and that its user-data authorizes {{ .SSHPublicKey }}; the serial console ends with the lines below`
                : 'the VM booted but sshd did not let the user in: a base without cloud-init needs a key or password baked in (ssh_private_key_file, ssh_password); the serial console ends with the lines below',
              tail: lastLines(serial, 15),
            }),
          );
        } catch (e) {
          if (vmGone.signal.aborted && !ctx.signal.aborted) throw exited();
          throw e;
        }
        ctx.log(`SSH up ${((Date.now() - t0) / 1000).toFixed(1)}s after QEMU started`);
      },
      async cleanup(s) {
        s.ssh?.close();
      },
      cleanupBudgetMs: 2000,
    },
    provision as Step<QemuState>,
    {
      name: 'shutdown',
      async run(s, ctx) {
        const q = s.qemu!;
        const limit = parseDuration(c.shutdown_timeout ?? '5m') ?? 300_000;
        s.os = await osRelease(s, ctx.signal);
        if (typeof c.shutdown_command === 'string') {
          ctx.log(`shutting down: ${c.shutdown_command}`);
          // The connection dropping under the command is the shutdown working.
          await s
            .ssh!.exec(c.shutdown_command, {
              signal: ctx.signal,
              onStdout: ctx.log,
              onStderr: ctx.log,
            })
            .catch((e: Error) => {
              if (ctx.signal.aborted) throw e;
            });
        } else {
          ctx.log('shutting down: ACPI power button (no shutdown_command)');
          await qmp(join(s.tmp!.dir, 'qmp.sock'), 'system_powerdown');
        }
        const t0 = Date.now();
        if (!(await waitGone(q.pid, q.start, limit, ctx.signal)))
          throw new BuildError(
            `the VM did not power off within shutdown_timeout (${String(c.shutdown_timeout ?? '5m')})`,
            typeof c.shutdown_command === 'string'
              ? 'check that shutdown_command powers off (e.g. sudo poweroff), or raise shutdown_timeout'
              : 'an image without ACPI handling ignores the power button: set shutdown_command (e.g. sudo poweroff)',
            lastLines(join(s.tmp!.dir, 'serial.log'), 10),
          );
        await q.gone;
        s.ssh?.close();
        env.ledger.done(q.entry);
        ctx.log(`VM powered off in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
      },
    },
    {
      name: 'compact disk',
      async run(s, ctx) {
        const work = s.work!;
        // In the ledger before it exists: whatever happens next, it is found and removed.
        s.output = {
          path: out.disk,
          entry: env.ledger.add(name, 'qemu-file', { path: out.disk }, `output disk ${out.disk}`),
        };
        if (backing || c.skip_compaction === true) {
          renameSync(work.path, out.disk);
          env.ledger.done(work.entry);
        } else {
          const partial = `${out.disk}.partial`;
          s.partial = { path: partial, entry: ledgerFile(partial, 'disk being written') };
          await runTool(
            'qemu-img',
            [
              'convert',
              '-q',
              '-f',
              'qcow2',
              '-O',
              out.format,
              ...(c.disk_compression === true ? ['-c'] : []),
              work.path,
              partial,
            ],
            ctx.signal,
            `writing the ${out.format} disk`,
          );
          renameSync(partial, out.disk);
          env.ledger.done(s.partial.entry);
          s.partial = undefined;
          forget(work.entry, work.path);
        }
        s.work = undefined;
        const digest = await hashFile(out.disk);
        const size = statSync(out.disk).size;
        ctx.log(
          `wrote ${out.disk} (${out.format}, ${(size / 2 ** 20).toFixed(0)} MiB, sha256 ${digest})`,
        );
        const properties: Record<string, string> = {
          disk_format: out.format,
          disk_interface: String(c.disk_interface ?? 'virtio'),
          net_device: String(c.net_device ?? 'virtio-net'),
          cpus: String(c.cpus ?? 1),
          memory: String(c.memory ?? 512),
          efi_boot: String(c.efi_boot === true),
          accelerator: s.accelerator!,
          ...s.os,
          ...(backing ? { backing_file: resolve(s.base!) } : {}),
        };
        s.artifact = {
          id: out.disk,
          builderType: 'qemu',
          description: `${out.format} disk ${out.disk}`,
          files: [out.disk],
          digests: [`sha256:${digest}`],
          properties,
          ledgerEntries: [s.output.entry],
          destroy: async () => removePath(out.disk),
        };
      },
      async cleanup(s) {
        if (s.partial) forget(s.partial.entry, s.partial.path);
        // Failed after the disk was in place: it is no result.
        if (s.output && !s.artifact) forget(s.output.entry, s.output.path);
      },
    },
  ];
}

/** The guest's ID, VERSION_ID and PRETTY_NAME (as os_id, os_version, os_name), if it says. */
async function osRelease(s: QemuState, signal: AbortSignal): Promise<Record<string, string>> {
  const lines: string[] = [];
  try {
    const r = await s.ssh!.exec('cat /etc/os-release', { signal, onStdout: (l) => lines.push(l) });
    if (r.exitCode !== 0) return {};
  } catch {
    if (signal.aborted) throw new CancelledError();
    return {};
  }
  const field = (k: string) =>
    lines
      .find((l) => l.startsWith(`${k}=`))
      ?.slice(k.length + 1)
      .replace(/^"(.*)"$/, '$1');
  const out: Record<string, string> = {};
  for (const [k, to] of [
    ['ID', 'os_id'],
    ['VERSION_ID', 'os_version'],
    ['PRETTY_NAME', 'os_name'],
  ]) {
    const v = field(k);
    if (v) out[to] = v;
  }
  return out;
}

function accelerator(c: Config, log: (l: string) => void): string {
  if (typeof c.accelerator === 'string') return c.accelerator;
  if (kvmUsable()) return 'kvm';
  log('no usable /dev/kvm: QEMU emulates the CPU in software (tcg), which is many times slower');
  return 'tcg';
}

function efiArgs(c: Config, dir: string): string[] {
  const code = String(c.efi_firmware_code ?? '/usr/share/OVMF/OVMF_CODE_4M.fd');
  const varsTemplate = String(c.efi_firmware_vars ?? '/usr/share/OVMF/OVMF_VARS_4M.fd');
  for (const [k, f] of [
    ['efi_firmware_code', code],
    ['efi_firmware_vars', varsTemplate],
  ])
    if (!existsSync(f))
      throw new BuildError(
        `${k} ${f} does not exist`,
        'install OVMF (Debian: ovmf) or point it at the firmware',
      );
  // Each VM writes its own copy of the variable store.
  const vars = join(dir, 'efivars.fd');
  copyFileSync(varsTemplate, vars);
  return [
    '-drive',
    `if=pflash,format=raw,unit=0,readonly=on,file=${code}`,
    '-drive',
    `if=pflash,format=raw,unit=1,file=${vars}`,
  ];
}

/** The CD: cd_files and cd_content, with {{ .SSHPublicKey }} filled in, as an ISO 9660 image. */
async function makeCd(
  c: Config,
  env: BuildEnv,
  s: QemuState,
  dir: string,
  signal: AbortSignal,
): Promise<string> {
  const root = join(dir, 'cd');
  mkdirSync(root);
  for (const f of (c.cd_files as string[] | undefined) ?? []) {
    const from = resolve(env.specDir, f);
    if (!existsSync(from))
      throw new BuildError(
        `cd_files: ${f} does not exist`,
        `paths are relative to the spec's directory (${env.specDir})`,
      );
    cpSync(from, join(root, basename(from)), { recursive: true });
  }
  for (const [file, content] of Object.entries(
    (c.cd_content as Record<string, string> | undefined) ?? {},
  )) {
    const to = resolve(root, file);
    if (!to.startsWith(root + '/'))
      throw new BuildError(
        `cd_content: ${file} is outside the CD`,
        'use a relative name such as user-data',
      );
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, fill(content, s.key ? { SSHPublicKey: s.key.publicKey } : {}));
  }
  const iso = join(dir, 'cd.iso');
  await runTool(
    'xorriso',
    ['-as', 'mkisofs', '-quiet', '-o', iso, '-V', String(c.cd_label ?? 'cidata'), '-J', '-r', root],
    signal,
    'making the CD (cd_files, cd_content)',
  );
  return iso;
}

function startQemu(env: BuildEnv, binary: string, args: string[], _qmp: string): Qemu {
  let child: ChildProcess;
  try {
    child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    throw new BuildError(`QEMU could not start: ${(e as Error).message}`, 'check qemu_binary');
  }
  const stderr: string[] = [];
  // QEMU writes a message in pieces: lines are cut only at newlines.
  let partial = '';
  child.stderr!.on('data', (d: Buffer) => {
    const parts = (partial + d.toString()).split('\n');
    partial = parts.pop() ?? '';
    stderr.push(...parts.filter(Boolean));
  });
  child.stderr!.on('end', () => partial && stderr.push(partial));
  // A VM left running on purpose (on-error=abort) must not keep bake from exiting.
  child.unref();
  (child.stderr as unknown as { unref(): void }).unref();
  let resolveGone!: () => void;
  const gone = new Promise<void>((r) => (resolveGone = r));
  const spawnError = new Promise<Error>((r) => child.once('error', r));
  void spawnError.then(() => resolveGone());
  const pid = child.pid;
  const start = pid ? processStartTime(pid) : undefined;
  const q: Qemu = {
    child,
    pid: pid ?? -1,
    start: start ?? '',
    stderr,
    gone,
    entry: env.ledger.add(
      env.instance.name,
      'qemu-process',
      { pid: String(pid ?? -1), start: start ?? '', qmp: _qmp },
      `QEMU process ${pid ?? '(not started)'}`,
    ),
  };
  child.once('exit', (code, sig) => {
    q.exited = { code, signal: sig };
    resolveGone();
  });
  child.once('error', (e: NodeJS.ErrnoException) => {
    q.exited = { code: null, signal: null };
    stderr.push(
      e.code === 'ENOENT' ? `${binary} is not installed (Debian: qemu-system-x86)` : e.message,
    );
  });
  return q;
}

/** Waits until QMP answers (true) or QEMU exits (false). */
async function qmpReady(q: Qemu, socket: string, signal: AbortSignal): Promise<boolean> {
  for (;;) {
    if (q.exited) return false;
    if (existsSync(socket)) {
      const ok = await qmp(socket, 'query-status', 2000).then(
        () => true,
        () => false,
      );
      if (ok) return true;
    }
    await Promise.race([sleep(100, signal), q.gone]);
  }
}

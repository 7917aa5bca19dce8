/** The base disk the qemu builder's tests start from, and ways to look inside disks. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

let base: string | undefined;

/**
 * A bootable Debian disk with cloud-init, built from Debian's packages by
 * scripts/make-qemu-base.sh the first time (about 2 minutes) and cached after.
 */
export function qemuBase(): string {
  base ??= execFileSync('bash', [join(process.cwd(), 'scripts/make-qemu-base.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 600_000,
  }).trim();
  return base;
}

/** The disk's format and virtual size, as qemu-img reads them. */
export function diskInfo(path: string): {
  format: string;
  'virtual-size': number;
  [k: string]: unknown;
} {
  return JSON.parse(
    execFileSync('qemu-img', ['info', '--output=json', path], { encoding: 'utf8' }),
  );
}

/**
 * Reads files from the ext4 root partition of a disk, without mounting it: the disk is
 * converted to raw and debugfs reads the filesystem at the partition's offset (1 MiB).
 */
export function readFromDisk(
  disk: string,
  paths: string[],
  scratch: string,
): Record<string, string> {
  const raw = join(scratch, 'read.raw');
  execFileSync('qemu-img', ['convert', '-O', 'raw', disk, raw]);
  try {
    return Object.fromEntries(
      paths.map((p) => [
        p,
        execFileSync('debugfs', ['-R', `cat ${p}`, `${raw}?offset=1048576`], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        }),
      ]),
    );
  } finally {
    rmSync(raw, { force: true });
  }
}

/** QEMU processes whose command line names this path (a build's working disk). */
export function qemuProcessesUsing(path: string): number[] {
  const pids: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      if (cmd.startsWith('qemu-system') && cmd.includes(path)) pids.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** A NoCloud seed that lets `bake` in with the build's temporary key. */
export const CIDATA = `
      user-data: |
        #cloud-config
        users:
          - name: bake
            sudo: ALL=(ALL) NOPASSWD:ALL
            shell: /bin/bash
            ssh_authorized_keys: ['{{ .SSHPublicKey }}']
      meta-data: |
        instance-id: bake-test
        local-hostname: baked`;

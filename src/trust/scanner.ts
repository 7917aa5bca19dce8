/**
 * What every scanner gets and gives, and the runner-side helpers the in-machine scanners
 * share: finding a program on the runner, running a command in the machine, and a scratch
 * directory there that is removed whatever happens.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Communicator } from '../communicators/communicator';
import { shQuote } from '../communicators/communicator';
import { BuildError } from '../engine/errors';
import type { Finding } from './findings';

export interface ScanContext {
  comm: Communicator;
  signal: AbortSignal;
  out: (stream: 'stdout' | 'stderr' | 'info', line: string) => void;
  /** a local directory for this build's files (reports); exists */
  filesDir: string;
  /** the build's CycloneDX SBOM file on the runner, when one was written */
  sbomFile?: string;
}

export interface ScanResult {
  findings: Finding[];
  /** local report files kept as build files */
  files: string[];
  /** one line, e.g. "hardening index 64, 3 warnings, 21 suggestions" */
  summary: string;
  metrics?: Record<string, number>;
}

const CLEANUP_MS = 30_000;

/** Looks a program up on PATH on the runner, then in `also`. */
export function findProgram(
  name: string,
  path = process.env.PATH ?? '',
  also: string[] = [],
): string | undefined {
  const dirs = [...path.split(delimiter), ...also];
  for (const d of dirs) {
    if (!d) continue;
    const p = join(d, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Runs a command and collects its stdout; stderr lines go to the build's output. */
export async function capture(
  ctx: ScanContext,
  command: string,
  signal = ctx.signal,
): Promise<{ exitCode: number; stdout: string[]; tail: string[] }> {
  const stdout: string[] = [];
  const r = await ctx.comm.exec(command, {
    signal,
    onStdout: (l) => stdout.push(l),
    onStderr: (l) => ctx.out('stderr', l),
  });
  return { exitCode: r.exitCode, stdout, tail: r.tail };
}

export interface Scratch {
  /** The directory on the machine, made by mktemp -d. */
  dir: string;
  /** "" as root, "sudo -n " otherwise. */
  sudo: string;
}

/**
 * Makes a scratch directory on the machine, hands it to `fn` and removes it afterwards, also
 * when `fn` fails or the build is cancelled: the removal has its own time budget. A scanner
 * started with `<dir>/.pid` written is stopped first. `cleanup` is more shell to run before
 * the directory goes (for files a scanner writes elsewhere).
 */
export async function withScratch<T>(
  ctx: ScanContext,
  scanner: string,
  fn: (s: Scratch) => Promise<T>,
  cleanup: (quotedDir: string) => string = () => '',
): Promise<T> {
  const r = await capture(
    ctx,
    `u=$(id -u) || exit 1; if [ "$u" = 0 ]; then s=; elif sudo -n true 2>/dev/null; then s='sudo -n '; else echo "nosudo $(id -un)"; exit 0; fi; d=$($s mktemp -d "\${TMPDIR:-/tmp}/bake-${scanner}.XXXXXXXX") || exit 1; $s chmod 700 "$d" && echo "ok $u $d"`,
  );
  const line = r.stdout.find((l) => /^(ok|nosudo) /.test(l));
  if (line?.startsWith('nosudo '))
    throw new BuildError(
      `${scanner} must run as root, and the user ${line.slice(7)} cannot use sudo without a password on the machine`,
      'connect as root, or give the build user passwordless sudo',
    );
  const m = /^ok (\d+) (\/\S+)$/.exec(line ?? '');
  if (r.exitCode !== 0 || !m)
    throw new BuildError(
      `cannot make a scratch directory for ${scanner} on the machine (mktemp -d): ${r.tail.join(' | ') || `exit code ${r.exitCode}`}`,
      'the machine needs a writable /tmp (or $TMPDIR) and mktemp',
    );
  const scratch: Scratch = { dir: m[2], sudo: m[1] === '0' ? '' : 'sudo -n ' };
  let result: T | undefined;
  let error: { e: unknown } | undefined;
  try {
    result = await fn(scratch);
  } catch (e) {
    error = { e };
  }
  const d = shQuote(scratch.dir);
  // Stop a scanner still running (after a cancel the exec is gone, the process is not), with
  // everything it started: each process is stopped before its children are looked up, so
  // nothing forks away, then killed.
  const stop = `kt() { kill -STOP "$1" 2>/dev/null; for c in $(grep -l "^PPid:[[:space:]]*$1\\$" /proc/[0-9]*/status 2>/dev/null | cut -d/ -f3); do kt "$c"; done; kill -9 "$1" 2>/dev/null; }; if [ -f ${d}/.pid ]; then p=$(cat ${d}/.pid); if kill -0 "$p" 2>/dev/null; then kt "$p"; sleep 0.2; fi; fi`;
  const script = `${stop}; ${cleanup(d)}\nrm -rf ${d} && ! [ -e ${d} ]`;
  const c = await capture(
    ctx,
    `${scratch.sudo}sh -c ${shQuote(script)}`,
    AbortSignal.timeout(CLEANUP_MS),
  ).catch((e: Error) => ({ exitCode: -1, stdout: [], tail: [e.message] }));
  const leftover =
    c.exitCode === 0
      ? undefined
      : `could not remove ${scanner}'s scratch directory ${scratch.dir} from the machine: ${c.tail.join(' | ') || `exit code ${c.exitCode}`}`;
  if (error) {
    if (leftover) ctx.out('stderr', leftover);
    throw error.e;
  }
  // A leftover in the image is a failure of its own.
  if (leftover)
    throw new BuildError(leftover, 'remove it in a provisioner before the image is captured');
  return result as T;
}

/**
 * Lynis over the build's communicator. The runner's lynis (program, include files, databases,
 * plugins) goes into a fresh scratch directory on the machine with a profile of our own; it
 * runs there as root with its log, report, PID and temporary files accounted for, and the
 * scratch directory is removed afterwards whatever happened, so the image keeps nothing of it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { shQuote } from '../communicators/communicator';
import { BuildError } from '../engine/errors';
import type { Finding } from './findings';
import { capture, findProgram, Scratch, ScanContext, ScanResult, withScratch } from './scanner';

export type { ScanContext, ScanResult } from './scanner';

export interface LynisOptions {
  /** The lowest hardening index that passes. */
  minIndex?: number;
  /** Only these lynis tests (ids like SSH-7408), as `--tests` takes them. */
  tests?: string[];
}

export interface LynisResult extends ScanResult {
  index: number;
  /** Set when minIndex was given and the index is below it: what to tell the user. */
  indexFailure?: string;
}

/** How long cleanup may take on the machine, also after the scan was cancelled. */
/** The message for a hardening index below the spec's min_index, or undefined when it passes. */
export function lynisGate(index: number, minIndex: number | undefined): string | undefined {
  if (minIndex === undefined || index >= minIndex) return undefined;
  return `the lynis hardening index is ${index}, below min_index ${minIndex}`;
}

/** Debian keeps lynis in sbin, which a user's PATH may leave out. */
const SBIN = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

/** Where the runner's lynis is: the program and the directory with include/ and db/. */
function locateLynis(): { program: string; share: string; plugins?: string; profile?: string } {
  const program = findProgram('lynis', process.env.PATH, SBIN);
  if (!program)
    throw new BuildError(
      'lynis is not installed on the runner',
      'install it on the runner (sudo apt-get install -y lynis); it is copied to the machine for the scan and removed again',
    );
  const share = [
    '/usr/local/share/lynis',
    '/usr/share/lynis',
    dirname(program), // a standalone copy: include/ and db/ beside the program
  ].find((d) => existsSync(join(d, 'include', 'functions')) && existsSync(join(d, 'db')));
  if (!share)
    throw new BuildError(
      `lynis is at ${program}, but its include and db directories are not found`,
      'reinstall lynis on the runner',
    );
  const plugins = [join(share, 'plugins'), '/etc/lynis/plugins'].find((d) => existsSync(d));
  const profile = [join(share, 'default.prf'), '/etc/lynis/default.prf'].find((f) => existsSync(f));
  return { program, share, plugins, profile };
}

/**
 * The profile the scan uses: the installed default with the settings that would write into
 * the image or the output turned off (refresh-repositories runs apt-get update).
 */
function profileText(base: string | undefined): string {
  const forced: Record<string, string> = {
    colors: 'no',
    'refresh-repositories': 'no',
    'skip-upgrade-test': 'yes',
    quick: 'yes',
    upload: 'no',
  };
  const lines = (base ? readFileSync(base, 'utf8') : '')
    .split('\n')
    .filter((l) => !Object.keys(forced).includes(l.split('=')[0].trim()));
  lines.push(
    '# set for a scan during an image build',
    ...Object.entries(forced).map(([k, v]) => `${k}=${v}`),
  );
  return lines.join('\n') + '\n';
}

const TOOLS = [
  'awk',
  'cat',
  'cut',
  'find',
  'grep',
  'head',
  'id',
  'ls',
  'sed',
  'sort',
  'tail',
  'tr',
  'uname',
  'uniq',
  'wc',
];

export interface LynisReport {
  index?: number;
  testsDone?: number;
  warnings: { id: string; text: string; details?: string; solution?: string }[];
  suggestions: { id: string; text: string; details?: string; solution?: string }[];
}

/** Reads lynis-report.dat: key=value lines, `key[]=` for lists, list fields split by `|`. */
export function parseLynisReport(text: string): LynisReport {
  const rep: LynisReport = { warnings: [], suggestions: [] };
  const field = (s: string | undefined) => (s && s !== '-' ? s : undefined);
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)(\[\])?=(.*)$/.exec(line.trimEnd());
    if (!m) continue;
    const [, key, , value] = m;
    if (key === 'hardening_index' && /^\d+$/.test(value)) rep.index = Number(value);
    else if (key === 'lynis_tests_done' && /^\d+$/.test(value)) rep.testsDone = Number(value);
    else if (key === 'warning' || key === 'suggestion') {
      const [id, text, details, solution] = value.split('|');
      if (!id) continue;
      const entry = { id, text: text ?? '', details: field(details), solution: field(solution) };
      (key === 'warning' ? rep.warnings : rep.suggestions).push(entry);
    }
  }
  return rep;
}

export async function runLynis(ctx: ScanContext, o: LynisOptions = {}): Promise<LynisResult> {
  const found = locateLynis();
  const tests = o.tests ?? [];
  for (const t of tests)
    if (!/^[A-Za-z0-9_-]+$/.test(t))
      throw new BuildError(
        `"${t}" is not a lynis test id`,
        'test ids look like SSH-7408 or KRNL-5820',
      );

  // What goes to the machine, staged on the runner first.
  const stage = mkdtempSync(join(tmpdir(), 'bake-lynis-'));
  try {
    cpSync(found.program, join(stage, 'lynis'));
    cpSync(join(found.share, 'include'), join(stage, 'include'), { recursive: true });
    cpSync(join(found.share, 'db'), join(stage, 'db'), { recursive: true });
    if (found.plugins) cpSync(found.plugins, join(stage, 'plugins'), { recursive: true });
    writeFileSync(join(stage, 'default.prf'), profileText(found.profile));
    // apt-get and apt-cache would otherwise write their binary caches into the image.
    writeFileSync(
      join(stage, 'apt.conf'),
      'Dir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n',
    );

    // Lynis' own leftovers outside the scratch directory: its PID file (root's is in
    // /var/run) and mktemp files in /tmp; only those this run made are removed.
    const cleanup = (d: string) =>
      `if [ -f ${d}/.pid-mine ]; then rm -f /var/run/lynis.pid; fi; for f in /tmp/lynis.*; do [ -e "$f" ] || continue; grep -qxF "$f" ${d}/.tmp-before 2>/dev/null || rm -f "$f"; done`;

    return await withScratch(ctx, 'lynis', (s) => audit(ctx, s, stage, tests, o.minIndex), cleanup);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

async function audit(
  ctx: ScanContext,
  { dir, sudo }: Scratch,
  stage: string,
  tests: string[],
  minIndex: number | undefined,
): Promise<LynisResult> {
  const d = shQuote(dir);
  const pre = await capture(
    ctx,
    `for t in ${TOOLS.join(' ')}; do command -v $t >/dev/null 2>&1 || echo "missing $t"; done; [ -e /var/run/lynis.pid ] && echo "pidfile"; exit 0`,
  );
  const missing = pre.stdout.filter((l) => l.startsWith('missing ')).map((l) => l.slice(8));
  if (missing.length)
    throw new BuildError(
      `lynis needs ${missing.join(', ')} on the machine, and ${missing.length === 1 ? 'it is' : 'they are'} missing`,
      'install them in a provisioner before the scan (on Debian: coreutils, grep, sed, findutils, gawk or mawk)',
    );
  if (pre.stdout.includes('pidfile'))
    throw new BuildError(
      'the machine has /var/run/lynis.pid: another lynis is running there, or one was stopped without cleaning up',
      'remove /var/run/lynis.pid in a provisioner if no lynis runs',
    );

  ctx.out('info', `lynis: copying the auditor to ${dir}`);
  await ctx.comm.upload(stage + '/', dir, ctx.signal);
  // Lynis refuses include files not owned by the user running it or writable by others.
  const prep = await capture(
    ctx,
    `${sudo}sh -c ${shQuote(`chown -R 0:0 ${d} && chmod -R go-w ${d} && chmod 700 ${d} && (ls -d /tmp/lynis.* 2>/dev/null; true) > ${d}/.tmp-before`)}`,
  );
  if (prep.exitCode !== 0)
    throw new BuildError(`cannot prepare lynis' files on the machine: ${prep.tail.join(' | ')}`);

  const args = [
    'audit',
    'system',
    '--usecwd',
    '--cronjob',
    '--quiet',
    '--no-colors',
    '--logfile',
    `${dir}/lynis.log`,
    '--report-file',
    `${dir}/lynis-report.dat`,
    '--plugindir',
    `${dir}/plugins`,
    ...(tests.length ? ['--tests', tests.join(' ')] : []),
  ]
    .map(shQuote)
    .join(' ');
  // --quiet also skips the five seconds lynis sleeps after each exceptional event.
  const script = `cd ${d} || exit 1; touch ${d}/.pid-mine; echo $$ > ${d}/.pid; APT_CONFIG=${d}/apt.conf; export APT_CONFIG; exec sh ./lynis ${args}`;
  ctx.out(
    'info',
    `lynis: auditing the system${tests.length ? ` (tests ${tests.join(', ')})` : ''}`,
  );
  const run = await ctx.comm.exec(`${sudo}sh -c ${shQuote(script)}`, {
    signal: ctx.signal,
    onStdout: (l) => ctx.out('stdout', l),
    onStderr: (l) => ctx.out('stderr', l),
  });

  const files: string[] = [];
  const report = join(ctx.filesDir, 'lynis-report.dat');
  const log = join(ctx.filesDir, 'lynis.log');
  // Readable by the connecting user for download.
  await capture(
    ctx,
    `${sudo}chmod 755 ${d}; ${sudo}chmod 644 ${d}/lynis-report.dat ${d}/lynis.log 2>/dev/null; true`,
  );
  for (const [remote, local] of [
    [`${dir}/lynis-report.dat`, report],
    [`${dir}/lynis.log`, log],
  ]) {
    try {
      await ctx.comm.download(remote, local, ctx.signal);
      files.push(local);
    } catch (e) {
      if (ctx.signal.aborted) throw e;
    }
  }
  if (run.exitCode !== 0)
    throw new BuildError(
      `lynis failed on the machine (exit code ${run.exitCode})${run.tail.length ? `: ${run.tail.slice(-5).join(' | ')}` : ''}`,
      files.includes(log) ? `its log is kept as ${log}` : undefined,
      run.tail,
    );
  if (!files.includes(report))
    throw new BuildError('lynis ran but wrote no report file on the machine', undefined, run.tail);
  const rep = parseLynisReport(readFileSync(report, 'utf8'));
  if (rep.index === undefined)
    throw new BuildError(
      'the lynis report has no hardening_index',
      `see ${report}${files.includes(log) ? ` and ${log}` : ''}`,
    );
  const findings: Finding[] = [
    ...rep.warnings.map((w) => toFinding(w, 'high')),
    ...rep.suggestions.map((s) => toFinding(s, 'low')),
  ];
  const summary = `hardening index ${rep.index}, ${rep.warnings.length} warning${rep.warnings.length === 1 ? '' : 's'}, ${rep.suggestions.length} suggestion${rep.suggestions.length === 1 ? '' : 's'}`;
  ctx.out('info', `lynis: ${summary}`);
  const metrics: Record<string, number> = {
    hardening_index: rep.index,
    warnings: rep.warnings.length,
    suggestions: rep.suggestions.length,
  };
  if (rep.testsDone !== undefined) metrics.tests_done = rep.testsDone;
  return {
    findings,
    files,
    summary,
    metrics,
    index: rep.index,
    indexFailure: lynisGate(rep.index, minIndex),
  };
}

function toFinding(
  e: { id: string; text: string; details?: string; solution?: string },
  severity: 'high' | 'low',
): Finding {
  const detail = [e.details, e.solution && `solution: ${e.solution}`].filter(Boolean).join('; ');
  return { scanner: 'lynis', id: e.id, severity, title: e.text, ...(detail ? { detail } : {}) };
}

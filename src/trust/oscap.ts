/**
 * OpenSCAP over the build's communicator, without installing it in the machine: the runner's
 * oscap goes to a scratch directory with every shared library ldd names and the dynamic
 * loader, and runs through that loader (OpenSCAP 1.3 runs its OVAL probes in-process, so the
 * one program is the whole scanner). The results come back as ARF; the HTML report is made on
 * the runner, and the scratch directory is removed afterwards.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { shQuote } from '../communicators/communicator';
import { BuildError } from '../engine/errors';
import type { Finding, Severity } from './findings';
import { capture, findProgram, ScanContext, ScanResult, withScratch } from './scanner';

export interface OscapOptions {
  /** A SCAP source data stream on the runner. */
  datastream: string;
  /** The XCCDF profile id to evaluate. */
  profile: string;
  /** An XCCDF tailoring file on the runner. */
  tailoring?: string;
}

export interface RuleResult {
  id: string;
  result: string;
  severity: Severity;
  title: string;
}

/** XCCDF results that mean the rule is not met. */
const FAILING = new Set(['fail', 'error']);

function xccdfSeverity(s: string | undefined): Severity {
  return s === 'high' || s === 'medium' || s === 'low' ? s : 'unknown';
}

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(attrs)
    ?.slice(1)
    .find((v) => v !== undefined);
}

function text(xml: string): string {
  return xml
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The rule results of an ARF or XCCDF results document, with each rule's title from the
 * benchmark in it. XCCDF's elements are plain and well defined (rule-result with idref and
 * severity, a result child; Rule with id and a title), which a careful pattern reads well.
 */
export function parseRuleResults(xml: string): RuleResult[] {
  const ns = '(?:[A-Za-z_][\\w.-]*:)?';
  const titles = new Map<string, string>();
  const ruleRe = new RegExp(`<${ns}Rule\\b([^>]*)>([\\s\\S]*?)</${ns}Rule>`, 'g');
  for (const m of xml.matchAll(ruleRe)) {
    const id = attr(m[1], 'id');
    const t = new RegExp(`<${ns}title\\b[^>]*>([\\s\\S]*?)</${ns}title>`).exec(m[2]);
    if (id && t) titles.set(id, text(t[1]));
  }
  const out: RuleResult[] = [];
  const seen = new Set<string>();
  const resRe = new RegExp(`<${ns}rule-result\\b([^>]*)>([\\s\\S]*?)</${ns}rule-result>`, 'g');
  for (const m of xml.matchAll(resRe)) {
    const id = attr(m[1], 'idref');
    const r = new RegExp(`<${ns}result\\b[^>]*>\\s*([a-z]+)\\s*</${ns}result>`).exec(m[2]);
    if (!id || !r || seen.has(id)) continue;
    seen.add(id);
    out.push({
      id,
      result: r[1],
      severity: xccdfSeverity(attr(m[1], 'severity')),
      title: titles.get(id) ?? id,
    });
  }
  return out;
}

/** The shared libraries and the loader ldd lists for a program. */
function libraries(program: string): { loader: string; libs: string[] } {
  let out: string;
  try {
    out = execFileSync('ldd', [program], { encoding: 'utf8' });
  } catch (e) {
    throw new BuildError(`cannot list the libraries of ${program} (ldd): ${(e as Error).message}`);
  }
  const libs: string[] = [];
  let loader: string | undefined;
  for (const line of out.split('\n')) {
    const missing = /^\s*(\S+) => not found/.exec(line);
    if (missing)
      throw new BuildError(
        `oscap on the runner misses the library ${missing[1]}`,
        'reinstall openscap-scanner',
      );
    const lib = /=>\s*(\/\S+)/.exec(line);
    if (lib) libs.push(lib[1]);
    else if (/^\s*\/\S+/.test(line)) loader = line.trim().split(/\s+/)[0];
  }
  if (!loader)
    throw new BuildError(
      `ldd names no dynamic loader for ${program}`,
      'oscap on the runner must be a dynamically linked program',
    );
  return { loader, libs };
}

function runnerArch(): string {
  return execFileSync('uname', ['-m'], { encoding: 'utf8' }).trim();
}

export async function runOscap(ctx: ScanContext, o: OscapOptions): Promise<ScanResult> {
  const oscap = findProgram('oscap');
  if (!oscap)
    throw new BuildError(
      'OpenSCAP (oscap) is not installed on the runner',
      'install it on the runner (sudo apt-get install -y openscap-scanner); it is copied to the machine for the scan and removed again, never installed there',
    );
  const datastream = resolve(o.datastream);
  if (!existsSync(datastream))
    throw new BuildError(`the SCAP data stream ${o.datastream} does not exist on the runner`);
  const tailoring = o.tailoring === undefined ? undefined : resolve(o.tailoring);
  if (tailoring && !existsSync(tailoring))
    throw new BuildError(`the tailoring file ${o.tailoring} does not exist on the runner`);
  if (!/^[\w.:-]+$/.test(o.profile))
    throw new BuildError(`"${o.profile}" is not an XCCDF profile id`);

  const arch = runnerArch();
  const m = await capture(ctx, 'uname -m');
  const machineArch = m.stdout.join('').trim();
  if (m.exitCode !== 0 || !machineArch)
    throw new BuildError(
      `cannot tell the machine's architecture (uname -m): ${m.tail.join(' | ')}`,
    );
  if (machineArch !== arch)
    throw new BuildError(
      `OpenSCAP cannot scan this machine: it is ${machineArch}, the runner's oscap is built for ${arch}`,
      `scan on a runner of the machine's architecture (${machineArch})`,
    );

  const { loader, libs } = libraries(oscap);
  const stage = mkdtempSync(join(tmpdir(), 'bake-oscap-'));
  try {
    mkdirSync(join(stage, 'lib'));
    // copyFileSync follows links (the loader and most libraries are links) and keeps modes.
    copyFileSync(oscap, join(stage, 'oscap'));
    copyFileSync(loader, join(stage, basename(loader)));
    for (const l of libs) copyFileSync(l, join(stage, 'lib', basename(l)));
    copyFileSync(datastream, join(stage, 'ds.xml'));
    if (tailoring) copyFileSync(tailoring, join(stage, 'tailoring.xml'));
    // The dpkginfo probe reads the package database through libapt-pkg, which would
    // otherwise write its binary caches into the image.
    writeFileSync(
      join(stage, 'apt.conf'),
      'Dir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n',
    );
    return await withScratch(ctx, 'oscap', (s) =>
      evaluate(ctx, s.dir, s.sudo, basename(loader), o.profile, !!tailoring, stage),
    );
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

async function evaluate(
  ctx: ScanContext,
  dir: string,
  sudo: string,
  loader: string,
  profile: string,
  tailored: boolean,
  stage: string,
): Promise<ScanResult> {
  const d = shQuote(dir);
  ctx.out('info', `oscap: copying OpenSCAP to ${dir}`);
  await ctx.comm.upload(stage + '/', dir, ctx.signal);
  const args = [
    `${dir}/${loader}`,
    '--inhibit-cache',
    '--library-path',
    `${dir}/lib`,
    `${dir}/oscap`,
    'xccdf',
    'eval',
    '--skip-valid',
    '--profile',
    profile,
    ...(tailored ? ['--tailoring-file', `${dir}/tailoring.xml`] : []),
    '--results-arf',
    `${dir}/arf.xml`,
    `${dir}/ds.xml`,
  ]
    .map(shQuote)
    .join(' ');
  const script = `cd ${d} || exit 1; echo $$ > ${d}/.pid; APT_CONFIG=${d}/apt.conf; export APT_CONFIG; exec ${args}`;
  ctx.out('info', `oscap: evaluating profile ${profile}`);
  const run = await ctx.comm.exec(`${sudo}sh -c ${shQuote(script)}`, {
    signal: ctx.signal,
    onStdout: (l) => ctx.out('stdout', l),
    onStderr: (l) => ctx.out('stderr', l),
  });
  // oscap: 0 all rules pass, 2 some fail, 1 an error.
  if (run.exitCode !== 0 && run.exitCode !== 2) {
    const tail = run.tail.slice(-5).join(' | ');
    const noexec = run.exitCode === 126 || /permission denied/i.test(tail);
    throw new BuildError(
      `OpenSCAP failed on the machine (exit code ${run.exitCode})${tail ? `: ${tail}` : ''}`,
      noexec
        ? `programs cannot run from ${dir}: is its file system mounted noexec? Set TMPDIR for the build user to a directory that allows it`
        : 'check the profile id and the data stream (oscap info <data stream> lists the profiles)',
      run.tail,
    );
  }
  await capture(ctx, `${sudo}chmod 755 ${d}; ${sudo}chmod 644 ${d}/arf.xml; true`);
  const arf = join(ctx.filesDir, 'oscap-arf.xml');
  await ctx.comm.download(`${dir}/arf.xml`, arf, ctx.signal);
  const html = join(ctx.filesDir, 'oscap-report.html');
  const oscap = findProgram('oscap') as string;
  try {
    execFileSync(oscap, ['xccdf', 'generate', 'report', '--output', html, arf], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (e) {
    const stderr = String((e as { stderr?: Buffer }).stderr ?? '').trim();
    throw new BuildError(
      `oscap could not make the HTML report from ${arf}: ${stderr.split('\n').slice(-3).join(' | ') || (e as Error).message}`,
    );
  }
  // Rules the profile leaves out are listed too, as notselected: they were not evaluated.
  const results = parseRuleResults(readFileSync(arf, 'utf8')).filter(
    (r) => r.result !== 'notselected',
  );
  if (!results.length)
    throw new BuildError(
      `the OpenSCAP results (${arf}) have no evaluated rules`,
      `does profile ${profile} select any rules?`,
    );
  const failing = results.filter((r) => FAILING.has(r.result));
  const findings: Finding[] = failing.map((r) => ({
    scanner: 'oscap',
    id: r.id,
    severity: r.severity,
    title: r.title,
    ...(r.result === 'error' ? { detail: 'the check could not be evaluated (error)' } : {}),
  }));
  const count = (res: string) => results.filter((r) => r.result === res).length;
  const metrics = {
    pass: count('pass'),
    fail: count('fail'),
    error: count('error'),
    rules: results.length,
  };
  const summary = `${metrics.pass} passed, ${metrics.fail} failed${metrics.error ? `, ${metrics.error} errors` : ''} of ${results.length} rules`;
  ctx.out('info', `oscap: ${summary}`);
  return { findings, files: [arf, html], summary, metrics };
}

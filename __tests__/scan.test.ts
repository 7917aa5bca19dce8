/**
 * Lynis and OpenSCAP over real communicators: a debian:bookworm container through the Docker
 * API, and sshd in another through SSH. Each scan must leave nothing behind in the machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type Docker from 'dockerode';
import type { Communicator } from '../src/communicators/communicator';
import { DockerCommunicator } from '../src/communicators/docker';
import { SshCommunicator } from '../src/communicators/ssh';
import { BuildError } from '../src/engine/errors';
import { gate } from '../src/trust/findings';
import { lynisGate, parseLynisReport, runLynis, ScanContext } from '../src/trust/lynis';
import { parseRuleResults, runOscap } from '../src/trust/oscap';
import { docker, requireDocker } from './helpers/docker';
import { startSshd, Sshd } from './helpers/sshd';

const FIX = resolve('__tests__/fixtures/scan');
const MARKER = '/dev/shm/bake-scan-marker';

let root: string;
let container: Docker.Container;
let box: DockerCommunicator;
let sshd: Sshd;
let ssh: SshCommunicator;
let datastream: string;

beforeAll(async () => {
  await requireDocker();
  root = mkdtempSync(join(tmpdir(), 'bake-scan-'));
  container = await docker.createContainer({
    Image: 'debian:bookworm',
    Cmd: ['sleep', 'infinity'],
    HostConfig: { NetworkMode: 'none' },
  });
  await container.start();
  box = new DockerCommunicator(docker, container, { fixUploadOwner: false });
  sshd = await startSshd();
  ssh = new SshCommunicator({
    host: sshd.ip,
    port: 22,
    username: 'root',
    password: sshd.password,
    timeoutMs: 60_000,
    handshakeAttempts: 3,
    keepAliveMs: 2000,
    pty: false,
  });
  await ssh.connect(AbortSignal.timeout(60_000));

  // The data stream the OpenSCAP tests use, composed from the fixtures and validated.
  const ds = join(root, 'ds');
  mkdirSync(ds);
  for (const f of ['xccdf.xml', 'oval.xml']) copyFileSync(join(FIX, f), join(ds, f));
  datastream = join(ds, 'ds.xml');
  execFileSync('oscap', ['ds', 'sds-compose', 'xccdf.xml', 'ds.xml'], { cwd: ds });
  execFileSync('oscap', ['ds', 'sds-validate', 'ds.xml'], { cwd: ds });
}, 120_000);

afterAll(async () => {
  ssh?.close();
  await sshd?.remove();
  await container?.remove({ force: true }).catch(() => undefined);
  if (root) rmSync(root, { recursive: true, force: true });
});

async function sh(comm: Communicator, command: string): Promise<string[]> {
  const out: string[] = [];
  const r = await comm.exec(command, {
    signal: AbortSignal.timeout(60_000),
    onStdout: (l) => out.push(l),
    onStderr: (l) => out.push(`stderr: ${l}`),
  });
  if (r.exitCode !== 0) throw new Error(`${command}: exit ${r.exitCode}: ${out.join('\n')}`);
  return out;
}

let cases = 0;
function context(comm: Communicator, signal = AbortSignal.timeout(300_000)) {
  const filesDir = join(root, `files-${++cases}`);
  mkdirSync(filesDir);
  const lines: string[] = [];
  const ctx: ScanContext = { comm, signal, out: (s, l) => lines.push(`${s}: ${l}`), filesDir };
  /** The scratch directory the scan said it used. */
  const scratch = () => {
    const m = lines.map((l) => / to (\/\S+)$/.exec(l)).find(Boolean);
    if (!m) throw new Error(`no scratch directory in the output:\n${lines.join('\n')}`);
    return m[1];
  };
  return { ctx, filesDir, lines, scratch };
}

/** Marks the time before a scan: everything changed later shows with find -newer. */
async function mark(comm: Communicator): Promise<void> {
  await sh(comm, `touch ${MARKER}`);
}

/**
 * What changed on the machine's root file system since the mark. A directory's own mtime
 * moves when an entry is made in it and removed again: /tmp (the scratch directory), /run
 * (lynis' PID file) and / (the Docker API extracts uploads there). Those three are left out;
 * anything made in them still shows as itself.
 */
async function changedSinceMark(comm: Communicator): Promise<string[]> {
  const out = await sh(
    comm,
    `find / -xdev \\( -path /proc -o -path /sys -o -path /dev \\) -prune -o -newer ${MARKER} \\( ! -type d -o ! \\( -path / -o -path /tmp -o -path /run -o -path /var/run \\) \\) -print`,
  );
  return out.filter((l) => !l.startsWith('stderr:'));
}

/** Lynis' usual droppings, by name. */
async function lynisLeftovers(comm: Communicator): Promise<string[]> {
  return sh(
    comm,
    'ls -d /var/log/lynis* /var/log/lynis-report.dat /root/lynis* /tmp/lynis.* /tmp/bake-* /var/run/lynis.pid /run/lynis.pid 2>/dev/null; true',
  );
}

function checkLynisResult(
  r: Awaited<ReturnType<typeof runLynis>>,
  filesDir: string,
): { warnings: string[] } {
  expect(Number.isInteger(r.index)).toBe(true);
  expect(r.index).toBeGreaterThanOrEqual(0);
  expect(r.index).toBeLessThanOrEqual(100);
  const report = join(filesDir, 'lynis-report.dat');
  const log = join(filesDir, 'lynis.log');
  expect(r.files).toEqual([report, log]);
  const text = readFileSync(report, 'utf8');
  expect(text).toContain(`hardening_index=${r.index}\n`);
  expect(readFileSync(log, 'utf8')).toContain('Lynis');
  // The findings are the report's lines, one for one.
  const lines = (key: string) =>
    text
      .split('\n')
      .filter((l) => l.startsWith(`${key}[]=`))
      .map((l) => l.slice(key.length + 3).split('|'));
  const warnings = lines('warning');
  const suggestions = lines('suggestion');
  expect(r.findings.filter((f) => f.severity === 'high').map((f) => [f.id, f.title])).toEqual(
    warnings.map((w) => [w[0], w[1]]),
  );
  expect(r.findings.filter((f) => f.severity === 'low').map((f) => [f.id, f.title])).toEqual(
    suggestions.map((s) => [s[0], s[1]]),
  );
  expect(r.findings).toHaveLength(warnings.length + suggestions.length);
  expect(r.findings.every((f) => f.scanner === 'lynis')).toBe(true);
  expect(r.summary).toBe(
    `hardening index ${r.index}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}, ${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'}`,
  );
  expect(r.metrics).toMatchObject({
    hardening_index: r.index,
    warnings: warnings.length,
    suggestions: suggestions.length,
  });
  return { warnings: warnings.map((w) => w[0]) };
}

describe('lynis', () => {
  it('audits a container over the Docker API, keeps its report and log, and leaves no trace', async () => {
    await mark(box);
    const { ctx, filesDir, scratch } = context(box);
    const r = await runLynis(ctx, { minIndex: 101 });
    const { warnings } = checkLynisResult(r, filesDir);
    // A stock container has no security repository and no klogd: lynis warns about both.
    expect(warnings).toEqual(expect.arrayContaining(['PKGS-7388']));
    expect(r.indexFailure).toBe(`the lynis hardening index is ${r.index}, below min_index 101`);
    // Warnings are high: a gate on high fails on them.
    expect(gate(r.findings, { failOn: 'high', ignore: [] }).failing.length).toBe(warnings.length);

    expect(await sh(box, `test -e ${scratch()} && echo there || echo gone`)).toEqual(['gone']);
    expect(await lynisLeftovers(box)).toEqual([]);
    expect(await changedSinceMark(box)).toEqual([]);
  });

  it('audits an SSH host with a chosen set of tests and leaves no trace', async () => {
    await mark(ssh);
    const { ctx, filesDir, scratch } = context(ssh);
    const chosen = ['AUTH-9230', 'FILE-6310', 'KRNL-5820'];
    const r = await runLynis(ctx, { tests: chosen });
    checkLynisResult(r, filesDir);
    expect(r.indexFailure).toBeUndefined();
    // Only the chosen tests ran.
    const log = readFileSync(join(filesDir, 'lynis.log'), 'utf8');
    const performed = [...log.matchAll(/Performing test ID (\S+)/g)].map((m) => m[1]);
    expect(new Set(performed)).toEqual(new Set(chosen));

    expect(await sh(ssh, `test -e ${scratch()} && echo there || echo gone`)).toEqual(['gone']);
    expect(await lynisLeftovers(ssh)).toEqual([]);
    expect(await changedSinceMark(ssh)).toEqual([]);
  });

  it('cleans up when the scan is cancelled midway: no scratch directory, no lynis left running', async () => {
    await mark(box);
    const ac = new AbortController();
    const { ctx, lines, scratch } = context(box, ac.signal);
    const started = new Promise<void>((res) => {
      const push = ctx.out;
      ctx.out = (s, l) => {
        push(s, l);
        if (l.startsWith('lynis: auditing')) setTimeout(res, 4000);
      };
    });
    const run = runLynis(ctx).catch((e: unknown) => e);
    await started;
    // Lynis is running now.
    expect(
      await sh(box, `grep -l '[.]/lynis' /proc/[0-9]*/cmdline 2>/dev/null | wc -l`),
    ).not.toEqual(['0']);
    ac.abort();
    const err = await run;
    expect(err).toBeInstanceOf(Error);
    expect(lines.some((l) => l.includes('hardening index'))).toBe(false);
    expect(await sh(box, `test -e ${scratch()} && echo there || echo gone`)).toEqual(['gone']);
    expect(await sh(box, `grep -l '[.]/lynis' /proc/[0-9]*/cmdline 2>/dev/null; true`)).toEqual([]);
    expect(await lynisLeftovers(box)).toEqual([]);
    expect(await changedSinceMark(box)).toEqual([]);
  });

  it('judges the hardening index against min_index', () => {
    expect(lynisGate(64, 70)).toBe('the lynis hardening index is 64, below min_index 70');
    expect(lynisGate(70, 70)).toBeUndefined();
    expect(lynisGate(12, undefined)).toBeUndefined();
  });

  it('reads the report format: ids, texts, details and solutions', () => {
    const rep = parseLynisReport(
      [
        'hardening_index=58',
        'lynis_tests_done=241',
        'warning[]=SSH-7412|Root can log in over SSH|PermitRootLogin|Set PermitRootLogin to no|',
        'suggestion[]=KRNL-5820|Disable core dumps|-|-|',
        'suggestion[]=FILE-6310|Place /tmp on a separate partition|/tmp|-|',
        'os=Linux',
      ].join('\n'),
    );
    expect(rep).toEqual({
      index: 58,
      testsDone: 241,
      warnings: [
        {
          id: 'SSH-7412',
          text: 'Root can log in over SSH',
          details: 'PermitRootLogin',
          solution: 'Set PermitRootLogin to no',
        },
      ],
      suggestions: [
        { id: 'KRNL-5820', text: 'Disable core dumps', details: undefined, solution: undefined },
        {
          id: 'FILE-6310',
          text: 'Place /tmp on a separate partition',
          details: '/tmp',
          solution: undefined,
        },
      ],
    });
  });

  it('refuses a test id that is not one', async () => {
    const { ctx } = context(box);
    await expect(runLynis(ctx, { tests: ['SSH-7408; rm -rf /'] })).rejects.toThrow(BuildError);
  });
});

describe('openscap', () => {
  const RULE = (s: string) => `xccdf_org.example.bake_rule_${s}`;

  it('evaluates a data stream in the container from a copied bundle, fixed rules pass, nothing stays', async () => {
    await mark(box);
    const first = context(box);
    const r1 = await runOscap(first.ctx, {
      datastream,
      profile: 'xccdf_org.example.bake_profile_test',
    });
    expect(r1.findings.map((f) => [f.id, f.severity])).toEqual([
      [RULE('issue_banner'), 'high'],
      [RULE('hardening_marker'), 'medium'],
    ]);
    expect(r1.findings[0]).toMatchObject({
      scanner: 'oscap',
      title: 'The login banner is set in /etc/issue',
    });
    expect(r1.metrics).toEqual({ pass: 1, fail: 2, error: 0, rules: 3 });
    expect(r1.summary).toBe('1 passed, 2 failed of 3 rules');
    const arf = join(first.filesDir, 'oscap-arf.xml');
    const html = join(first.filesDir, 'oscap-report.html');
    expect(r1.files).toEqual([arf, html]);
    expect(readFileSync(arf, 'utf8')).toContain('asset-report-collection');
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/<html/i);
    expect(page).toContain(RULE('hardening_marker'));
    expect(await sh(box, `test -e ${first.scratch()} && echo there || echo gone`)).toEqual([
      'gone',
    ]);
    expect(await sh(box, 'command -v oscap || echo none')).toEqual(['none']);
    expect(await changedSinceMark(box)).toEqual([]);

    // A provisioner fixes the medium rule; a tailoring file leaves the os-release rule out.
    await sh(box, 'printf "hardened=yes\\n" > /etc/bake-hardening');
    await mark(box);
    const second = context(box);
    const r2 = await runOscap(second.ctx, {
      datastream,
      profile: 'xccdf_org.example.bake_profile_tailored',
      tailoring: join(FIX, 'tailoring.xml'),
    });
    expect(r2.findings.map((f) => [f.id, f.severity])).toEqual([[RULE('issue_banner'), 'high']]);
    expect(r2.metrics).toEqual({ pass: 1, fail: 1, error: 0, rules: 2 });
    expect(gate(r2.findings, { failOn: 'high', ignore: [] }).failing).toHaveLength(1);
    expect(gate(r2.findings, { failOn: 'critical', ignore: [] }).failing).toHaveLength(0);
    expect(existsSync(join(second.filesDir, 'oscap-report.html'))).toBe(true);
    expect(await changedSinceMark(box)).toEqual([]);
    expect(await sh(box, 'ls -d /tmp/bake-* 2>/dev/null; true')).toEqual([]);
  });

  it('says so when the profile is not in the data stream, and cleans up', async () => {
    await mark(box);
    const c = context(box);
    const err = await runOscap(c.ctx, {
      datastream,
      profile: 'xccdf_org.example_profile_nope',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BuildError);
    expect((err as BuildError).message).toMatch(/^OpenSCAP failed on the machine \(exit code 1\)/);
    expect(await sh(box, `test -e ${c.scratch()} && echo there || echo gone`)).toEqual(['gone']);
    expect(await changedSinceMark(box)).toEqual([]);
  });

  it('reads rule results with namespace prefixes and entities', () => {
    const xml = `<x:Benchmark xmlns:x="http://checklists.nist.gov/xccdf/1.2">
      <x:Rule id="r1" severity="high"><x:title>Use &lt;strong&gt; <x:sub idref="v"/>ciphers &amp; MACs</x:title></x:Rule>
      <x:Rule id="r2"><x:title>Two</x:title></x:Rule>
      <x:TestResult>
        <x:rule-result idref="r1" severity="high"><x:result>fail</x:result></x:rule-result>
        <x:rule-result idref="r2" severity="weird"><x:result>error</x:result></x:rule-result>
        <x:rule-result idref="r3" severity="low"><x:result>notapplicable</x:result></x:rule-result>
      </x:TestResult></x:Benchmark>`;
    expect(parseRuleResults(xml)).toEqual([
      { id: 'r1', result: 'fail', severity: 'high', title: 'Use <strong> ciphers & MACs' },
      { id: 'r2', result: 'error', severity: 'unknown', title: 'Two' },
      { id: 'r3', result: 'notapplicable', severity: 'low', title: 'r3' },
    ]);
  });
});

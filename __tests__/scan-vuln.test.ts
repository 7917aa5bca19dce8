/**
 * Trivy and Grype over the build's SBOM, with stand-in programs on PATH: small sh scripts that
 * log the arguments they get and print a report in the tool's documented JSON format (the
 * fixtures in fixtures/scan). The gate from findings.ts judges what they report.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BuildError } from '../src/engine/errors';
import { gate } from '../src/trust/findings';
import { runGrype, runTrivy, ScanContext, vulnSeverity } from '../src/trust/vuln';
import type { Communicator } from '../src/communicators/communicator';

const FIX = resolve('__tests__/fixtures/scan');
const SBOM = join(FIX, 'sbom.cdx.json');

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'bake-scan-vuln-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A directory with a stand-in `name` that prints `report`, logs argv, exits with `code`. */
function stub(
  name: string,
  report: string,
  code = 0,
  stderr = '',
): { env: Record<string, string>; argv: () => string[]; filesDir: string } {
  const dir = join(root, `case-${++n}`);
  const bin = join(dir, 'bin');
  const filesDir = join(dir, 'files');
  mkdirSync(bin, { recursive: true });
  mkdirSync(filesDir);
  const log = join(dir, 'argv');
  writeFileSync(
    join(bin, name),
    `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${log}'\n${stderr ? `printf '%s\\n' '${stderr}' >&2\n` : ''}cat '${report}'\nexit ${code}\n`,
  );
  chmodSync(join(bin, name), 0o755);
  return {
    // Only the stub's directory and the system's: a real trivy or grype is never found.
    env: { PATH: `${bin}:/usr/bin:/bin`, HOME: dir },
    argv: () => readFileSync(log, 'utf8').trimEnd().split('\n'),
    filesDir,
  };
}

/** The vulnerability scanners never use the machine: a communicator that refuses. */
const noMachine: Communicator = new Proxy({} as Communicator, {
  get: (_, p) => () => {
    throw new Error(`the vulnerability scan used the machine (${String(p)})`);
  },
});

function context(filesDir: string, sbomFile: string | null = SBOM, lines: string[] = []) {
  const ctx: ScanContext = {
    comm: noMachine,
    signal: AbortSignal.timeout(30_000),
    out: (s, l) => lines.push(`${s}: ${l}`),
    filesDir,
    sbomFile: sbomFile ?? undefined,
  };
  return ctx;
}

describe('trivy', () => {
  it('scans the SBOM with trivy sbom --format json, keeps the report and reads every vulnerability', async () => {
    const s = stub('trivy', join(FIX, 'trivy-report.json'));
    const r = await runTrivy(context(s.filesDir), { env: s.env });
    expect(s.argv()).toEqual(['sbom', '--format', 'json', '--quiet', SBOM]);
    expect(r.files).toEqual([join(s.filesDir, 'trivy-report.json')]);
    expect(readFileSync(r.files[0], 'utf8')).toBe(
      readFileSync(join(FIX, 'trivy-report.json'), 'utf8'),
    );
    expect(r.findings.map((f) => [f.id, f.severity, f.package?.name])).toEqual([
      ['CVE-2024-45492', 'critical', 'libexpat1'],
      ['CVE-2024-5535', 'high', 'openssl'],
      ['CVE-2005-2541', 'low', 'tar'],
      ['CVE-2016-2781', 'unknown', 'coreutils'],
    ]);
    expect(r.findings[0]).toEqual({
      scanner: 'trivy',
      id: 'CVE-2024-45492',
      severity: 'critical',
      title: 'libexpat: integer overflow in function nextScaffoldPart',
      package: { name: 'libexpat1', version: '2.5.0-1', fixedIn: '2.5.0-1+deb12u1' },
      detail: 'https://avd.aquasec.com/nvd/cve-2024-45492',
    });
    // No fixed version: none invented.
    expect(r.findings[2].package).toEqual({ name: 'tar', version: '1.34+dfsg-1.2+deb12u1' });
    expect(r.summary).toBe('4 vulnerabilities: 1 critical, 1 high, 1 low, 1 unknown');
    expect(r.metrics).toMatchObject({ critical: 1, high: 1, medium: 0, low: 1, total: 4 });

    // A critical finding fails a gate on high.
    const g = gate(r.findings, { failOn: 'high', ignore: [] });
    expect(g.failing.map((f) => f.id)).toEqual(['CVE-2024-45492', 'CVE-2024-5535']);
  });

  it('passes a gate on high when only low findings are reported', async () => {
    const s = stub('trivy', join(FIX, 'trivy-low.json'));
    const r = await runTrivy(context(s.filesDir), { env: s.env });
    expect(r.findings.map((f) => [f.id, f.severity])).toEqual([['CVE-2005-2541', 'low']]);
    const g = gate(r.findings, { failOn: 'high', ignore: [] });
    expect(g.failing).toEqual([]);
    // The same finding does fail a gate on low: the pass is the threshold's doing.
    expect(gate(r.findings, { failOn: 'low', ignore: [] }).failing).toHaveLength(1);
  });

  it('an ignore rule whose day has passed no longer hides the finding, and says so', async () => {
    const s = stub('trivy', join(FIX, 'trivy-report.json'));
    const r = await runTrivy(context(s.filesDir), { env: s.env });
    const rules = {
      failOn: 'critical' as const,
      ignore: [
        { id: 'CVE-2024-45492', reason: 'not reachable in this image', until: '2026-01-31' },
      ],
    };
    const live = gate(r.findings, rules, '2026-01-31');
    expect(live.failing).toEqual([]);
    expect(live.ignored.map((i) => i.finding.id)).toEqual(['CVE-2024-45492']);
    const lapsed = gate(r.findings, rules, '2026-02-01');
    expect(lapsed.failing.map((f) => f.id)).toEqual(['CVE-2024-45492']);
    expect(lapsed.warnings).toHaveLength(1);
    expect(lapsed.warnings[0]).toContain('CVE-2024-45492');
    expect(lapsed.warnings[0]).toContain('lapsed on 2026-01-31');
  });

  it('says trivy is not on PATH and how to install it', async () => {
    const dir = join(root, 'empty-bin');
    mkdirSync(dir, { recursive: true });
    const err = await runTrivy(context(dir), { env: { PATH: dir } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BuildError);
    expect((err as BuildError).message).toBe('trivy is not on PATH on the runner');
    expect((err as BuildError).hint).toContain('aquasecurity/setup-trivy');
  });

  it('fails with the tail of stderr when trivy exits non-zero', async () => {
    const s = stub(
      'trivy',
      '/dev/null',
      1,
      'FATAL	Fatal error	init error: DB error: failed to download vulnerability DB',
    );
    const lines: string[] = [];
    const err = await runTrivy(context(s.filesDir, SBOM, lines), { env: s.env }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BuildError);
    expect((err as BuildError).message).toMatch(/^trivy failed \(exit code 1\): FATAL/);
    expect((err as BuildError).message).toContain('failed to download vulnerability DB');
    expect(lines.some((l) => l.startsWith('stderr: FATAL'))).toBe(true);
  });

  it('needs the build to write a CycloneDX SBOM', async () => {
    const s = stub('trivy', join(FIX, 'trivy-report.json'));
    const err = await runTrivy(context(s.filesDir, null), { env: s.env }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BuildError);
    expect((err as BuildError).message).toContain('writes none');
    expect((err as BuildError).hint).toBe('add sbom: {format: cyclonedx} to the build');
  });
});

describe('grype', () => {
  it('scans sbom:<file> with -o json and maps Negligible to low', async () => {
    const s = stub('grype', join(FIX, 'grype-report.json'));
    const r = await runGrype(context(s.filesDir), { env: s.env });
    expect(s.argv()).toEqual([`sbom:${SBOM}`, '-o', 'json']);
    expect(r.files).toEqual([join(s.filesDir, 'grype-report.json')]);
    expect(JSON.parse(readFileSync(r.files[0], 'utf8'))).toEqual(
      JSON.parse(readFileSync(join(FIX, 'grype-report.json'), 'utf8')),
    );
    expect(r.findings.map((f) => [f.id, f.severity, f.package])).toEqual([
      [
        'CVE-2024-45492',
        'critical',
        { name: 'libexpat1', version: '2.5.0-1', fixedIn: '2.5.0-1+deb12u1' },
      ],
      ['CVE-2022-0563', 'low', { name: 'libblkid1', version: '2.38.1-5+deb12u1' }],
      ['GHSA-9wx4-h78v-vm56', 'medium', { name: 'requests', version: '2.28.1', fixedIn: '2.32.0' }],
    ]);
    expect(r.findings[0].detail).toBe('https://security-tracker.debian.org/tracker/CVE-2024-45492');
    expect(r.summary).toBe('3 vulnerabilities: 1 critical, 1 medium, 1 low');

    const g = gate(r.findings, {
      failOn: 'medium',
      ignore: [{ id: 'GHSA-9wx4-h78v-vm56', reason: 'verify=False is never used' }],
    });
    expect(g.failing.map((f) => f.id)).toEqual(['CVE-2024-45492']);
    expect(g.ignored.map((i) => i.finding.id)).toEqual(['GHSA-9wx4-h78v-vm56']);
  });

  it('says grype is not on PATH and how to install it', async () => {
    const dir = join(root, 'empty-bin-2');
    mkdirSync(dir, { recursive: true });
    const err = await runGrype(context(dir), { env: { PATH: dir } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BuildError);
    expect((err as BuildError).message).toBe('grype is not on PATH on the runner');
    expect((err as BuildError).hint).toContain('anchore/scan-action/download-grype');
  });

  it('fails with the tail of stderr when grype exits non-zero', async () => {
    const s = stub('grype', '/dev/null', 2, 'failed to load vulnerability db: db does not exist');
    const err = await runGrype(context(s.filesDir), { env: s.env }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BuildError);
    expect((err as BuildError).message).toBe(
      'grype failed (exit code 2): failed to load vulnerability db: db does not exist',
    );
  });

  it('fails clearly when the program prints no JSON', async () => {
    const s = stub('grype', join(FIX, 'README.md'));
    const err = await runGrype(context(s.filesDir), { env: s.env }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BuildError);
    expect((err as BuildError).message).toMatch(/^grype printed no JSON report/);
  });
});

it('maps both tools’ severity words onto one scale', () => {
  expect(
    ['CRITICAL', 'High', 'MEDIUM', 'Low', 'Negligible', 'UNKNOWN', undefined, 'weird'].map(
      vulnSeverity,
    ),
  ).toEqual(['critical', 'high', 'medium', 'low', 'low', 'unknown', 'unknown', 'unknown']);
});

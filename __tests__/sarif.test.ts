/**
 * The SARIF log of a run's tests and scans: valid against the official SARIF 2.1.0 schema (the
 * OASIS Errata 01 text) and shaped the way GitHub code scanning takes it: a run per tool with
 * its own category, every result's rule declared, a security severity GitHub can sort by,
 * locations relative to the checkout, ignored findings as suppressions, and no secrets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { BuildResult } from '../src/engine/build';
import type { CheckResult } from '../src/trust/checks';
import type { Finding } from '../src/trust/findings';
import type { ScanReport, TrustResults } from '../src/trust/run';
import { sarifOf } from '../src/trust/sarif';
import { addSecret, clearSecretsForTests } from '../src/util/redact';

const ROOT = '/work/repo';
const OPTS = { root: ROOT, version: '1.2.3' };
const SECRET = 'tok-9f8e7d6c5b4a-very-private';

// ---- the schema ------------------------------------------------------------------------------

const schemaText = readFileSync(
  join(process.cwd(), '__tests__/fixtures/sarif/sarif-schema-2.1.0.json'),
  'utf8',
);
/**
 * The Errata 01 schema declares draft-04 in its header; nothing in its body means anything else
 * under draft-07, so the header's dialect and `id` are swapped for what Ajv's default reads.
 */
function compileSchema() {
  const {
    $schema: dialect,
    id,
    ...body
  } = JSON.parse(schemaText) as {
    $schema: string;
    id: string;
  } & Record<string, unknown>;
  if (dialect !== 'http://json-schema.org/draft-04/schema#') throw new Error(`schema ${dialect}`);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile({ $id: id, ...body });
}
const validate = compileSchema();

function expectValid(log: unknown): void {
  const ok = validate(log);
  if (!ok) console.error(JSON.stringify(validate.errors, null, 2));
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

// ---- the shape read back ---------------------------------------------------------------------

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId?: string };
    region: { startLine: number; startColumn: number };
  };
}
interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: SarifLocation[];
  properties: { build: string; severity?: string };
  suppressions?: { kind: string; justification?: string }[];
}
interface SarifRule {
  id: string;
  shortDescription: { text: string };
  properties: { 'security-severity': unknown; tags: string[] };
}
interface SarifRun {
  tool: { driver: { name: string; version?: string; informationUri?: string; rules: SarifRule[] } };
  automationDetails: { id: string };
  results: SarifResult[];
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: SarifRun[];
}

/** The log as the file on disk holds it. */
function logOf(results: BuildResult[]): { log: SarifLog; text: string } {
  const made = sarifOf(results, OPTS);
  expect(made).toBeDefined();
  const text = JSON.stringify(made, null, 2);
  return { log: JSON.parse(text) as SarifLog, text };
}

function runOf(log: SarifLog, name: string): SarifRun {
  const run = log.runs.find((r) => r.tool.driver.name === name);
  if (!run) throw new Error(`no run of ${name}: ${log.runs.map((r) => r.tool.driver.name)}`);
  return run;
}

// ---- the builds --------------------------------------------------------------------------------

const at = (line: number, col: number) => `${ROOT}/bake.yml:${line}:${col}`;

function build(name: string, trust?: TrustResults): BuildResult {
  return {
    name,
    build: name,
    source: 'base',
    builder: 'docker',
    status: trust?.checks?.some((c) => c.status === 'failed') ? 'failed' : 'succeeded',
    durationMs: 1234,
    steps: [],
    ...(trust ? { trust } : {}),
  };
}

function check(
  type: string,
  status: CheckResult['status'],
  line: number,
  details: string[] = [],
): CheckResult {
  return { type, label: `${type} check`, status, details, at: at(line, 9), durationMs: 5 };
}

function scan(
  type: string,
  line: number,
  findings: Omit<Finding, 'scanner'>[],
  extra: Partial<ScanReport> = {},
): ScanReport {
  return {
    type,
    label: type,
    at: at(line, 9),
    status: 'failed',
    summary: `${findings.length} findings`,
    failOn: 'high',
    findings: findings.map((f) => ({ scanner: type, ...f })),
    failing: [],
    ignored: [],
    warnings: [],
    problems: [],
    files: [],
    ...extra,
  };
}

const LYNIS_SHARED = {
  id: 'AUTH-9286',
  severity: 'low',
  title: 'Configure minimum password age',
} as const;

function builds(): BuildResult[] {
  const web = build('web', {
    at: at(10, 5),
    files: [],
    checks: [
      check('file', 'passed', 12),
      check('package', 'failed', 14, [
        'openssh-server is 1:9.2p1-2 but >= 1:9.6 is wanted',
        `the token ${SECRET} was found in /etc/motd`,
      ]),
      check('service', 'skipped', 16, ['systemd is not running in a container']),
      check('command', 'failed', 18, ['exit code 1 where 0 was wanted']),
    ],
    scans: [
      scan(
        'lynis',
        20,
        [
          { id: 'SSH-7408', severity: 'medium', title: 'Harden the SSH configuration' },
          LYNIS_SHARED,
          { id: 'KRNL-6000', severity: 'high', title: `sysctl value leaks ${SECRET}` },
        ],
        {
          ignored: [
            { id: 'SSH-7408', reason: 'the bastion needs agent forwarding', until: '2099-12-31' },
          ],
          problems: ['the hardening index 58 is below min_index 70'],
        },
      ),
      scan('trivy', 24, [
        {
          id: 'CVE-2024-0001',
          severity: 'critical',
          title: 'openssl: remote code execution',
          package: { name: 'openssl', version: '3.0.11-1', fixedIn: '3.0.13-1' },
        },
        {
          id: 'CVE-2024-0002',
          severity: 'high',
          title: 'curl: heap overflow',
          package: { name: 'curl', version: '7.88.1-10', fixedIn: '7.88.1-10+deb12u5' },
        },
        {
          id: 'CVE-2024-0003',
          severity: 'medium',
          title: 'zlib: out-of-bounds read',
          package: { name: 'zlib1g', version: '1:1.2.13' },
        },
        {
          id: 'CVE-2024-0004',
          severity: 'low',
          title: 'tar: path traversal',
          package: { name: 'tar', version: '1.34' },
        },
        {
          id: 'CVE-2024-0005',
          severity: 'unknown',
          title: 'bash: not yet scored',
          package: { name: 'bash', version: '5.2.15' },
        },
      ]),
      scan('oscap', 28, [
        {
          id: 'xccdf_org.ssgproject.content_rule_sshd_disable_root_login',
          severity: 'high',
          title: 'Disable SSH root login',
        },
      ]),
    ],
  });
  const api = build('api', {
    at: at(40, 5),
    files: [],
    scans: [scan('lynis', 42, [LYNIS_SHARED])],
  });
  return [web, api, build('legacy')];
}

// ---- the tests ---------------------------------------------------------------------------------

beforeEach(() => addSecret(SECRET));
afterEach(() => clearSecretsForTests());

describe('sarifOf', () => {
  it('is a valid SARIF 2.1.0 log', () => {
    const { log } = logOf(builds());
    expect(log.version).toBe('2.1.0');
    expectValid(log);
  });

  it('is judged by a schema that rejects what SARIF does not allow', () => {
    const { log } = logOf(builds());
    const bad = structuredClone(log);
    bad.runs[0].results[0].level = 'critical';
    expect(validate(bad)).toBe(false);
    const noLine = structuredClone(log) as unknown as {
      runs: { results: { locations: { physicalLocation: { region: object } }[] }[] }[];
    };
    noLine.runs[0].results[0].locations[0].physicalLocation.region = { startColumn: 9 };
    expect(validate(noLine)).toBe(false);
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
  });

  it('has one run per tool, each with its own category', () => {
    const { log } = logOf(builds());
    const names = log.runs.map((r) => r.tool.driver.name);
    expect([...names].sort()).toEqual(['bake tests', 'lynis', 'oscap', 'trivy']);
    const ids = log.runs.map((r) => r.automationDetails.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^bake\//);
    expect(runOf(log, 'bake tests').tool.driver.version).toBe('1.2.3');
  });

  it('declares every rule a result names, once, with a severity GitHub reads', () => {
    const { log } = logOf(builds());
    for (const run of log.runs) {
      const ids = run.tool.driver.rules.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const r of run.results) expect(ids).toContain(r.ruleId);
      for (const rule of run.tool.driver.rules) {
        const score = rule.properties['security-severity'];
        expect(typeof score).toBe('string');
        expect(score).toMatch(/^\d+(\.\d+)?$/);
        expect(Number(score)).toBeGreaterThanOrEqual(0);
        expect(Number(score)).toBeLessThanOrEqual(10);
        expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      }
    }
  });

  it('maps severities to levels and to the scores of GitHub’s severity bands', () => {
    const { log } = logOf(builds());
    const LEVEL = {
      critical: 'error',
      high: 'error',
      medium: 'warning',
      low: 'note',
      unknown: 'note',
    };
    // GitHub: critical above 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9.
    const BAND: Record<string, [number, number]> = {
      critical: [9.0, 10],
      high: [7.0, 8.9],
      medium: [4.0, 6.9],
      low: [0.1, 3.9],
      unknown: [0.1, 3.9],
    };
    const trivy = runOf(log, 'trivy');
    expect(trivy.results.map((r) => r.properties.severity).sort()).toEqual(
      ['critical', 'high', 'low', 'medium', 'unknown'].sort(),
    );
    for (const run of log.runs.filter((r) => r.tool.driver.name !== 'bake tests'))
      for (const r of run.results) {
        if (r.ruleId.endsWith('/gate')) continue;
        const sev = r.properties.severity as keyof typeof LEVEL;
        expect([r.ruleId, r.level]).toEqual([r.ruleId, LEVEL[sev]]);
        const rule = run.tool.driver.rules.find((x) => x.id === r.ruleId)!;
        const score = Number(rule.properties['security-severity']);
        const [lo, hi] = BAND[sev];
        expect(score).toBeGreaterThanOrEqual(lo);
        expect(score).toBeLessThanOrEqual(hi);
      }
  });

  it('tells each package, its version and the fixed version in the message', () => {
    const { log } = logOf(builds());
    const trivy = runOf(log, 'trivy');
    const crit = trivy.results.find((r) => r.ruleId === 'CVE-2024-0001')!;
    expect(crit.message.text).toContain('web');
    expect(crit.message.text).toContain('openssl 3.0.11-1');
    expect(crit.message.text).toContain('3.0.13-1');
    const medium = trivy.results.find((r) => r.ruleId === 'CVE-2024-0003')!;
    expect(medium.message.text).toContain('zlib1g 1:1.2.13');
    expect(medium.message.text).not.toContain('fixed in');
  });

  it('places results at the spec, relative to the checkout', () => {
    const { log } = logOf(builds());
    for (const run of log.runs)
      for (const r of run.results) {
        expect(r.locations).toHaveLength(1);
        const loc = r.locations[0].physicalLocation;
        expect(loc.artifactLocation).toEqual({ uri: 'bake.yml', uriBaseId: '%SRCROOT%' });
        expect(Number.isInteger(loc.region.startLine)).toBe(true);
        expect(Number.isInteger(loc.region.startColumn)).toBe(true);
      }
    const region = (run: string, rule: string, b = 'web') =>
      runOf(log, run).results.find((r) => r.ruleId === rule && r.properties.build === b)!
        .locations[0].physicalLocation.region;
    expect(region('bake tests', 'test/package')).toEqual({ startLine: 14, startColumn: 9 });
    expect(region('bake tests', 'test/command')).toEqual({ startLine: 18, startColumn: 9 });
    expect(region('lynis', 'SSH-7408')).toEqual({ startLine: 20, startColumn: 9 });
    expect(region('lynis', 'AUTH-9286', 'api')).toEqual({ startLine: 42, startColumn: 9 });
    expect(region('trivy', 'CVE-2024-0005')).toEqual({ startLine: 24, startColumn: 9 });
    expect(region('oscap', 'xccdf_org.ssgproject.content_rule_sshd_disable_root_login')).toEqual({
      startLine: 28,
      startColumn: 9,
    });
  });

  it('writes an ignored finding as an external suppression with its reason and end', () => {
    const { log } = logOf(builds());
    const lynis = runOf(log, 'lynis');
    const ignored = lynis.results.find((r) => r.ruleId === 'SSH-7408')!;
    expect(ignored.suppressions).toHaveLength(1);
    expect(ignored.suppressions![0].kind).toBe('external');
    expect(ignored.suppressions![0].justification).toContain('the bastion needs agent forwarding');
    expect(ignored.suppressions![0].justification).toContain('2099-12-31');
    const others = log.runs.flatMap((r) => r.results).filter((r) => r !== ignored);
    for (const r of others) expect(r.suppressions).toBeUndefined();
  });

  it('reports failed checks under the tests run, and neither passed nor skipped ones', () => {
    const { log } = logOf(builds());
    const tests = runOf(log, 'bake tests');
    expect(tests.results.map((r) => r.ruleId)).toEqual(['test/package', 'test/command']);
    expect(tests.tool.driver.rules.map((r) => r.id).sort()).toEqual([
      'test/command',
      'test/package',
    ]);
    for (const r of tests.results) {
      expect(r.level).toBe('error');
      expect(r.properties.build).toBe('web');
    }
    expect(tests.results[0].message.text).toContain('openssh-server is 1:9.2p1-2');
    const all = JSON.stringify(tests);
    expect(all).not.toContain('file check');
    expect(all).not.toContain('service check');
    expect(all).not.toContain('systemd is not running');
  });

  it('reports a gate problem that is no finding as a <tool>/gate result', () => {
    const { log } = logOf(builds());
    const lynis = runOf(log, 'lynis');
    const gate = lynis.results.filter((r) => r.ruleId === 'lynis/gate');
    expect(gate).toHaveLength(1);
    expect(gate[0].level).toBe('error');
    expect(gate[0].message.text).toContain('below min_index 70');
    expect(lynis.tool.driver.rules.map((r) => r.id)).toContain('lynis/gate');
  });

  it('has one rule for a finding two builds share, and a result for each build', () => {
    const { log } = logOf(builds());
    const lynis = runOf(log, 'lynis');
    expect(lynis.tool.driver.rules.filter((r) => r.id === 'AUTH-9286')).toHaveLength(1);
    const shared = lynis.results.filter((r) => r.ruleId === 'AUTH-9286');
    expect(shared.map((r) => r.properties.build).sort()).toEqual(['api', 'web']);
    for (const r of shared) expect(r.message.text.startsWith(`${r.properties.build}: `)).toBe(true);
  });

  it('keeps a run for tests that all passed, with no results, so it closes old alerts', () => {
    const passed = build('web', {
      at: at(10, 5),
      files: [],
      checks: [check('file', 'passed', 12), check('service', 'skipped', 16)],
    });
    const { log } = logOf([passed]);
    expectValid(log);
    expect(log.runs).toHaveLength(1);
    const tests = runOf(log, 'bake tests');
    expect(tests.results).toEqual([]);
    expect(tests.tool.driver.rules).toEqual([]);
    expect(tests.automationDetails.id).toMatch(/^bake\//);
  });

  it('is undefined when no build tested or scanned anything', () => {
    expect(sarifOf([build('legacy'), build('other')], OPTS)).toBeUndefined();
    expect(sarifOf([], OPTS)).toBeUndefined();
  });

  it('masks secrets in finding titles and check details', () => {
    const { text } = logOf(builds());
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(SECRET.slice(0, 20));
    const log = JSON.parse(text) as SarifLog;
    const krnl = runOf(log, 'lynis');
    expect(krnl.results.find((r) => r.ruleId === 'KRNL-6000')!.message.text).toContain('***');
    expect(
      krnl.tool.driver.rules.find((r) => r.id === 'KRNL-6000')!.shortDescription.text,
    ).toContain('***');
    expect(runOf(log, 'bake tests').results[0].message.text).toContain('***');
  });

  // GitHub refuses a whole upload in which a result has no location ("locationFromSarifResult:
  // expected at least one location"); the trust block's own place (`trust.at`) is there for it.
  it('places a result whose check has no place of its own at the trust block', () => {
    const unplaced = build('web', {
      at: at(10, 5),
      files: [],
      checks: [
        {
          type: 'command',
          label: 'command check',
          status: 'failed',
          details: ['no'],
          durationMs: 1,
        },
      ],
      scans: [
        {
          ...scan('trivy', 0, [{ id: 'CVE-2024-0009', severity: 'high', title: 'x' }]),
          at: undefined,
        },
      ],
    });
    const { log } = logOf([unplaced]);
    for (const run of log.runs)
      for (const r of run.results)
        expect(r.locations[0]?.physicalLocation.region).toEqual({ startLine: 10, startColumn: 5 });
  });
});

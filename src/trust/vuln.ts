/**
 * Vulnerability scanners over the build's SBOM: Trivy and Grype run on the runner against the
 * CycloneDX file the build wrote, so nothing touches the machine. Their JSON reports are kept
 * as build files and read into findings.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BuildError } from '../engine/errors';
import type { Finding, Severity } from './findings';
import { findProgram, ScanContext, ScanResult } from './scanner';

export type { ScanContext, ScanResult } from './scanner';

export interface VulnOptions {
  /** The environment the scanner is looked up in (PATH) and runs with; the runner's by default. */
  env?: Record<string, string | undefined>;
}

interface Tool {
  name: 'trivy' | 'grype';
  install: string;
  args: (sbom: string) => string[];
  parse: (report: unknown) => Finding[];
}

/** Severity words of both scanners, in any case, on our scale. */
export function vulnSeverity(s: unknown): Severity {
  switch (String(s ?? '').toLowerCase()) {
    case 'critical':
      return 'critical';
    case 'high':
      return 'high';
    case 'medium':
      return 'medium';
    case 'low':
    case 'negligible':
      return 'low';
    default:
      return 'unknown';
  }
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** Trivy's JSON report: Results[].Vulnerabilities[]. */
export function parseTrivy(report: unknown): Finding[] {
  const out: Finding[] = [];
  for (const r of arr(obj(report).Results))
    for (const v of arr(obj(r).Vulnerabilities)) {
      const x = obj(v);
      const id = str(x.VulnerabilityID);
      if (!id) continue;
      const name = str(x.PkgName) ?? '?';
      const fixedIn = str(x.FixedVersion);
      out.push({
        scanner: 'trivy',
        id,
        severity: vulnSeverity(x.Severity),
        title: str(x.Title) ?? `${id} in ${name}`,
        package: { name, version: str(x.InstalledVersion) ?? '', ...(fixedIn ? { fixedIn } : {}) },
        ...(str(x.PrimaryURL) ? { detail: str(x.PrimaryURL) } : {}),
      });
    }
  return out;
}

/** Grype's JSON report: matches[] of a vulnerability and the artifact it is in. */
export function parseGrype(report: unknown): Finding[] {
  const out: Finding[] = [];
  for (const m of arr(obj(report).matches)) {
    const v = obj(obj(m).vulnerability);
    const a = obj(obj(m).artifact);
    const id = str(v.id);
    if (!id) continue;
    const name = str(a.name) ?? '?';
    const fixes = arr(obj(v.fix).versions).filter((x): x is string => typeof x === 'string');
    const description = str(v.description);
    out.push({
      scanner: 'grype',
      id,
      severity: vulnSeverity(v.severity),
      title:
        description && description.length <= 200
          ? description
          : description
            ? description.slice(0, 197).trimEnd() + '...'
            : `${id} in ${name}`,
      package: {
        name,
        version: str(a.version) ?? '',
        ...(fixes.length ? { fixedIn: fixes.join(', ') } : {}),
      },
      ...(str(v.dataSource) ? { detail: str(v.dataSource) } : {}),
    });
  }
  return out;
}

const TRIVY: Tool = {
  name: 'trivy',
  install:
    'install Trivy on the runner: add the aquasecurity/setup-trivy action before this step, or follow the installation page of Trivy’s documentation (its Debian/Ubuntu package repository or its install script)',
  args: (sbom) => ['sbom', '--format', 'json', '--quiet', sbom],
  parse: parseTrivy,
};

const GRYPE: Tool = {
  name: 'grype',
  install:
    'install Grype on the runner: add the anchore/scan-action/download-grype action before this step, or run the install script from the anchore/grype repository (its README shows how)',
  args: (sbom) => [`sbom:${sbom}`, '-o', 'json'],
  parse: parseGrype,
};

export function runTrivy(ctx: ScanContext, o: VulnOptions = {}): Promise<ScanResult> {
  return scan(ctx, TRIVY, o);
}

export function runGrype(ctx: ScanContext, o: VulnOptions = {}): Promise<ScanResult> {
  return scan(ctx, GRYPE, o);
}

function summarize(findings: Finding[]): { summary: string; metrics: Record<string, number> } {
  const metrics: Record<string, number> = {
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    unknown: 0,
  };
  for (const f of findings) metrics[f.severity]++;
  const parts = Object.entries(metrics)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const n = findings.length;
  return {
    summary:
      n === 0
        ? 'no vulnerabilities'
        : `${n} vulnerabilit${n === 1 ? 'y' : 'ies'}: ${parts.join(', ')}`,
    metrics: { ...metrics, total: n },
  };
}

async function scan(ctx: ScanContext, tool: Tool, o: VulnOptions): Promise<ScanResult> {
  if (!ctx.sbomFile)
    throw new BuildError(
      `${tool.name} scans the build's SBOM, and this build writes none`,
      'add sbom: {format: cyclonedx} to the build',
    );
  const env = o.env ?? process.env;
  const bin = findProgram(tool.name, env.PATH ?? '');
  if (!bin) throw new BuildError(`${tool.name} is not on PATH on the runner`, tool.install);
  const args = tool.args(ctx.sbomFile);
  ctx.out('info', `${tool.name}: scanning ${ctx.sbomFile}`);
  const { code, stdout, stderr } = await run(bin, args, env, ctx);
  if (code !== 0) {
    const tail = stderr.split('\n').filter(Boolean).slice(-10);
    throw new BuildError(
      `${tool.name} failed (exit code ${code})${tail.length ? `: ${tail.slice(-3).join(' | ')}` : ''}`,
      undefined,
      tail,
    );
  }
  let report: unknown;
  try {
    report = JSON.parse(stdout);
  } catch (e) {
    throw new BuildError(
      `${tool.name} printed no JSON report (${(e as Error).message})`,
      `is ${bin} really ${tool.name}?`,
    );
  }
  const file = join(ctx.filesDir, `${tool.name}-report.json`);
  writeFileSync(file, stdout);
  const findings = tool.parse(report);
  const { summary, metrics } = summarize(findings);
  ctx.out('info', `${tool.name}: ${summary}`);
  return { findings, files: [file], summary, metrics };
}

function run(
  bin: string,
  args: string[],
  env: Record<string, string | undefined>,
  ctx: ScanContext,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: ctx.signal,
    });
    const out: Buffer[] = [];
    let err = '';
    let partial = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      const lines = (partial + c.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) ctx.out('stderr', l);
    });
    child.on('error', (e) =>
      reject(
        ctx.signal.aborted
          ? e
          : new BuildError(`cannot start ${bin}: ${e.message}`, 'is it executable on the runner?'),
      ),
    );
    child.on('close', (code, sig) => {
      if (partial) ctx.out('stderr', partial);
      resolve({
        code: code ?? (sig ? 128 : -1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: err,
      });
    });
  });
}

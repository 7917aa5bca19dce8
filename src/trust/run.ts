/**
 * The trust steps of a build: after the provisioners and before the builder captures the
 * image, the checks of `tests:` run, the SBOM is read and written, and each scanner runs and
 * is gated. Every part runs and reports even when one before it failed; the last step fails
 * the build (before capture, under the usual on-error rules) if anything did.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BuildEnv, BuildState } from '../engine/context';
import { BuildError } from '../engine/errors';
import type { Step } from '../engine/steps';
import { redact, redactValue } from '../util/redact';
import pkg from '../../package.json';
import type { CheckResult } from './checks';
import { FailOn, Finding, gate } from './findings';
import type { ScanUse, TrustPlan } from './plan';

export interface ScanReport {
  type: string;
  label: string;
  at?: string;
  status: 'passed' | 'failed';
  /** One line: what the scanner found. */
  summary: string;
  failOn: FailOn;
  /** Everything found, failing or not. */
  findings: Finding[];
  /** The ids of the findings that fail the gate. */
  failing: string[];
  ignored: { id: string; reason: string; until?: string }[];
  warnings: string[];
  /** Reasons the gate failed that are not findings: an index below min_index, an error. */
  problems: string[];
  files: string[];
}

export interface TrustResults {
  checks?: CheckResult[];
  scans?: ScanReport[];
  /** The SBOM file written for the build. */
  sbom?: string;
  /** Every file the trust steps wrote: results, reports, the SBOM. */
  files: string[];
  /** Where the trust blocks are written in the spec, for SARIF. */
  at?: string;
}

const MARK: Record<string, string> = { passed: '✔', failed: '✘', skipped: '–' };

/** The results as lines for the console. */
export function checkLines(checks: CheckResult[]): string[] {
  const count = (s: string) => checks.filter((c) => c.status === s).length;
  const lines = [
    `tests: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`,
  ];
  for (const c of checks)
    lines.push(
      `  ${MARK[c.status]} ${c.label}${c.details.length ? ` — ${c.details.join('; ')}` : ''}`,
    );
  return lines;
}

function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(redactValue(value), null, 2) + '\n');
}

/**
 * The steps that prove the machine, or none when the build has no trust blocks. `results`
 * is filled in as they run, for the build's result.
 */
export function trustSteps(
  plan: TrustPlan | undefined,
  env: BuildEnv,
  results: TrustResults,
): Step<BuildState>[] {
  if (!plan) return [];
  const inst = env.instance;
  const failures: { message: string; at?: string }[] = [];
  const needsSbomFile = plan.scans.some((s) => s.type === 'trivy' || s.type === 'grype');
  let cyclonedxFile: string | undefined;
  results.at = plan.at;

  const comm = (state: BuildState) => {
    if (state.communicator) return state.communicator;
    throw new BuildError(
      'tests, sbom and scan run inside the machine, and this build has no communicator',
      `give source "${inst.source}" a communicator (it has communicator: none), or remove the trust blocks from build "${inst.build}"`,
    );
  };
  const steps: Step<BuildState>[] = [];

  if (plan.tests.length)
    steps.push({
      name: 'tests',
      async run(state, ctx) {
        const { runChecks } = await import('./checks');
        const checks = await runChecks(plan.tests, comm(state), ctx.signal);
        results.checks = checks;
        const file = join(plan.reportsDir, 'tests.json');
        writeJson(file, { build: inst.name, checks });
        results.files.push(file);
        for (const l of checkLines(checks)) env.out('info', l);
        const failed = checks.filter((c) => c.status === 'failed');
        if (failed.length)
          failures.push({
            message: `${failed.length} of ${checks.length} tests failed (${failed.map((c) => c.label).join(', ')})`,
            at: failed[0].at,
          });
      },
    });

  if (plan.sbom || needsSbomFile)
    steps.push({
      name: 'sbom',
      async run(state, ctx) {
        const { readInventory, cyclonedxJson, spdxJson } = await import('./sbom');
        const inventory = await readInventory(comm(state), ctx.signal);
        const meta = {
          name: inst.name,
          timestamp: new Date(),
          tool: { name: 'bake', version: pkg.version },
        };
        const write = (path: string, text: string) => {
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, text);
          results.files.push(path);
        };
        if (plan.sbom) {
          write(
            plan.sbom.output,
            plan.sbom.format === 'spdx'
              ? spdxJson(inventory, meta)
              : cyclonedxJson(inventory, meta),
          );
          results.sbom = plan.sbom.output;
          env.out(
            'info',
            `sbom: ${inventory.packages.length} packages of ${inventory.os.prettyName ?? inventory.os.id} written to ${plan.sbom.output}`,
          );
          if (plan.sbom.format === 'cyclonedx') cyclonedxFile = plan.sbom.output;
        }
        // The vulnerability scanners read a CycloneDX SBOM: one is written for them when
        // the build asks for SPDX, or for none.
        if (needsSbomFile && !cyclonedxFile) {
          cyclonedxFile = join(plan.reportsDir, 'scan-input.cdx.json');
          write(cyclonedxFile, cyclonedxJson(inventory, meta));
        }
      },
    });

  for (const use of plan.scans)
    steps.push({
      name: `scan: ${use.label}`,
      async run(state, ctx) {
        const report = await scan(use, comm(state), env, plan, ctx.signal, cyclonedxFile);
        (results.scans ??= []).push(report);
        results.files.push(...report.files);
        env.out(
          report.status === 'passed' ? 'info' : 'stderr',
          `scan ${use.label}: ${report.summary}${report.status === 'failed' ? ` — fails the gate (${[...report.problems, ...(report.failing.length ? [`${report.failing.length} findings at ${use.failOn} or worse: ${report.failing.slice(0, 10).join(', ')}${report.failing.length > 10 ? ', …' : ''}`] : [])].join('; ')})` : ''}`,
        );
        for (const w of report.warnings) env.out('stderr', `scan ${use.label}: ${w}`);
        if (report.status === 'failed')
          failures.push({ message: `${use.label} failed its gate`, at: use.at });
      },
    });

  if (steps.length) {
    // The gate itself: after everything ran and was reported.
    const last = steps[steps.length - 1];
    const inner = last.run.bind(last);
    last.run = async (state, ctx) => {
      await inner(state, ctx);
      if (failures.length)
        throw Object.assign(
          new BuildError(
            redact(failures.map((f) => f.message).join('; ')),
            'the image was not captured; see the results table, and the reports in ' +
              plan.reportsDir,
          ),
          { at: failures[0].at },
        );
    };
  }
  return steps;
}

async function scan(
  use: ScanUse,
  comm: NonNullable<BuildState['communicator']>,
  env: BuildEnv,
  plan: TrustPlan,
  signal: AbortSignal,
  sbomFile: string | undefined,
): Promise<ScanReport> {
  const filesDir = join(plan.reportsDir, use.type);
  mkdirSync(filesDir, { recursive: true });
  const ctx = { comm, signal, out: env.out, filesDir, sbomFile };
  const c = use.config;
  const report: ScanReport = {
    type: use.type,
    label: use.label,
    at: use.at,
    status: 'passed',
    summary: '',
    failOn: use.failOn,
    findings: [],
    failing: [],
    ignored: [],
    warnings: [],
    problems: [],
    files: [],
  };
  try {
    let r;
    switch (use.type) {
      case 'lynis': {
        const { runLynis } = await import('./lynis');
        r = await runLynis(ctx, {
          ...(c.min_index !== undefined ? { minIndex: Number(c.min_index) } : {}),
          ...(Array.isArray(c.tests) ? { tests: c.tests.map(String) } : {}),
        });
        // min_index is judged by the lynis module itself.
        if (r.indexFailure) report.problems.push(r.indexFailure);
        break;
      }
      case 'oscap': {
        const { runOscap } = await import('./oscap');
        r = await runOscap(ctx, {
          datastream: String(c.datastream),
          profile: String(c.profile),
          ...(c.tailoring !== undefined ? { tailoring: String(c.tailoring) } : {}),
        });
        break;
      }
      case 'trivy': {
        const { runTrivy } = await import('./vuln');
        r = await runTrivy(ctx, {});
        break;
      }
      default: {
        const { runGrype } = await import('./vuln');
        r = await runGrype(ctx, {});
      }
    }
    report.summary = redact(r.summary);
    report.findings = redactValue(r.findings) as Finding[];
    report.files = r.files;
    const g = gate(report.findings, { failOn: use.failOn, ignore: use.ignore });
    report.failing = g.failing.map((f) => f.id);
    report.ignored = g.ignored.map(({ rule }) => rule);
    report.warnings = g.warnings;
  } catch (e) {
    if (signal.aborted) throw e;
    report.summary = 'did not run';
    report.problems.push(redact((e as Error).message));
    if (e instanceof BuildError && e.hint) report.problems.push(redact(e.hint));
  }
  if (report.failing.length || report.problems.length) report.status = 'failed';
  const file = join(filesDir, 'result.json');
  writeJson(file, report);
  report.files.push(file);
  return report;
}

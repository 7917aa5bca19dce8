/**
 * A build's trust blocks resolved for one source: the checks and scanners that apply to it,
 * evaluated and typed, with every path made absolute and every local file they read known
 * (so a changed datastream makes the build look changed).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Problem } from '../spec/errors';
import { joinPath, LoadedFile } from '../spec/load';
import { positionOf, Schema } from '../spec/schema';
import type { FailOn, IgnoreRule } from './findings';
import { checkSchemaOf, checkTypeOf, scannerSchemaOf, scannerType } from './spec';

export interface TrustUse {
  type: string;
  /** For the results table: the name, else the type and what it checks. */
  label: string;
  /** Key path in the spec. */
  path: string;
  /** file:line:col */
  at?: string;
  config: Record<string, unknown>;
}

export interface ScanUse extends TrustUse {
  failOn: FailOn;
  ignore: IgnoreRule[];
}

export interface SbomUse {
  format: 'cyclonedx' | 'spdx';
  /** Absolute path of the file written. */
  output: string;
  path: string;
  at?: string;
}

export interface TrustPlan {
  tests: TrustUse[];
  sbom?: SbomUse;
  scans: ScanUse[];
  /** Absolute: where results, reports and (by default) the SBOM go. */
  reportsDir: string;
  /** Where the build's trust blocks are written, for SARIF results. */
  at?: string;
}

export interface TrustResolveContext {
  specDir: string;
  file: LoadedFile;
  errs: Problem[];
  build: string;
  source: string;
  /** Evaluates the expressions of a value written at `path`. */
  evaluate(raw: unknown, path: string): unknown;
  /** Types a value with a schema, reporting problems at `path`. */
  typed(value: unknown, schema: Schema, path: string): Record<string, unknown>;
  /** only/except of an entry select this source. */
  selected(raw: Record<string, unknown>): boolean;
  written(path: string): string | undefined;
}

const COMMON = ['name', 'only', 'except'];

function strip(cfg: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(cfg).filter(([k]) => !keys.includes(k)));
}

/** A list setting that takes one value alone holds a list from here on. */
function asLists(cfg: Record<string, unknown>, schema: Schema): Record<string, unknown> {
  if (schema.kind !== 'object') return cfg;
  for (const [k, f] of Object.entries(schema.fields))
    if (f.schema.kind === 'list' && cfg[k] !== undefined && !Array.isArray(cfg[k]))
      cfg[k] = [cfg[k]];
  return cfg;
}

/** The trust plan of a build for one source, or undefined when it has no trust blocks. */
export function resolveTrust(
  build: Record<string, unknown>,
  bp: string,
  c: TrustResolveContext,
): { plan?: TrustPlan; files: string[] } {
  const files: string[] = [];
  if (build.tests === undefined && build.sbom === undefined && build.scan === undefined)
    return { files };
  const dirText =
    build.reports_directory === undefined
      ? `bake-reports/${c.build}.${c.source}`
      : String(c.evaluate(build.reports_directory, joinPath(bp, 'reports_directory')));
  const reportsDir = resolve(c.specDir, dirText);

  const tests: TrustUse[] = [];
  ((build.tests ?? []) as Record<string, unknown>[]).forEach((raw, i) => {
    const path = joinPath(joinPath(bp, 'tests'), i);
    const t = checkTypeOf(raw);
    if (!t || !c.selected(raw)) return;
    const schema = checkSchemaOf(t);
    const cfg = asLists(c.typed(c.evaluate(raw, path), schema, path), schema);
    tests.push({
      type: t.type,
      label: typeof cfg.name === 'string' ? cfg.name : `${t.type} ${String(cfg[t.type])}`,
      path,
      at: c.written(path),
      config: strip(cfg, COMMON),
    });
  });

  let sbom: SbomUse | undefined;
  if (build.sbom !== undefined && build.sbom !== null) {
    const path = joinPath(bp, 'sbom');
    const cfg = c.evaluate(build.sbom, path) as Record<string, unknown>;
    const format = cfg.format === 'spdx' ? 'spdx' : 'cyclonedx';
    const output =
      typeof cfg.output === 'string' && cfg.output
        ? resolve(c.specDir, cfg.output)
        : resolve(reportsDir, format === 'spdx' ? 'sbom.spdx.json' : 'sbom.cdx.json');
    sbom = { format, output, path, at: c.written(path) };
  }

  const scans: ScanUse[] = [];
  ((build.scan ?? []) as Record<string, unknown>[]).forEach((raw, i) => {
    const path = joinPath(joinPath(bp, 'scan'), i);
    const t = scannerType(String(raw.type));
    if (!t || !c.selected(raw)) return;
    const schema = scannerSchemaOf(t);
    const cfg = asLists(c.typed(c.evaluate(raw, path), schema, path), schema);
    const config = strip(cfg, [...COMMON, 'type', 'fail_on', 'ignore']);
    // The scanner's own local files: absolute, and there.
    for (const key of ['datastream', 'tailoring'])
      if (typeof config[key] === 'string') {
        const abs = resolve(c.specDir, config[key] as string);
        config[key] = abs;
        files.push(abs);
        if (!existsSync(abs)) {
          const kp = joinPath(path, key);
          c.errs.push({
            message: `"${String(cfg[key])}" does not exist`,
            path: kp,
            pos: positionOf(c.file, kp),
            hint: `looked for ${abs}; paths are relative to the spec's directory`,
          });
        }
      }
    scans.push({
      type: t.type,
      label: typeof cfg.name === 'string' ? cfg.name : t.type,
      path,
      at: c.written(path),
      config,
      failOn: (cfg.fail_on as FailOn | undefined) ?? 'high',
      ignore: ((cfg.ignore ?? []) as IgnoreRule[]).map((r) => ({
        id: String(r.id),
        reason: String(r.reason),
        ...(r.until ? { until: String(r.until) } : {}),
      })),
    });
  });
  return {
    plan: { tests, sbom, scans, reportsDir, at: c.written(bp) },
    files,
  };
}

/**
 * What scanners report and how a gate judges it: one finding type for every scanner, one
 * severity scale, and the ignore rules a spec writes (each with its reason and, optionally,
 * the day it lapses).
 */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The threshold a spec writes: fail on findings of this severity or worse. */
export type FailOn = 'critical' | 'high' | 'medium' | 'low' | 'never';

export interface Finding {
  /** The scanner that reported it: lynis, oscap, trivy, grype. */
  scanner: string;
  /** The id an ignore entry names: a CVE or GHSA id, a lynis test id, an XCCDF rule id. */
  id: string;
  severity: Severity;
  title: string;
  /** The package it is in, for vulnerability scanners. */
  package?: { name: string; version: string; fixedIn?: string };
  /** More words: lynis' details, the rule's description, a link. */
  detail?: string;
}

export interface IgnoreRule {
  id: string;
  reason: string;
  /** YYYY-MM-DD: the last day the rule applies. */
  until?: string;
}

export interface GateRules {
  failOn: FailOn;
  ignore: IgnoreRule[];
}

export interface GateResult {
  /** Findings at or above the threshold that no live rule ignores: any fails the build. */
  failing: Finding[];
  /** Findings a live rule ignores, with the rule. */
  ignored: { finding: Finding; rule: IgnoreRule }[];
  /** Said to the user: a lapsed rule, a rule that matched nothing. */
  warnings: string[];
}

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, unknown: 0 };

/** True when a finding of severity `s` fails a gate set to `failOn`. Unknown counts as low. */
export function atOrAbove(s: Severity, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return Math.max(RANK[s], 1) >= RANK[failOn];
}

/** Today as YYYY-MM-DD in UTC, the form `until` is written in. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Applies ignore rules and the threshold to what a scanner found. */
export function gate(findings: Finding[], rules: GateRules, day = today()): GateResult {
  const failing: Finding[] = [];
  const ignored: GateResult['ignored'] = [];
  const warnings: string[] = [];
  const used = new Set<IgnoreRule>();
  const lapsed = new Set<IgnoreRule>();
  for (const f of findings) {
    const rule = rules.ignore.find((r) => r.id === f.id);
    if (rule && rule.until && rule.until < day) {
      lapsed.add(rule);
    } else if (rule) {
      used.add(rule);
      ignored.push({ finding: f, rule });
      continue;
    }
    if (atOrAbove(f.severity, rules.failOn)) failing.push(f);
  }
  for (const r of lapsed)
    warnings.push(
      `the ignore rule for ${r.id} lapsed on ${r.until} ("${r.reason}"); the finding counts again`,
    );
  for (const r of rules.ignore)
    if (!used.has(r) && !lapsed.has(r))
      warnings.push(`the ignore rule for ${r.id} matched nothing; remove it if it is fixed`);
  return { failing, ignored, warnings };
}

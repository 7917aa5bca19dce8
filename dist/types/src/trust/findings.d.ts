/**
 * What scanners report and how a gate judges it: one finding type for every scanner, one
 * severity scale, and the ignore rules a spec writes (each with its reason and, optionally,
 * the day it lapses).
 */
export declare const SEVERITIES: readonly ["critical", "high", "medium", "low", "unknown"];
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
    package?: {
        name: string;
        version: string;
        fixedIn?: string;
    };
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
    ignored: {
        finding: Finding;
        rule: IgnoreRule;
    }[];
    /** Said to the user: a lapsed rule, a rule that matched nothing. */
    warnings: string[];
}
/** True when a finding of severity `s` fails a gate set to `failOn`. Unknown counts as low. */
export declare function atOrAbove(s: Severity, failOn: FailOn): boolean;
/** Today as YYYY-MM-DD in UTC, the form `until` is written in. */
export declare function today(now?: Date): string;
/** Applies ignore rules and the threshold to what a scanner found. */
export declare function gate(findings: Finding[], rules: GateRules, day?: string): GateResult;

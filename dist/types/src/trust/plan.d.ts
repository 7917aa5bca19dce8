import type { Problem } from '../spec/errors';
import { LoadedFile } from '../spec/load';
import { Schema } from '../spec/schema';
import type { FailOn, IgnoreRule } from './findings';
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
/** The trust plan of a build for one source, or undefined when it has no trust blocks. */
export declare function resolveTrust(build: Record<string, unknown>, bp: string, c: TrustResolveContext): {
    plan?: TrustPlan;
    files: string[];
};

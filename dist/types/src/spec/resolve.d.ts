import { Problem } from './errors';
import { RawSpec } from './spec';
import { ArtifactKind } from '../plugins/api';
import type { PluginSet } from '../plugins/api';
import { TrustPlan } from '../trust/plan';
export interface ResolveOptions {
    /** `--var k=v` / the action's `vars` input, highest precedence. */
    vars?: Record<string, string>;
    /** `--var-file` paths, in order. */
    varFiles?: string[];
    env?: NodeJS.ProcessEnv;
    now?: Date;
    /**
     * Resolve for a fingerprint: timestamp() and uuidv4() give fixed values, so what changes
     * on every run does not make a build look changed.
     */
    stable?: boolean;
    only?: string[];
    except?: string[];
    cwd?: string;
    /** Ask no service (http_request() and the AWS data functions are left unanswered). */
    offline?: boolean;
}
export interface PluginUse {
    type: string;
    /** Label for logs: name, else type. */
    label: string;
    /** Key path in the spec, for errors at run time. */
    path: string;
    /** Where it is written: file:line:col. */
    at?: string;
    config: Record<string, unknown>;
}
export interface ProvisionerUse extends PluginUse {
    pauseBeforeMs: number;
    maxRetries: number;
    timeoutMs?: number;
}
export interface PostProcessorUse extends PluginUse {
    keepInputArtifact?: boolean;
}
export interface BuildInstance {
    /** `<build>.<source>` */
    name: string;
    build: string;
    source: string;
    /** The source a for_each instance is one of; --only and --except answer to it too. */
    of?: string;
    type: string;
    /** The kind of artifact its builder makes with this config. */
    artifact?: ArtifactKind;
    config: Record<string, unknown>;
    provisioners: ProvisionerUse[];
    errorCleanupProvisioner?: ProvisionerUse;
    /** Chains of post-processors; each chain starts from the build's artifact. */
    postProcessors: PostProcessorUse[][];
    timeoutMs?: number;
    runsOn?: string;
    /** Local files the build reads (scripts, uploads, file()), for fingerprints. */
    files: string[];
    /** Where its source is written: file:line:col. */
    at?: string;
    /** tests, sbom and scan: what proves the machine before it is captured. */
    trust?: TrustPlan;
}
export interface ResolvedVariable {
    name: string;
    type: string;
    value: unknown;
    sensitive: boolean;
    source: string;
    description?: string;
}
export interface Plan {
    specPath: string;
    specDir: string;
    runUuid: string;
    now: Date;
    variables: ResolvedVariable[];
    locals: Record<string, unknown>;
    /** The locals as they may be shown: every part computed from a sensitive value is ***. */
    shownLocals?: Record<string, unknown>;
    instances: BuildInstance[];
    /** Every instance name, before --only / --except. */
    allNames: string[];
    /** The plugins this spec was checked against: the built-ins and the spec's own. */
    registry: PluginSet;
    /** What is worth saying and is no error: a Packer setting left out, a var file's extra name. */
    notes: Problem[];
}
/**
 * resolvePlan, with the values the plan reads from services (http_request(), aws_parameter(),
 * aws_secret())
 * fetched between passes: a pass that needs an answer not yet here records it and fails; the
 * answers are fetched together and the plan is resolved again. A plan that needs none
 * resolves once, and loads no client.
 */
export declare function resolvePlanWithData(spec: RawSpec, opts?: ResolveOptions): Promise<Plan>;
export declare function resolvePlan(spec: RawSpec, opts?: ResolveOptions): Plan;
/** Applies --only / --except (globs over instance names); a pattern matching nothing is an error. */
export declare function selectInstances<T extends {
    name: string;
    source: string;
    of?: string;
}>(instances: T[], only?: string[], except?: string[]): T[];
/** The instances as a GitHub Actions matrix (`strategy.matrix: ${{ fromJSON(...) }}`). */
export declare function matrixOf(plan: Plan): {
    include: {
        runs_on?: string | undefined;
        name: string;
        build: string;
        source: string;
        type: string;
    }[];
};

import type Docker from 'dockerode';
import type { BuildInstance, ProvisionerUse, PostProcessorUse } from '../spec/resolve';
import type { Communicator } from '../communicators/communicator';
import type { ConnectionInfo } from '../communicators/connection';
import type { Artifact } from './artifact';
import type { ResourceLedger } from './ledger';
import type { Step } from './steps';
/** The fields of the running build a setting may use (build.ID, build.SourceAMI, …). */
export declare function buildFieldValues(env: BuildEnv): Record<string, string>;
/**
 * A setting (or a step's settings) with build.ID and the other fields of the running build
 * filled in (they plan as markers). A field the build does not have there stops it.
 */
export declare function withBuildFields<T>(value: T, env: BuildEnv, what: string): T;
/** What a plugin gets to work with during one build. */
export interface BuildEnv {
    instance: BuildInstance;
    specDir: string;
    runUuid: string;
    ledger: ResourceLedger;
    docker(): Docker;
    /** A line of the build's own output (already redacted by the console). */
    out(stream: 'stdout' | 'stderr' | 'info', line: string): void;
    /** Values other steps may use: container id, host, user (shell-local gets them as env). */
    generated: Record<string, string>;
    /** How the machine is reached, for provisioners that bring their own client (Ansible). */
    connection?: ConnectionInfo;
}
export type { ConnectionInfo } from '../communicators/connection';
export interface BuildState {
    communicator?: Communicator;
    artifact?: Artifact;
}
export interface BuilderImpl {
    /**
     * The builder's steps, with `provision` placed where the machine is reachable; the engine
     * replaces that placeholder with one step per provisioner.
     */
    steps(env: BuildEnv, provision: Step<BuildState>): Step<BuildState>[] | Promise<Step<BuildState>[]>;
}
export interface ProvisionerImpl {
    run(use: ProvisionerUse, comm: Communicator | undefined, env: BuildEnv, signal: AbortSignal): Promise<void>;
}
export interface PostProcessorResult {
    artifact: Artifact;
    /** The input is the same thing as the output (a tag of the same image): never destroy it. */
    keepInput?: boolean;
}
export interface PostProcessorImpl {
    run(use: PostProcessorUse, input: Artifact, env: BuildEnv, signal: AbortSignal): Promise<PostProcessorResult>;
}
export { BuildError } from './errors';

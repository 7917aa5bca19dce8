/**
 * The plugin contract. Every builder, provisioner and post-processor — built in or loaded
 * from a spec's `plugins:` list — is one descriptor of this shape. The descriptor is small
 * and loaded eagerly (schema, description, rules); the implementation sits behind `load()`
 * so that `bake validate` never parses Docker or cloud SDKs.
 *
 * The spec loader, the engine, `bake cleanup`, `bake sweep`, the post step and
 * skip-unchanged consult descriptors only: none of them names a plugin.
 */
import type Docker from 'dockerode';
import type { BuilderImpl, PostProcessorImpl, ProvisionerImpl } from '../engine/context';
import type { ArtifactRecord } from '../engine/events';
import type { LedgerEntry } from '../engine/ledger';
import type { Schema } from '../spec/schema';
export type { BuilderImpl, PostProcessorImpl, ProvisionerImpl } from '../engine/context';
export type PluginKind = 'builder' | 'provisioner' | 'post-processor';
/**
 * What an artifact is, so that a post-processor given one it cannot take is a validate
 * error: a Docker image, a cloud or VM image, files on this machine, or nothing at all.
 */
export type ArtifactKind = 'docker-image' | 'machine-image' | 'files' | 'none';
/** A cross-field problem; `key` is relative to the plugin's block ('' for the block). */
export interface RuleProblem {
    key: string;
    message: string;
    hint?: string;
}
/** What a rule, a cleaner or a hook may ask of the run. */
export interface PluginServices {
    /** The shared Docker client; present when a descriptor in use says `needs.docker`. */
    docker(): Docker;
    signal?: AbortSignal;
}
/** Removes one ledgered resource. Idempotent: a resource already gone counts as removed. */
export type Cleaner = (entry: LedgerEntry, services: PluginServices) => Promise<void>;
interface DescriptorBase<K extends PluginKind, Impl> {
    kind: K;
    /** The `type:` a spec names it by. */
    type: string;
    /** One line for `bake help`, the JSON Schema and error hints. */
    description: string;
    /** The settings (an object schema); `type` and the kind's common settings are added. */
    schema: Schema;
    /** Rules across settings, run once every setting has the right shape. */
    refine?(config: Record<string, unknown>, ctx: {
        specDir: string;
        /** For a provisioner or post-processor: the type of the builder it runs after. */
        builder?: string;
        /** Read from a Packer template, where a bool's false is also its zero value (unset). */
        packer?: boolean;
    }): RuleProblem[];
    /**
     * For a Packer template: what Packer's plugin takes as not set, beyond "" and null (a
     * block whose deciding setting is empty), removed from the settings before they are checked.
     */
    packerUnset?(config: Record<string, unknown>): void;
    /** What the run must provide before this plugin works. */
    needs?: {
        docker?: boolean;
    };
    /**
     * How each ledger kind this plugin creates is removed, by `bake cleanup`, the action's
     * post step and the engine alike. Each kind belongs to exactly one plugin.
     */
    cleaners?: Record<string, Cleaner>;
    /** Local files and directories the settings name (hashed by skip-unchanged). */
    localInputs?(config: Record<string, unknown>, specDir: string): string[];
    load(): Promise<Impl>;
}
/** skip-unchanged: what a build starts from, and whether its artifact is still there. */
export interface ReuseHooks {
    /** An identity of the base (digest, resolved source image), or undefined if unknown. */
    base(config: Record<string, unknown>, services: PluginServices): Promise<string | undefined>;
    exists(config: Record<string, unknown>, artifact: ArtifactRecord, services: PluginServices): Promise<boolean>;
}
/** `bake sweep`: finds what killed runs left behind, long after their ledgers are gone. */
export interface Sweeper {
    /** The `bake sweep` option that says where to look, and the variables that default it. */
    where: {
        option: 'region' | 'project' | 'subscription';
        env: string[];
    };
    run(o: {
        locations: string[];
        olderThanMs: number;
        delete: boolean;
        write: (line: string) => void;
    }): Promise<number>;
}
export interface BuilderDescriptor extends DescriptorBase<'builder', BuilderImpl> {
    /** What the builder makes; a function when a setting decides (docker export_path). */
    artifact: ArtifactKind | ((config: Record<string, unknown>) => ArtifactKind);
    reuse?: ReuseHooks;
    sweep?: Sweeper;
    /**
     * Settings that may use build.SourceAMI and the other fields of the running build (tags,
     * as in Packer): the builder fills them in with withBuildFields when it uses them.
     */
    buildFields?: readonly string[];
}
export type ProvisionerDescriptor = DescriptorBase<'provisioner', ProvisionerImpl>;
export interface PostProcessorDescriptor extends DescriptorBase<'post-processor', PostProcessorImpl> {
    /** The artifact kinds it takes; 'any' for every kind (manifest). */
    accepts: readonly ArtifactKind[] | 'any';
    /** What it hands on: a kind, or 'same' for the kind it was given. */
    produces: ArtifactKind | 'same';
    /**
     * It only records the artifact it is given and makes nothing (manifest): it still runs
     * for a build that skip-unchanged reuses, so the record is complete.
     */
    recordsOnly?: boolean;
}
export type Descriptor = BuilderDescriptor | ProvisionerDescriptor | PostProcessorDescriptor;
export type DescriptorOf<K extends PluginKind> = Extract<Descriptor, {
    kind: K;
}>;
/** The artifact kind a builder makes with these settings. */
export declare function artifactKindOf(d: BuilderDescriptor, config: Record<string, unknown>): ArtifactKind;
/** Where a resource's plugin came from: built in, or the module a spec (or a ledger) named. */
export interface Origin {
    module?: string;
    /** The spec's own words for it (`./plugins/x.mjs`, `bake-plugin-y`), for messages. */
    name?: string;
}
/** The plugins a spec is checked against and a run uses: the built-ins and the spec's own. */
export interface PluginSet {
    get<K extends PluginKind>(kind: K, type: string): DescriptorOf<K> | undefined;
    /** The descriptor of a type the spec checks have already accepted. */
    must<K extends PluginKind>(kind: K, type: string): DescriptorOf<K>;
    types(kind: PluginKind): string[];
    all<K extends PluginKind>(kind: K): DescriptorOf<K>[];
    /** The plugin that creates ledger entries of this kind, and its cleaner. */
    ownerOf(ledgerKind: string): {
        descriptor: Descriptor;
        cleaner: Cleaner;
        origin: Origin;
    } | undefined;
}

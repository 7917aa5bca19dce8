/** One typed stream of what happens in a run; the console, the events file and reports read it. */
export type BuildStatus = 'succeeded' | 'failed' | 'cancelled' | 'skipped';
export type BakeEvent = {
    type: 'run-start';
    time: string;
    runUuid: string;
    builds: string[];
} | {
    type: 'build-start';
    time: string;
    build: string;
    builder: string;
} | {
    type: 'step-start';
    time: string;
    build: string;
    step: string;
} | {
    type: 'step-end';
    time: string;
    build: string;
    step: string;
    durationMs: number;
    ok: boolean;
    error?: string;
} | {
    type: 'output';
    time: string;
    build: string;
    stream: 'stdout' | 'stderr' | 'info';
    line: string;
} | {
    type: 'artifact';
    time: string;
    build: string;
    artifact: ArtifactRecord;
} | {
    type: 'cleanup';
    time: string;
    build: string;
    resource: string;
    ok: boolean;
    error?: string;
} | {
    type: 'build-end';
    time: string;
    build: string;
    status: BuildStatus;
    durationMs: number;
    error?: string;
    failedStep?: string;
} | {
    type: 'run-end';
    time: string;
    ok: boolean;
    durationMs: number;
};
/** The serialisable part of an artifact, as it appears in events, outputs and manifests. */
export interface ArtifactRecord {
    id: string;
    builderType: string;
    tags?: string[];
    digests?: string[];
    files?: string[];
    /** Machine images: region → image id. */
    regions?: Record<string, string>;
    /**
     * What else the builder knows of its result, by name (an image's self link and family, a
     * gallery version's id): in the action's outputs and the manifest as they are.
     */
    properties?: Record<string, string>;
    description?: string;
    /** The SBOM file of the image (sbom: on the build). */
    sbom?: string;
    /** The files the tests and scanners wrote: results, reports. */
    reports?: string[];
}
export declare function recordOf(a: ArtifactRecord): ArtifactRecord;
type Listener = (e: BakeEvent) => void;
export declare class EventBus {
    private listeners;
    on(l: Listener): () => void;
    emit(e: BakeEvent): void;
}
export declare const now: () => string;
export {};

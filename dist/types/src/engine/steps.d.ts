/**
 * Runs a build as a list of steps, Packer's multistep style: each step may register a
 * cleanup, and the cleanups of the steps that ran run in reverse order, whatever happened.
 * Cleanups get their own time budget and never see the cancel signal.
 */
export interface StepContext {
    signal: AbortSignal;
    log: (line: string) => void;
}
export interface Step<S> {
    name: string;
    run(state: S, ctx: StepContext): Promise<void>;
    /** Undo what run() created. Called for every step whose run() started. */
    cleanup?(state: S, ctx: StepContext): Promise<void>;
    /** How long cleanup may take (default 30 s). */
    cleanupBudgetMs?: number;
}
export interface StepHooks {
    onStepStart?(name: string): void;
    onStepEnd?(name: string, durationMs: number, error?: unknown): void;
    onCleanupError?(name: string, error: unknown): void;
}
export interface StepsResult {
    ok: boolean;
    /** With deferCleanup, the cleanups still running after a success. */
    cleanup?: Promise<void>;
    error?: unknown;
    failedStep?: string;
    cancelled: boolean;
}
export declare class CancelledError extends Error {
    constructor(message?: string);
}
export declare function throwIfCancelled(signal: AbortSignal): void;
/** Waits ms, or rejects as soon as the signal aborts. */
export declare function sleep(ms: number, signal?: AbortSignal): Promise<void>;
/** Resolves with the promise, or rejects when the signal aborts first (the work may go on). */
export declare function raceSignal<T>(p: Promise<T>, signal: AbortSignal): Promise<T>;
export declare class TimeoutError extends Error {
    constructor(ms: number);
}
/**
 * A signal that aborts when the parent does or when ms pass. A plain timer, not
 * AbortSignal.timeout(): inside AbortSignal.any() that one can be collected and never fire.
 */
export declare function withTimeout(parent: AbortSignal | undefined, ms?: number): {
    signal: AbortSignal;
    clear: () => void;
};
export declare function runSteps<S>(steps: Step<S>[], state: S, ctx: StepContext, hooks?: StepHooks, opts?: {
    skipCleanup?: () => boolean;
    deferCleanup?: boolean;
    /** After a failure, while the machine still stands (the error-cleanup-provisioner). */
    beforeCleanup?: (r: StepsResult) => Promise<void>;
}): Promise<StepsResult>;

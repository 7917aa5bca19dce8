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

export class CancelledError extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new CancelledError();
}

/** Waits ms, or rejects as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted)
      return reject(signal.reason instanceof Error ? signal.reason : new CancelledError());
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason instanceof Error ? signal!.reason : new CancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Resolves with the promise, or rejects when the signal aborts first (the work may go on). */
export function raceSignal<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    // The work goes on without a listener: keep its failure from becoming unhandled.
    p.catch(() => undefined);
    return Promise.reject(signal.reason instanceof Error ? signal.reason : new CancelledError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () =>
      reject(signal.reason instanceof Error ? signal.reason : new CancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`timed out after ${ms / 1000}s`);
    this.name = 'TimeoutError';
  }
}

/**
 * A signal that aborts when the parent does or when ms pass. A plain timer, not
 * AbortSignal.timeout(): inside AbortSignal.any() that one can be collected and never fire.
 */
export function withTimeout(
  parent: AbortSignal | undefined,
  ms?: number,
): { signal: AbortSignal; clear: () => void } {
  const ctl = new AbortController();
  const onAbort = () => ctl.abort(parent!.reason);
  if (parent?.aborted) ctl.abort(parent.reason);
  else parent?.addEventListener('abort', onAbort, { once: true });
  const timer =
    ms === undefined ? undefined : setTimeout(() => ctl.abort(new TimeoutError(ms)), ms);
  return {
    signal: ctl.signal,
    clear: () => {
      if (timer) clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}

export async function runSteps<S>(
  steps: Step<S>[],
  state: S,
  ctx: StepContext,
  hooks: StepHooks = {},
  opts: {
    skipCleanup?: () => boolean;
    deferCleanup?: boolean;
    /** After a failure, while the machine still stands (the error-cleanup-provisioner). */
    beforeCleanup?: (r: StepsResult) => Promise<void>;
  } = {},
): Promise<StepsResult> {
  const started: Step<S>[] = [];
  let result: StepsResult = { ok: true, cancelled: false };
  for (const step of steps) {
    if (ctx.signal.aborted) {
      result = { ok: false, cancelled: true, error: new CancelledError(), failedStep: step.name };
      break;
    }
    started.push(step);
    const t0 = performance.now();
    hooks.onStepStart?.(step.name);
    try {
      await step.run(state, ctx);
      hooks.onStepEnd?.(step.name, performance.now() - t0);
    } catch (error) {
      hooks.onStepEnd?.(step.name, performance.now() - t0, error);
      result = {
        ok: false,
        error,
        failedStep: step.name,
        cancelled: ctx.signal.aborted || error instanceof CancelledError,
      };
      break;
    }
  }
  if (!result.ok && opts.beforeCleanup) await opts.beforeCleanup(result);
  if (!result.ok && opts.skipCleanup?.()) return result;
  const cleanups = (async () => {
    for (const step of started.reverse()) {
      if (!step.cleanup) continue;
      const budget = withTimeout(undefined, step.cleanupBudgetMs ?? 30_000);
      try {
        await raceSignal(
          step.cleanup(state, { signal: budget.signal, log: ctx.log }),
          budget.signal,
        );
      } catch (error) {
        hooks.onCleanupError?.(step.name, error);
      } finally {
        budget.clear();
      }
    }
  })();
  // After a success the caller may overlap the cleanups with its next work (removing a
  // container while post-processors run); it must await `cleanup` before it finishes.
  if (result.ok && opts.deferCleanup) return { ...result, cleanup: cleanups };
  await cleanups;
  return result;
}

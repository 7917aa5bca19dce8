/**
 * Runs one build instance: the builder's steps with the provisioners in the middle, then the
 * post-processor chains. Reports everything as events; never throws for a build failure.
 */
import { existsSync } from 'node:fs';
import type Docker from 'dockerode';
import { Artifact } from './artifact';
import { BuildEnv, BuildError, BuildState, withBuildFields } from './context';
import { ArtifactRecord, BuildStatus, EventBus, now, recordOf } from './events';
import { ResourceLedger } from './ledger';
import type { PluginSet } from '../plugins/api';
import { CancelledError, runSteps, sleep, Step, withTimeout } from './steps';
import type { BuildInstance, ProvisionerUse } from '../spec/resolve';
import { redact, redactValue } from '../util/redact';
import type { OnError } from './options';
import { trustSteps, TrustResults } from '../trust/run';

export interface StepTiming {
  name: string;
  start: string;
  durationMs: number;
  ok: boolean;
}

export interface BuildResult {
  name: string;
  build: string;
  source: string;
  builder: string;
  status: BuildStatus;
  durationMs: number;
  artifact?: ArtifactRecord;
  error?: string;
  hint?: string;
  failedStep?: string;
  tail?: string[];
  steps: StepTiming[];
  /** With on-error=abort: how to reach what was left running. */
  leftRunning?: string;
  /** skip-unchanged found this build unchanged and its artifact still there. */
  reused?: boolean;
  /** Where what failed is written in the spec (file:line:col). */
  at?: string;
  /** What the tests, the SBOM and the scanners found. */
  trust?: TrustResults;
}

export interface BuildOptions {
  specDir: string;
  runUuid: string;
  ledger: ResourceLedger;
  bus: EventBus;
  docker: () => Docker;
  signal: AbortSignal;
  onError: OnError;
  registry: PluginSet;
}

class TimeoutError extends Error {}

/** A step's settings with the running build's fields filled in (see withBuildFields). */
function withFields<
  U extends { config: Record<string, unknown>; label: string; at?: string; path: string },
>(use: U, env: BuildEnv): U {
  const config = withBuildFields(use.config, env, `${use.label} (${use.at ?? use.path})`);
  return config === use.config ? use : { ...use, config };
}

function provisionerStep(
  use: ProvisionerUse,
  index: number,
  env: BuildEnv,
  registry: PluginSet,
): Step<BuildState> {
  return {
    name: `provisioner ${index + 1}: ${use.label}`,
    async run(state, ctx) {
      if (use.pauseBeforeMs) {
        env.out('info', `pausing ${use.pauseBeforeMs / 1000}s before ${use.label}`);
        await sleep(use.pauseBeforeMs, ctx.signal);
      }
      const impl = await registry.must('provisioner', use.type).load();
      for (let attempt = 0; ; attempt++) {
        const deadline = withTimeout(ctx.signal, use.timeoutMs);
        const signal = deadline.signal;
        try {
          await impl.run(withFields(use, env), state.communicator, env, signal);
          return;
        } catch (e) {
          if (ctx.signal.aborted) throw e;
          const timedOut = use.timeoutMs !== undefined && signal.aborted;
          const err = timedOut
            ? new BuildError(
                `${use.label} timed out after ${use.timeoutMs! / 1000}s`,
                `raise timeout at ${use.path}`,
              )
            : e;
          if (attempt >= use.maxRetries) throw err;
          env.out(
            'info',
            `${use.label} failed (${(err as Error).message}); retry ${attempt + 1} of ${use.maxRetries}`,
          );
          await sleep(Math.min(2000 * (attempt + 1), 10_000), ctx.signal);
        } finally {
          deadline.clear();
        }
      }
    },
  };
}

/** Where the failed step comes from in the spec: its provisioner or post-processor, else the source. */
function writtenAt(inst: BuildInstance, step: string | undefined): string | undefined {
  const prov = /^provisioner (\d+):/.exec(step ?? '');
  if (prov) return inst.provisioners[Number(prov[1]) - 1]?.at;
  const pp = /^post-processor (\d+)\.(\d+):/.exec(step ?? '');
  if (pp) return inst.postProcessors[Number(pp[1]) - 1]?.[Number(pp[2]) - 1]?.at;
  return inst.at;
}

/** A result for `inst` with nothing run yet. */
export function resultOf(inst: BuildInstance, status: BuildStatus): BuildResult {
  return {
    name: inst.name,
    build: inst.build,
    source: inst.source,
    builder: inst.type,
    status,
    durationMs: 0,
    steps: [],
  };
}

export async function runBuild(inst: BuildInstance, o: BuildOptions): Promise<BuildResult> {
  const t0 = performance.now();
  const timings: StepTiming[] = [];
  const { bus } = o;
  const emitOut = (stream: 'stdout' | 'stderr' | 'info', line: string) =>
    bus.emit({ type: 'output', time: now(), build: inst.name, stream, line: redact(line) });
  bus.emit({ type: 'build-start', time: now(), build: inst.name, builder: inst.type });

  const timeoutCtl = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  if (inst.timeoutMs)
    timer = setTimeout(
      () =>
        timeoutCtl.abort(new TimeoutError(`build timeout of ${inst.timeoutMs! / 1000}s exceeded`)),
      inst.timeoutMs,
    );
  const signal = AbortSignal.any([o.signal, timeoutCtl.signal]);

  const env: BuildEnv = {
    instance: inst,
    specDir: o.specDir,
    runUuid: o.runUuid,
    ledger: o.ledger,
    docker: o.docker,
    out: emitOut,
    generated: {},
  };
  const result: BuildResult = { ...resultOf(inst, 'succeeded'), steps: timings };
  const state: BuildState = {};
  const fail = (e: unknown, step?: string) => {
    const cancelled = o.signal.aborted && !timeoutCtl.signal.aborted;
    result.status = cancelled ? 'cancelled' : 'failed';
    result.failedStep ??= step;
    // A failure may say where it is written (the check or scanner that failed).
    result.at ??= (e as { at?: string } | undefined)?.at ?? writtenAt(inst, result.failedStep);
    const err = timeoutCtl.signal.aborted ? (timeoutCtl.signal.reason as Error) : (e as Error);
    result.error ??= redact(cancelled ? 'cancelled' : (err?.message ?? String(e)));
    if (e instanceof BuildError) {
      result.hint ??= e.hint;
      result.tail ??= e.tail?.map(redact);
    }
  };

  try {
    const impl = await o.registry.must('builder', inst.type).load();
    const marker: Step<BuildState> = { name: 'provision', run: async () => undefined };
    const trust: TrustResults = { files: [] };
    if (inst.trust) result.trust = trust;
    const provSteps = [
      ...inst.provisioners.map((p, i) => provisionerStep(p, i, env, o.registry)),
      // Before the builder captures the image: what proves the machine.
      ...trustSteps(inst.trust, env, trust),
    ];
    const steps = (await impl.steps(env, marker)).flatMap((s) => (s === marker ? provSteps : [s]));
    let aborted = false;
    const r = await runSteps(
      steps,
      state,
      { signal, log: (l) => emitOut('info', l) },
      {
        onStepStart: (name) =>
          bus.emit({ type: 'step-start', time: now(), build: inst.name, step: name }),
        onStepEnd: (name, ms, error) => {
          timings.push({
            name,
            start: new Date(Date.now() - ms).toISOString(),
            durationMs: Math.round(ms),
            ok: !error,
          });
          bus.emit({
            type: 'step-end',
            time: now(),
            build: inst.name,
            step: name,
            durationMs: Math.round(ms),
            ok: !error,
            ...(error ? { error: redact((error as Error).message ?? String(error)) } : {}),
          });
        },
        onCleanupError: (name, error) => {
          emitOut(
            'stderr',
            `cleanup of "${name}" failed: ${(error as Error).message}; the resource stays in the ledger for "bake cleanup"`,
          );
          bus.emit({
            type: 'cleanup',
            time: now(),
            build: inst.name,
            resource: name,
            ok: false,
            error: redact(String((error as Error).message)),
          });
        },
      },
      {
        deferCleanup: true,
        // Packer's error-cleanup-provisioner: whenever provisioning fails, before the
        // machine is removed (or kept, with run-cleanup-provisioner); never with abort or
        // after a cancellation. It has its own timeout and still honours cancellation.
        beforeCleanup: async (failed) => {
          const ecp = inst.errorCleanupProvisioner;
          if (!ecp || o.onError === 'abort' || o.signal.aborted) return;
          if (!failed.failedStep?.startsWith('provisioner ')) return;
          emitOut('info', `running the error-cleanup-provisioner (${ecp.label})`);
          const budget = withTimeout(o.signal, ecp.timeoutMs ?? 300_000);
          try {
            const impl = await o.registry.must('provisioner', ecp.type).load();
            await impl.run(withFields(ecp, env), state.communicator, env, budget.signal);
            emitOut('info', 'the error-cleanup-provisioner finished');
          } catch (e) {
            const why =
              budget.signal.aborted && !o.signal.aborted
                ? `timed out after ${(ecp.timeoutMs ?? 300_000) / 1000}s`
                : (e as Error).message;
            emitOut('stderr', `error-cleanup-provisioner failed: ${why}`);
          } finally {
            budget.clear();
          }
        },
        skipCleanup: () => {
          if (o.signal.aborted) return false;
          if (o.onError === 'abort' || o.onError === 'run-cleanup-provisioner') {
            aborted = true;
            return true;
          }
          return false;
        },
      },
    );
    if (!r.ok) {
      fail(r.error, r.failedStep);
      if (aborted) {
        for (const entry of ResourceLedger.pending(o.ledger.file).filter(
          (x) => x.run === o.runUuid && x.build === inst.name,
        ))
          o.ledger.keep(entry);
        result.leftRunning = state.communicator
          ? `left running for debugging: ${state.communicator.describe()}; remove it with "bake cleanup --ledger ${o.ledger.file}"`
          : `resources left for debugging; remove them with "bake cleanup --ledger ${o.ledger.file}"`;
        emitOut('info', result.leftRunning);
      } else if (state.artifact) {
        await destroyHalfMade(state.artifact, env);
      }
      return result;
    }
    const built = state.artifact;
    if (built && inst.trust) {
      if (trust.sbom) built.sbom = trust.sbom;
      built.reports = trust.files.filter((f) => f !== trust.sbom);
    }
    if (built) {
      result.artifact = recordOf(built);
      bus.emit({
        type: 'artifact',
        time: now(),
        build: inst.name,
        artifact: redactValue(result.artifact),
      });
    }
    // A build that makes nothing (the null builder) still runs its post-processors, as
    // Packer's null artifact lets them (a manifest, a shell-local): they get an empty
    // artifact, which stays out of the result.
    const nothing = !built && inst.postProcessors.length > 0 && inst.artifact === 'none';
    const input: Artifact | undefined = nothing
      ? { id: '', builderType: inst.type, description: 'nothing: this builder makes no artifact' }
      : built;
    try {
      if (input && inst.postProcessors.length)
        await runChains(inst, input, env, bus, signal, result, timings, o.registry);
      if (nothing && !result.artifact?.id) delete result.artifact;
      await r.cleanup;
      if (signal.aborted)
        throw signal.reason instanceof Error ? signal.reason : new CancelledError();
    } catch (e) {
      // Cancelled while post-processing: the image is not a finished result; remove it.
      await r.cleanup;
      fail(e, result.failedStep);
      if (built) await destroyHalfMade(built, env);
      return result;
    }
    // The build's artifact is now the result: it leaves the ledger, kept on purpose.
    for (const entry of built?.ledgerEntries ?? []) o.ledger.done(entry);
    if (built) built.ledgerEntries = undefined;
  } catch (e) {
    fail(e);
  } finally {
    if (timer) clearTimeout(timer);
    result.durationMs = Math.round(performance.now() - t0);
    bus.emit({
      type: 'build-end',
      time: now(),
      build: inst.name,
      status: result.status,
      durationMs: result.durationMs,
      ...(result.error ? { error: result.error } : {}),
      ...(result.failedStep ? { failedStep: result.failedStep } : {}),
    });
  }
  return result;
}

async function destroyHalfMade(a: Artifact, env: BuildEnv): Promise<void> {
  try {
    await a.destroy?.();
    for (const entry of a.ledgerEntries ?? []) env.ledger.done(entry);
    env.out('info', `removed the unfinished artifact ${a.id}`);
  } catch (e) {
    env.out(
      'stderr',
      `could not remove the unfinished artifact ${a.id}: ${(e as Error).message}; it stays in the ledger`,
    );
  }
}

/**
 * For a build skip-unchanged reuses: the post-processors that only record (manifest) run on
 * the cached artifact, so the record is as complete as after a build. Failures are said, and
 * do not fail a build that did not run.
 */
export async function recordReused(
  inst: BuildInstance,
  artifact: ArtifactRecord,
  o: Omit<BuildOptions, 'onError'>,
): Promise<void> {
  const out = (stream: 'stdout' | 'stderr' | 'info', line: string) =>
    o.bus.emit({ type: 'output', time: now(), build: inst.name, stream, line: redact(line) });
  const env: BuildEnv = {
    instance: inst,
    specDir: o.specDir,
    runUuid: o.runUuid,
    ledger: o.ledger,
    docker: o.docker,
    out,
    generated: {},
  };
  for (const use of inst.postProcessors.flat()) {
    const d = o.registry.must('post-processor', use.type);
    if (!d.recordsOnly) continue;
    try {
      await (await d.load()).run(use, { ...artifact }, env, o.signal);
    } catch (e) {
      out('stderr', `${use.label} failed for the reused artifact: ${(e as Error).message}`);
    }
  }
}

/** Each chain starts from the build's artifact; a failing chain does not stop the others. */
async function runChains(
  inst: BuildInstance,
  built: Artifact,
  env: BuildEnv,
  events: EventBus,
  signal: AbortSignal,
  result: BuildResult,
  timings: StepTiming[],
  registry: PluginSet,
): Promise<void> {
  const merged: Artifact = {
    ...built,
    tags: [...(built.tags ?? [])],
    digests: [...(built.digests ?? [])],
    files: [...(built.files ?? [])],
  };
  let keepBuilt = false;
  const finals: Artifact[] = [];
  for (const [ci, chain] of inst.postProcessors.entries()) {
    let input = built;
    for (const [pi, use] of chain.entries()) {
      const name = `post-processor ${ci + 1}.${pi + 1}: ${use.label}`;
      const t = performance.now();
      const finish = (ok: boolean, error?: string) => {
        const ms = Math.round(performance.now() - t);
        timings.push({ name, start: new Date(Date.now() - ms).toISOString(), durationMs: ms, ok });
        events.emit({
          type: 'step-end',
          time: now(),
          build: inst.name,
          step: name,
          durationMs: ms,
          ok,
          ...(error ? { error } : {}),
        });
      };
      events.emit({ type: 'step-start', time: now(), build: inst.name, step: name });
      try {
        if (signal.aborted) throw new CancelledError();
        const impl = await registry.must('post-processor', use.type).load();
        const out = await impl.run(withFields(use, env), input, env, signal);
        if (signal.aborted) throw new CancelledError();
        const keep =
          out.keepInput || use.keepInputArtifact === true || out.artifact.id === input.id;
        if (input === built) keepBuilt ||= keep;
        else if (!keep && input.destroy) {
          const gone = input;
          await gone.destroy!().then(
            () => env.out('info', `removed ${gone.id}: ${use.label} replaced it`),
            (e: Error) =>
              env.out('stderr', `could not remove the intermediate ${gone.id}: ${e.message}`),
          );
        }
        // What proves the image goes with every artifact made from it.
        out.artifact.sbom ??= built.sbom;
        out.artifact.reports ??= built.reports;
        input = out.artifact;
        mergeInto(merged, out.artifact);
        finish(true);
      } catch (e) {
        finish(false, redact((e as Error).message));
        if (signal.aborted) {
          result.failedStep = name;
          result.at = writtenAt(inst, name);
          throw e;
        }
        env.out(
          'stderr',
          `${name} failed: ${redact((e as Error).message)}; the other chains go on`,
        );
        if (result.status === 'succeeded') {
          result.status = 'failed';
          result.failedStep = name;
          result.at = writtenAt(inst, name);
          result.error = redact((e as Error).message);
          if (e instanceof BuildError) {
            result.hint = e.hint;
            result.tail = e.tail?.map(redact);
          }
        }
        keepBuilt = true;
        break;
      }
    }
    if (input !== built) finals.push(input);
  }
  if (!keepBuilt && built.destroy) {
    // Every chain consumed the build's artifact without keeping it (Packer's default):
    // the result is what the chains made.
    await built.destroy().then(
      () => env.out('info', `removed ${built.id}: the post-processors replaced it`),
      (e: Error) => env.out('stderr', `could not remove ${built.id}: ${e.message}`),
    );
    // What is left is what the chains made: its id and what it is (the file docker-save
    // wrote, not the image it removed).
    if (finals.length) {
      merged.id = finals[0].id;
      merged.description = finals[0].description;
    }
  }
  // Only files that are still there: an input a post-processor replaced is gone.
  merged.files = merged.files!.filter((f) => existsSync(f));
  result.artifact = recordOf(merged);
}

function mergeInto(m: Artifact, a: Artifact): void {
  for (const t of a.tags ?? []) if (!m.tags!.includes(t)) m.tags!.push(t);
  for (const d of a.digests ?? []) if (!m.digests!.includes(d)) m.digests!.push(d);
  for (const f of a.files ?? []) if (!m.files!.includes(f)) m.files!.push(f);
}

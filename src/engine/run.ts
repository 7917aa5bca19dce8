/** `bake build` and `bake cleanup`: scheduling, signals, events file, final report. */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type Docker from 'dockerode';
import { BuildResult, recordReused, resultOf, runBuild } from './build';
import { attachConsole } from './console';
import { EventBus, now } from './events';
import { ResourceLedger } from './ledger';
import { CancelledError } from './steps';
import type { OnError } from './options';
import type { BuildInstance, Plan } from '../spec/resolve';
import type { PluginServices } from '../plugins/api';
import type { PluginSet } from '../plugins/api';
import { fingerprintOf } from './fingerprint';
import { cacheKey, CachedBuild, decide, ResultCache, ReuseDecision, Reuser } from './reuse';
import { redact, redactValue } from '../util/redact';

let DockerClient: (new () => Docker) | undefined;
let sharedDocker: Docker | undefined;

/** Loads the Docker client (src/util/dockerode-client.ts): only runs that touch Docker pay for it. */
export async function loadDocker(): Promise<void> {
  DockerClient ??= (await import('../util/dockerode-client'))
    .DockerClient as unknown as typeof Docker;
}

export function dockerClient(): Docker {
  if (!DockerClient)
    throw new Error('internal error: the Docker client was used before loadDocker()');
  sharedDocker ??= new DockerClient();
  return sharedDocker;
}

/** Whether any plugin this plan uses says it needs the Docker client. */
function needsDocker(plan: Plan): boolean {
  const r = plan.registry;
  return plan.instances.some(
    (i) =>
      r.must('builder', i.type).needs?.docker ||
      [...i.provisioners, ...(i.errorCleanupProvisioner ? [i.errorCleanupProvisioner] : [])].some(
        (p) => r.must('provisioner', p.type).needs?.docker,
      ) ||
      i.postProcessors.flat().some((p) => r.must('post-processor', p.type).needs?.docker),
  );
}

/** The ledger's record of which plugin owns a resource kind. */
export function ledgerOwner(registry: PluginSet) {
  return (kind: string) => {
    const owner = registry.ownerOf(kind);
    if (!owner) return undefined;
    const { descriptor: d, origin } = owner;
    return { plugin: `${d.kind}/${d.type}`, ...(origin.module ? { module: origin.module } : {}) };
  };
}

export interface RunOptions {
  parallelBuilds: number;
  failFast: boolean;
  onError: OnError;
  ledger: string;
  events?: string;
  signal?: AbortSignal;
  bus?: EventBus;
  /** skip-unchanged: where results are cached, and the plan resolved for fingerprints. */
  reuse?: { cache: ResultCache; stable: Plan };
  /** Console output; false to keep quiet (the caller attaches its own reporter). */
  console?: boolean;
  write?: (text: string) => void;
}

export interface RunSummary {
  runUuid: string;
  results: BuildResult[];
  ok: boolean;
  durationMs: number;
}

/** Runs every instance of the plan, at most parallelBuilds at a time (0 = all). */
export async function runPlan(plan: Plan, o: RunOptions): Promise<RunSummary> {
  const t0 = performance.now();
  const bus = o.bus ?? new EventBus();
  const write = o.write ?? ((t: string) => process.stdout.write(t));
  if (o.console !== false) {
    attachConsole(bus, {
      write,
      color: !!process.stdout.isTTY && !process.env.NO_COLOR,
      github: process.env.GITHUB_ACTIONS === 'true',
      parallel: plan.instances.length > 1 && o.parallelBuilds !== 1,
    });
  }
  if (o.events) {
    const file = resolve(o.events);
    mkdirSync(dirname(file), { recursive: true });
    let failedOnce = false;
    bus.on((e) => {
      try {
        appendFileSync(file, JSON.stringify(redactValue(e)) + '\n');
      } catch (err) {
        // The build goes on; the events file is a record, not the build. Said once.
        if (failedOnce) return;
        failedOnce = true;
        write(`bake: cannot write the events file ${file}: ${(err as Error).message}\n`);
      }
    });
  }
  if (needsDocker(plan)) await loadDocker();
  const ledger = new ResourceLedger(resolve(o.ledger), plan.runUuid, ledgerOwner(plan.registry));
  const failFast = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, failFast.signal]) : failFast.signal;
  bus.emit({
    type: 'run-start',
    time: now(),
    runUuid: plan.runUuid,
    builds: plan.instances.map((i) => i.name),
  });

  const stable = new Map((o.reuse?.stable.instances ?? []).map((i) => [i.name, i]));
  const reuser = reuserFor(plan.registry, { docker: dockerClient });
  /** Stores a good result under the key it was looked up by. */
  const remember = async (
    inst: BuildInstance,
    r: BuildResult,
    d: ReuseDecision,
    specDir: string,
  ) => {
    let { key, fingerprint } = d;
    if (!key || !fingerprint) {
      // The base could not be told before the build (an image only a pull could reach).
      const s = stable.get(inst.name);
      const base = s && (await reuser.base(inst).catch(() => undefined));
      if (!s || base === undefined) return;
      fingerprint = fingerprintOf(s, specDir, base);
      key = cacheKey(inst, fingerprint);
    }
    try {
      await o.reuse!.cache.put(key, {
        fingerprint,
        artifact: redactValue(r.artifact!),
        builtAt: new Date().toISOString(),
        durationMs: r.durationMs,
      });
    } catch (e) {
      bus.emit({
        type: 'output',
        time: now(),
        build: inst.name,
        stream: 'stderr',
        line: `could not cache the result: ${(e as Error).message}`,
      });
    }
  };
  const specDir = resolve(plan.specDir);
  const results: BuildResult[] = new Array(plan.instances.length);
  const limit = o.parallelBuilds > 0 ? o.parallelBuilds : plan.instances.length;
  let next = 0;
  const worker = async () => {
    while (next < plan.instances.length) {
      const i = next++;
      const inst = plan.instances[i];
      if (signal.aborted) {
        results[i] = {
          ...resultOf(inst, o.signal?.aborted ? 'cancelled' : 'skipped'),
          error: o.signal?.aborted
            ? 'cancelled'
            : 'not started: another build failed and --fail-fast is set',
        };
        continue;
      }
      const decision = o.reuse
        ? await decide(inst, stable.get(inst.name), specDir, o.reuse.cache, reuser)
        : undefined;
      if (decision?.reused) {
        results[i] = reusedResult(inst, decision.reused, bus);
        await recordReused(inst, decision.reused.artifact, {
          specDir,
          runUuid: plan.runUuid,
          ledger,
          bus,
          docker: dockerClient,
          signal,
          registry: plan.registry,
        });
        continue;
      }
      if (decision)
        bus.emit({
          type: 'output',
          time: now(),
          build: inst.name,
          stream: 'info',
          line: `building: ${decision.reason}`,
        });
      const r = await runBuild(inst, {
        specDir,
        runUuid: plan.runUuid,
        ledger,
        bus,
        docker: dockerClient,
        signal,
        onError: o.onError,
        registry: plan.registry,
      });
      results[i] = r;
      if (decision && r.status === 'succeeded' && r.artifact)
        await remember(inst, r, decision, specDir);
      if (r.status === 'failed' && o.failFast)
        failFast.abort(
          new CancelledError('cancelled: another build failed and --fail-fast is set'),
        );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
  const ok = results.every((r) => r.status === 'succeeded');
  const durationMs = Math.round(performance.now() - t0);
  bus.emit({ type: 'run-end', time: now(), ok, durationMs });
  return { runUuid: plan.runUuid, results, ok, durationMs };
}

/** skip-unchanged asks each builder's own hooks; a builder without them never reuses. */
function reuserFor(registry: PluginSet, services: PluginServices): Reuser {
  const hooks = (inst: BuildInstance) => registry.must('builder', inst.type).reuse;
  return {
    async base(inst) {
      return hooks(inst)?.base(inst.config, services);
    },
    async exists(inst, a) {
      return (await hooks(inst)?.exists(inst.config, a, services)) ?? false;
    },
  };
}

function reusedResult(inst: BuildInstance, c: CachedBuild, bus: EventBus): BuildResult {
  const t = now();
  bus.emit({ type: 'build-start', time: t, build: inst.name, builder: inst.type });
  bus.emit({
    type: 'output',
    time: t,
    build: inst.name,
    stream: 'info',
    line: `unchanged since ${c.builtAt}: reusing ${c.artifact.id}`,
  });
  bus.emit({ type: 'artifact', time: t, build: inst.name, artifact: c.artifact });
  bus.emit({
    type: 'build-end',
    time: now(),
    build: inst.name,
    status: 'succeeded',
    durationMs: 0,
  });
  return { ...resultOf(inst, 'succeeded'), artifact: c.artifact, reused: true };
}

export function formatSummary(s: RunSummary): string {
  const lines: string[] = [''];
  const good = s.results.filter((r) => r.status === 'succeeded');
  const bad = s.results.filter((r) => r.status !== 'succeeded');
  if (good.length) {
    lines.push('==> Builds finished. The artifacts of successful builds are:');
    for (const r of good) {
      const a = r.artifact;
      lines.push(
        `--> ${r.name}${r.reused ? ' (unchanged, reused)' : ''}: ${a ? a.id : '(no artifact)'}${a?.tags?.length ? `  tags: ${a.tags.join(', ')}` : ''}${a?.digests?.length ? `  digests: ${a.digests.join(', ')}` : ''}  (${(r.durationMs / 1000).toFixed(1)}s)`,
      );
    }
  }
  if (bad.length) {
    lines.push(`==> ${bad.length} build${bad.length === 1 ? '' : 's'} did not succeed:`);
    for (const r of bad) {
      lines.push(
        `--> ${r.name}: ${r.status}${r.failedStep ? ` in "${r.failedStep}"` : ''}: ${r.error ?? ''}`,
      );
      if (r.at) lines.push(`    written at: ${r.at}`);
      if (r.hint) lines.push(`    hint: ${r.hint}`);
      if (r.tail?.length)
        lines.push('    last output:', ...r.tail.slice(-10).map((l) => `      ${l}`));
      if (r.leftRunning) lines.push(`    ${r.leftRunning}`);
    }
  }
  return redact(lines.join('\n')) + '\n';
}

/** Cancels on SIGINT/SIGTERM; cleanups still run (each with its own budget). */
export function cancelOnSignals(write: (t: string) => void): {
  signal: AbortSignal;
  dispose: () => void;
} {
  const ctl = new AbortController();
  let count = 0;
  const handler = (sig: NodeJS.Signals) => {
    count++;
    if (count === 1) {
      write(`\n==> ${sig} received: cancelling every build and cleaning up\n`);
      ctl.abort(new CancelledError(`cancelled by ${sig}`));
    } else {
      write(
        `==> ${sig} again: still cleaning up; anything not removed stays in the ledger for "bake cleanup"\n`,
      );
    }
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: ctl.signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

/** Removes what the ledger still lists; safe to run again and again. */
export async function cleanupLedger(
  file: string,
  registry: PluginSet,
  write: (t: string) => void = (t) => process.stdout.write(t),
): Promise<number> {
  const path = resolve(file);
  const pending = ResourceLedger.pending(path);
  if (!pending.length) {
    write(`nothing to clean up in ${path}\n`);
    return 0;
  }
  const ledger = new ResourceLedger(path, 'cleanup');
  if (pending.some((e) => registry.ownerOf(e.kind)?.descriptor.needs?.docker)) await loadDocker();
  let failed = 0;
  for (const e of pending.reverse()) {
    const cleaner = registry.ownerOf(e.kind)?.cleaner;
    if (!cleaner) {
      write(
        `cannot clean ${e.kind} ${JSON.stringify(e.ref)} (${e.description}): no plugin${e.plugin ? ` (${e.plugin} made it)` : ''} knows how to remove it; remove it by hand\n`,
      );
      failed++;
      continue;
    }
    try {
      await cleaner(e, { docker: dockerClient });
      ledger.done(e);
      write(`removed ${e.description} (${e.build})\n`);
    } catch (err) {
      failed++;
      write(`could not remove ${e.description} (${e.build}): ${redact((err as Error).message)}\n`);
    }
  }
  return failed ? 1 : 0;
}

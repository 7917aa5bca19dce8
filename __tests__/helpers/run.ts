/** Runs the spec in a project directory through the engine, quietly, as `bake build` would. */
import { openSpec } from '../../src/plugins/external';
import { join } from 'node:path';
import { EventBus } from '../../src/engine/events';
import { runPlan, RunOptions } from '../../src/engine/run';
import type { ResultCache } from '../../src/engine/reuse';
import { resolvePlan } from '../../src/spec/resolve';

export async function bakeIn(
  dir: string,
  o: Partial<Pick<RunOptions, 'signal' | 'onError' | 'bus' | 'ledger'>> & {
    vars?: Record<string, string>;
    /** skip-unchanged with this cache. */
    cache?: ResultCache;
  } = {},
) {
  const file = join(dir, 'bake.yml');
  // The way `bake build` and the action load a spec: with the plugins it lists.
  const plan = resolvePlan(await openSpec(file), { env: {}, vars: o.vars });
  const lines: string[] = [];
  const ledger = o.ledger ?? join(dir, 'ledger.jsonl');
  const summary = await runPlan(plan, {
    parallelBuilds: 0,
    failFast: false,
    onError: o.onError ?? 'cleanup',
    ledger,
    bus: o.bus ?? new EventBus(),
    write: (t) => lines.push(t),
    signal: o.signal,
    ...(o.cache
      ? {
          reuse: {
            cache: o.cache,
            stable: resolvePlan(await openSpec(file), {
              env: {},
              vars: o.vars,
              stable: true,
            }),
          },
        }
      : {}),
  });
  return { dir, ledger, summary, result: summary.results[0], output: lines.join('') };
}

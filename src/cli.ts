/**
 * The `bake` command: validate | inspect | plan | build | cleanup | sweep. The same engine the
 * action uses; heavy modules (Docker, cloud SDKs) load only for the commands that need them.
 */
import pkg from '../package.json';
import { formatProblem, SpecError } from './spec/errors';
import { Plan, matrixOf, resolvePlanWithData } from './spec/resolve';
import { redact, redactValue, REDACTED } from './util/redact';
import { UsageError, parseArgs, CliOptions, HELP } from './cli-args';
import { openSpec } from './plugins/external';
import { builtInRegistry } from './plugins/registry';

function printProblems(e: SpecError): void {
  const n = e.problems.length;
  process.stderr.write(e.problems.map((p) => 'error: ' + formatProblem(p)).join('\n') + '\n');
  process.stderr.write(`${n} error${n === 1 ? '' : 's'}\n`);
}

async function planFor(o: CliOptions, stable = false): Promise<Plan> {
  const spec = await openSpec(o.spec);
  const plan = await resolvePlanWithData(spec, {
    vars: o.vars,
    varFiles: o.varFiles,
    only: o.only,
    except: o.except,
    stable,
  });
  if (!stable) for (const n of plan.notes) process.stderr.write('note: ' + formatProblem(n) + '\n');
  return plan;
}

function inspect(plan: Plan): string {
  const lines: string[] = [];
  lines.push(`spec: ${plan.specPath}`, '', 'variables:');
  if (!plan.variables.length) lines.push('  (none)');
  for (const v of plan.variables) {
    // Masked before it is serialised: JSON escapes quotes and backslashes inside a secret.
    const shown = v.sensitive ? REDACTED : JSON.stringify(redactValue(v.value));
    lines.push(
      `  var.${v.name} (${v.type}${v.sensitive ? ', sensitive' : ''}) = ${shown}   [${v.source}]`,
    );
  }
  lines.push('', 'locals:');
  const locals = Object.entries(plan.shownLocals ?? plan.locals);
  if (!locals.length) lines.push('  (none)');
  for (const [k, v] of locals) lines.push(`  local.${k} = ${JSON.stringify(redactValue(v))}`);
  lines.push('', 'builds:');
  for (const i of plan.instances) {
    lines.push(`  ${i.name}  (${i.type})${i.timeoutMs ? `  timeout ${i.timeoutMs / 1000}s` : ''}`);
    for (const p of i.provisioners)
      lines.push(`    provisioner ${p.label}${p.label !== p.type ? ` (${p.type})` : ''}`);
    if (i.errorCleanupProvisioner)
      lines.push(`    error-cleanup-provisioner ${i.errorCleanupProvisioner.type}`);
    i.postProcessors.forEach((chain, n) =>
      lines.push(`    post-processors #${n + 1}: ${chain.map((p) => p.label).join(' → ')}`),
    );
  }
  return redact(lines.join('\n')) + '\n';
}

export async function main(argv: string[]): Promise<number> {
  let o: CliOptions;
  try {
    o = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`bake: ${e.message}\nRun "bake help" for usage.\n`);
      return 2;
    }
    throw e;
  }
  try {
    switch (o.command) {
      case 'help':
        process.stdout.write(HELP);
        return 0;
      case 'version':
        process.stdout.write(`bake ${version()}\n`);
        return 0;
      case 'validate': {
        const plan = await planFor(o);
        process.stdout.write(
          `${o.spec}: valid, ${plan.instances.length} build${plan.instances.length === 1 ? '' : 's'} (${plan.instances.map((i) => i.name).join(', ')})\n`,
        );
        return 0;
      }
      case 'inspect':
        process.stdout.write(inspect(await planFor(o)));
        return 0;
      case 'plan': {
        const plan = await planFor(o);
        if (o.json) process.stdout.write(JSON.stringify(matrixOf(plan)) + '\n');
        else
          for (const i of plan.instances)
            process.stdout.write(`${i.name}\t${i.type}${i.runsOn ? `\t${i.runsOn}` : ''}\n`);
        return 0;
      }
      case 'build': {
        const plan = await planFor(o);
        return await runBuildCommand(plan, o, o.skipUnchanged ? await planFor(o, true) : undefined);
      }
      case 'cleanup': {
        const [{ cleanupLedger }, { ResourceLedger }, { registryForLedger }] = await Promise.all([
          import('./engine/run'),
          import('./engine/ledger'),
          import('./plugins/external'),
        ]);
        const { resolve } = await import('node:path');
        const registry = await registryForLedger(ResourceLedger.pending(resolve(o.ledger)), (l) =>
          process.stderr.write(`bake: ${l}\n`),
        );
        return await cleanupLedger(o.ledger, registry);
      }
      case 'schema': {
        const { specJsonSchema } = await import('./spec/json-schema');
        const registry = specGiven(argv) ? (await openSpec(o.spec)).registry : builtInRegistry();
        process.stdout.write(JSON.stringify(specJsonSchema(registry), null, 2) + '\n');
        return 0;
      }
      case 'sweep':
        return await sweep(o);
      case 'convert':
        return await convert(o);
    }
  } catch (e) {
    if (e instanceof SpecError) {
      printProblems(e);
      return 1;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`bake: ${e.message}\n`);
      return 2;
    }
    const err = e as Error;
    process.stderr.write(`bake: ${redact(err.message ?? String(e))}\n`);
    if (process.env.BAKE_DEBUG) process.stderr.write(redact(err.stack ?? '') + '\n');
    return 1;
  }
  return 0;
}

function version(): string {
  return pkg.version;
}

/** `bake schema` without a spec prints the built-ins' schema, even when no bake.yml exists. */
function specGiven(argv: string[]): boolean {
  return argv.slice(1).some((a) => !a.startsWith('-'));
}

async function runBuildCommand(plan: Plan, o: CliOptions, stable?: Plan): Promise<number> {
  const [{ runPlan, formatSummary, cancelOnSignals }, { directoryCache }, { resolve }] =
    await Promise.all([import('./engine/run'), import('./engine/reuse'), import('node:path')]);
  const write = (t: string) => process.stdout.write(t);
  const sig = cancelOnSignals((t) => process.stderr.write(t));
  try {
    const summary = await runPlan(plan, {
      parallelBuilds: o.parallelBuilds,
      failFast: o.failFast,
      onError: o.onError,
      ledger: o.ledger,
      events: o.events,
      signal: sig.signal,
      write,
      ...(stable ? { reuse: { cache: directoryCache(resolve(o.cacheDir)), stable } } : {}),
    });
    write(formatSummary(summary));
    if (o.sarif) {
      const { sarifOf } = await import('./trust/sarif');
      const { writeFileSync } = await import('node:fs');
      const log = sarifOf(summary.results, { root: process.cwd(), version: pkg.version });
      if (log) {
        writeFileSync(resolve(o.sarif), JSON.stringify(log, null, 2) + '\n');
        write(`findings of the tests and scanners: ${o.sarif}\n`);
      } else write(`no build has tests or scan: ${o.sarif} not written\n`);
    }
    return summary.ok ? 0 : 1;
  } finally {
    sig.dispose();
  }
}

/**
 * `bake sweep`: every builder that can sweep and is told where to look (the option its
 * sweeper names, or the variables that default it); a builder not told is skipped.
 */
async function sweep(o: CliOptions): Promise<number> {
  if (o.olderThanMs === undefined)
    throw new UsageError('sweep needs --older-than, e.g. --older-than 6h');
  const registry = builtInRegistry();
  const sweepers = registry.all('builder').filter((b) => b.sweep);
  for (const t of o.builders)
    if (!sweepers.some((b) => b.type === t))
      throw new UsageError(
        `--builder ${t}: no builder of that type can sweep (these can: ${sweepers.map((b) => b.type).join(', ')})`,
      );
  const chosen = o.builders.length ? sweepers.filter((b) => o.builders.includes(b.type)) : sweepers;
  const write = (l: string) => process.stdout.write(redact(l) + '\n');
  const skipped: string[] = [];
  const runs: (() => Promise<number>)[] = [];
  for (const b of chosen) {
    const where = b.sweep!.where;
    const given = { region: o.regions, project: o.projects, subscription: o.subscriptions }[
      where.option
    ];
    const fromEnv = where.env.map((v) => process.env[v]).find((v) => !!v);
    const locations = given.length ? given : fromEnv ? [fromEnv] : [];
    if (!locations.length) {
      skipped.push(`${b.type}: skipped, no --${where.option} given`);
      continue;
    }
    runs.push(() =>
      b.sweep!.run({ locations, olderThanMs: o.olderThanMs!, delete: o.delete, write }),
    );
  }
  if (!runs.length) {
    const need = chosen.map((b) => {
      const w = b.sweep!.where;
      return `--${w.option}${w.env.length ? ` (or ${w.env[0]})` : ''}${chosen.length > 1 ? ` for ${b.type}` : ''}`;
    });
    throw new UsageError(`sweep needs ${need.join(', ')}`);
  }
  skipped.forEach(write);
  let failed = 0;
  for (const run of runs) failed += await run();
  return failed ? 1 : 0;
}

/** `bake convert TEMPLATE [-o FILE]`: the template as a bake.yml, with # TODO: where needed. */
async function convert(o: CliOptions): Promise<number> {
  const [{ convertTemplate }, { packerKind }, { writeFileSync }] = await Promise.all([
    import('./packer/convert'),
    import('./packer/open'),
    import('node:fs'),
  ]);
  if (!packerKind(o.spec))
    throw new UsageError(
      `convert takes a Packer template (a .pkr.hcl file, a directory of them, or a .json template), got "${o.spec}"`,
    );
  const { yaml, todos } = await convertTemplate(o.spec, builtInRegistry());
  if (o.output) writeFileSync(o.output, yaml);
  else process.stdout.write(yaml);
  process.stderr.write(
    `${o.output ? `wrote ${o.output}` : 'converted'}${todos.length ? `; ${todos.length} TODO${todos.length === 1 ? '' : 's'} left (search for "# TODO:")` : '; nothing left to do by hand'}\n`,
  );
  return 0;
}

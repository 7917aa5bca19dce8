/**
 * The `bake` command: validate | inspect | plan | build | cleanup | sweep. The same engine the
 * action uses; heavy modules (Docker, cloud SDKs) load only for the commands that need them.
 */
import pkg from '../package.json';
import { formatProblem, SpecError } from './spec/errors';
import { loadSpec } from './spec/spec';
import { Plan, matrixOf, resolvePlan } from './spec/resolve';
import { redact, REDACTED } from './util/redact';
import { UsageError, parseArgs, CliOptions, HELP } from './cli-args';

function printProblems(e: SpecError): void {
  const n = e.problems.length;
  process.stderr.write(e.problems.map((p) => 'error: ' + formatProblem(p)).join('\n') + '\n');
  process.stderr.write(`${n} error${n === 1 ? '' : 's'}\n`);
}

function planFor(o: CliOptions, stable = false): Plan {
  const spec = loadSpec(o.spec);
  return resolvePlan(spec, {
    vars: o.vars,
    varFiles: o.varFiles,
    only: o.only,
    except: o.except,
    stable,
  });
}

function inspect(plan: Plan): string {
  const lines: string[] = [];
  lines.push(`spec: ${plan.specPath}`, '', 'variables:');
  if (!plan.variables.length) lines.push('  (none)');
  for (const v of plan.variables) {
    const shown = v.sensitive ? REDACTED : JSON.stringify(v.value);
    lines.push(
      `  var.${v.name} (${v.type}${v.sensitive ? ', sensitive' : ''}) = ${shown}   [${v.source}]`,
    );
  }
  lines.push('', 'locals:');
  const locals = Object.entries(plan.locals);
  if (!locals.length) lines.push('  (none)');
  for (const [k, v] of locals) lines.push(`  local.${k} = ${redact(JSON.stringify(v))}`);
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
        const plan = planFor(o);
        process.stdout.write(
          `${o.spec}: valid, ${plan.instances.length} build${plan.instances.length === 1 ? '' : 's'} (${plan.instances.map((i) => i.name).join(', ')})\n`,
        );
        return 0;
      }
      case 'inspect':
        process.stdout.write(inspect(planFor(o)));
        return 0;
      case 'plan': {
        const plan = planFor(o);
        if (o.json) process.stdout.write(JSON.stringify(matrixOf(plan)) + '\n');
        else
          for (const i of plan.instances)
            process.stdout.write(`${i.name}\t${i.type}${i.runsOn ? `\t${i.runsOn}` : ''}\n`);
        return 0;
      }
      case 'build': {
        const plan = planFor(o);
        const { runBuildCommand } = await import('./engine/run');
        return await runBuildCommand(plan, o, o.skipUnchanged ? planFor(o, true) : undefined);
      }
      case 'cleanup': {
        const { cleanupLedger } = await import('./engine/run');
        return await cleanupLedger(o.ledger);
      }
      case 'sweep': {
        const regions = o.regions.length
          ? o.regions
          : [process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION].filter(
              (r): r is string => !!r,
            );
        if (!regions.length) throw new UsageError('sweep needs --region (or AWS_REGION)');
        if (o.olderThanMs === undefined)
          throw new UsageError('sweep needs --older-than, e.g. --older-than 6h');
        const { sweep } = await import('./plugins/builders/amazon-ebs/sweep');
        return await sweep({
          regions,
          olderThanMs: o.olderThanMs,
          delete: o.delete,
          write: (l) => process.stdout.write(redact(l) + '\n'),
        });
      }
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

/**
 * The action: one bundle for main and post. Main runs the command; post removes whatever the
 * resource ledger still lists (a cancelled job, a killed process). Nothing secret is saved.
 */
import * as core from '@actions/core';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ActionInputs, InputError, readInputs } from './inputs';
import { actionsCache } from './cache';
import { SpecError, formatProblem } from '../spec/errors';
import { openSpec } from '../plugins/external';
import { Plan, matrixOf, resolvePlanWithData } from '../spec/resolve';
import { onSecret, redact, redactValue } from '../util/redact';
import type { BuildResult } from '../engine/build';
import { failureDetails, resultsTable, text, timeline, trustDetails } from '../report/markdown';
import { sarifOf } from '../trust/sarif';
import pkg from '../../package.json';

const STATE_POST = 'isPost';
const STATE_LEDGER = 'ledger';

export async function runAction(): Promise<void> {
  if (core.getState(STATE_POST) === 'true') {
    // The post step cleans up; whatever goes wrong there is a warning, never a stack.
    try {
      await post();
    } catch (e) {
      core.warning(
        `cleanup at the end of the job failed: ${redact((e as Error)?.message ?? String(e))}; ` +
          'run "bake cleanup --ledger <file>" where the ledger is, or remove what is left by hand',
      );
    }
    return;
  }
  try {
    core.saveState(STATE_POST, 'true');
    onSecret((s) => core.setSecret(s));
    await main();
  } catch (e) {
    if (e instanceof InputError) return core.setFailed(e.message);
    if (e instanceof SpecError) {
      for (const p of e.problems) {
        core.error(
          `${p.message}${p.path ? ` (${p.path})` : ''}${p.hint ? `. ${p.hint}` : ''}`,
          p.pos
            ? {
                file: p.pos.file,
                startLine: p.pos.line,
                startColumn: p.pos.col,
                title: 'bake spec error',
              }
            : { title: 'bake spec error' },
        );
      }
      return core.setFailed(
        `${e.problems.length} error${e.problems.length === 1 ? '' : 's'} in the spec:\n${e.problems.map(formatProblem).join('\n')}`,
      );
    }
    core.setFailed(redact((e as Error).message ?? String(e)));
  }
}

async function planFor(inputs: ActionInputs, stable = false): Promise<Plan> {
  const plan = await resolvePlanWithData(await openSpec(inputs.spec), {
    vars: inputs.vars,
    varFiles: inputs.varFiles,
    only: inputs.only,
    except: inputs.except,
    stable,
  });
  // Notes once, where the plan is made for the build (not again for the matrix).
  if (!stable)
    for (const n of plan.notes)
      core.notice(
        `${n.message}${n.hint ? `. ${n.hint}` : ''}`,
        n.pos
          ? { file: n.pos.file, startLine: n.pos.line, startColumn: n.pos.col, title: 'bake' }
          : { title: 'bake' },
      );
  return plan;
}

export function artifactsOutput(results: BuildResult[]): Record<string, unknown> {
  return Object.fromEntries(
    results.map((r) => [
      r.name,
      redactValue({
        id: r.artifact?.id ?? null,
        builder: r.builder,
        status: r.status,
        duration: Math.round(r.durationMs / 100) / 10,
        tags: r.artifact?.tags ?? [],
        digests: r.artifact?.digests ?? [],
        files: r.artifact?.files ?? [],
        ...(r.artifact?.regions ? { regions: r.artifact.regions } : {}),
        ...(r.artifact?.properties ? { properties: r.artifact.properties } : {}),
        ...(r.artifact?.sbom ? { sbom: r.artifact.sbom } : {}),
        ...(r.artifact?.reports?.length ? { reports: r.artifact.reports } : {}),
        ...(r.trust?.checks
          ? {
              tests: {
                passed: r.trust.checks.filter((c) => c.status === 'passed').length,
                failed: r.trust.checks.filter((c) => c.status === 'failed').length,
                skipped: r.trust.checks.filter((c) => c.status === 'skipped').length,
              },
            }
          : {}),
        ...(r.trust?.scans
          ? { scans: Object.fromEntries(r.trust.scans.map((s) => [s.label, s.status])) }
          : {}),
        reused: r.reused === true,
        ...(r.error ? { error: r.error, failed_step: r.failedStep ?? null } : {}),
      }),
    ]),
  );
}

async function main(): Promise<void> {
  const inputs = readInputs();
  process.chdir(resolve(inputs.workingDirectory));
  const plan = await planFor(inputs);
  const matrix = matrixOf(plan);

  core.setOutput('matrix', JSON.stringify(matrix));
  if (inputs.command === 'validate' || inputs.command === 'plan') {
    core.info(
      `${inputs.spec}: valid, ${plan.instances.length} build(s): ${plan.instances.map((i) => i.name).join(', ')}`,
    );
    return;
  }
  if (inputs.command === 'report') {
    if (!inputs.results)
      throw new InputError(
        'command "report" needs the input "results": the directory holding the legs\' result files',
      );
    const results = readLegResults(
      inputs.results,
      inputs.expected ? expectedNames(inputs.expected) : plan.instances.map((i) => i.name),
    );
    await publish(results, inputs, plan.runUuid);
    return;
  }
  const ledger = resolve(
    process.env.RUNNER_TEMP ?? '.bake',
    `bake-ledger-${process.env.GITHUB_RUN_ID ?? 'local'}-${process.env.GITHUB_ACTION ?? 'bake'}.jsonl`,
  );
  core.saveState(STATE_LEDGER, ledger);
  const { runPlan, cancelOnSignals } = await import('../engine/run');
  const events = process.env.RUNNER_TEMP
    ? join(process.env.RUNNER_TEMP, 'bake-events.jsonl')
    : undefined;
  const sig = cancelOnSignals((t) => process.stdout.write(t));
  let summary;
  try {
    summary = await runPlan(plan, {
      parallelBuilds: inputs.parallelBuilds,
      failFast: inputs.failFast,
      onError: inputs.onError,
      ledger,
      events,
      signal: sig.signal,
      ...(inputs.skipUnchanged
        ? { reuse: { cache: actionsCache(), stable: await planFor(inputs, true) } }
        : {}),
    });
  } finally {
    sig.dispose();
  }
  await publish(summary.results, inputs, plan.runUuid);
}

/** Results of the matrix legs, one file each; a leg without a file failed before reporting. */
export function readLegResults(dir: string, expected: string[]): BuildResult[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.json')) files.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  const byName = new Map<string, BuildResult>();
  for (const f of files.sort()) {
    try {
      const doc = JSON.parse(readFileSync(f, 'utf8')) as { results?: BuildResult[] };
      for (const r of doc.results ?? []) byName.set(r.name, r);
    } catch (e) {
      core.warning(`ignoring ${f}: not a bake result file (${(e as Error).message})`);
    }
  }
  for (const name of expected) {
    if (byName.has(name)) continue;
    const [build, source] = name.split('.');
    byName.set(name, {
      name,
      build,
      source,
      builder: '?',
      status: 'failed',
      durationMs: 0,
      steps: [],
      error:
        "this build's job left no result: it was cancelled, or its runner failed before the build could report",
    });
  }
  const order = [...expected, ...[...byName.keys()].filter((n) => !expected.includes(n))];
  return order.map((n) => byName.get(n)!);
}

function expectedNames(matrixJson: string): string[] {
  try {
    const m = JSON.parse(matrixJson) as { include?: { name?: string }[] };
    return (m.include ?? []).map((i) => String(i.name));
  } catch {
    throw new InputError('input "expected" must be the matrix JSON that command "plan" printed');
  }
}

/** Outputs, the job summary and the PR comment, the same for a build and for a report. */
async function publish(
  results: BuildResult[],
  inputs: ActionInputs,
  runUuid: string,
): Promise<void> {
  const artifacts = artifactsOutput(results);
  core.setOutput('artifacts', JSON.stringify(artifacts));
  core.setOutput(
    'artifact-ids',
    JSON.stringify(
      Object.fromEntries(
        results.filter((r) => r.artifact).map((r) => [r.name, redactValue(r.artifact!.id)]),
      ),
    ),
  );
  const failed = results.filter((r) => r.status !== 'succeeded').map((r) => r.name);
  core.setOutput('failed', JSON.stringify(failed));
  const manifest = resolve(
    process.env.RUNNER_TEMP ?? '.bake',
    `bake-results-${inputs.command}.json`,
  );
  mkdirSync(resolve(manifest, '..'), { recursive: true });
  writeFileSync(
    manifest,
    JSON.stringify(
      { run_uuid: runUuid, spec: inputs.spec, builds: artifacts, results: redactValue(results) },
      null,
      2,
    ) + '\n',
  );
  core.setOutput('manifest', manifest);
  // Findings of the tests and scanners, for github/codeql-action/upload-sarif.
  const sarif = sarifOf(results, {
    root: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    version: pkg.version,
  });
  if (sarif) {
    const file = resolve(process.env.RUNNER_TEMP ?? '.bake', `bake-${inputs.command}.sarif`);
    writeFileSync(file, JSON.stringify(sarif, null, 2) + '\n');
    core.setOutput('sarif', file);
  }
  const body =
    [
      `### bake: ${text(inputs.commentHeader || inputs.spec)}`,
      '',
      resultsTable(results),
      '',
      failureDetails(results),
      '',
      trustDetails(results),
    ]
      .join('\n')
      .trim() + '\n';
  if (inputs.summary) await core.summary.addRaw(body + '\n' + timeline(results) + '\n').write();
  // The GitHub client loads here, once the work is done, not at start-up.
  const { forkOf, headMatches, pullRequestTarget, upsertComment } = await import('./comment');
  const target = pullRequestTarget(inputs.pullRequest);
  const wantComment =
    inputs.comment === 'always' ||
    (inputs.comment === 'auto' &&
      target !== undefined &&
      (inputs.pullRequest !== undefined ||
        /^pull_request/.test(process.env.GITHUB_EVENT_NAME ?? '')));
  if (wantComment) {
    const token = core.getInput('github-token');
    const fork = forkOf();
    if (!target) core.info('comment: no pull request in this event; nothing to comment on');
    else if (!token) core.warning('comment: no github-token; skipping the PR comment');
    else if (fork)
      core.warning(
        `pull request #${target.issueNumber} comes from the fork ${fork}: its token cannot comment here. ` +
          'The build is unaffected; its results are in the job summary. To comment on such pull requests, ' +
          'see examples/workflows/pr-comment.yml (workflow_run).',
      );
    else {
      // The comment is a report of the builds, not a build: failing to write it is a
      // warning, and the outputs and summary stand.
      try {
        if (await headMatches(token, target)) {
          const url = await upsertComment(token, target, inputs.commentHeader || inputs.spec, body);
          if (url) core.info(`PR comment: ${url}`);
        }
      } catch (e) {
        core.warning(
          `comment: could not write the PR comment (${redact((e as Error).message)}); the results are in the job summary`,
        );
      }
    }
  }
  if (failed.length)
    core.setFailed(`${failed.length} build(s) did not succeed: ${failed.join(', ')}`);
}

async function post(): Promise<void> {
  const ledger = core.getState(STATE_LEDGER);
  if (!ledger || !existsSync(ledger)) return;
  const { ResourceLedger } = await import('../engine/ledger');
  const pending = ResourceLedger.pending(ledger);
  const kept = pending.filter((e) => e.kept);
  if (kept.length) {
    core.warning(
      `on-error left ${kept.length} resource(s) for debugging; they are removed now, at the end of the job: ${kept.map((e) => e.description).join(', ')}`,
    );
  }
  if (!pending.length) return;
  const [{ cleanupLedger }, { registryForLedger }] = await Promise.all([
    import('../engine/run'),
    import('../plugins/external'),
  ]);
  const registry = await registryForLedger(pending, (l) => core.warning(l));
  const lines: string[] = [];
  const code = await cleanupLedger(ledger, registry, (t) => lines.push(t));
  core.info(lines.join(''));
  if (code !== 0)
    core.warning(`some resources could not be removed; they are listed above (ledger ${ledger})`);
}

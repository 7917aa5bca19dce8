/**
 * The action: one bundle for main and post. Main runs the command; post removes whatever the
 * resource ledger still lists (a cancelled job, a killed process). Nothing secret is saved.
 */
import * as core from '@actions/core';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ActionInputs, InputError, readInputs } from './inputs';
import { pullRequestTarget, upsertComment } from './comment';
import { SpecError, formatProblem } from '../spec/errors';
import { loadSpec } from '../spec/spec';
import { Plan, matrixOf, resolvePlan } from '../spec/resolve';
import { onSecret, redact, redactValue } from '../util/redact';
import type { BuildResult } from '../engine/build';
import { failureDetails, resultsTable, timeline } from '../report/markdown';

const STATE_POST = 'isPost';
const STATE_LEDGER = 'ledger';

export async function runAction(): Promise<void> {
  if (core.getState(STATE_POST) === 'true') return post();
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

function planFor(inputs: ActionInputs): Plan {
  return resolvePlan(loadSpec(inputs.spec), {
    vars: inputs.vars,
    varFiles: inputs.varFiles,
    only: inputs.only,
    except: inputs.except,
  });
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
        reused: false,
        ...(r.error ? { error: r.error, failed_step: r.failedStep ?? null } : {}),
      }),
    ]),
  );
}

async function main(): Promise<void> {
  const inputs = readInputs();
  process.chdir(resolve(inputs.workingDirectory));
  const plan = planFor(inputs);
  const matrix = matrixOf(plan);

  core.setOutput('matrix', JSON.stringify(matrix));
  if (inputs.command === 'validate' || inputs.command === 'plan') {
    core.info(
      `${inputs.spec}: valid, ${plan.instances.length} build(s): ${plan.instances.map((i) => i.name).join(', ')}`,
    );
    return;
  }
  if (inputs.command === 'report') {
    throw new InputError(
      'command "report" gathers results of matrix legs; it runs inside the reusable workflow (.github/workflows/bake.yml)',
    );
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
    });
  } finally {
    sig.dispose();
  }
  const results = summary.results;
  const artifacts = artifactsOutput(results);
  core.setOutput('artifacts', JSON.stringify(artifacts));
  core.setOutput(
    'artifact-ids',
    JSON.stringify(
      Object.fromEntries(
        results.filter((r) => r.artifact).map((r) => [r.name, redact(r.artifact!.id)]),
      ),
    ),
  );
  const failed = results.filter((r) => r.status !== 'succeeded').map((r) => r.name);
  core.setOutput('failed', JSON.stringify(failed));
  const manifest = resolve(process.env.RUNNER_TEMP ?? '.bake', 'bake-results.json');
  mkdirSync(resolve(manifest, '..'), { recursive: true });
  writeFileSync(
    manifest,
    JSON.stringify({ run_uuid: plan.runUuid, builds: artifacts }, null, 2) + '\n',
  );
  core.setOutput('manifest', manifest);

  const body =
    [
      `### bake: ${inputs.commentHeader || inputs.spec}`,
      '',
      resultsTable(results),
      '',
      failureDetails(results),
    ]
      .join('\n')
      .trim() + '\n';
  if (inputs.summary) {
    await core.summary.addRaw(body + '\n' + timeline(results) + '\n').write();
  }
  const target = pullRequestTarget();
  const wantComment =
    inputs.comment === 'always' ||
    (inputs.comment === 'auto' &&
      target !== undefined &&
      /^pull_request/.test(process.env.GITHUB_EVENT_NAME ?? ''));
  if (wantComment) {
    const token = core.getInput('github-token');
    if (!target) core.info('comment: no pull request in this event; nothing to comment on');
    else if (!token) core.warning('comment: no github-token; skipping the PR comment');
    else {
      const url = await upsertComment(token, target, inputs.commentHeader || inputs.spec, body);
      if (url) core.info(`PR comment: ${url}`);
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
  const { cleanupLedger } = await import('../engine/run');
  const lines: string[] = [];
  const code = await cleanupLedger(ledger, undefined, (t) => lines.push(t));
  core.info(lines.join(''));
  if (code !== 0)
    core.warning(`some resources could not be removed; they are listed above (ledger ${ledger})`);
}

/** The action's inputs, read and checked once into one typed object. */
import * as core from '@actions/core';
import type { OnError } from '../cli-args';

export type ActionCommand = 'validate' | 'plan' | 'build' | 'report';

export interface ActionInputs {
  spec: string;
  command: ActionCommand;
  only: string[];
  except: string[];
  vars: Record<string, string>;
  varFiles: string[];
  parallelBuilds: number;
  onError: OnError;
  failFast: boolean;
  workingDirectory: string;
  comment: 'auto' | 'always' | 'never';
  /** The PR to comment on when the event carries none (the workflow_run pattern). */
  pullRequest?: number;
  commentHeader: string;
  summary: boolean;
  /** Reuse the cached result of a build whose fingerprint has not changed. */
  skipUnchanged: boolean;
  /** command report: the directory of the legs' result files, and the planned matrix. */
  results: string;
  expected: string;
}

export class InputError extends Error {}

function list(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function oneOf<T extends string>(name: string, allowed: readonly T[], dflt: T): T {
  const v = (core.getInput(name) || dflt).trim() as T;
  if (!allowed.includes(v))
    throw new InputError(`input "${name}" is "${v}"; it must be one of: ${allowed.join(', ')}`);
  return v;
}

function bool(name: string, dflt: boolean): boolean {
  const v = core.getInput(name).trim().toLowerCase();
  if (v === '') return dflt;
  if (['true', 'yes', '1'].includes(v)) return true;
  if (['false', 'no', '0'].includes(v)) return false;
  throw new InputError(`input "${name}" is "${v}"; it must be true or false`);
}

function prNumber(v: string): number | undefined {
  if (!v) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0)
    throw new InputError(`input "pull-request" is "${v}"; it must be a pull request number`);
  return n;
}

export function parseVarsInput(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    if (eq <= 0)
      throw new InputError(
        // The line is not shown: it may be a secret's value on a line of its own.
        `input "vars", line ${i + 1}: expected NAME=VALUE (a line without "="; a value with newlines must be passed through a var file)`,
      );
    out[line.slice(0, eq).trim()] = line.slice(eq + 1);
  });
  return out;
}

export function readInputs(): ActionInputs {
  const pb = core.getInput('parallel-builds').trim() || '0';
  const parallelBuilds = Number(pb);
  if (!Number.isInteger(parallelBuilds) || parallelBuilds < 0)
    throw new InputError(`input "parallel-builds" is "${pb}"; it must be a whole number ≥ 0`);
  return {
    spec: core.getInput('spec').trim() || 'bake.yml',
    command: oneOf('command', ['validate', 'plan', 'build', 'report'] as const, 'build'),
    only: list('only'),
    except: list('except'),
    vars: parseVarsInput(core.getInput('vars')),
    varFiles: core
      .getInput('var-files')
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean),
    parallelBuilds,
    onError: oneOf('on-error', ['cleanup', 'abort', 'run-cleanup-provisioner'] as const, 'cleanup'),
    failFast: bool('fail-fast', false),
    workingDirectory: core.getInput('working-directory').trim() || '.',
    comment: oneOf('comment', ['auto', 'always', 'never'] as const, 'auto'),
    pullRequest: prNumber(core.getInput('pull-request').trim()),
    commentHeader: core.getInput('comment-header').trim(),
    summary: bool('summary', true),
    skipUnchanged: bool('skip-unchanged', false),
    results: core.getInput('results').trim(),
    expected: core.getInput('expected').trim(),
  };
}

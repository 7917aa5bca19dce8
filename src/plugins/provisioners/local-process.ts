/** Runs a program on the machine running bake, streaming its lines into the build's output. */
import { spawn } from 'node:child_process';
import { LineSplitter, tailKeeper } from '../../communicators/communicator';
import type { BuildEnv } from '../../engine/context';

/**
 * What of the runner's own environment a program may not see: the action's inputs (its token,
 * the vars), the runner's tokens for its services, and the job's token. A spec that wants
 * one passes it explicitly.
 */
const WITHHELD = [/^INPUT_/i, /^ACTIONS_/i, /^GITHUB_TOKEN$/i];

/** The runner's environment without its secrets, with `explicit` (from the spec) on top. */
export function childEnvironment(
  explicit: NodeJS.ProcessEnv = {},
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base))
    if (v !== undefined && !WITHHELD.some((re) => re.test(k))) out[k] = v;
  return { ...out, ...explicit };
}

export interface LocalRun {
  cwd: string;
  /** Variables for the program, set on top of childEnvironment(). */
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  /** How many of the last lines to keep for an error message. */
  tailLines?: number;
}

/** Resolves with the exit code and the last lines; rejects when the program cannot start. */
export function runLocal(
  cmd: string,
  args: string[],
  o: LocalRun,
  build: BuildEnv,
): Promise<{ code: number; tail: string[] }> {
  return new Promise((res, rej) => {
    const tail = tailKeeper(o.tailLines);
    const child = spawn(cmd, args, {
      cwd: o.cwd,
      env: childEnvironment(o.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: o.signal,
    });
    const out = new LineSplitter((l) => (tail.push(l), build.out('stdout', l)));
    const err = new LineSplitter((l) => (tail.push(l), build.out('stderr', l)));
    child.stdout.on('data', (d: Buffer) => out.write(d));
    child.stderr.on('data', (d: Buffer) => err.write(d));
    child.on('error', rej);
    child.on('close', (code) => {
      out.end();
      err.end();
      res({ code: code ?? -1, tail: tail.lines });
    });
  });
}

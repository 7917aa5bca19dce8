import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineSplitter, tailKeeper } from '../../communicators/communicator';
import { BuildError, ProvisionerImpl } from '../../engine/context';
import { buildVars, scriptsOf } from './shell';

/** Runs on the machine running bake (the runner), with the build's generated data in env. */
export const shellLocal: ProvisionerImpl = {
  async run(use, _comm, env, signal) {
    const c = use.config;
    const vars = { ...buildVars(use, env) };
    for (const [k, v] of Object.entries(env.generated)) vars[`BAKE_${k.toUpperCase()}`] = v;
    const scripts =
      typeof c.command === 'string'
        ? [
            {
              name: 'command',
              body: Buffer.from(`#!${String(c.inline_shebang ?? '/bin/sh -e')}\n${c.command}\n`),
            },
          ]
        : scriptsOf(use, env.specDir);
    const valid = ((c.valid_exit_codes as number[] | undefined) ?? [0]).map(Number);
    const dir = mkdtempSync(join(tmpdir(), 'bake-local-'));
    try {
      for (const [i, s] of scripts.entries()) {
        const path = join(dir, `script-${i}.sh`);
        writeFileSync(path, s.body, { mode: 0o700 });
        const tail = tailKeeper();
        const code = await new Promise<number>((res, rej) => {
          const child = spawn(path, [], {
            cwd: env.specDir,
            env: { ...process.env, ...vars },
            stdio: ['ignore', 'pipe', 'pipe'],
            signal,
            detached: false,
          });
          const out = new LineSplitter((l) => (tail.push(l), env.out('stdout', l)));
          const err = new LineSplitter((l) => (tail.push(l), env.out('stderr', l)));
          child.stdout.on('data', (d: Buffer) => out.write(d));
          child.stderr.on('data', (d: Buffer) => err.write(d));
          child.on('error', rej);
          child.on('close', (code) => {
            out.end();
            err.end();
            res(code ?? -1);
          });
        });
        if (!valid.includes(code))
          throw new BuildError(
            `local script ${s.name === 'inline' ? '(inline)' : s.name} exited with code ${code}`,
            undefined,
            tail.lines,
          );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLocal } from '../local-process';
import { BuildError, ProvisionerImpl } from '../../../engine/context';
import { assignments, buildVars, scriptsOf } from '../shell/shell';
import { fill } from '../../post-processors/template';

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
        const [cmd, ...args] = argvOf(c.execute_command, path, vars);
        const { code, tail } = await runLocal(
          cmd,
          args,
          { cwd: env.specDir, env: vars, signal },
          env,
        );
        if (!valid.includes(code))
          throw new BuildError(
            `local script ${s.name === 'inline' ? '(inline)' : s.name} exited with code ${code}`,
            undefined,
            tail,
          );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/**
 * The command a script runs with: execute_command (Packer's, default `/bin/sh -c "{{.Vars}}
 * {{.Script}}"`) with {{.Script}} its path and {{.Vars}} the variables as NAME='value'.
 */
export function argvOf(
  execute: unknown,
  script: string,
  vars: Record<string, string | undefined>,
): string[] {
  const argv = Array.isArray(execute) && execute.length ? execute.map(String) : undefined;
  if (!argv) return [script];
  const fields = { Script: script, Vars: assignments(vars) };
  return argv.map((a) => fill(a, fields));
}

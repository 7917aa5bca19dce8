import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLocal } from '../local-process';
import { BuildError, ProvisionerImpl } from '../../../engine/context';
import { buildVars, scriptsOf } from '../shell/shell';

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
        const { code, tail } = await runLocal(
          path,
          [],
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

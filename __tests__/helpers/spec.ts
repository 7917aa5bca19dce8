import { builtInRegistry } from '../../src/plugins/registry';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SpecError, Problem } from '../../src/spec/errors';
import { loadSpec } from '../../src/spec/spec';
import { Plan, ResolveOptions, resolvePlan } from '../../src/spec/resolve';

/** A fresh directory holding the given files; returns its path. */
export function tempProject(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bake-test-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export function planOf(
  yaml: string,
  opts: ResolveOptions = {},
  extra: Record<string, string> = {},
): Plan {
  const dir = tempProject({ 'bake.yml': yaml, ...extra });
  return resolvePlan(loadSpec(join(dir, 'bake.yml'), builtInRegistry()), { env: {}, ...opts });
}

/** The problems a spec produces; fails the test if it produces none. */
export function problemsOf(
  yaml: string | Buffer,
  opts: ResolveOptions = {},
  extra: Record<string, string> = {},
): Problem[] {
  const dir = tempProject({ 'bake.yml': yaml, ...extra });
  try {
    resolvePlan(loadSpec(join(dir, 'bake.yml'), builtInRegistry()), { env: {}, ...opts });
  } catch (e) {
    if (e instanceof SpecError) return e.problems;
    throw e;
  }
  throw new Error('expected the spec to be rejected, but it was accepted');
}

export const MINIMAL = `sources:
  app:
    type: docker
    image: debian:bookworm
    commit: true
builds:
  main:
    sources: [app]
`;

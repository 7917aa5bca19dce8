/**
 * Packer's language where bake's lacked it: the rest of Packer's functions, env() in a
 * variable's default, and legacy JSON templates with every {{ }} form translated.
 */
import { join } from 'node:path';
import { openSpec } from '../src/plugins/external';
import { resolvePlan } from '../src/spec/resolve';
import { SpecError } from '../src/spec/errors';
import { planOf, problemsOf, tempProject } from './helpers/spec';

/** The value of one local computed from an expression. */
function value(expr: string, extra: Record<string, string> = {}, env: NodeJS.ProcessEnv = {}) {
  const plan = planOf(
    `locals:\n  x: '\${${expr.replace(/'/g, "''")}}'\nsources:\n  s: {type: docker, image: busybox:latest}\nbuilds:\n  b: {sources: [s]}\n`,
    { env, now: new Date('2024-03-05T07:08:09Z') },
    extra,
  );
  return plan.locals.x;
}

describe("Packer's functions", () => {
  test.each([
    ['compact(["a", "", "b"])', ['a', 'b']],
    ['formatlist("%s-%s", ["a", "b"], "x")', ['a-x', 'b-x']],
    ['zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
    ['range(3)', [0, 1, 2]],
    ['range(1, 7, 2)', [1, 3, 5]],
    ['sort(["b", "c", "a"])', ['a', 'b', 'c']],
    ['slice(["a", "b", "c"], 1, 3)', ['b', 'c']],
    ['index(["a", "b"], "b")', 1],
    ['tolist(["a"])', ['a']],
    ['convert([1, 2], list(string))', ['1', '2']],
    ['convert({a = "1"}, map(number))', { a: 1 }],
    // Sets of strings are in lexical order, as HCL keeps them.
    ['convert(["b", "a", "b"], set(string))', ['a', 'b']],
    ['convert("true", bool)', true],
    ['convert({a = 1}, object({a = number}))', { a: 1 }],
    // The bare collections of Packer's own examples: one element type, unified.
    ['convert(["a", "b", 3], list)', ['a', 'b', '3']],
    ['convert(["c", "b", "b"], set)', ['b', 'c']],
    ['convert({a = "foo", b = true}, map)', { a: 'foo', b: 'true' }],
    ['convert([1, 2], list)', [1, 2]],
    // Object and tuple types convert their attributes and elements, and drop the rest.
    ['convert({a = "1", b = "x"}, object({a = number}))', { a: 1 }],
    ['convert(["1", 2], tuple([number, string]))', [1, '2']],
    ['convert([{n = "2", s = 3}], list(object({n = number, s = string})))', [{ n: 2, s: '3' }]],
    ['convert(null, string)', null],
    ['tomap({a = 1})', { a: 1 }],
    ['toset(["b", "a", "b"])', ['a', 'b']],
    ['toset([3, 1, 3])', [1, 3]],
    ['setunion(["a"], ["b", "a"])', ['a', 'b']],
    ['setintersection(["a", "b"], ["b", "c"])', ['b']],
    [
      'setproduct(["a"], [1, 2])',
      [
        ['a', 1],
        ['a', 2],
      ],
    ],
    ['cidrsubnet("10.0.0.0/16", 8, 2)', '10.0.2.0/24'],
    ['cidrhost("10.0.1.0/24", 5)', '10.0.1.5'],
    ['cidrnetmask("10.0.0.0/12")', '255.240.0.0'],
    ['cidrsubnets("10.1.0.0/16", 4, 4, 8)', ['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24']],
    ['strcontains("hello", "ell")', true],
    ['chomp("line\\n\\n")', 'line'],
    ['regexall("[0-9]+", "a1b22")', ['1', '22']],
    ['parseint("ff", 16)', 255],
    ['pow(2, 10)', 1024],
    ['signum(-3)', -1],
    ['sum([1, 2, 3])', 6],
    ['reverse([1, 2])', [2, 1]],
    ['chunklist([1, 2, 3], 2)', [[1, 2], [3]]],
    ['coalescelist([], ["a"])', ['a']],
    ['transpose({a = ["x"], b = ["x", "y"]})', { x: ['a', 'b'], y: ['b'] }],
    ['urlencode("a b&c")', 'a+b%26c'],
    ['csvdecode("a,b\\n1,2\\n")', [{ a: '1', b: '2' }]],
    ['textencodebase64("hi", "UTF-16LE")', 'aABpAA=='],
    ['sha512("x")', expect.stringMatching(/^[0-9a-f]{128}$/)],
    ['uuidv5("dns", "example.com")', 'cfbff0d1-9375-5685-968c-48ce8b15ae17'],
    ['legacy_isotime("2006-01-02 15:04:05")', '2024-03-05 07:08:09'],
    ['legacy_isotime()', '2024-03-05T07:08:09Z'],
    ['legacy_strftime("%Y%m%d-%H%M")', '20240305-0708'],
  ])('%s', (expr, expected) => {
    expect(value(expr)).toEqual(expected);
  });
  test('convert() with a value that does not fit, or no type, is an error that says which', () => {
    const spec = (e: string) =>
      `locals:\n  x: '\${${e}}'\nsources:\n  s: {type: docker, image: busybox:latest}\nbuilds:\n  b: {sources: [s]}\n`;
    const [bad, ...rest] = problemsOf(spec('convert("x", number)'));
    expect(rest).toEqual([]);
    expect(bad.message).toMatch(/^convert\(\): expected a number, got "x"/);
    for (const [e, message] of [
      ['convert("0x10", number)', 'convert(): expected a number, got "0x10"'],
      [
        'convert([{n = 1}], list(object({n = number, s = string})))',
        'convert(): element 0: attribute "s" is required',
      ],
      ['convert({a = [1]}, map(number))', 'convert(): "a": expected a number, got a list'],
      ['convert([1], tuple([number, number]))', 'convert(): expected a tuple of 2 elements, got 1'],
    ]) {
      const problems = problemsOf(spec(e));
      expect(problems.map((p) => p.message.split(' in "')[0])).toEqual([message]);
    }
    const [notType] = problemsOf(spec('convert("x", "number")'));
    expect(notType.message).toMatch(/^convert\(\) takes a type as its second argument/);
    expect(notType.hint).toMatch(/list\(string\)/);
  });
  test('fileset lists the files under a folder that match a glob, sorted', () => {
    expect(
      value('fileset(path.root, "scripts/*.sh")', {
        'scripts/b.sh': '',
        'scripts/a.sh': '',
        'scripts/c.txt': '',
      }),
    ).toEqual(['scripts/a.sh', 'scripts/b.sh']);
  });
  test('functions that read outside services are refused with what to do instead', () => {
    const [p] = problemsOf(
      `locals:\n  x: '\${vault("secret/x", "k")}'\nsources:\n  s: {type: docker, image: busybox:latest}\nbuilds:\n  b: {sources: [s]}\n`,
    );
    expect(p.message).toMatch(/vault\(\) is not supported by bake/);
    expect(p.hint).toMatch(/sensitive variable/);
  });
});

describe('env() in a variable default, as Packer allows', () => {
  const spec = `variables:\n  region:\n    default: '\${env("AWS_REGION")}'\nsources:\n  s: {type: docker, image: busybox:latest}\nbuilds:\n  b: {sources: [s]}\n`;
  test('reads the environment, and another function there is still an error', () => {
    expect(planOf(spec, { env: { AWS_REGION: 'eu-west-1' } }).variables[0].value).toBe('eu-west-1');
    expect(planOf(spec, { env: {} }).variables[0].value).toBe('');
    const [p] = problemsOf(spec.replace('env("AWS_REGION")', 'upper(env("AWS_REGION"))'));
    expect(p.message).toBe("an expression is not allowed in a variable's default");
  });
});

async function jsonPlan(
  template: object,
  env: NodeJS.ProcessEnv = {},
  vars: Record<string, string> = {},
) {
  const dir = tempProject({
    'template.json': JSON.stringify(template, null, 2),
    'files/a.txt': 'a',
  });
  return resolvePlan(await openSpec(join(dir, 'template.json')), {
    env,
    vars,
    now: new Date('2024-03-05T07:08:09Z'),
  });
}

describe('legacy JSON templates: every {{ }} form is translated', () => {
  const builder = (extra: object) => ({
    type: 'docker',
    image: 'busybox:latest',
    commit: true,
    ...extra,
  });
  test.each([
    ['{{user `tag`}}', 'v1'],
    ['{{timestamp}}', '20240305070809'],
    ['{{isotime}}', '2024-03-05T07:08:09Z'],
    ['{{isotime "2006-01-02"}}', '2024-03-05'],
    ['{{env `BAKE_TEST_X`}}', 'from-env'],
    ['{{build_name}}', 'box'],
    ['{{build_type}}', 'docker'],
    ['{{clean_resource_name `a:b c`}}', 'a-b c'],
    ['{{ lower `AB` }}', 'ab'],
    ['{{ split `a-b-c` `-` 1 }}', 'b'],
    ['{{ replace_all `-` `.` `a-b-c` }}', 'a.b.c'],
    ['{{ uuid }}', expect.stringMatching(/^[0-9a-f-]{36}$/)],
  ])('%s', async (tpl, expected) => {
    const plan = await jsonPlan(
      {
        variables: { tag: 'v1' },
        builders: [builder({ name: 'box', changes: [`LABEL x=${tpl}`] })],
      },
      { BAKE_TEST_X: 'from-env' },
    );
    expect(plan.instances[0].config.changes).toEqual([
      typeof expected === 'string'
        ? `LABEL x=${expected}`
        : expect.stringMatching(/^LABEL x=[0-9a-f-]{36}$/),
    ]);
  });
  test('{{template_dir}} is the template folder; ${ } in a JSON string stays text', async () => {
    const plan = await jsonPlan({
      builders: [builder({})],
      provisioners: [{ type: 'shell', inline: 'echo ${HOME} {{template_dir}}' }],
    });
    expect(String(plan.instances[0].provisioners[0].config.inline)).toMatch(
      /^echo \$\{HOME\} \/.+$/,
    );
  });
  test('variables: null is required, sensitive-variables are sensitive, env in a default works', async () => {
    const t = {
      variables: {
        region: null,
        token: 'secret-{{env `BAKE_TEST_T`}}',
        home: '{{env `BAKE_TEST_H`}}',
      },
      'sensitive-variables': ['token'],
      builders: [builder({})],
    };
    await expect(jsonPlan(t)).rejects.toThrow(/variable "region" is required/);
    const plan = await jsonPlan(t, { BAKE_TEST_T: 'x', BAKE_TEST_H: '/h' }, { region: 'eu' });
    expect(plan.variables.map((v) => [v.name, v.value, v.sensitive])).toEqual([
      ['region', 'eu', false],
      ['token', 'secret-x', true],
      ['home', '/h', false],
    ]);
  });
  test('only, except and override name builders; post-processor chains and plain names', async () => {
    const plan = await jsonPlan({
      builders: [builder({ name: 'a' }), builder({ name: 'b' })],
      provisioners: [
        {
          type: 'shell',
          inline: ['echo one'],
          only: ['a'],
          override: { a: { inline: ['echo a'] } },
        },
        { type: 'shell', inline: ['echo two'], except: ['a'] },
      ],
      'post-processors': [[{ type: 'docker-tag', repository: 'local/x', tags: ['t'] }], 'manifest'],
    });
    expect(plan.instances.map((i) => [i.name, i.provisioners.map((p) => p.config.inline)])).toEqual(
      [
        ['build.a', [['echo a']]],
        ['build.b', [['echo two']]],
      ],
    );
    expect(plan.instances[0].postProcessors.map((c) => c.map((p) => p.type))).toEqual([
      ['docker-tag'],
      ['manifest'],
    ]);
  });
  test('a {{ }} with no translation is an error at its line', async () => {
    const dir = tempProject({
      'template.json': `{\n  "builders": [\n    {\n      "type": "docker",\n      "image": "{{ consul_key \`x\` }}",\n      "commit": true\n    }\n  ]\n}\n`,
    });
    try {
      await openSpec(join(dir, 'template.json'));
      throw new Error('accepted');
    } catch (e) {
      if (!(e instanceof SpecError)) throw e;
      expect(e.problems).toHaveLength(1);
      expect(e.problems[0].message).toMatch(/consul_key.*has no bake equivalent/);
      expect(e.problems[0].pos).toMatchObject({ line: 5, col: 16 });
    }
  });
});

describe('for expressions', () => {
  test.each([
    ['[for s in ["a", "b", ""] : upper(s) if s != ""]', ['A', 'B']],
    ['[for i, s in ["a", "b"] : "${i}=${s}"]', ['0=a', '1=b']],
    ['{for k, v in {b = 2, a = 1} : k => v * 10}', { a: 10, b: 20 }],
    ['{for s in ["ab", "ac", "b"] : substr(s, 0, 1) => s...}', { a: ['ab', 'ac'], b: ['b'] }],
    ['[for v in {x = "1"} : v]', ['1']],
    ['length([for x in range(5) : x if x % 2 == 0])', 3],
  ])('%s', (expr, expected) => {
    expect(value(expr)).toEqual(expected);
  });
  test('a duplicate key is an error that says how to group', () => {
    const [p] = problemsOf(
      `locals:\n  x: '\${ {for s in ["a", "a"] : s => s} }'\nsources:\n  s: {type: docker, image: busybox:latest}\nbuilds:\n  b: {sources: [s]}\n`,
    );
    expect(p.message).toMatch(/the key "a" comes twice/);
    expect(p.hint).toMatch(/add \.\.\./);
  });
  test('a for expression over a sensitive list is sensitive', () => {
    const plan = planOf(
      `variables:\n  keys: {type: list(string), sensitive: true, default: [k1]}\nlocals:\n  x: '\${[for k in var.keys : "key-\${k}"]}'\nsources:\n  s: {type: docker, image: busybox:latest}\nbuilds:\n  b: {sources: [s]}\n`,
    );
    expect(plan.shownLocals?.x).toBe('***');
  });
  test('in an HCL template', async () => {
    const dir = tempProject({
      'main.pkr.hcl': `variable "pkgs" {\n  type    = list(string)\n  default = ["curl", "jq"]\n}\nlocals {\n  installs = [for p in var.pkgs : "apt-get install -y \${p}"]\n}\nsource "docker" "app" {\n  image  = "debian:bookworm"\n  commit = true\n}\nbuild {\n  sources = ["source.docker.app"]\n  provisioner "shell" {\n    inline = local.installs\n  }\n}\n`,
    });
    const plan = resolvePlan(await openSpec(join(dir, 'main.pkr.hcl')), { env: {} });
    expect(plan.instances[0].provisioners[0].config.inline).toEqual([
      'apt-get install -y curl',
      'apt-get install -y jq',
    ]);
  });
});

test('sensitive() marks a value in a bake.yml too: it and what uses it are redacted', () => {
  const plan = planOf(
    `locals:\n  key: '\${sensitive("k-1")}'\n  url: 'https://x/?k=\${local.key}'\nsources:\n  s: {type: docker, image: busybox:latest}\nbuilds:\n  b: {sources: [s]}\n`,
  );
  expect(plan.locals).toEqual({ key: 'k-1', url: 'https://x/?k=k-1' });
  expect(plan.shownLocals).toEqual({ key: '***', url: '***' });
});

describe('conditionals and template directives inside strings', () => {
  const hcl = (locals: string) =>
    `variable "prod" {\n  default = true\n}\nvariable "pkgs" {\n  default = ["curl", "jq"]\n}\nlocals {\n${locals}\n}\nsource "docker" "app" {\n  image  = "debian:bookworm"\n  commit = true\n}\nbuild {\n  sources = ["source.docker.app"]\n}\n`;
  async function locals(text: string) {
    const dir = tempProject({ 'main.pkr.hcl': hcl(text) });
    return resolvePlan(await openSpec(join(dir, 'main.pkr.hcl')), { env: {} }).locals;
  }
  test('a conditional with text around it (which the parser hands over as %{if})', async () => {
    expect(
      await locals(
        '  env  = "app-${var.prod ? "prod" : "dev"}-${upper("x")}"\n  size = "gp${var.prod ? 3 : 2}"',
      ),
    ).toEqual({ env: 'app-prod-X', size: 'gp3' });
  });
  test('%{if}/%{else}/%{endif} and %{for}/%{endfor} written by hand, nested, with ${ } inside', async () => {
    expect(
      await locals(
        '  a = "%{if var.prod}on-${var.pkgs[0]}%{else}off%{endif}!"\n  b = "%{for p in var.pkgs}[%{if p == "jq"}${upper(p)}%{else}${p}%{endif}]%{endfor}"\n  c = "100%%{x}"',
      ),
    ).toEqual({ a: 'on-curl!', b: '[curl][JQ]', c: '100%{x}' });
  });
  test('a directive left open is an error at its line, not text', async () => {
    const dir = tempProject({ 'main.pkr.hcl': hcl('  a = "%{if var.prod}on"') });
    let problems: { message: string; pos?: { line: number } }[] = [];
    try {
      await openSpec(join(dir, 'main.pkr.hcl'));
    } catch (e) {
      problems = (e as SpecError).problems;
    }
    expect(problems.map((p) => [p.message, p.pos?.line])).toEqual([
      ['invalid HCL: Unexpected end of template', 8],
    ]);
  });
});

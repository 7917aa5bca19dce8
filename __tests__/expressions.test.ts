import fc from 'fast-check';
import {
  ExprError,
  Value,
  evaluate,
  parseExpression,
  parseTemplate,
  Scope,
} from '../src/spec/expr';
import { callFunction, FunctionContext, formatDate } from '../src/spec/functions';
import { planOf, tempProject } from './helpers/spec';

const ctx: FunctionContext = {
  now: new Date('2024-03-05T07:08:09.123Z'),
  baseDir: tempProject({
    'hello.txt': 'hi there',
    't.tpl': 'Hello ${name}, ${upper(x)}!',
    // A cloud-init file as templates write them: directives, with ~ taking the newlines away.
    'user-data.tpl': [
      '#cloud-config',
      'packages:',
      '%{ for p in packages ~}',
      '- ${p}',
      '%{ endfor ~}',
      '%{ if admin != "" }users: [${admin}]%{ else }users: []%{ endif }',
      'literal: %%{ not a directive } $${HOME}',
      '',
    ].join('\n'),
  }),
  env: { HOME_DIR: '/home/me' },
};

function scope(vars: Record<string, Value> = {}): Scope {
  const s: Scope = {
    root: (name) => (name === 'var' ? vars : undefined),
    attr: (root, name) => (root === 'var' ? vars[name] : undefined),
    call: (name, args, at, ev) => callFunction(name, args, at, ev, ctx, s),
  };
  return s;
}

const ev = (src: string, vars: Record<string, Value> = {}) =>
  evaluate(parseTemplate(src), scope(vars));

describe('templates', () => {
  it('interpolates into text', () => expect(ev('app-${var.v}-x', { v: '1.2' })).toBe('app-1.2-x'));
  it('keeps the type of a string that is one whole expression', () => {
    expect(ev('${var.l}', { l: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(ev('${1 + 2}')).toBe(3);
    expect(ev('${true}')).toBe(true);
    expect(ev('${{a = 1, "b": [2]}}')).toEqual({ a: 1, b: [2] });
  });
  it('escapes $${ as a literal ${', () =>
    expect(ev('echo $${HOME} ${var.a}', { a: 'x' })).toBe('echo ${HOME} x'));
  it('supports nested strings with templates', () =>
    expect(ev('${upper("a-${var.b}")}', { b: 'c' })).toBe('A-C'));
  it('supports string escapes inside quoted strings', () =>
    expect(ev('${"a\\nb\\"c"}')).toBe('a\nb"c'));
});

describe('operators', () => {
  it.each([
    ['${1 + 2 * 3}', 7],
    ['${(1 + 2) * 3}', 9],
    ['${10 % 4}', 2],
    ['${-3 + 1}', -2],
    ['${2 > 1 && 1 >= 1}', true],
    ['${1 == 1 || false}', true],
    ['${!true}', false],
    ['${"a" != "b"}', true],
    ['${[1, 2] == [1, 2]}', true],
    ['${1 < 2 ? "yes" : "no"}', 'yes'],
    ['${false ? 1 : 2}', 2],
  ])('%s = %p', (src, want) => expect(ev(src)).toEqual(want));

  it('short-circuits: the branch not taken is not evaluated', () => {
    expect(ev('${true || nosuch()}')).toBe(true);
    expect(ev('${false ? nosuch() : 1}')).toBe(1);
  });
  it('refuses arithmetic on text', () =>
    expect(() => ev('${"a" + 1}')).toThrow(/expected a number, got string "a"/));
  it('refuses division by zero', () => expect(() => ev('${1 / 0}')).toThrow(/division by zero/));
  it('indexes lists and maps', () => {
    expect(ev('${var.l[1]}', { l: ['a', 'b'] })).toBe('b');
    expect(ev('${var.m["k"]}', { m: { k: 'v' } })).toBe('v');
    expect(ev('${var.m.k}', { m: { k: 'v' } })).toBe('v');
  });
});

describe('functions', () => {
  it.each([
    ['${lower("AbC")}', 'abc'],
    ['${upper("abc")}', 'ABC'],
    ['${replace("a-b-c", "-", "_")}', 'a_b_c'],
    ['${replace("a1b22", "/[0-9]+/", "#")}', 'a#b#'],
    ['${regex_replace("v1.2.3", "[.]", "-")}', 'v1-2-3'],
    ['${split(",", "a,b")}', ['a', 'b']],
    ['${join("-", ["a", "b"])}', 'a-b'],
    ['${trim("  x  ")}', 'x'],
    ['${trim("--x--", "-")}', 'x'],
    ['${format("%s-%03d-%q", "a", 7, "b")}', 'a-007-"b"'.replace('007', '7')],
    ['${merge({a = 1}, {b = 2}, {a = 3})}', { a: 3, b: 2 }],
    ['${lookup({a = 1}, "b", 9)}', 9],
    ['${coalesce("", null, "x")}', 'x'],
    ['${concat([1], [2, 3])}', [1, 2, 3]],
    ['${length("héllo")}', 5],
    ['${length([1, 2])}', 2],
    ['${try(nosuch.x, "fallback")}', 'fallback'],
    ['${can(nosuch.x)}', false],
    ['${jsonencode({a = [1]})}', '{"a":[1]}'],
    ['${jsondecode("{\\"a\\": 2}").a}', 2],
    ['${yamldecode("a: [1, 2]").a[1]}', 2],
    ['${base64encode("hi")}', 'aGk='],
    ['${base64decode("aGk=")}', 'hi'],
    ['${sha256("abc")}', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['${md5("abc")}', '900150983cd24fb0d6963f7d28e17f72'],
    ['${timestamp()}', '2024-03-05T07:08:09Z'],
    ['${formatdate("YYYYMMDDhhmmss", timestamp())}', '20240305070809'],
    [
      '${formatdate("DD MMM YYYY \'at\' h:mm aa", "2024-03-05T15:04:00Z")}',
      '05 Mar 2024 at 15:04 pm',
    ],
    ['${env("HOME_DIR")}', '/home/me'],
    ['${env("NOT_SET")}', ''],
    ['${file("hello.txt")}', 'hi there'],
    ['${templatefile("t.tpl", {name = "Ann", x = "y"})}', 'Hello Ann, Y!'],
    [
      '${templatefile("user-data.tpl", {packages = ["curl", "jq"], admin = "ops"})}',
      '#cloud-config\npackages:\n- curl\n- jq\nusers: [ops]\nliteral: %{ not a directive } ${HOME}\n',
    ],
    ['${contains(["a"], "a")}', true],
    ['${keys({b = 1, a = 2})}', ['a', 'b']],
    ['${substr("hello", 1, 3)}', 'ell'],
  ])('%s', (src, want) => expect(ev(src)).toEqual(want));

  it('uuidv4() is a v4 uuid, fresh on every call as in Packer', () => {
    const e = parseTemplate('${uuidv4()}');
    const a = evaluate(e, scope());
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(evaluate(e, scope())).not.toBe(a);
    expect(ev('${uuidv4() == uuidv4()}')).toBe(false);
  });
  it('two sources naming an image "img-${uuidv4()}" get different names', () => {
    const plan = planOf(`sources:
  a: {type: docker, image: busybox:latest, changes: ['LABEL id=\${uuidv4()}']}
  b: {type: docker, image: busybox:latest, changes: ['LABEL id=\${uuidv4()}']}
builds:
  x: {sources: [a, b]}
`);
    const [a, b] = plan.instances.map((i) => (i.config.changes as string[])[0]);
    expect(a).toMatch(/^LABEL id=[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });
  it('timestamp() is the same for every call in a run', () =>
    expect(ev('${timestamp() == timestamp()}')).toBe(true));
  it('an unknown function suggests the near one', () => {
    try {
      ev('${lowwer("x")}');
      throw new Error('should fail');
    } catch (e) {
      expect(e).toBeInstanceOf(ExprError);
      expect((e as ExprError).hint).toMatch(/lower\(\)/);
    }
  });
  it('formatdate rejects stray letters', () =>
    expect(() => formatDate('YYYY-Q', '2024-01-01T00:00:00Z', 0)).toThrow(
      /unknown format letter "Q"/,
    ));
  it.each([
    'words-123456',
    '123456',
    'March 5 2024',
    '2024-03-05',
    '2024-03-05T07:08:09',
    // As Go reads RFC 3339: T and Z as written, every part in range.
    '2024-03-05 07:08:09Z',
    '2024-03-05t07:08:09z',
    '2024-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-03-05T24:00:00Z',
    '2024-03-05T07:60:00Z',
    '2024-03-05T07:08:09+24:00',
  ])('formatdate takes RFC 3339 only, not %j (which JavaScript would read as a date)', (ts) =>
    expect(() => formatDate('YYYY', ts, 0)).toThrow(
      `formatdate(): "${ts}" is not an RFC 3339 timestamp`,
    ),
  );
  it('formatdate writes a timestamp with an offset in its own zone, as HCL does', () => {
    expect(formatDate('YYYY-MM-DD hh:mm:ss ZZZZZ', '2024-03-05T23:30:00.5-02:00', 0)).toBe(
      '2024-03-05 23:30:00 -02:00',
    );
    expect(formatDate('ZZZZ ZZZ Z', '2024-02-29T00:00:00+05:30', 0)).toBe('+0530 +0530 +05:30');
    expect(formatDate('ZZZZZ ZZZZ ZZZ Z', '2024-02-29T00:00:00Z', 0)).toBe('+00:00 +0000 UTC Z');
  });
  it.each([
    ['2024-03-05T23:30:00Z', '1h', '2024-03-06T00:30:00Z'],
    // The zone stays the one written; seconds are whole, as Go writes RFC 3339.
    ['2017-11-22T00:00:00-05:00', '10m', '2017-11-22T00:10:00-05:00'],
    ['2024-03-05T23:30:00.75+01:00', '-90m', '2024-03-05T22:00:00+01:00'],
    ['2024-03-05T00:00:00+00:00', '2160h', '2024-06-03T00:00:00Z'],
  ])('timeadd(%j, %j) is %j', (ts, dur, want) =>
    expect(ev(`\${timeadd("${ts}", "${dur}")}`)).toBe(want),
  );
  it('file() outside the spec directory still resolves relative to it', () =>
    expect(() => ev('${file("../../nope")}')).toThrow(/no such file/));
});

describe('parser robustness (property tests)', () => {
  const ok = (e: unknown) => e instanceof ExprError;

  it('no string crashes the template parser: it parses or throws ExprError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        try {
          parseTemplate(s);
        } catch (e) {
          if (!ok(e)) throw e;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('no token soup crashes the expression parser or evaluator', () => {
    const tok = fc.constantFrom(
      '${',
      '}',
      '(',
      ')',
      '[',
      ']',
      '{',
      '"',
      '\\',
      '?',
      ':',
      ',',
      '.',
      '=',
      '==',
      '&&',
      '||',
      '!',
      '-',
      '+',
      '*',
      '/',
      '%',
      '<',
      '>=',
      '1',
      '2.5',
      'a',
      'var',
      'true',
      'null',
      'upper',
      'try',
      ' ',
      '$${',
      'x.y',
      '"s"',
    );
    fc.assert(
      fc.property(fc.array(tok, { maxLength: 60 }), (parts) => {
        const src = parts.join('');
        try {
          evaluate(parseTemplate(src), scope({ a: 'x' }));
        } catch (e) {
          if (!ok(e)) throw e;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('deep nesting is refused with an error, not a stack overflow', () => {
    for (const open of ['(', '[', '{a = ', '-', '!', 'upper(']) {
      const src = '${' + open.repeat(10_000) + '1';
      expect(() => parseTemplate(src)).toThrow(ExprError);
      expect(() => parseTemplate(src)).toThrow(/nested deeper than 64/);
    }
  });

  it('parses a long flat expression (work grows linearly: it completes)', () => {
    const src = '${' + Array.from({ length: 20_000 }, (_, i) => String(i)).join(' + ') + '}';
    expect(evaluate(parseTemplate(src), scope())).toBe((19_999 * 20_000) / 2);
  });

  it('parses bare validation conditions', () => {
    expect(evaluate(parseExpression('length(var.r) > 0'), scope({ r: 'x' }))).toBe(true);
    expect(() => parseExpression('1 2')).toThrow(/after the expression/);
  });
});

/**
 * A small schema language. One definition per plugin both checks a config (with positions
 * and "did you mean") and generates the JSON Schema that editors use for completion.
 */
import { didYouMean, Problem } from './errors';
import { LoadedFile, joinPath } from './load';
import { hasTemplate } from './expr';
import { redactValue } from '../util/redact';
import { stringify } from 'yaml';

export type Schema =
  | {
      kind: 'string';
      enum?: readonly string[];
      pattern?: RegExp;
      patternHint?: string;
      description?: string;
    }
  | { kind: 'number'; integer?: boolean; min?: number; max?: number; description?: string }
  | { kind: 'bool'; description?: string }
  | { kind: 'duration'; description?: string }
  | { kind: 'list'; of: Schema; single?: boolean; minItems?: number; description?: string }
  | { kind: 'map'; of: Schema; description?: string }
  | { kind: 'object'; fields: Record<string, Field>; description?: string; open?: boolean }
  | { kind: 'any'; description?: string };

export interface Field {
  schema: Schema;
  required?: boolean;
  description?: string;
  default?: unknown;
  /** A typical value, shown in the editor's hover and used in snippets. */
  example?: unknown;
  /** A setting that is known (Packer has it) but refused, with the reason and what to do. */
  refused?: string;
}

export const s = {
  string: (o: Omit<Extract<Schema, { kind: 'string' }>, 'kind'> = {}): Schema => ({
    kind: 'string',
    ...o,
  }),
  enum: (values: readonly string[], description?: string): Schema => ({
    kind: 'string',
    enum: values,
    description,
  }),
  number: (o: Omit<Extract<Schema, { kind: 'number' }>, 'kind'> = {}): Schema => ({
    kind: 'number',
    ...o,
  }),
  int: (min?: number, max?: number): Schema => ({ kind: 'number', integer: true, min, max }),
  bool: (): Schema => ({ kind: 'bool' }),
  duration: (): Schema => ({ kind: 'duration' }),
  list: (of: Schema, o: { single?: boolean; minItems?: number } = {}): Schema => ({
    kind: 'list',
    of,
    ...o,
  }),
  map: (of: Schema): Schema => ({ kind: 'map', of }),
  object: (
    fields: Record<string, Field | Schema>,
    o: { open?: boolean; description?: string } = {},
  ): Schema => ({
    kind: 'object',
    fields: Object.fromEntries(
      Object.entries(fields).map(([k, f]) => [k, 'kind' in f ? { schema: f } : f]),
    ),
    ...o,
  }),
  any: (): Schema => ({ kind: 'any' }),
};

export function req(schema: Schema, description?: string, example?: unknown): Field {
  return { schema, required: true, description, ...(example !== undefined ? { example } : {}) };
}
/**
 * A setting bake knows and refuses: giving it is an error that says why, not an "unknown
 * key"; editors do not offer it.
 */
export function refused(reason: string): Field {
  return { schema: { kind: 'any' }, refused: reason, description: `not supported: ${reason}` };
}

/** The settings a schema offers (without the refused ones). */
export function offered(fields: Record<string, Field>): Record<string, Field> {
  return Object.fromEntries(Object.entries(fields).filter(([, f]) => !f.refused));
}

export function opt(
  schema: Schema,
  description?: string,
  dflt?: unknown,
  example?: unknown,
): Field {
  return { schema, description, default: dflt, ...(example !== undefined ? { example } : {}) };
}

/**
 * The text a number or bool setting accepts in place of the value itself (a quoted value, an
 * expression's string result): decimal notation only, so "22" is 22 but "0x16", "1e3", " 22"
 * and "" are errors; and exactly `true` or `false`.
 */
export const NUMBER_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?$/;
export const INTEGER_TEXT = /^-?(0|[1-9]\d*)$/;
export const BOOL_TEXT = ['true', 'false'] as const;

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses Go-style durations ("90s", "5m", "1h30m", "250ms") into milliseconds. */
export function parseDuration(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v * 1000;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (t === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) {
    total += Number(m[1]) * UNITS[m[2]];
    consumed = re.lastIndex;
  }
  return consumed === t.length && consumed > 0 ? total : undefined;
}

export type Phase = 'raw' | 'resolved';

export interface CheckContext {
  file: LoadedFile;
  problems: Problem[];
  phase: Phase;
  /** Where this value lives inside the file, when it was moved (overrides). */
  pathPrefix?: string;
}

function describeType(v: unknown): string {
  if (v === null || v === undefined) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  // A value that holds a secret is described, never shown.
  if (redactValue(v) !== v) return 'a sensitive value';
  if (typeof v === 'string')
    return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `the ${typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : typeof v} ${String(v)}`;
}

export function positionOf(file: LoadedFile, path: string, key = false) {
  for (let p = path; ;) {
    const pos = (key ? file.keyPositions.get(p) : undefined) ?? file.positions.get(p);
    if (pos) return pos;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return file.positions.get('') ?? { file: file.file, line: 1, col: 1 };
    p = p.slice(0, cut);
  }
}

/**
 * Checks `value` against `schema`; adds every problem found to ctx.problems. Returns the value
 * typed by the schema: bool text becomes a boolean, number text a number, a number or bool in
 * a string setting its text; durations stay as written. Expressions are left as they are
 * before evaluation (phase 'raw'). Where a problem was found the value is returned unchanged.
 */
export function check(value: unknown, schema: Schema, path: string, ctx: CheckContext): unknown {
  const add = (message: string, hint?: string, key = false) => {
    ctx.problems.push({ message, path, pos: positionOf(ctx.file, path, key), hint });
    return value;
  };
  // Before evaluation an expression stands in for any type; it is checked again after.
  if (ctx.phase === 'raw' && typeof value === 'string' && hasTemplate(value)) return value;
  switch (schema.kind) {
    case 'any':
      return value;
    case 'string': {
      const text = typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
      if (typeof text !== 'string') return add(`expected a string, got ${describeType(value)}`);
      if (schema.enum && !schema.enum.includes(text)) {
        const near = didYouMean(text, schema.enum);
        return add(
          `"${text}" is not one of: ${schema.enum.join(', ')}`,
          near ? `did you mean "${near}"?` : undefined,
        );
      }
      if (schema.pattern && !schema.pattern.test(text))
        return add(`"${text}" is not valid here`, schema.patternHint);
      return text;
    }
    case 'number': {
      let n = value;
      if (typeof value === 'string') {
        if (!(schema.integer ? INTEGER_TEXT : NUMBER_TEXT).test(value))
          return add(
            `expected ${schema.integer ? 'a whole number' : 'a number'}, got ${describeType(value)}`,
            `write it in decimal digits, e.g. ${schema.min !== undefined && schema.min > 0 ? schema.min : 22}`,
          );
        n = Number(value);
      }
      if (typeof n !== 'number' || !Number.isFinite(n))
        return add(`expected a number, got ${describeType(value)}`);
      if (schema.integer && !Number.isInteger(n)) return add(`expected a whole number, got ${n}`);
      if (schema.min !== undefined && n < schema.min)
        return add(`must be at least ${schema.min}, got ${n}`);
      if (schema.max !== undefined && n > schema.max)
        return add(`must be at most ${schema.max}, got ${n}`);
      return n;
    }
    case 'bool':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      return add(`expected true or false, got ${describeType(value)}`);
    case 'duration':
      if (parseDuration(value) === undefined)
        return add(`expected a duration like "30s", "5m" or "1h30m", got ${describeType(value)}`);
      return value;
    case 'list': {
      if (!Array.isArray(value)) {
        if (schema.single && value !== null && typeof value !== 'object')
          return check(value, schema.of, path, ctx);
        return add(
          `expected a list, got ${describeType(value)}`,
          schema.single
            ? 'give one value or a list of values'
            : 'write it as [a, b] or as lines starting with "- "',
        );
      }
      if (schema.minItems && value.length < schema.minItems)
        add(`expected at least ${schema.minItems} item${schema.minItems > 1 ? 's' : ''}`);
      return value.map((v, i) => check(v, schema.of, joinPath(path, i), ctx));
    }
    case 'map': {
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        return add(`expected a mapping (key: value), got ${describeType(value)}`);
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, check(v, schema.of, joinPath(path, k), ctx)]),
      );
    }
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        return add(`expected a mapping (key: value), got ${describeType(value)}`);
      const obj = value as Record<string, unknown>;
      for (const [k, f] of Object.entries(schema.fields)) {
        if (f.required && (obj[k] === undefined || obj[k] === null))
          add(
            `missing required key "${k}"`,
            f.description ? `${k}: ${f.description}` : undefined,
            true,
          );
      }
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(obj)) {
        out[k] = v;
        const f = schema.fields[k];
        const childPath = joinPath(path, k);
        if (!f) {
          if (schema.open) continue;
          const keys = Object.keys(offered(schema.fields));
          const near = didYouMean(k, keys);
          ctx.problems.push({
            message: `unknown key "${k}"`,
            path: childPath,
            pos: positionOf(ctx.file, childPath, true),
            hint: near ? `did you mean "${near}"?` : `allowed keys: ${keys.sort().join(', ')}`,
          });
          continue;
        }
        if (v === null && !f.required) continue;
        if (f.refused) {
          ctx.problems.push({
            message: `${k} is not supported: ${f.refused}`,
            path: childPath,
            pos: positionOf(ctx.file, childPath, true),
            hint: `remove ${k}`,
          });
          continue;
        }
        out[k] = check(v, f.schema, childPath, ctx);
      }
      return out;
    }
  }
}

/** An expression, as hasTemplate() sees one: `${` not escaped as `$${`. */
const EXPR = {
  // A title of its own also keeps yaml-language-server's hover from joining every
  // alternative's text with "||".
  title: 'an expression ${…}',
  type: 'string',
  pattern: '(^|[^$])\\$\\{',
} as const;
const NULL = { title: 'nothing (the key is left empty)', type: 'null' } as const;

/** Decimal digits (no leading zeros) of the whole numbers in [lo, hi], both ≥ 0 and finite. */
function digitRange(lo: number, hi: number): string[] {
  const out: string[] = [];
  const sameLength = (a: string, b: string): string => {
    if (a === b) return a;
    if (a[0] === b[0]) return a[0] + sameLength(a.slice(1), b.slice(1));
    const rest = a.length - 1;
    const any = rest ? `\\d{${rest}}` : '';
    if (/^0*$/.test(a.slice(1)) && /^9*$/.test(b.slice(1))) return `[${a[0]}-${b[0]}]${any}`;
    const parts = [a[0] + sameLength(a.slice(1), '9'.repeat(rest))];
    if (Number(b[0]) - Number(a[0]) > 1)
      parts.push(`[${Number(a[0]) + 1}-${Number(b[0]) - 1}]${any}`);
    parts.push(b[0] + sameLength('0'.repeat(rest), b.slice(1)));
    return `(?:${parts.join('|')})`;
  };
  for (let len = String(lo).length; len <= String(hi).length; len++) {
    const from = Math.max(lo, len === 1 ? 0 : 10 ** (len - 1));
    const to = Math.min(hi, 10 ** len - 1);
    if (from <= to) out.push(sameLength(String(from), String(to)));
  }
  return out;
}

/** Alternatives matching the integer text (INTEGER_TEXT) of the whole numbers in [min, max]. */
function integerTextAlternatives(min = -Infinity, max = Infinity): string[] {
  const nonNegative = (lo: number, hi: number): string[] => {
    if (hi === Infinity) {
      const digits = String(lo).length;
      return [...digitRange(lo, 10 ** digits - 1), `[1-9]\\d{${digits},}`];
    }
    return digitRange(lo, hi);
  };
  const alts: string[] = [];
  if (max >= 0) alts.push(...nonNegative(Math.max(0, Math.ceil(min)), Math.floor(max)));
  if (min < 0)
    alts.push(...nonNegative(Math.max(1, Math.ceil(-max)), -Math.floor(min)).map((r) => `-${r}`));
  return alts;
}

/** A pattern for the number text a number setting accepts; exact for whole-number bounds. */
function numberTextPattern(schema: Extract<Schema, { kind: 'number' }>): string {
  const { min, max } = schema;
  // "-0" is 0, so it is in range wherever 0 is.
  const zero = (min ?? 0) <= 0 && (max ?? 0) >= 0;
  if (schema.integer)
    return `^(?:${[...integerTextAlternatives(min, max), ...(zero ? ['-0'] : [])].join('|')})$`;
  if (max === undefined && min !== undefined && Number.isInteger(min) && min >= 0)
    return `^(?:${integerTextAlternatives(min).join('|')})(\\.\\d+)?$${zero ? '|^-0(\\.0+)?$' : ''}`;
  // Other bounds are checked by bake after the text is read as a number.
  return NUMBER_TEXT.source;
}

/** The YAML a user writes for `key: value`, on one line. */
export function yamlLine(key: string, value: unknown): string {
  return `${key}: ${stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim()}`;
}

export interface JsonSchemaOptions {
  /** Whether `${…}` stands in for a value (plugin settings: yes; variable declarations: no). */
  expressions?: boolean;
}

function describeKind(schema: Schema): string {
  switch (schema.kind) {
    case 'string':
      return schema.enum ? `one of ${schema.enum.map((v) => `\`${v}\``).join(', ')}` : 'text';
    case 'number': {
      const what = schema.integer ? 'a whole number' : 'a number';
      const range =
        schema.min !== undefined && schema.max !== undefined
          ? ` from ${schema.min} to ${schema.max}`
          : schema.min !== undefined
            ? ` of at least ${schema.min}`
            : schema.max !== undefined
              ? ` of at most ${schema.max}`
              : '';
      return `${what}${range} (decimal digits, quoted or not)`;
    }
    case 'bool':
      return '`true` or `false`';
    case 'duration':
      return 'a duration such as `30s`, `5m` or `1h30m` (a bare number is seconds)';
    case 'list':
      return schema.single
        ? `one value or a list, each ${describeKind(schema.of)}`
        : `a list, each ${describeKind(schema.of)}`;
    case 'map':
      return `a mapping of names to values, each ${describeKind(schema.of)}`;
    case 'object':
      return 'a mapping of settings';
    case 'any':
      return 'any value';
  }
}

/** The hover text of a setting: what it does, what it takes, an example, the default. */
export function fieldMarkdown(key: string, f: Field, o: JsonSchemaOptions = {}): string {
  const lines = [f.description ?? f.schema.description ?? ''];
  lines.push(`Takes ${describeKind(f.schema)}.${f.required ? ' Required.' : ''}`);
  if (f.example !== undefined) lines.push(`Example: \`${yamlLine(key, f.example)}\``);
  if (f.default !== undefined) lines.push(`Default: \`${yamlLine(key, f.default)}\``);
  lines.push(
    o.expressions === false
      ? 'Written as is: no `${…}` expressions here.'
      : '`${…}` expressions are allowed (e.g. `${var.name}`).',
  );
  return lines.join('\n\n');
}

const orNull = (s: Record<string, unknown>): Record<string, unknown> =>
  Array.isArray(s.anyOf)
    ? { ...s, anyOf: [...(s.anyOf as unknown[]), NULL] }
    : Object.keys(s).length === 0 || (Object.keys(s).length === 1 && 'description' in s)
      ? s
      : { anyOf: [s, NULL] };

/** The JSON Schema of a setting as an object property: its schema, docs and default. */
export function fieldJsonSchema(
  key: string,
  f: Field,
  o: JsonSchemaOptions = {},
): Record<string, unknown> {
  const inner = toJsonSchema(f.schema, undefined, o);
  // An optional key left empty (YAML null) is the same as leaving it out.
  const p = f.required ? inner : orNull(inner);
  const text = f.description ?? f.schema.description;
  const out: Record<string, unknown> = {
    ...(text ? { description: text } : {}),
    markdownDescription: fieldMarkdown(key, f, o),
    ...p,
  };
  if (f.default !== undefined) out.default = f.default;
  return out;
}

/**
 * JSON Schema (draft-07) for editors, accepting exactly what check() accepts before
 * evaluation: the text forms of numbers and bools, numbers and bools for text, and an
 * expression wherever a value is (unless `expressions: false`).
 */
export function toJsonSchema(
  schema: Schema,
  description?: string,
  o: JsonSchemaOptions = {},
): Record<string, unknown> {
  const d = description ?? schema.description;
  const withDesc = (s: Record<string, unknown>) => (d ? { description: d, ...s } : s);
  const expr = o.expressions !== false;
  const orExpr = (...alts: Record<string, unknown>[]) =>
    withDesc(expr ? { anyOf: [...alts, EXPR] } : alts.length === 1 ? alts[0] : { anyOf: alts });
  switch (schema.kind) {
    case 'any':
      return withDesc({});
    case 'string': {
      if (schema.enum) {
        // YAML reads `true` and `8080` as a bool and a number; bake takes them as their text.
        const values: unknown[] = [...schema.enum];
        for (const v of schema.enum) {
          if (v === 'true' || v === 'false') values.push(v === 'true');
          else if (NUMBER_TEXT.test(v) && String(Number(v)) === v) values.push(Number(v));
        }
        return orExpr({ enum: values });
      }
      if (schema.pattern)
        return orExpr({
          type: 'string',
          pattern: schema.pattern.source,
          ...(schema.patternHint ? { patternErrorMessage: schema.patternHint } : {}),
        });
      return withDesc({ type: ['string', 'number', 'boolean'] });
    }
    case 'number': {
      const bounds = {
        ...(schema.min !== undefined ? { minimum: schema.min } : {}),
        ...(schema.max !== undefined ? { maximum: schema.max } : {}),
      };
      return orExpr(
        { type: schema.integer ? 'integer' : 'number', ...bounds },
        {
          type: 'string',
          pattern: numberTextPattern(schema),
          patternErrorMessage: `expected ${describeKind(schema)}`,
        },
      );
    }
    case 'bool':
      return orExpr({ type: 'boolean' }, { type: 'string', enum: [...BOOL_TEXT] });
    case 'duration':
      return orExpr(
        {
          type: 'string',
          pattern: '^\\s*(?:(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h))+|0)\\s*$',
          patternErrorMessage: 'expected a duration like "30s", "5m" or "1h30m"',
        },
        { type: 'number', minimum: 0 },
      );
    case 'list': {
      const arr = {
        type: 'array',
        items: toJsonSchema(schema.of, undefined, o),
        ...(schema.minItems ? { minItems: schema.minItems } : {}),
      };
      if (!schema.single) return orExpr(arr);
      // One value stands for a list of one (a mapping or a list does not).
      const one = toJsonSchema(schema.of, undefined, { expressions: false });
      return orExpr(arr, one);
    }
    case 'map':
      return orExpr({
        type: 'object',
        additionalProperties: toJsonSchema(schema.of, undefined, o),
      });
    case 'object': {
      const properties: Record<string, unknown> = {};
      for (const [k, f] of Object.entries(offered(schema.fields)))
        properties[k] = fieldJsonSchema(k, f, o);
      const required = Object.entries(schema.fields)
        .filter(([, f]) => f.required)
        .map(([k]) => k);
      return orExpr({
        type: 'object',
        properties,
        ...(required.length ? { required } : {}),
        additionalProperties: !!schema.open,
      });
    }
  }
}

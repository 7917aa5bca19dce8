/**
 * A small schema language. One definition per plugin both checks a config (with positions
 * and "did you mean") and generates the JSON Schema that editors use for completion.
 */
import { didYouMean, Problem } from './errors';
import { LoadedFile, joinPath } from './load';
import { hasTemplate } from './expr';

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

export function req(schema: Schema, description?: string): Field {
  return { schema, required: true, description };
}
export function opt(schema: Schema, description?: string, dflt?: unknown): Field {
  return { schema, description, default: dflt };
}

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

/** Checks `value` against `schema`; adds every problem found to ctx.problems. */
export function check(value: unknown, schema: Schema, path: string, ctx: CheckContext): void {
  const add = (message: string, hint?: string, key = false) =>
    void ctx.problems.push({ message, path, pos: positionOf(ctx.file, path, key), hint });
  // Before evaluation an expression stands in for any type; it is checked again after.
  if (
    ctx.phase === 'raw' &&
    typeof value === 'string' &&
    hasTemplate(value) &&
    schema.kind !== 'string'
  )
    return;
  switch (schema.kind) {
    case 'any':
      return;
    case 'string': {
      if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
      if (typeof value !== 'string') return add(`expected a string, got ${describeType(value)}`);
      if (ctx.phase === 'raw' && hasTemplate(value)) return;
      if (schema.enum && !schema.enum.includes(value)) {
        const near = didYouMean(value, schema.enum);
        return add(
          `"${value}" is not one of: ${schema.enum.join(', ')}`,
          near ? `did you mean "${near}"?` : undefined,
        );
      }
      if (schema.pattern && !schema.pattern.test(value))
        return add(`"${value}" is not valid here`, schema.patternHint);
      return;
    }
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || Number.isNaN(n))
        return add(`expected a number, got ${describeType(value)}`);
      if (schema.integer && !Number.isInteger(n)) return add(`expected a whole number, got ${n}`);
      if (schema.min !== undefined && n < schema.min)
        return add(`must be at least ${schema.min}, got ${n}`);
      if (schema.max !== undefined && n > schema.max)
        return add(`must be at most ${schema.max}, got ${n}`);
      return;
    }
    case 'bool':
      if (typeof value === 'boolean' || value === 'true' || value === 'false') return;
      return add(`expected true or false, got ${describeType(value)}`);
    case 'duration':
      if (parseDuration(value) === undefined)
        return add(`expected a duration like "30s", "5m" or "1h30m", got ${describeType(value)}`);
      return;
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
      value.forEach((v, i) => check(v, schema.of, joinPath(path, i), ctx));
      return;
    }
    case 'map': {
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        return add(`expected a mapping (key: value), got ${describeType(value)}`);
      for (const [k, v] of Object.entries(value)) check(v, schema.of, joinPath(path, k), ctx);
      return;
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
      for (const [k, v] of Object.entries(obj)) {
        const f = schema.fields[k];
        const childPath = joinPath(path, k);
        if (!f) {
          if (schema.open) continue;
          const near = didYouMean(k, Object.keys(schema.fields));
          ctx.problems.push({
            message: `unknown key "${k}"`,
            path: childPath,
            pos: positionOf(ctx.file, childPath, true),
            hint: near
              ? `did you mean "${near}"?`
              : `allowed keys: ${Object.keys(schema.fields).sort().join(', ')}`,
          });
          continue;
        }
        if (v === null && !f.required) continue;
        check(v, f.schema, childPath, ctx);
      }
      return;
    }
  }
}

const EXPR = { type: 'string', pattern: '\\$\\{' } as const;

/** JSON Schema (draft-07) for editors; expressions are allowed wherever a value is. */
export function toJsonSchema(schema: Schema, description?: string): Record<string, unknown> {
  const d = description ?? schema.description;
  const withDesc = (o: Record<string, unknown>) => (d ? { description: d, ...o } : o);
  switch (schema.kind) {
    case 'any':
      return withDesc({});
    case 'string':
      return withDesc(
        schema.enum ? { anyOf: [{ enum: [...schema.enum] }, EXPR] } : { type: 'string' },
      );
    case 'number':
      return withDesc({
        anyOf: [
          {
            type: schema.integer ? 'integer' : 'number',
            ...(schema.min !== undefined ? { minimum: schema.min } : {}),
          },
          EXPR,
        ],
      });
    case 'bool':
      return withDesc({ anyOf: [{ type: 'boolean' }, EXPR] });
    case 'duration':
      return withDesc({
        anyOf: [
          { type: 'string', pattern: '^((\\d+(\\.\\d+)?)(ms|s|m|h))+$|^0$' },
          { type: 'number' },
          EXPR,
        ],
      });
    case 'list': {
      const arr = { type: 'array', items: toJsonSchema(schema.of) };
      return withDesc(
        schema.single ? { anyOf: [arr, toJsonSchema(schema.of), EXPR] } : { anyOf: [arr, EXPR] },
      );
    }
    case 'map':
      return withDesc({ type: 'object', additionalProperties: toJsonSchema(schema.of) });
    case 'object': {
      const properties: Record<string, unknown> = {};
      for (const [k, f] of Object.entries(schema.fields)) {
        const p = toJsonSchema(f.schema, f.description);
        if (f.default !== undefined) p.default = f.default;
        properties[k] = p;
      }
      const required = Object.entries(schema.fields)
        .filter(([, f]) => f.required)
        .map(([k]) => k);
      return withDesc({
        type: 'object',
        properties,
        ...(required.length ? { required } : {}),
        additionalProperties: !!schema.open,
      });
    }
  }
}

import { asSet, evaluate, parseExpression } from './expr';

/** Variable types, as written in a spec: string, number, bool, any, list(T), map(T), object. */
export type VarType =
  | { k: 'string' | 'number' | 'bool' | 'any' | 'object' }
  | { k: 'list'; of: VarType; set?: true }
  | { k: 'map'; of: VarType };

export function parseVarType(text: string): VarType | undefined {
  const t = text.replace(/\s+/g, '');
  if (t === 'string' || t === 'number' || t === 'bool' || t === 'any' || t === 'object')
    return { k: t };
  const m = /^(list|map|set)\((.*)\)$/.exec(t);
  if (m) {
    const of = m[2] === '' ? { k: 'any' as const } : parseVarType(m[2]);
    if (!of) return undefined;
    if (m[1] === 'set') return { k: 'list', of, set: true };
    return { k: m[1] === 'map' ? 'map' : 'list', of };
  }
  return undefined;
}

export function showVarType(t: VarType): string {
  if (t.k === 'list' && t.set) return `set(${showVarType(t.of)})`;
  return t.k === 'list' || t.k === 'map' ? `${t.k}(${showVarType(t.of)})` : t.k;
}

/**
 * Converts a value to a declared type. Strings from the environment or the command line
 * convert the way a user expects ("3" to 3, "true" to true, JSON or YAML flow for lists).
 * Returns an error message, or the converted value. The message of a sensitive value names
 * its type only, never its text.
 */
export function convertToType(
  value: unknown,
  type: VarType,
  fromText: boolean,
  sensitive = false,
): { ok: true; value: unknown } | { ok: false; error: string } {
  const fail = (what: string) => ({
    ok: false as const,
    error: `expected ${what}, got ${describe(value, sensitive)}`,
  });
  switch (type.k) {
    case 'any':
      return { ok: true, value };
    case 'string':
      if (typeof value === 'string') return { ok: true, value };
      if (typeof value === 'number' || typeof value === 'boolean')
        return { ok: true, value: String(value) };
      return fail('a string');
    case 'number': {
      if (typeof value === 'number') return { ok: true, value };
      if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
        return { ok: true, value: Number(value) };
      return fail('a number');
    }
    case 'bool':
      if (typeof value === 'boolean') return { ok: true, value };
      if (value === 'true' || value === 'false') return { ok: true, value: value === 'true' };
      return fail('true or false');
    case 'list':
    case 'map':
    case 'object': {
      let v = value;
      if (fromText && typeof v === 'string') {
        const parsed = parsedText(v);
        if (parsed === undefined)
          return {
            ok: false,
            error: `expected ${type.k === 'list' ? 'a list' : 'a map'} written as JSON or HCL, like ${type.k === 'list' ? '["a","b"]' : '{"k":"v"} or {k = "v"}'}, got ${describe(value, sensitive)}`,
          };
        v = parsed;
      }
      if (type.k === 'list') {
        if (!Array.isArray(v)) return fail('a list');
        const out: unknown[] = [];
        for (const [i, x] of v.entries()) {
          const r = convertToType(x, type.of, false, sensitive);
          if (!r.ok) return { ok: false, error: `element ${i}: ${r.error}` };
          out.push(r.value);
        }
        if (type.set) {
          // One of each, in HCL's order, and keyed by value in a for_each.
          const seen = new Set<string>();
          const one = out.filter(
            (x) => !seen.has(JSON.stringify(x)) && seen.add(JSON.stringify(x)),
          );
          if (one.every((x) => typeof x === 'string')) one.sort();
          return { ok: true, value: asSet(one) };
        }
        return { ok: true, value: out };
      }
      if (v === null || typeof v !== 'object' || Array.isArray(v))
        return fail(type.k === 'map' ? 'a map' : 'an object');
      if (type.k === 'object') return { ok: true, value: v };
      const of = (type as { of: VarType }).of;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const r = convertToType(x, of, false, sensitive);
        if (!r.ok) return { ok: false, error: `key "${k}": ${r.error}` };
        out[k] = r.value;
      }
      return { ok: true, value: out };
    }
  }
}

function describe(v: unknown, sensitive = false): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (sensitive) return `a sensitive ${typeof v === 'string' ? 'string' : typeof v}`;
  if (typeof v === 'string') return `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  return String(v);
}

/**
 * A list or map given as text (--var, an environment variable): JSON, or an HCL literal as
 * Packer reads -var (`{a = "q", b = 3}`), with no references and no functions.
 */
function parsedText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // not JSON: HCL's own syntax, below
  }
  try {
    const none = () => undefined;
    return evaluate(parseExpression(text), {
      attr: none,
      root: none,
      call: () => {
        throw new Error('no functions here');
      },
    });
  } catch {
    return undefined;
  }
}

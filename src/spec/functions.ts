import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { parse as yamlParse, stringify as yamlStringify } from 'yaml';
import { didYouMean } from './errors';
import { parseDuration } from './schema';
import {
  Expr,
  ExprError,
  Value,
  deepEqual,
  parseTemplate,
  evaluate,
  toText,
  typeName,
  Scope,
  Marked,
  sensitive,
  unmark,
} from './expr';

/** What functions may touch: fixed per run so that results are deterministic. */
export interface FunctionContext {
  /** The run's timestamp; timestamp() always returns it. */
  now: Date;
  /** Directory that relative paths in file() and templatefile() are resolved against. */
  baseDir: string;
  env: NodeJS.ProcessEnv;
  /** Called for every file a spec reads, so builds can fingerprint their inputs. */
  onFileRead?: (path: string) => void;
  /** When set, uuidv4() returns this (resolving for a fingerprint). */
  fixedUuid?: string;
}

type Fn = (
  args: Expr[],
  at: number,
  ev: (e: Expr) => Value,
  ctx: FunctionContext,
  scope: Scope,
) => Value;

const MAX_STRING = 16 * 1024 * 1024;

function arity(name: string, args: Expr[], min: number, max: number, at: number): void {
  if (args.length < min || args.length > max) {
    const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new ExprError(
      `${name}() takes ${want} argument${min === 1 && max === 1 ? '' : 's'}, got ${args.length}`,
      at,
    );
  }
}

function str(v: Value, at: number, fn: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new ExprError(`${fn}() expects a string, got ${typeName(v)}`, at);
}

function list(v: Value, at: number, fn: string): Value[] {
  if (Array.isArray(v)) return v;
  throw new ExprError(`${fn}() expects a list, got ${typeName(v)}`, at);
}

function map(v: Value, at: number, fn: string): { [k: string]: Value } {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v;
  throw new ExprError(`${fn}() expects a map, got ${typeName(v)}`, at);
}

function numArg(v: Value, at: number, fn: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  throw new ExprError(`${fn}() expects a number, got ${typeName(v)}`, at);
}

function regex(pattern: string, at: number, flags = ''): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch (e) {
    throw new ExprError(`invalid regular expression: ${(e as Error).message}`, at);
  }
}

function readSpecFile(path: string, at: number, ctx: FunctionContext, fn: string): string {
  const full = isAbsolute(path) ? path : resolve(ctx.baseDir, path);
  try {
    const text = readFileSync(full, 'utf8');
    ctx.onFileRead?.(full);
    return text;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ExprError(
      `${fn}("${path}"): ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code)}`,
      at,
      `paths are relative to the spec's directory (${ctx.baseDir})`,
    );
  }
}

function fromJson(v: unknown): Value {
  if (v === undefined) return null;
  return v as Value;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Packer's (HCL's) formatdate: YYYY, MM, DD, hh (24 h), mm, ss, 'literal' and friends. */
function parseTimestamp(ts: string, at: number, fn: string): Date {
  const d = new Date(ts);
  if (Number.isNaN(d.getTime()))
    throw new ExprError(
      `${fn}(): "${ts}" is not an RFC 3339 timestamp`,
      at,
      'use timestamp() or a value like 2024-01-31T12:00:00Z',
    );
  return d;
}

export function formatDate(spec: string, ts: string, at: number): string {
  const d = parseTimestamp(ts, at, 'formatdate');
  const tokens: [string, () => string][] = [
    ['YYYY', () => String(d.getUTCFullYear())],
    ['YY', () => pad(d.getUTCFullYear() % 100)],
    ['MMMM', () => MONTHS[d.getUTCMonth()]],
    ['MMM', () => MONTHS[d.getUTCMonth()].slice(0, 3)],
    ['MM', () => pad(d.getUTCMonth() + 1)],
    ['M', () => String(d.getUTCMonth() + 1)],
    ['DD', () => pad(d.getUTCDate())],
    ['D', () => String(d.getUTCDate())],
    ['EEEE', () => DAYS[d.getUTCDay()]],
    ['EEE', () => DAYS[d.getUTCDay()].slice(0, 3)],
    ['hh', () => pad(d.getUTCHours())],
    ['h', () => String(d.getUTCHours())],
    ['HH', () => pad(d.getUTCHours() % 12 || 12)],
    ['H', () => String(d.getUTCHours() % 12 || 12)],
    ['AA', () => (d.getUTCHours() < 12 ? 'AM' : 'PM')],
    ['aa', () => (d.getUTCHours() < 12 ? 'am' : 'pm')],
    ['mm', () => pad(d.getUTCMinutes())],
    ['m', () => String(d.getUTCMinutes())],
    ['ss', () => pad(d.getUTCSeconds())],
    ['s', () => String(d.getUTCSeconds())],
    ['ZZZZZ', () => '+00:00'],
    ['ZZZZ', () => '+0000'],
    ['ZZZ', () => 'UTC'],
    ['Z', () => 'Z'],
  ];
  let out = '';
  let i = 0;
  while (i < spec.length) {
    if (spec[i] === "'") {
      const end = spec.indexOf("'", i + 1);
      if (end < 0) throw new ExprError('formatdate(): unterminated quoted literal', at);
      out += end === i + 1 ? "'" : spec.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    const tok = tokens.find(([t]) => spec.startsWith(t, i));
    if (tok) {
      out += tok[1]();
      i += tok[0].length;
    } else if (/[A-Za-z]/.test(spec[i])) {
      throw new ExprError(
        `formatdate(): unknown format letter "${spec[i]}"`,
        at,
        "put literal letters in single quotes, like 'T'",
      );
    } else {
      out += spec[i++];
    }
  }
  return out;
}

/** Go-style format(): %s %d %v %q %f %%. */
function format(fmt: string, args: Value[], at: number): string {
  let i = 0;
  return fmt.replace(/%(%|[-+ 0#]*\d*(?:\.\d+)?[sdvqftx])/g, (m, spec: string) => {
    if (spec === '%') return '%';
    if (i >= args.length) throw new ExprError(`format(): not enough arguments for "${m}"`, at);
    const v = args[i++];
    const verb = spec[spec.length - 1];
    const prec = /\.(\d+)/.exec(spec);
    switch (verb) {
      case 'd':
        return String(Math.trunc(numArg(v, at, 'format')));
      case 'f':
        return numArg(v, at, 'format').toFixed(prec ? Number(prec[1]) : 6);
      case 'q':
        return JSON.stringify(toText(v, at));
      case 'x':
        return Math.trunc(numArg(v, at, 'format')).toString(16);
      case 't':
        return String(v === true);
      default:
        return typeof v === 'object' && v !== null ? JSON.stringify(v) : toText(v, at);
    }
  });
}

function flatten(v: Value[]): Value[] {
  const out: Value[] = [];
  for (const x of v)
    if (Array.isArray(x)) out.push(...flatten(x));
    else out.push(x);
  return out;
}

const fns: Record<string, Fn> = {
  // Time and identity: fixed for the whole run so every reference agrees.
  timestamp: (a, at, _ev, ctx) => (
    arity('timestamp', a, 0, 0, at),
    ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z')
  ),
  formatdate: (a, at, ev) => (
    arity('formatdate', a, 2, 2, at),
    formatDate(str(ev(a[0]), at, 'formatdate'), str(ev(a[1]), at, 'formatdate'), at)
  ),
  timeadd: (a, at, ev) => {
    arity('timeadd', a, 2, 2, at);
    const d = parseTimestamp(str(ev(a[0]), at, 'timeadd'), at, 'timeadd');
    const dur = str(ev(a[1]), at, 'timeadd');
    const m = /^(-?)((?:\d+(?:\.\d+)?(?:ms|s|m|h))+)$/.exec(dur);
    const ms = m ? parseDuration(m[2]) : undefined;
    if (ms === undefined)
      throw new ExprError(
        `timeadd(): "${dur}" is not a duration`,
        at,
        'use a duration such as "2160h" (90 days), "30m" or "-1h"',
      );
    return new Date(d.getTime() + (m![1] ? -ms : ms)).toISOString().replace(/\.000Z$/, 'Z');
  },
  clean_resource_name: (a, at, ev) => {
    arity('clean_resource_name', a, 1, 1, at);
    // Only the characters AMI, image and disk names accept, at most 128 of them.
    return str(ev(a[0]), at, 'clean_resource_name')
      .replace(/[^A-Za-z0-9()[\]./\-'@_ ]/g, '-')
      .slice(0, 128);
  },
  // Fresh on every call, as in Packer (timestamp() is the one fixed for the run).
  uuidv4: (a, at, _ev, ctx) => {
    arity('uuidv4', a, 0, 0, at);
    return ctx.fixedUuid ?? randomUUID();
  },
  env: (a, at, ev, ctx) => {
    arity('env', a, 1, 1, at);
    return ctx.env[str(ev(a[0]), at, 'env')] ?? '';
  },
  // Files, relative to the spec.
  file: (a, at, ev, ctx) => (
    arity('file', a, 1, 1, at),
    readSpecFile(str(ev(a[0]), at, 'file'), at, ctx, 'file')
  ),
  fileexists: (a, at, ev, ctx) => {
    arity('fileexists', a, 1, 1, at);
    try {
      readSpecFile(str(ev(a[0]), at, 'fileexists'), at, ctx, 'fileexists');
      return true;
    } catch {
      return false;
    }
  },
  templatefile: (a, at, ev, ctx, scope) => {
    arity('templatefile', a, 2, 2, at);
    const text = readSpecFile(str(ev(a[0]), at, 'templatefile'), at, ctx, 'templatefile');
    const vars = map(ev(a[1]), at, 'templatefile');
    const inner: Scope = {
      root: (name) => (Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : undefined),
      attr: () => undefined,
      call: scope.call,
    };
    try {
      return toText(evaluate(parseTemplate(text), inner), at);
    } catch (e) {
      if (e instanceof ExprError)
        throw new ExprError(`templatefile("${String(ev(a[0]))}"): ${e.message}`, at, e.hint);
      throw e;
    }
  },
  abspath: (a, at, ev, ctx) => (
    arity('abspath', a, 1, 1, at),
    resolve(ctx.baseDir, str(ev(a[0]), at, 'abspath'))
  ),
  basename: (a, at, ev) => (
    arity('basename', a, 1, 1, at),
    basename(str(ev(a[0]), at, 'basename'))
  ),
  dirname: (a, at, ev) => (arity('dirname', a, 1, 1, at), dirname(str(ev(a[0]), at, 'dirname'))),
  // Strings.
  lower: (a, at, ev) => (arity('lower', a, 1, 1, at), str(ev(a[0]), at, 'lower').toLowerCase()),
  upper: (a, at, ev) => (arity('upper', a, 1, 1, at), str(ev(a[0]), at, 'upper').toUpperCase()),
  title: (a, at, ev) => (
    arity('title', a, 1, 1, at),
    str(ev(a[0]), at, 'title').replace(/\b\w/g, (c) => c.toUpperCase())
  ),
  trimspace: (a, at, ev) => (
    arity('trimspace', a, 1, 1, at),
    str(ev(a[0]), at, 'trimspace').trim()
  ),
  trim: (a, at, ev) => {
    arity('trim', a, 1, 2, at);
    const s = str(ev(a[0]), at, 'trim');
    if (a.length === 1) return s.trim();
    const cut = new Set(str(ev(a[1]), at, 'trim'));
    let i = 0;
    let j = s.length;
    while (i < j && cut.has(s[i])) i++;
    while (j > i && cut.has(s[j - 1])) j--;
    return s.slice(i, j);
  },
  trimprefix: (a, at, ev) => {
    arity('trimprefix', a, 2, 2, at);
    const s = str(ev(a[0]), at, 'trimprefix');
    const p = str(ev(a[1]), at, 'trimprefix');
    return s.startsWith(p) ? s.slice(p.length) : s;
  },
  trimsuffix: (a, at, ev) => {
    arity('trimsuffix', a, 2, 2, at);
    const s = str(ev(a[0]), at, 'trimsuffix');
    const p = str(ev(a[1]), at, 'trimsuffix');
    return p && s.endsWith(p) ? s.slice(0, -p.length) : s;
  },
  startswith: (a, at, ev) => (
    arity('startswith', a, 2, 2, at),
    str(ev(a[0]), at, 'startswith').startsWith(str(ev(a[1]), at, 'startswith'))
  ),
  endswith: (a, at, ev) => (
    arity('endswith', a, 2, 2, at),
    str(ev(a[0]), at, 'endswith').endsWith(str(ev(a[1]), at, 'endswith'))
  ),
  replace: (a, at, ev) => {
    arity('replace', a, 3, 3, at);
    const s = str(ev(a[0]), at, 'replace');
    const sub = str(ev(a[1]), at, 'replace');
    const rep = str(ev(a[2]), at, 'replace');
    // HCL: a substring written as /.../ is a regular expression.
    if (sub.length > 1 && sub.startsWith('/') && sub.endsWith('/'))
      return s.replace(regex(sub.slice(1, -1), at, 'g'), rep);
    return s.split(sub).join(rep);
  },
  regex_replace: (a, at, ev) => (
    arity('regex_replace', a, 3, 3, at),
    str(ev(a[0]), at, 'regex_replace').replace(
      regex(str(ev(a[1]), at, 'regex_replace'), at, 'g'),
      str(ev(a[2]), at, 'regex_replace'),
    )
  ),
  regex: (a, at, ev) => {
    arity('regex', a, 2, 2, at);
    const m = regex(str(ev(a[0]), at, 'regex'), at).exec(str(ev(a[1]), at, 'regex'));
    if (!m) throw new ExprError('regex(): the pattern does not match', at);
    if (m.groups) return { ...m.groups } as Value;
    return m.length > 1 ? m.slice(1).map((x) => x ?? null) : m[0];
  },
  split: (a, at, ev) => (
    arity('split', a, 2, 2, at),
    str(ev(a[1]), at, 'split').split(str(ev(a[0]), at, 'split'))
  ),
  join: (a, at, ev) => {
    arity('join', a, 2, 2, at);
    const sep = str(ev(a[0]), at, 'join');
    return list(ev(a[1]), at, 'join')
      .map((x) => toText(x, at))
      .join(sep);
  },
  format: (a, at, ev) => (
    arity('format', a, 1, Infinity, at),
    format(str(ev(a[0]), at, 'format'), a.slice(1).map(ev), at)
  ),
  substr: (a, at, ev) => {
    arity('substr', a, 3, 3, at);
    const s = [...str(ev(a[0]), at, 'substr')];
    const off = numArg(ev(a[1]), at, 'substr');
    const len = numArg(ev(a[2]), at, 'substr');
    const start = off < 0 ? s.length + off : off;
    return s.slice(start, len < 0 ? undefined : start + len).join('');
  },
  strrev: (a, at, ev) => (
    arity('strrev', a, 1, 1, at),
    [...str(ev(a[0]), at, 'strrev')].reverse().join('')
  ),
  indent: (a, at, ev) => (
    arity('indent', a, 2, 2, at),
    str(ev(a[1]), at, 'indent').replace(/\n/g, '\n' + ' '.repeat(numArg(ev(a[0]), at, 'indent')))
  ),
  // Collections.
  length: (a, at, ev) => {
    arity('length', a, 1, 1, at);
    const v = ev(a[0]);
    if (typeof v === 'string') return [...v].length;
    if (Array.isArray(v)) return v.length;
    if (v && typeof v === 'object') return Object.keys(v).length;
    throw new ExprError(`length() expects a string, list or map, got ${typeName(v)}`, at);
  },
  concat: (a, at, ev) => a.flatMap((x) => list(ev(x), at, 'concat')),
  merge: (a, at, ev) => Object.assign({}, ...a.map((x) => map(ev(x), at, 'merge'))) as Value,
  lookup: (a, at, ev) => {
    arity('lookup', a, 2, 3, at);
    const m = map(ev(a[0]), at, 'lookup');
    const k = str(ev(a[1]), at, 'lookup');
    if (Object.prototype.hasOwnProperty.call(m, k)) return m[k];
    if (a.length === 3) return ev(a[2]);
    throw new ExprError(
      `lookup(): no key "${k}" and no default`,
      at,
      'pass a default as the third argument',
    );
  },
  contains: (a, at, ev) => (
    arity('contains', a, 2, 2, at),
    list(ev(a[0]), at, 'contains').some((x) => deepEqual(x, ev(a[1])))
  ),
  keys: (a, at, ev) => (arity('keys', a, 1, 1, at), Object.keys(map(ev(a[0]), at, 'keys')).sort()),
  values: (a, at, ev) => {
    arity('values', a, 1, 1, at);
    const m = map(ev(a[0]), at, 'values');
    return Object.keys(m)
      .sort()
      .map((k) => m[k]);
  },
  element: (a, at, ev) => {
    arity('element', a, 2, 2, at);
    const l = list(ev(a[0]), at, 'element');
    if (!l.length) throw new ExprError('element(): the list is empty', at);
    return l[((Math.trunc(numArg(ev(a[1]), at, 'element')) % l.length) + l.length) % l.length];
  },
  flatten: (a, at, ev) => (arity('flatten', a, 1, 1, at), flatten(list(ev(a[0]), at, 'flatten'))),
  distinct: (a, at, ev) => {
    arity('distinct', a, 1, 1, at);
    const out: Value[] = [];
    for (const x of list(ev(a[0]), at, 'distinct'))
      if (!out.some((y) => deepEqual(x, y))) out.push(x);
    return out;
  },
  coalesce: (a, at, ev) => {
    for (const x of a) {
      const v = ev(x);
      if (v !== null && v !== '') return v;
    }
    throw new ExprError('coalesce(): every argument is null or empty', at);
  },
  min: (a, at, ev) => Math.min(...a.map((x) => numArg(ev(x), at, 'min'))),
  max: (a, at, ev) => Math.max(...a.map((x) => numArg(ev(x), at, 'max'))),
  abs: (a, at, ev) => (arity('abs', a, 1, 1, at), Math.abs(numArg(ev(a[0]), at, 'abs'))),
  ceil: (a, at, ev) => (arity('ceil', a, 1, 1, at), Math.ceil(numArg(ev(a[0]), at, 'ceil'))),
  floor: (a, at, ev) => (arity('floor', a, 1, 1, at), Math.floor(numArg(ev(a[0]), at, 'floor'))),
  tostring: (a, at, ev) => (arity('tostring', a, 1, 1, at), toText(ev(a[0]), at)),
  tonumber: (a, at, ev) => (arity('tonumber', a, 1, 1, at), numArg(ev(a[0]), at, 'tonumber')),
  tobool: (a, at, ev) => {
    arity('tobool', a, 1, 1, at);
    const v = ev(a[0]);
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    throw new ExprError(`tobool(): cannot convert ${typeName(v)} to bool`, at);
  },
  // Errors as values.
  try: (a, at, ev) => {
    arity('try', a, 1, Infinity, at);
    let last: unknown;
    for (const x of a) {
      try {
        return ev(x);
      } catch (e) {
        if (!(e instanceof ExprError)) throw e;
        last = e;
      }
    }
    throw new ExprError(
      `try(): every argument failed; the last: ${(last as ExprError).message}`,
      at,
    );
  },
  can: (a, at, ev) => {
    arity('can', a, 1, 1, at);
    try {
      ev(a[0]);
      return true;
    } catch (e) {
      if (e instanceof ExprError) return false;
      throw e;
    }
  },
  // Encodings and hashes.
  jsonencode: (a, at, ev) => (arity('jsonencode', a, 1, 1, at), JSON.stringify(ev(a[0]))),
  jsondecode: (a, at, ev) => {
    arity('jsondecode', a, 1, 1, at);
    try {
      return fromJson(JSON.parse(str(ev(a[0]), at, 'jsondecode')));
    } catch (e) {
      if (e instanceof ExprError) throw e;
      throw new ExprError(`jsondecode(): ${(e as Error).message}`, at);
    }
  },
  yamlencode: (a, at, ev) => (arity('yamlencode', a, 1, 1, at), yamlStringify(ev(a[0]))),
  yamldecode: (a, at, ev) => {
    arity('yamldecode', a, 1, 1, at);
    try {
      return fromJson(yamlParse(str(ev(a[0]), at, 'yamldecode'), { maxAliasCount: 100 }));
    } catch (e) {
      if (e instanceof ExprError) throw e;
      throw new ExprError(`yamldecode(): ${(e as Error).message.split('\n')[0]}`, at);
    }
  },
  base64encode: (a, at, ev) => (
    arity('base64encode', a, 1, 1, at),
    Buffer.from(str(ev(a[0]), at, 'base64encode')).toString('base64')
  ),
  base64decode: (a, at, ev) => {
    arity('base64decode', a, 1, 1, at);
    const s = str(ev(a[0]), at, 'base64decode');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0)
      throw new ExprError('base64decode(): not valid base64', at);
    return Buffer.from(s, 'base64').toString('utf8');
  },
  sha256: (a, at, ev) => (
    arity('sha256', a, 1, 1, at),
    createHash('sha256')
      .update(str(ev(a[0]), at, 'sha256'))
      .digest('hex')
  ),
  sha1: (a, at, ev) => (
    arity('sha1', a, 1, 1, at),
    createHash('sha1')
      .update(str(ev(a[0]), at, 'sha1'))
      .digest('hex')
  ),
  md5: (a, at, ev) => (
    arity('md5', a, 1, 1, at),
    createHash('md5')
      .update(str(ev(a[0]), at, 'md5'))
      .digest('hex')
  ),
};

export const FUNCTION_NAMES = Object.keys(fns).sort();

export function callFunction(
  name: string,
  args: Expr[],
  at: number,
  ev: (e: Expr) => Marked,
  ctx: FunctionContext,
  scope: Scope,
): Marked {
  const fn = Object.prototype.hasOwnProperty.call(fns, name) ? fns[name] : undefined;
  if (!fn) {
    const near = didYouMean(name, FUNCTION_NAMES);
    throw new ExprError(
      `unknown function ${name}()`,
      at,
      near ? `did you mean ${near}()?` : `known functions: ${FUNCTION_NAMES.join(', ')}`,
    );
  }
  // Functions see plain values; what they compute from a sensitive argument is sensitive,
  // and so is what their errors would say about it.
  let hidden = false;
  const plain = (x: Expr): Value => {
    const r = unmark(ev(x));
    hidden ||= r.sensitive;
    return r.value;
  };
  let v: Value;
  try {
    v = fn(args, at, plain, ctx, scope);
  } catch (e) {
    if (hidden && e instanceof ExprError)
      throw new ExprError(
        `${name}() failed on a sensitive value (the details are not shown)`,
        at,
        e.hint,
      );
    throw e;
  }
  if (typeof v === 'string' && v.length > MAX_STRING)
    throw new ExprError(`${name}() produced more than ${MAX_STRING} characters`, at);
  return hidden ? sensitive(v) : v;
}

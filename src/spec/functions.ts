import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { minimatch } from 'minimatch';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { parse as yamlParse, stringify as yamlStringify } from 'yaml';
import { didYouMean } from './errors';
import { convertToType } from './types';
import { DirectiveError, withoutDirectives } from '../packer/hcl-template';
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
  Sensitive,
  reveal,
  sensitive,
  unmark,
  asSet,
} from './expr';
import { nodeCrypto, randomUuid } from '../util/random';
import { amiOwnerPinned, answerOf, fieldsOf, PendingData, ServiceError } from './data';

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
  /** Ask no service: http_request() is left unanswered, as data not fetched yet is. */
  offline?: boolean;
}

type Fn = (
  args: Expr[],
  at: number,
  ev: (e: Expr) => Value,
  ctx: FunctionContext,
  scope: Scope,
) => Value;

const MAX_STRING = 16 * 1024 * 1024;

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'];
const HTTP_KEYS = ['url', 'method', 'request_headers', 'request_body', 'timeout'];

/**
 * `http_request({url, method, request_headers, request_body})`, as Packer's `data "http"`:
 * the answer (fetched by resolvePlanWithData, see data.ts) must be 2xx with a text or JSON
 * body. Gives url, status_code, body and response_headers (also as request_headers, the name
 * Packer gives them).
 */
function httpRequest(cfg: { [k: string]: Value }, at: number): Value {
  for (const k of Object.keys(cfg))
    if (!HTTP_KEYS.includes(k))
      throw new ExprError(`http_request() takes no "${k}"`, at, `it takes ${HTTP_KEYS.join(', ')}`);
  if (typeof cfg.url !== 'string' || !/^https?:\/\//.test(cfg.url))
    throw new ExprError('http_request() needs url, an http:// or https:// address', at);
  const url = cfg.url;
  const method =
    cfg.method === undefined ? 'GET' : str(cfg.method, at, 'http_request').toUpperCase();
  if (!HTTP_METHODS.includes(method))
    throw new ExprError(
      `http_request(): method ${method} is not one of ${HTTP_METHODS.join(', ')}`,
      at,
    );
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(
    cfg.request_headers === undefined ? {} : map(cfg.request_headers, at, 'http_request'),
  ))
    headers[k] = str(v, at, 'http_request');
  const body =
    cfg.request_body === undefined ? undefined : str(cfg.request_body, at, 'http_request');
  const timeoutMs =
    cfg.timeout === undefined ? 30_000 : numArg(cfg.timeout, at, 'http_request') * 1000;
  const where = `${method} ${url.replace(/\?.*$/, '')}`;
  const a = answerOf({ kind: 'http', url, method, headers, body, timeoutMs }, at);
  if (!a.ok)
    throw new ServiceError(
      `http_request(): ${where} failed: ${a.message}`,
      at,
      'check the address, and that this machine can reach it',
    );
  const r = a.fields as {
    status: number;
    statusText: string;
    headers: Record<string, string>;
    body: string;
  };
  if (r.status < 200 || r.status > 299)
    throw new ServiceError(
      `http_request(): ${where} answered ${r.status} ${r.statusText}`.trimEnd(),
      at,
      'the data source needs a 2xx answer',
    );
  const type = (r.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (
    method !== 'HEAD' &&
    !(type.startsWith('text/') || type === 'application/json' || type.endsWith('+json'))
  )
    throw new ServiceError(
      `http_request(): ${where} answered with ${type || 'no content type'}`,
      at,
      'the body must be text/* or application/json, as in Packer',
    );
  return {
    url,
    status_code: r.status,
    body: r.body,
    response_headers: r.headers,
    request_headers: r.headers,
  };
}

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

/** RFC 3339 as Packer (Go) takes it: a date, T, a time, Z or an offset; each part in range. */
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** A zone offset in minutes east of UTC as RFC 3339 writes it: +05:30 (+0530 without colon). */
function zoneText(off: number, colon: boolean): string {
  const abs = Math.abs(off);
  return `${off < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/** The instant, and the zone it was written in (minutes east of UTC). */
function parseTimestamp(ts: string, at: number, fn: string): { date: Date; offset: number } {
  const m = RFC3339.exec(ts);
  const [y, mo, day, h, mi, sec] = (m ?? []).slice(1, 7).map(Number);
  const inRange =
    m !== null &&
    mo >= 1 &&
    mo <= 12 &&
    day >= 1 &&
    day <= new Date(Date.UTC(y, mo, 0)).getUTCDate() &&
    h <= 23 &&
    mi <= 59 &&
    sec <= 59 &&
    (m[8] === 'Z' || (Number(m[10]) <= 23 && Number(m[11]) <= 59));
  const d = inRange ? new Date(ts) : new Date(NaN);
  if (Number.isNaN(d.getTime()))
    throw new ExprError(
      `${fn}(): "${ts}" is not an RFC 3339 timestamp`,
      at,
      'use timestamp() or a value like 2024-01-31T12:00:00Z',
    );
  const offset =
    m![8] === 'Z' ? 0 : (m![9] === '-' ? -1 : 1) * (Number(m![10]) * 60 + Number(m![11]));
  return { date: d, offset };
}

/** Packer's (HCL's) formatdate: YYYY, MM, DD, hh (24 h), mm, ss, 'literal' and friends. */
export function formatDate(spec: string, ts: string, at: number): string {
  // In the zone the timestamp is written in, as HCL formats it.
  const { date, offset: off } = parseTimestamp(ts, at, 'formatdate');
  const d = new Date(date.getTime() + off * 60_000);
  const zone = (colon: boolean) => zoneText(off, colon);
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
    ['ZZZZZ', () => zone(true)],
    ['ZZZZ', () => zone(false)],
    ['ZZZ', () => (off === 0 ? 'UTC' : zone(false))],
    ['Z', () => (off === 0 ? 'Z' : zone(true))],
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
    const { date, offset } = parseTimestamp(str(ev(a[0]), at, 'timeadd'), at, 'timeadd');
    const dur = str(ev(a[1]), at, 'timeadd');
    const m = /^(-?)((?:\d+(?:\.\d+)?(?:ms|s|m|h))+)$/.exec(dur);
    const ms = m ? parseDuration(m[2]) : undefined;
    if (ms === undefined)
      throw new ExprError(
        `timeadd(): "${dur}" is not a duration`,
        at,
        'use a duration such as "2160h" (90 days), "30m" or "-1h"',
      );
    // As Go formats RFC 3339: whole seconds, in the zone the timestamp was written in.
    const local = new Date(date.getTime() + (m![1] ? -ms : ms) + offset * 60_000);
    return local.toISOString().slice(0, 19) + (offset === 0 ? 'Z' : zoneText(offset, true));
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
    return ctx.fixedUuid ?? randomUuid();
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
      // HCL's %{if}/%{for} directives and ~ strip markers, as the file may use them.
      return toText(evaluate(parseTemplate(withoutDirectives(text)), inner), at);
    } catch (e) {
      if (e instanceof ExprError || e instanceof DirectiveError)
        throw new ExprError(
          `templatefile("${String(ev(a[0]))}"): ${e.message}`,
          at,
          e instanceof ExprError ? e.hint : undefined,
        );
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
    nodeCrypto()
      .createHash('sha256')
      .update(str(ev(a[0]), at, 'sha256'))
      .digest('hex')
  ),
  sha1: (a, at, ev) => (
    arity('sha1', a, 1, 1, at),
    nodeCrypto()
      .createHash('sha1')
      .update(str(ev(a[0]), at, 'sha1'))
      .digest('hex')
  ),
  md5: (a, at, ev) => (
    arity('md5', a, 1, 1, at),
    nodeCrypto()
      .createHash('md5')
      .update(str(ev(a[0]), at, 'md5'))
      .digest('hex')
  ),
};

/** Go's reference-time layout (Packer's legacy isotime), in UTC. */
export function goLayout(layout: string, d: Date): string {
  const tokens: [string, () => string][] = [
    ['January', () => MONTHS[d.getUTCMonth()]],
    ['Jan', () => MONTHS[d.getUTCMonth()].slice(0, 3)],
    ['Monday', () => DAYS[d.getUTCDay()]],
    ['Mon', () => DAYS[d.getUTCDay()].slice(0, 3)],
    ['MST', () => 'UTC'],
    ['2006', () => String(d.getUTCFullYear())],
    ['Z07:00', () => 'Z'],
    ['-07:00', () => '+00:00'],
    ['-0700', () => '+0000'],
    ['Z0700', () => 'Z'],
    ['.000000000', () => '.' + pad(d.getUTCMilliseconds(), 3) + '000000'],
    ['.000000', () => '.' + pad(d.getUTCMilliseconds(), 3) + '000'],
    ['.000', () => '.' + pad(d.getUTCMilliseconds(), 3)],
    ['002', () => pad(dayOfYear(d), 3)],
    ['06', () => pad(d.getUTCFullYear() % 100)],
    ['01', () => pad(d.getUTCMonth() + 1)],
    ['02', () => pad(d.getUTCDate())],
    ['_2', () => String(d.getUTCDate()).padStart(2, ' ')],
    ['15', () => pad(d.getUTCHours())],
    ['03', () => pad(d.getUTCHours() % 12 || 12)],
    ['04', () => pad(d.getUTCMinutes())],
    ['05', () => pad(d.getUTCSeconds())],
    ['PM', () => (d.getUTCHours() < 12 ? 'AM' : 'PM')],
    ['pm', () => (d.getUTCHours() < 12 ? 'am' : 'pm')],
    ['1', () => String(d.getUTCMonth() + 1)],
    ['2', () => String(d.getUTCDate())],
    ['3', () => String(d.getUTCHours() % 12 || 12)],
    ['4', () => String(d.getUTCMinutes())],
    ['5', () => String(d.getUTCSeconds())],
  ];
  let out = '';
  for (let i = 0; i < layout.length;) {
    const tok = tokens.find(([t]) => layout.startsWith(t, i));
    if (tok) {
      out += tok[1]();
      i += tok[0].length;
    } else out += layout[i++];
  }
  return out;
}

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

/** C's strftime (Packer's legacy_strftime), in UTC. */
function strftime(fmt: string, d: Date, at: number): string {
  const f: Record<string, () => string> = {
    Y: () => String(d.getUTCFullYear()),
    y: () => pad(d.getUTCFullYear() % 100),
    m: () => pad(d.getUTCMonth() + 1),
    d: () => pad(d.getUTCDate()),
    e: () => String(d.getUTCDate()).padStart(2, ' '),
    H: () => pad(d.getUTCHours()),
    I: () => pad(d.getUTCHours() % 12 || 12),
    M: () => pad(d.getUTCMinutes()),
    S: () => pad(d.getUTCSeconds()),
    p: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
    b: () => MONTHS[d.getUTCMonth()].slice(0, 3),
    B: () => MONTHS[d.getUTCMonth()],
    a: () => DAYS[d.getUTCDay()].slice(0, 3),
    A: () => DAYS[d.getUTCDay()],
    j: () => pad(dayOfYear(d), 3),
    Z: () => 'UTC',
    z: () => '+0000',
    s: () => String(Math.floor(d.getTime() / 1000)),
    '%': () => '%',
  };
  return fmt.replace(/%(.)/g, (_m, c: string) => {
    if (!f[c]) throw new ExprError(`legacy_strftime(): unknown directive %${c}`, at);
    return f[c]();
  });
}

/** A set as HCL orders it: strings lexically, numbers by value, anything else as it came. */
function sortedSet(v: Value[]): Value[] {
  const out: Value[] = [];
  for (const x of v) if (!out.some((y) => deepEqual(x, y))) out.push(x);
  if (out.every((x) => typeof x === 'string')) out.sort();
  else if (out.every((x) => typeof x === 'number')) out.sort((a, b) => Number(a) - Number(b));
  return asSet(out);
}

function ipv4(text: string, at: number, fn: string): { addr: number; bits: number } {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)(?:\/(\d+))?$/.exec(text);
  const parts = m ? m.slice(1, 5).map(Number) : [];
  if (!m || parts.some((p) => p > 255) || (m[5] !== undefined && Number(m[5]) > 32))
    throw new ExprError(`${fn}(): "${text}" is not an IPv4 address or CIDR block`, at);
  const addr = ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
  return { addr, bits: m[5] === undefined ? 32 : Number(m[5]) };
}

const ipText = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
const maskOf = (bits: number) => (bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0);

function cidrHost(prefix: string, num: number, at: number): string {
  const { addr, bits } = ipv4(prefix, at, 'cidrhost');
  const size = 2 ** (32 - bits);
  if (num >= size || num < -size)
    throw new ExprError(`cidrhost(): ${num} does not fit in ${prefix}`, at);
  const base = (addr & maskOf(bits)) >>> 0;
  return ipText((base + (num < 0 ? size + num : num)) >>> 0);
}

function cidrSubnet(
  prefix: string,
  newbits: number,
  num: number,
  at: number,
  fn = 'cidrsubnet',
): string {
  const { addr, bits } = ipv4(prefix, at, fn);
  const nb = bits + newbits;
  if (nb > 32) throw new ExprError(`${fn}(): ${prefix} has no room for ${newbits} more bits`, at);
  if (num < 0 || num >= 2 ** newbits)
    throw new ExprError(`${fn}(): ${num} does not fit in ${newbits} bits`, at);
  const base = (addr & maskOf(bits)) >>> 0;
  return `${ipText((base + num * 2 ** (32 - nb)) >>> 0)}/${nb}`;
}

/** The functions of Packer's list that the base set lacks. */
const packerFns: Record<string, Fn> = {
  legacy_isotime: (a, at, ev, ctx) => (
    arity('legacy_isotime', a, 0, 1, at),
    a.length
      ? goLayout(str(ev(a[0]), at, 'legacy_isotime'), ctx.now)
      : ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z')
  ),
  legacy_strftime: (a, at, ev, ctx) => (
    arity('legacy_strftime', a, 1, 1, at),
    strftime(str(ev(a[0]), at, 'legacy_strftime'), ctx.now, at)
  ),
  chomp: (a, at, ev) => (
    arity('chomp', a, 1, 1, at),
    str(ev(a[0]), at, 'chomp').replace(/(\r?\n)+$/, '')
  ),
  strcontains: (a, at, ev) => (
    arity('strcontains', a, 2, 2, at),
    str(ev(a[0]), at, 'strcontains').includes(str(ev(a[1]), at, 'strcontains'))
  ),
  regexall: (a, at, ev) => {
    arity('regexall', a, 2, 2, at);
    const re = regex(str(ev(a[0]), at, 'regexall'), at, 'g');
    return [...str(ev(a[1]), at, 'regexall').matchAll(re)].map((m) =>
      m.length > 1 ? (m.groups ? { ...m.groups } : m.slice(1)) : m[0],
    ) as Value;
  },
  formatlist: (a, at, ev) => {
    if (a.length < 1) arity('formatlist', a, 1, Infinity, at);
    const fmt = str(ev(a[0]), at, 'formatlist');
    const args = a.slice(1).map((x) => ev(x));
    const n = Math.max(0, ...args.map((x) => (Array.isArray(x) ? x.length : 0)));
    const lens = args.filter(Array.isArray).map((x) => x.length);
    if (lens.some((l) => l !== n))
      throw new ExprError('formatlist(): the lists differ in length', at);
    return Array.from({ length: n }, (_, i) =>
      format(
        fmt,
        args.map((x) => (Array.isArray(x) ? x[i] : x)),
        at,
      ),
    );
  },
  parseint: (a, at, ev) => {
    arity('parseint', a, 2, 2, at);
    const t = str(ev(a[0]), at, 'parseint');
    const base = numArg(ev(a[1]), at, 'parseint');
    const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, base);
    if (base < 2 || base > 36 || !new RegExp(`^-?[${digits}]+$`, 'i').test(t))
      throw new ExprError(`parseint(): "${t}" is not a number in base ${base}`, at);
    return parseInt(t, base);
  },
  pow: (a, at, ev) => (
    arity('pow', a, 2, 2, at),
    numArg(ev(a[0]), at, 'pow') ** numArg(ev(a[1]), at, 'pow')
  ),
  log: (a, at, ev) => (
    arity('log', a, 2, 2, at),
    Math.log(numArg(ev(a[0]), at, 'log')) / Math.log(numArg(ev(a[1]), at, 'log'))
  ),
  signum: (a, at, ev) => (arity('signum', a, 1, 1, at), Math.sign(numArg(ev(a[0]), at, 'signum'))),
  sum: (a, at, ev) => (
    arity('sum', a, 1, 1, at),
    list(ev(a[0]), at, 'sum').reduce<number>((t, x) => t + numArg(x, at, 'sum'), 0)
  ),
  compact: (a, at, ev) => (
    arity('compact', a, 1, 1, at),
    list(ev(a[0]), at, 'compact').filter((x) => x !== null && x !== '')
  ),
  coalescelist: (a, at, ev) => {
    for (const x of a) {
      const v = list(ev(x), at, 'coalescelist');
      if (v.length) return v;
    }
    throw new ExprError('coalescelist(): every list is empty', at);
  },
  chunklist: (a, at, ev) => {
    arity('chunklist', a, 2, 2, at);
    const v = list(ev(a[0]), at, 'chunklist');
    const n = numArg(ev(a[1]), at, 'chunklist');
    if (n <= 0) return [v];
    const out: Value[] = [];
    for (let i = 0; i < v.length; i += n) out.push(v.slice(i, i + n));
    return out;
  },
  index: (a, at, ev) => {
    arity('index', a, 2, 2, at);
    const v = list(ev(a[0]), at, 'index');
    const x = ev(a[1]);
    const i = v.findIndex((y) => deepEqual(x, y));
    if (i < 0) throw new ExprError('index(): the value is not in the list', at);
    return i;
  },
  range: (a, at, ev) => {
    arity('range', a, 1, 3, at);
    const n = a.map((x) => numArg(ev(x), at, 'range'));
    const [start, end, step] =
      n.length === 1 ? [0, n[0], 1] : [n[0], n[1], n[2] ?? (n[1] >= n[0] ? 1 : -1)];
    if (step === 0) throw new ExprError('range(): the step must not be 0', at);
    const out: number[] = [];
    for (let i = start; step > 0 ? i < end : i > end; i += step) {
      out.push(i);
      if (out.length > 1024) throw new ExprError('range(): more than 1024 numbers', at);
    }
    return out;
  },
  reverse: (a, at, ev) => (
    arity('reverse', a, 1, 1, at),
    [...list(ev(a[0]), at, 'reverse')].reverse()
  ),
  slice: (a, at, ev) => {
    arity('slice', a, 3, 3, at);
    const v = list(ev(a[0]), at, 'slice');
    const s = numArg(ev(a[1]), at, 'slice');
    const e = numArg(ev(a[2]), at, 'slice');
    if (s < 0 || e > v.length || s > e)
      throw new ExprError(`slice(): ${s}..${e} is outside a list of ${v.length}`, at);
    return v.slice(s, e);
  },
  sort: (a, at, ev) => (
    arity('sort', a, 1, 1, at),
    list(ev(a[0]), at, 'sort')
      .map((x) => str(x, at, 'sort'))
      .sort()
  ),
  transpose: (a, at, ev) => {
    arity('transpose', a, 1, 1, at);
    const out: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(map(ev(a[0]), at, 'transpose')))
      for (const x of list(v, at, 'transpose')) (out[str(x, at, 'transpose')] ??= []).push(k);
    for (const k of Object.keys(out)) out[k].sort();
    return out;
  },
  zipmap: (a, at, ev) => {
    arity('zipmap', a, 2, 2, at);
    const ks = list(ev(a[0]), at, 'zipmap');
    const vs = list(ev(a[1]), at, 'zipmap');
    if (ks.length !== vs.length) throw new ExprError('zipmap(): the lists differ in length', at);
    return Object.fromEntries(ks.map((k, i) => [str(k, at, 'zipmap'), vs[i]]));
  },
  // convert(value, list(string)): the second argument is a type, written as in a variable.
  convert: (a, at, ev) => {
    arity('convert', a, 2, 2, at);
    const type = typeOf(a[1]);
    if (!type)
      throw new ExprError(
        'convert() takes a type as its second argument',
        a[1].at,
        'e.g. convert(var.x, list(string)); types: string, number, bool, any, list(T), set(T), map(T), object({name = T, …}), tuple([T, …])',
      );
    const r = convertTo(ev(a[0]), type);
    if (typeof r === 'string') throw new ExprError(`convert(): ${r}`, at);
    return r.value;
  },
  tolist: (a, at, ev) => (arity('tolist', a, 1, 1, at), list(ev(a[0]), at, 'tolist')),
  toset: (a, at, ev) => (arity('toset', a, 1, 1, at), sortedSet(list(ev(a[0]), at, 'toset'))),
  tomap: (a, at, ev) => (arity('tomap', a, 1, 1, at), map(ev(a[0]), at, 'tomap')),
  setunion: (a, at, ev) => sortedSet(a.flatMap((x) => list(ev(x), at, 'setunion'))),
  setintersection: (a, at, ev) => {
    if (!a.length) arity('setintersection', a, 1, Infinity, at);
    const [first, ...rest] = a.map((x) => list(ev(x), at, 'setintersection'));
    return sortedSet(first.filter((x) => rest.every((r) => r.some((y) => deepEqual(x, y)))));
  },
  setproduct: (a, at, ev) => {
    const lists = a.map((x) => list(ev(x), at, 'setproduct'));
    let out: Value[][] = [[]];
    for (const l of lists) out = out.flatMap((p) => l.map((x) => [...p, x]));
    if (out.length > 10_000) throw new ExprError('setproduct(): more than 10000 combinations', at);
    return lists.length ? out : [];
  },
  urlencode: (a, at, ev) => (
    arity('urlencode', a, 1, 1, at),
    encodeURIComponent(str(ev(a[0]), at, 'urlencode')).replace(/%20/g, '+')
  ),
  textencodebase64: (a, at, ev) => {
    arity('textencodebase64', a, 2, 2, at);
    const enc = str(ev(a[1]), at, 'textencodebase64').toLowerCase();
    const bufEnc = enc === 'utf-16le' ? 'utf16le' : enc === 'utf-8' ? 'utf8' : undefined;
    if (!bufEnc)
      throw new ExprError(
        `textencodebase64(): encoding "${enc}" is not supported (UTF-8, UTF-16LE)`,
        at,
      );
    return Buffer.from(str(ev(a[0]), at, 'textencodebase64'), bufEnc).toString('base64');
  },
  textdecodebase64: (a, at, ev) => {
    arity('textdecodebase64', a, 2, 2, at);
    const enc = str(ev(a[1]), at, 'textdecodebase64').toLowerCase();
    const bufEnc = enc === 'utf-16le' ? 'utf16le' : enc === 'utf-8' ? 'utf8' : undefined;
    if (!bufEnc)
      throw new ExprError(
        `textdecodebase64(): encoding "${enc}" is not supported (UTF-8, UTF-16LE)`,
        at,
      );
    return Buffer.from(str(ev(a[0]), at, 'textdecodebase64'), 'base64').toString(bufEnc);
  },
  base64gzip: (a, at, ev) => (
    arity('base64gzip', a, 1, 1, at),
    gzipSync(Buffer.from(str(ev(a[0]), at, 'base64gzip'))).toString('base64')
  ),
  csvdecode: (a, at, ev) => {
    arity('csvdecode', a, 1, 1, at);
    const rows = parseCsv(str(ev(a[0]), at, 'csvdecode'));
    const [head, ...rest] = rows;
    if (!head) return [];
    return rest.map((r) => {
      if (r.length !== head.length)
        throw new ExprError('csvdecode(): a row has a different number of fields', at);
      return Object.fromEntries(head.map((h, i) => [h, r[i]]));
    });
  },
  sha512: (a, at, ev) => (
    arity('sha512', a, 1, 1, at),
    nodeCrypto()
      .createHash('sha512')
      .update(str(ev(a[0]), at, 'sha512'))
      .digest('hex')
  ),
  uuidv5: (a, at, ev) => {
    arity('uuidv5', a, 2, 2, at);
    const ns = str(ev(a[0]), at, 'uuidv5');
    const known: Record<string, string> = {
      dns: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
      url: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
      oid: '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
      x500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
    };
    const id = (known[ns] ?? ns).replace(/-/g, '');
    if (!/^[0-9a-f]{32}$/i.test(id))
      throw new ExprError(`uuidv5(): "${ns}" is not a namespace`, at);
    const h = nodeCrypto()
      .createHash('sha1')
      .update(Buffer.from(id, 'hex'))
      .update(str(ev(a[1]), at, 'uuidv5'))
      .digest();
    h[6] = (h[6] & 0x0f) | 0x50;
    h[8] = (h[8] & 0x3f) | 0x80;
    const x = h.subarray(0, 16).toString('hex');
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
  },
  pathexpand: (a, at, ev, ctx) => {
    arity('pathexpand', a, 1, 1, at);
    const p = str(ev(a[0]), at, 'pathexpand');
    return p === '~' || p.startsWith('~/') ? (ctx.env.HOME ?? '') + p.slice(1) : p;
  },
  fileset: (a, at, ev, ctx) => {
    arity('fileset', a, 2, 2, at);
    const base = resolve(ctx.baseDir, str(ev(a[0]), at, 'fileset'));
    const pattern = str(ev(a[1]), at, 'fileset');
    const out: string[] = [];
    const walk = (dir: string, rel: string) => {
      let entries: import('node:fs').Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(`${dir}/${e.name}`, r);
        else if (e.isFile() && minimatch(r, pattern, { dot: true })) out.push(r);
        if (out.length > 10_000) throw new ExprError('fileset(): more than 10000 files', at);
      }
    };
    walk(base, '');
    return out.sort();
  },
  cidrhost: (a, at, ev) => (
    arity('cidrhost', a, 2, 2, at),
    cidrHost(str(ev(a[0]), at, 'cidrhost'), numArg(ev(a[1]), at, 'cidrhost'), at)
  ),
  cidrnetmask: (a, at, ev) => {
    arity('cidrnetmask', a, 1, 1, at);
    return ipText(maskOf(ipv4(str(ev(a[0]), at, 'cidrnetmask'), at, 'cidrnetmask').bits));
  },
  cidrsubnet: (a, at, ev) => (
    arity('cidrsubnet', a, 3, 3, at),
    cidrSubnet(
      str(ev(a[0]), at, 'cidrsubnet'),
      numArg(ev(a[1]), at, 'cidrsubnet'),
      numArg(ev(a[2]), at, 'cidrsubnet'),
      at,
    )
  ),
  cidrsubnets: (a, at, ev) => {
    if (a.length < 1) arity('cidrsubnets', a, 1, Infinity, at);
    const prefix = str(ev(a[0]), at, 'cidrsubnets');
    const { addr, bits } = ipv4(prefix, at, 'cidrsubnets');
    let next = (addr & maskOf(bits)) >>> 0;
    return a.slice(1).map((x) => {
      const nb = bits + numArg(ev(x), at, 'cidrsubnets');
      if (nb > 32) throw new ExprError(`cidrsubnets(): ${prefix} has no room for that`, at);
      const size = 2 ** (32 - nb);
      next = Math.ceil(next / size) * size;
      const out = `${ipText(next >>> 0)}/${nb}`;
      next += size;
      if (next > ((addr & maskOf(bits)) >>> 0) + 2 ** (32 - bits))
        throw new ExprError(`cidrsubnets(): the subnets do not fit in ${prefix}`, at);
      return out;
    });
  },
  // Packer reads these from outside services at evaluation; bake takes secrets as inputs.
  ...Object.fromEntries(
    ['vault', 'consul_key', 'bcrypt', 'rsadecrypt'].map((n) => [
      n,
      ((_a, at) => {
        throw new ExprError(
          `${n}() is not supported by bake`,
          at,
          n === 'bcrypt' || n === 'rsadecrypt'
            ? 'compute the value before the build and pass it in as a sensitive variable'
            : 'read the secret in the workflow (e.g. a GitHub secret) and pass it in as a sensitive variable',
        );
      }) as Fn,
    ]),
  ),
};

/** The settings of the AWS data functions, which Packer's data blocks of the same use take too. */
export const AWS_DATA_KEYS = {
  aws_ami: ['filters', 'owners', 'most_recent', 'include_deprecated', 'region'],
  aws_parameter: ['name', 'with_decryption', 'region'],
  aws_secret: ['name', 'key', 'version_id', 'version_stage', 'region'],
};

/** What Packer's AWS blocks take for credentials, and where bake takes them from instead. */
export const AWS_CREDENTIAL_KEYS = ['access_key', 'secret_key', 'token', 'profile', 'assume_role'];
export const AWS_CREDENTIALS_HINT =
  'bake takes AWS credentials from the environment (the AWS_* variables, a profile, or configure-aws-credentials), as for the amazon-ebs builder';

/** The region a data function asks in: its own region setting, else the environment's. */
function awsRegion(cfg: { [k: string]: Value }, at: number, fn: string, ctx: FunctionContext) {
  const r = cfg.region ?? ctx.env.AWS_REGION ?? ctx.env.AWS_DEFAULT_REGION;
  if (typeof r !== 'string' || !r)
    throw new ExprError(
      `${fn}() has no AWS region`,
      at,
      'set region = "…" in it, or AWS_REGION (aws-actions/configure-aws-credentials sets it)',
    );
  return r;
}

function onlyKeys(cfg: { [k: string]: Value }, keys: string[], at: number, fn: string): void {
  for (const k of Object.keys(cfg))
    if (!keys.includes(k))
      throw new ExprError(
        `${fn}() takes no "${k}"`,
        at,
        AWS_CREDENTIAL_KEYS.includes(k) ? AWS_CREDENTIALS_HINT : `it takes ${keys.join(', ')}`,
      );
}

/**
 * Packer's AWS data sources as functions: aws_parameter({name, with_decryption, region}) gives
 * value, version and arn (a decrypted SecureString's value is sensitive); aws_secret({name,
 * key, version_id, version_stage, region}) gives value (the key's, when key is set),
 * secret_string, secret_binary (base64) and version_id, every secret part sensitive; and
 * aws_secretsmanager(name, key), Packer's function, gives the value alone. Answers come from
 * resolvePlanWithData (see data.ts).
 */
function awsData(
  name: 'aws_ami' | 'aws_parameter' | 'aws_secret' | 'aws_secretsmanager',
  args: Expr[],
  at: number,
  ev: (e: Expr) => Value,
  ctx: FunctionContext,
): Marked {
  if (name === 'aws_ami') {
    arity(name, args, 1, 1, at);
    const cfg = map(ev(args[0]), at, name);
    onlyKeys(cfg, AWS_DATA_KEYS.aws_ami, at, name);
    const filters = map(cfg.filters ?? {}, at, name);
    const owners =
      cfg.owners === undefined ? [] : list(cfg.owners, at, name).map((o) => str(o, at, name));
    if (!amiOwnerPinned(owners, filters))
      throw new ExprError(
        'aws_ami() needs owners: without them an AMI any account publishes under a matching name can be the answer',
        at,
        'e.g. aws_ami({filters = {name = "debian-12-amd64-*"}, owners = ["136693071363"], most_recent = true}); self for your own, or an owner-id filter',
      );
    const bool = (v: Value | undefined) => v === true || v === 'true';
    return fieldsOf(
      answerOf(
        {
          kind: 'aws-ami',
          region: awsRegion(cfg, at, name, ctx),
          filters: Object.keys(filters)
            .sort()
            .map((k) => {
              const v = filters[k];
              return [k, (Array.isArray(v) ? v : [v]).map((x) => str(x, at, name))];
            }),
          owners,
          mostRecent: bool(cfg.most_recent),
          includeDeprecated: bool(cfg.include_deprecated),
        },
        at,
      ),
      at,
    );
  }
  if (name === 'aws_parameter') {
    arity(name, args, 1, 1, at);
    const cfg = map(ev(args[0]), at, name);
    onlyKeys(cfg, AWS_DATA_KEYS.aws_parameter, at, name);
    if (typeof cfg.name !== 'string' || !cfg.name)
      throw new ExprError("aws_parameter() needs name, the parameter's name or ARN", at);
    const withDecryption = cfg.with_decryption === true || cfg.with_decryption === 'true';
    const a = answerOf(
      {
        kind: 'aws-parameter',
        region: awsRegion(cfg, at, name, ctx),
        name: cfg.name,
        withDecryption,
      },
      at,
    );
    const f = fieldsOf(a, at);
    if (a.ok && a.secure) f.value = sensitive(f.value);
    return f;
  }
  let cfg: { [k: string]: Value };
  if (name === 'aws_secretsmanager') {
    arity(name, args, 1, 2, at);
    cfg = { name: str(ev(args[0]), at, name) };
    if (args[1]) cfg.key = str(ev(args[1]), at, name);
  } else {
    arity(name, args, 1, 1, at);
    cfg = map(ev(args[0]), at, name);
    onlyKeys(cfg, AWS_DATA_KEYS.aws_secret, at, name);
  }
  if (typeof cfg.name !== 'string' || !cfg.name)
    throw new ExprError(`${name}() needs name, the secret's name or ARN`, at);
  const f = fieldsOf(
    answerOf(
      {
        kind: 'aws-secret',
        region: awsRegion(cfg, at, name, ctx),
        name: cfg.name,
        ...(cfg.version_id !== undefined ? { versionId: str(cfg.version_id, at, name) } : {}),
        ...(cfg.version_stage !== undefined
          ? { versionStage: str(cfg.version_stage, at, name) }
          : {}),
      },
      at,
    ),
    at,
  );
  let value = f.secret_string;
  if (cfg.key !== undefined) {
    const key = str(cfg.key, at, name);
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(f.secret_string ?? ''));
    } catch {
      parsed = undefined;
    }
    if (!parsed || typeof parsed !== 'object' || !(key in parsed))
      throw new ServiceError(
        `secret ${cfg.name} has no key "${key}"`,
        at,
        parsed && typeof parsed === 'object'
          ? `its keys: ${Object.keys(parsed).join(', ')}`
          : 'the secret is not a JSON object: leave key out to read the whole string',
      );
    const v = (parsed as Record<string, unknown>)[key];
    value = typeof v === 'string' ? v : JSON.stringify(v);
  }
  if (name === 'aws_secretsmanager') return sensitive(value ?? '');
  return {
    value: sensitive(value ?? null),
    secret_string: sensitive(f.secret_string),
    secret_binary: sensitive(f.secret_binary),
    version_id: f.version_id,
  };
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

for (const [k, f] of Object.entries(packerFns)) if (!(k in fns)) fns[k] = f;

/** A type as convert() takes it: HCL's type constraints, written as an expression. */
type ConvType =
  | { k: 'string' | 'number' | 'bool' | 'any' }
  | { k: 'list' | 'set' | 'map'; of: ConvType }
  | { k: 'object'; attrs: [string, ConvType][] }
  | { k: 'tuple'; items: ConvType[] };

function typeOf(e: Expr): ConvType | undefined {
  if (e.t === 'ref') {
    if (['string', 'number', 'bool', 'any'].includes(e.name))
      return { k: e.name as 'string' | 'number' | 'bool' | 'any' };
    // A bare collection is one of anything, as HCL's legacy spelling means.
    if (['list', 'set', 'map'].includes(e.name))
      return { k: e.name as 'list' | 'set' | 'map', of: { k: 'any' } };
    return undefined;
  }
  if (e.t !== 'call' || e.args.length !== 1) return undefined;
  const [arg] = e.args;
  if (e.name === 'object') {
    if (arg.t !== 'obj') return undefined;
    const attrs: [string, ConvType][] = [];
    for (const [k, v] of arg.entries) {
      const name = k.t === 'ref' ? k.name : k.t === 'lit' && typeof k.v === 'string' ? k.v : null;
      const t = typeOf(v);
      if (name === null || !t) return undefined;
      attrs.push([name, t]);
    }
    return { k: 'object', attrs };
  }
  if (e.name === 'tuple') {
    if (arg.t !== 'list') return undefined;
    const items = arg.items.map(typeOf);
    return items.every((t) => t) ? { k: 'tuple', items: items as ConvType[] } : undefined;
  }
  if (!['list', 'set', 'map'].includes(e.name)) return undefined;
  const of = typeOf(arg);
  return of && { k: e.name as 'list' | 'set' | 'map', of };
}

/** Converts as HCL does: null stays null at any depth; the message says where it failed. */
function convertTo(v: Value, t: ConvType): { value: Value } | string {
  if (v === null || t.k === 'any') return { value: v };
  const within = (where: string, r: { value: Value } | string) =>
    typeof r === 'string' ? `${where}: ${r}` : r;
  switch (t.k) {
    case 'string':
    case 'number':
    case 'bool': {
      if (
        t.k === 'number' &&
        typeof v === 'string' &&
        !/^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(v)
      )
        return `expected a number, got ${JSON.stringify(v)}`;
      const r = convertToType(v, { k: t.k }, false);
      return r.ok ? { value: r.value as Value } : r.error;
    }
    case 'list':
    case 'set':
    case 'tuple': {
      if (!Array.isArray(v)) return `expected a ${t.k}, got ${typeName(v)}`;
      if (t.k === 'tuple' && v.length !== t.items.length)
        return `expected a tuple of ${t.items.length} elements, got ${v.length}`;
      const out: Value[] = [];
      for (const [i, x] of v.entries()) {
        const r = within(`element ${i}`, convertTo(x, t.k === 'tuple' ? t.items[i] : t.of));
        if (typeof r === 'string') return r;
        out.push(r.value);
      }
      const one = t.k === 'tuple' ? out : unified(out, t.of);
      return { value: t.k === 'set' ? sortedSet(one) : one };
    }
    case 'map':
    case 'object': {
      if (typeof v !== 'object' || Array.isArray(v))
        return `expected a${t.k === 'map' ? ' map' : 'n object'}, got ${typeName(v)}`;
      const out: { [k: string]: Value } = {};
      const entries: [string, ConvType][] =
        t.k === 'map'
          ? Object.keys(v).map((k) => [k, t.of])
          : (t as { attrs: [string, ConvType][] }).attrs;
      for (const [k, at] of entries) {
        if (!(k in v)) return `attribute "${k}" is required`;
        const r = within(`"${k}"`, convertTo(v[k], at));
        if (typeof r === 'string') return r;
        out[k] = r.value;
      }
      if (t.k === 'map') {
        const vs = unified(Object.values(out), t.of);
        Object.keys(out).forEach((k, i) => (out[k] = vs[i]));
      }
      return { value: out };
    }
  }
}

/**
 * A collection of `any` still holds one type, as in HCL: primitives of several kinds all
 * become strings (["a", 3] is ["a", "3"]); anything else is left as it is.
 */
function unified(vs: Value[], of: ConvType): Value[] {
  if (of.k !== 'any') return vs;
  const kinds = new Set(vs.filter((x) => x !== null).map((x) => typeof x));
  const primitive = [...kinds].every((k) => k === 'string' || k === 'number' || k === 'boolean');
  return primitive && kinds.size > 1 ? vs.map((x) => (x === null ? x : String(x))) : vs;
}

export const FUNCTION_NAMES = [
  ...Object.keys(fns),
  'sensitive',
  'http_request',
  'aws_ami',
  'aws_parameter',
  'aws_secret',
  'aws_secretsmanager',
].sort();

export function callFunction(
  name: string,
  args: Expr[],
  at: number,
  ev: (e: Expr) => Marked,
  ctx: FunctionContext,
  scope: Scope,
): Marked {
  // sensitive(v): v, marked so that it and what is computed from it are redacted.
  if (name === 'sensitive') {
    arity('sensitive', args, 1, 1, at);
    return sensitive(unmark(ev(args[0])).value);
  }
  // http_request(): a sensitive header (a token) is what it takes to ask, and is not the
  // answer; the answer is sensitive when what was asked for is (the address or the body sent).
  if (name === 'http_request') {
    arity('http_request', args, 1, 1, at);
    if (ctx.offline) throw new PendingData(at);
    const m = ev(args[0]);
    const parts = m !== null && typeof m === 'object' && !Array.isArray(m) ? m : undefined;
    const marked = (k: string) =>
      !parts ||
      parts instanceof Sensitive ||
      unmark((parts as Record<string, Marked>)[k] ?? null).sensitive;
    const hidden = marked('url') || marked('request_body');
    let v: Value;
    try {
      v = httpRequest(map(unmark(m).value, at, 'http_request'), at);
    } catch (e) {
      if (hidden && e instanceof ExprError)
        throw new ExprError(
          'http_request() failed on a sensitive address or body (the details are not shown)',
          at,
          e.hint,
        );
      throw e;
    }
    return hidden ? sensitive(v) : v;
  }
  if (
    name === 'aws_ami' ||
    name === 'aws_parameter' ||
    name === 'aws_secret' ||
    name === 'aws_secretsmanager'
  )
    return awsData(name, args, at, (x) => unmark(ev(x)).value, ctx);
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
  const from: Value[] = [];
  const plain = (x: Expr): Value => {
    const r = reveal(ev(x));
    hidden ||= r.sensitive;
    from.push(...r.secrets);
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
  return hidden ? sensitive(v, from) : v;
}

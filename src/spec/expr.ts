/**
 * The `${...}` expression language: HCL-like, parsed and evaluated here, never by JavaScript.
 * The parser is a single left-to-right pass with bounded nesting, so time is linear in the
 * input and no input can exhaust the stack.
 */

export type Value = string | number | boolean | null | Value[] | { [k: string]: Value };

export type Expr =
  | { t: 'lit'; v: Value; at: number }
  | { t: 'tpl'; parts: (string | Expr)[]; at: number }
  | { t: 'ref'; name: string; at: number }
  | { t: 'attr'; obj: Expr; name: string; at: number }
  | { t: 'index'; obj: Expr; key: Expr; at: number }
  | { t: 'call'; name: string; args: Expr[]; at: number }
  | { t: 'un'; op: '!' | '-'; e: Expr; at: number }
  | { t: 'bin'; op: string; l: Expr; r: Expr; at: number }
  | { t: 'cond'; c: Expr; a: Expr; b: Expr; at: number }
  | { t: 'list'; items: Expr[]; at: number }
  | { t: 'obj'; entries: [Expr, Expr][]; at: number }
  | {
      t: 'for';
      /** `[for …]` makes a list, `{for …}` a map. */
      kind: 'list' | 'map';
      /** The names bound: `for v in` or `for k, v in`. */
      k?: string;
      v: string;
      coll: Expr;
      key?: Expr;
      val: Expr;
      cond?: Expr;
      /** `=> v...`: values of equal keys grouped into lists. */
      group: boolean;
      at: number;
    };

/** An error in an expression; `at` is the offset inside the string being evaluated. */
export class ExprError extends Error {
  constructor(
    message: string,
    readonly at: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ExprError';
  }
}

const MAX_NESTING = 64;

/** True when the string holds at least one `${` that is not escaped as `$${`. */
export function hasTemplate(s: string): boolean {
  for (let i = s.indexOf('${'); i >= 0; i = s.indexOf('${', i + 2)) {
    if (i === 0 || s[i - 1] !== '$') return true;
  }
  return false;
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly src: string) {}

  /** Parses a whole template string: literal text with `${ }` interpolations. */
  template(endQuote = false): Expr {
    const start = this.pos;
    const parts: (string | Expr)[] = [];
    let text = '';
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (endQuote && c === '"') break;
      if (c === '$' && s[this.pos + 1] === '$' && s[this.pos + 2] === '{') {
        text += '${';
        this.pos += 3;
        continue;
      }
      if (c === '$' && s[this.pos + 1] === '{') {
        if (text) parts.push(text);
        text = '';
        this.pos += 2;
        this.nest();
        const e = this.expr();
        this.unnest();
        this.ws();
        if (s[this.pos] !== '}') {
          throw new ExprError(
            this.pos >= s.length
              ? 'unclosed ${ ... }'
              : `unexpected "${s[this.pos]}" in expression`,
            this.pos,
            this.pos >= s.length ? 'add the closing }' : undefined,
          );
        }
        this.pos++;
        parts.push(e);
        continue;
      }
      if (endQuote && c === '\\') {
        text += this.escape();
        continue;
      }
      text += c;
      this.pos++;
    }
    if (text || parts.length === 0) parts.push(text);
    if (parts.length === 1 && typeof parts[0] === 'string')
      return { t: 'lit', v: parts[0], at: start };
    return { t: 'tpl', parts, at: start };
  }

  private escape(): string {
    const s = this.src;
    const n = s[this.pos + 1];
    this.pos += 2;
    switch (n) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '"':
        return '"';
      case '\\':
        return '\\';
      case 'u': {
        const hex = s.slice(this.pos, this.pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new ExprError('bad \\u escape', this.pos - 2);
        this.pos += 4;
        return String.fromCharCode(parseInt(hex, 16));
      }
      default:
        throw new ExprError(
          `unknown escape \\${n ?? ''}`,
          this.pos - 2,
          'use \\\\ for a backslash',
        );
    }
  }

  private nest(): void {
    if (++this.depth > MAX_NESTING)
      throw new ExprError(`expression nested deeper than ${MAX_NESTING} levels`, this.pos);
  }
  private unnest(): void {
    this.depth--;
  }

  private ws(): void {
    const s = this.src;
    while (this.pos < s.length && /\s/.test(s[this.pos])) this.pos++;
  }

  private peek(tok: string): boolean {
    this.ws();
    return this.src.startsWith(tok, this.pos);
  }

  private eat(tok: string): boolean {
    if (this.peek(tok)) {
      this.pos += tok.length;
      return true;
    }
    return false;
  }

  private expect(tok: string): void {
    if (!this.eat(tok)) {
      const got = this.pos < this.src.length ? `"${this.src[this.pos]}"` : 'the end';
      throw new ExprError(`expected "${tok}" but found ${got}`, this.pos);
    }
  }

  expr(): Expr {
    const c = this.or();
    if (this.eat('?')) {
      this.nest();
      const a = this.expr();
      this.expect(':');
      const b = this.expr();
      this.unnest();
      return { t: 'cond', c, a, b, at: c.at };
    }
    return c;
  }

  private binary(next: () => Expr, ops: string[]): Expr {
    let l = next();
    for (;;) {
      this.ws();
      // Longer operators are listed first, so `<=` is never read as `<`.
      const op = ops.find((o) => this.src.startsWith(o, this.pos));
      if (!op) return l;
      this.pos += op.length;
      const r = next();
      l = { t: 'bin', op, l, r, at: l.at };
    }
  }

  private or = (): Expr => this.binary(this.and, ['||']);
  private and = (): Expr => this.binary(this.eq, ['&&']);
  private eq = (): Expr => this.binary(this.cmp, ['==', '!=']);
  private cmp = (): Expr => this.binary(this.add, ['<=', '>=', '<', '>']);
  private add = (): Expr => this.binary(this.mul, ['+', '-']);
  private mul = (): Expr => this.binary(this.unary, ['*', '/', '%']);

  private unary = (): Expr => {
    this.ws();
    const at = this.pos;
    const c = this.src[this.pos];
    if ((c === '!' && this.src[this.pos + 1] !== '=') || c === '-') {
      this.pos++;
      this.nest();
      const e = this.unary();
      this.unnest();
      return { t: 'un', op: c, e, at };
    }
    return this.postfix();
  };

  private postfix(): Expr {
    let e = this.primary();
    for (;;) {
      // `...` after a value groups a for expression's values; it is no attribute.
      if (this.src.startsWith('...', this.pos)) return e;
      if (this.eat('.')) {
        this.ws();
        const at = this.pos;
        const m = /^(?:[A-Za-z_][A-Za-z0-9_-]*|\d+)/.exec(this.src.slice(this.pos, this.pos + 256));
        if (!m) throw new ExprError('expected an attribute name after "."', at);
        this.pos += m[0].length;
        e = /^\d+$/.test(m[0])
          ? { t: 'index', obj: e, key: { t: 'lit', v: Number(m[0]), at }, at }
          : { t: 'attr', obj: e, name: m[0], at };
      } else if (this.peek('[')) {
        const at = this.pos;
        this.pos++;
        this.nest();
        const key = this.expr();
        this.unnest();
        this.expect(']');
        e = { t: 'index', obj: e, key, at };
      } else {
        return e;
      }
    }
  }

  private primary(): Expr {
    this.ws();
    const s = this.src;
    const at = this.pos;
    if (at >= s.length) throw new ExprError('expected a value but the expression ended', at);
    const c = s[at];
    if (c === '(') {
      this.pos++;
      this.nest();
      const e = this.expr();
      this.unnest();
      this.expect(')');
      return e;
    }
    if (c === '"') {
      this.pos++;
      this.nest();
      const e = this.template(true);
      this.unnest();
      if (s[this.pos] !== '"') throw new ExprError('unterminated string', at, 'add the closing "');
      this.pos++;
      return e.t === 'lit' ? { ...e, at } : e;
    }
    if ((c === '[' || c === '{') && /^.\s*for\s/.test(s.slice(at, at + 16))) return this.forExpr();
    if (c === '[') {
      this.pos++;
      this.nest();
      const items: Expr[] = [];
      while (!this.eat(']')) {
        items.push(this.expr());
        if (!this.eat(',')) {
          this.expect(']');
          break;
        }
      }
      this.unnest();
      return { t: 'list', items, at };
    }
    if (c === '{') {
      this.pos++;
      this.nest();
      const entries: [Expr, Expr][] = [];
      while (!this.eat('}')) {
        this.ws();
        const kAt = this.pos;
        const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(s.slice(this.pos, this.pos + 256));
        let key: Expr;
        if (m && !this.src.startsWith('(', this.pos + m[0].length)) {
          this.pos += m[0].length;
          key = { t: 'lit', v: m[0], at: kAt };
        } else {
          key = this.expr();
        }
        if (!this.eat('=')) this.expect(':');
        entries.push([key, this.expr()]);
        if (!this.eat(',')) {
          this.expect('}');
          break;
        }
      }
      this.unnest();
      return { t: 'obj', entries, at };
    }
    const num = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(at, at + 64));
    if (num) {
      this.pos += num[0].length;
      return { t: 'lit', v: Number(num[0]), at };
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(at, at + 256));
    if (id) {
      this.pos += id[0].length;
      const name = id[0];
      if (name === 'true' || name === 'false') return { t: 'lit', v: name === 'true', at };
      if (name === 'null') return { t: 'lit', v: null, at };
      if (this.eat('(')) {
        this.nest();
        const args: Expr[] = [];
        while (!this.eat(')')) {
          args.push(this.expr());
          if (!this.eat(',')) {
            this.expect(')');
            break;
          }
        }
        this.unnest();
        return { t: 'call', name, args, at };
      }
      return { t: 'ref', name, at };
    }
    throw new ExprError(`unexpected "${c}" in expression`, at);
  }

  /** `[for k, v in coll : val if cond]` and `{for k, v in coll : key => val... if cond}`. */
  private forExpr(): Expr {
    const at = this.pos;
    const kind = this.src[this.pos] === '[' ? 'list' : 'map';
    this.pos++;
    this.nest();
    this.ws();
    this.pos += 3;
    const name = () => {
      this.ws();
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos, this.pos + 256));
      if (!m)
        throw new ExprError(
          'expected a name after "for"',
          this.pos,
          'e.g. [for s in var.list : upper(s)]',
        );
      this.pos += m[0].length;
      return m[0];
    };
    let v = name();
    let k: string | undefined;
    if (this.eat(',')) {
      k = v;
      v = name();
    }
    this.ws();
    if (!/^in\s/.test(this.src.slice(this.pos, this.pos + 3)))
      throw new ExprError('expected "in" in a for expression', this.pos);
    this.pos += 2;
    const coll = this.expr();
    this.expect(':');
    let key: Expr | undefined;
    let val = this.expr();
    let group = false;
    if (kind === 'map') {
      this.expect('=>');
      key = val;
      val = this.expr();
      if (this.eat('...')) group = true;
    }
    let cond: Expr | undefined;
    this.ws();
    if (/^if[^A-Za-z0-9_]/.test(this.src.slice(this.pos, this.pos + 3))) {
      this.pos += 2;
      cond = this.expr();
    }
    this.expect(kind === 'list' ? ']' : '}');
    this.unnest();
    return { t: 'for', kind, k, v, coll, key, val, cond, group, at };
  }

  get offset(): number {
    return this.pos;
  }
}

/** Evaluates a for expression: each element with its names bound in a scope of its own. */
function evaluateFor(e: Extract<Expr, { t: 'for' }>, scope: Scope): Marked {
  const { o, hidden } = container(evaluateMarked(e.coll, scope));
  let pairs: [Value, Marked][];
  if (Array.isArray(o)) pairs = o.map((x, i) => [i, x as Marked]);
  else if (o !== null && typeof o === 'object')
    pairs = Object.keys(o)
      .sort()
      .map((k) => [k, (o as { [k: string]: Marked })[k]]);
  else throw new ExprError(`a for expression needs a list or a map, got ${typeName(o)}`, e.coll.at);
  const list: Marked[] = [];
  const map: { [k: string]: Marked } = {};
  let keyHidden = false;
  for (const [k, v] of pairs) {
    const bound: Record<string, Marked> = { [e.v]: v, ...(e.k ? { [e.k]: k } : {}) };
    const inner: Scope = {
      root: (n, at) => (n in bound ? bound[n] : scope.root(n, at)),
      attr: (r, n, at) => (r in bound ? undefined : scope.attr(r, n, at)),
      call: (n, args, at) => scope.call(n, args, at, (x) => evaluateMarked(x, inner)),
    };
    if (e.cond) {
      const c = unmark(evaluateMarked(e.cond, inner));
      if (!truthy(c.value, e.cond.at, c.sensitive)) continue;
    }
    const val = evaluateMarked(e.val, inner);
    if (e.kind === 'list') {
      list.push(val);
      continue;
    }
    const key = unmark(evaluateMarked(e.key!, inner));
    keyHidden ||= key.sensitive;
    const name = toText(key.value, e.key!.at);
    if (e.group) ((map[name] ??= []) as Marked[]).push(val);
    else if (Object.prototype.hasOwnProperty.call(map, name))
      throw new ExprError(
        `the key "${name}" comes twice in a for expression`,
        e.key!.at,
        'add ... after the value to group the values of equal keys into lists',
      );
    else map[name] = val;
  }
  return keep(e.kind === 'list' ? list : map, hidden || keyHidden);
}

/** Parses a string that may contain `${...}` interpolations. */
export function parseTemplate(src: string): Expr {
  return new Parser(src).template(false);
}

/** Parses a bare expression (no `${ }`), as used by validation conditions. */
export function parseExpression(src: string): Expr {
  const p = new Parser(src);
  const e = p.expr();
  if (src.slice(p.offset).trim())
    throw new ExprError(
      `unexpected "${src.slice(p.offset).trim()[0]}" after the expression`,
      p.offset,
    );
  return e;
}

/**
 * A value computed from a sensitive one (a sensitive variable, a local made from one, a file
 * read from a sensitive path). It travels through the evaluator wrapped, so whatever is
 * computed from it is wrapped too, as in Terraform; whoever takes the final value registers
 * its sensitive parts as secrets (see reveal()).
 */
export class Sensitive {
  /**
   * `parts`: the sensitive values it was computed from ("Bearer ${token}" holds the token),
   * each a secret of its own, to be masked wherever it shows up alone.
   */
  constructor(
    readonly value: Value,
    readonly parts: readonly Value[] = [],
  ) {}
}

/** A value as the evaluator carries it: any part may be marked sensitive. */
export type Marked = Value | Sensitive | Marked[] | { [k: string]: Marked };

/** Marks a value sensitive as a whole. */
export function sensitive(v: Marked, from: readonly Value[] = []): Sensitive {
  if (v instanceof Sensitive)
    return from.length ? new Sensitive(v.value, [...v.parts, ...from]) : v;
  const r = reveal(v);
  return new Sensitive(r.value, [...r.secrets, ...from]);
}

/** The lists that are sets (toset(), convert(…, set(T))): for_each keys them by value, as HCL does. */
const SETS = new WeakSet<object>();
export function asSet<T extends unknown[]>(list: T): T {
  SETS.add(list);
  return list;
}
export function isSet(v: unknown): boolean {
  return Array.isArray(v) && SETS.has(v);
}

/** The plain value, and its sensitive parts (the values to register as secrets). */
export function reveal(v: Marked): { value: Value; secrets: Value[]; sensitive: boolean } {
  const secrets: Value[] = [];
  let marked = false;
  const walk = (x: Marked): Value => {
    if (x instanceof Sensitive) {
      marked = true;
      secrets.push(x.value, ...x.parts);
      return x.value;
    }
    if (Array.isArray(x)) return SETS.has(x) ? asSet(x.map(walk)) : x.map(walk);
    if (x !== null && typeof x === 'object') {
      const o: { [k: string]: Value } = {};
      for (const [k, y] of Object.entries(x))
        Object.defineProperty(o, k, {
          value: walk(y),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return o;
    }
    return x;
  };
  const value = walk(v);
  return { value, secrets, sensitive: marked };
}

/** The plain value and whether any part of it was sensitive. */
export function unmark(v: Marked): { value: Value; sensitive: boolean } {
  if (v instanceof Sensitive) return { value: v.value, sensitive: true };
  if (v === null || typeof v !== 'object') return { value: v, sensitive: false };
  const r = reveal(v);
  return { value: r.value, sensitive: r.sensitive };
}

/** What an evaluation can see: references and functions. */
export interface Scope {
  /** Resolves `root.name` (var.x, local.y, source.name); undefined when not known. */
  attr(root: string, name: string, at: number): Marked | undefined;
  /** Resolves a bare root (`var`, `path`...) as a whole value; undefined when not known. */
  root(name: string, at: number): Marked | undefined;
  call(name: string, args: Expr[], at: number, evaluate: (e: Expr) => Marked): Marked;
}

export function typeName(v: Marked | undefined): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof Sensitive) return typeName(v.value);
  if (Array.isArray(v)) return 'list';
  return typeof v === 'object' ? 'map' : typeof v;
}

export function toText(v: Value, at: number): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return '';
  throw new ExprError(
    `cannot put a ${typeName(v)} inside a string`,
    at,
    'use jsonencode() or join() to turn it into text',
  );
}

/** Evaluates to a plain value; sensitivity is dropped (use evaluateMarked to keep it). */
export function evaluate(e: Expr, scope: Scope): Value {
  return reveal(evaluateMarked(e, scope)).value;
}

function container(m: Marked): { o: Marked; hidden: boolean } {
  return m instanceof Sensitive ? { o: m.value, hidden: true } : { o: m, hidden: false };
}

const keep = (v: Marked, hidden: boolean): Marked => (hidden ? sensitive(v) : v);

/** Evaluates, keeping every sensitive part marked. */
export function evaluateMarked(e: Expr, scope: Scope): Marked {
  const ev = (x: Expr): Marked => evaluateMarked(x, scope);
  switch (e.t) {
    case 'lit':
      return e.v;
    case 'tpl': {
      // A string that is exactly one interpolation keeps the value's own type.
      if (e.parts.length === 1 && typeof e.parts[0] !== 'string') return ev(e.parts[0]);
      let out = '';
      let hidden = false;
      const from: Value[] = [];
      for (const p of e.parts) {
        if (typeof p === 'string') {
          out += p;
          continue;
        }
        const r = reveal(ev(p));
        hidden ||= r.sensitive;
        from.push(...r.secrets);
        out += toText(r.value, p.at);
      }
      return hidden ? sensitive(out, from) : out;
    }
    case 'ref': {
      const v = scope.root(e.name, e.at);
      if (v === undefined)
        throw new ExprError(
          `unknown name "${e.name}"`,
          e.at,
          'references look like var.NAME, local.NAME, source.name, build.name, path.root or github.sha',
        );
      return v;
    }
    case 'attr': {
      if (e.obj.t === 'ref') {
        const v = scope.attr(e.obj.name, e.name, e.at);
        if (v !== undefined) return v;
      }
      const { o, hidden } = container(ev(e.obj));
      if (o !== null && typeof o === 'object' && !Array.isArray(o)) {
        const m = o as { [k: string]: Marked };
        if (Object.prototype.hasOwnProperty.call(m, e.name)) return keep(m[e.name], hidden);
        throw new ExprError(
          `no attribute "${e.name}"`,
          e.at,
          hidden ? 'the map is sensitive' : `it has: ${Object.keys(m).join(', ') || 'nothing'}`,
        );
      }
      throw new ExprError(`a ${typeName(o)} has no attribute "${e.name}"`, e.at);
    }
    case 'index': {
      const { o, hidden: hiddenObj } = container(ev(e.obj));
      const key = unmark(ev(e.key));
      const k = key.value;
      const hidden = hiddenObj || key.sensitive;
      if (Array.isArray(o)) {
        if (typeof k !== 'number' || !Number.isInteger(k))
          throw new ExprError('a list index must be a whole number', e.key.at);
        if (k < 0 || k >= o.length)
          throw new ExprError(
            key.sensitive
              ? `a sensitive index is out of range (the list has ${o.length} elements)`
              : `index ${k} is out of range (the list has ${o.length} elements)`,
            e.key.at,
          );
        return keep(o[k], hidden);
      }
      if (o !== null && typeof o === 'object') {
        const m = o as { [k: string]: Marked };
        const name = toText(k, e.key.at);
        if (!Object.prototype.hasOwnProperty.call(m, name))
          throw new ExprError(
            key.sensitive ? 'no such key (the key is sensitive)' : `no key "${name}"`,
            e.key.at,
            hiddenObj
              ? 'the map is sensitive'
              : `it has: ${Object.keys(m).join(', ') || 'nothing'}`,
          );
        return keep(m[name], hidden);
      }
      throw new ExprError(`cannot index a ${typeName(o)}`, e.at);
    }
    case 'call':
      return scope.call(e.name, e.args, e.at, ev);
    case 'un': {
      const r = unmark(ev(e.e));
      if (e.op === '!') return keep(!truthy(r.value, e.e.at, r.sensitive), r.sensitive);
      return keep(-num(r.value, e.e.at, r.sensitive), r.sensitive);
    }
    case 'cond': {
      const c = unmark(ev(e.c));
      const v = truthy(c.value, e.c.at, c.sensitive) ? ev(e.a) : ev(e.b);
      return keep(v, c.sensitive);
    }
    case 'list':
      return e.items.map(ev);
    case 'obj': {
      const o: { [k: string]: Marked } = {};
      let hidden = false;
      for (const [k, v] of e.entries) {
        const key = unmark(ev(k));
        hidden ||= key.sensitive;
        Object.defineProperty(o, toText(key.value, k.at), {
          value: ev(v),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return keep(o, hidden);
    }
    case 'bin':
      return binaryChain(e, ev);
    case 'for':
      return evaluateFor(e, scope);
  }
}

function truthy(v: Value, at: number, hidden = false): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new ExprError(`expected a bool, got ${hidden ? 'a sensitive value' : typeName(v)}`, at);
}

function num(v: Value, at: number, hidden = false): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  throw new ExprError(
    hidden
      ? `expected a number, got a sensitive ${typeName(v)}`
      : `expected a number, got ${typeName(v)}${typeof v === 'string' ? ` "${v.slice(0, 40)}"` : ''}`,
    at,
  );
}

export function deepEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (
    a &&
    b &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/**
 * Left-associative chains (`1 + 2 + ... + n`) parse into a left-deep tree; walking its
 * spine with a loop keeps evaluation off the call stack however long the chain is.
 */
function binaryChain(e: Extract<Expr, { t: 'bin' }>, ev: (e: Expr) => Marked): Marked {
  const spine: Extract<Expr, { t: 'bin' }>[] = [];
  let left: Expr = e;
  while (left.t === 'bin') {
    spine.push(left);
    left = left.l;
  }
  let { value: acc, sensitive: hidden } = unmark(ev(left));
  let accAt = left.at;
  const right = (x: Expr): Value => {
    const r = unmark(ev(x));
    hidden ||= r.sensitive;
    return r.value;
  };
  for (let i = spine.length - 1; i >= 0; i--) {
    const node = spine[i];
    if (node.op === '&&')
      acc = truthy(acc, accAt, hidden) && truthy(right(node.r), node.r.at, hidden);
    else if (node.op === '||')
      acc = truthy(acc, accAt, hidden) || truthy(right(node.r), node.r.at, hidden);
    else acc = applyBinary(node.op, acc, right(node.r), accAt, node.r.at, hidden);
    accAt = node.at;
  }
  return keep(acc, hidden);
}

function applyBinary(
  op: string,
  a: Value,
  b: Value,
  la: number,
  ra: number,
  hidden: boolean,
): Value {
  const l = { at: la };
  const r = { at: ra };
  switch (op) {
    case '==':
      return deepEqual(a, b);
    case '!=':
      return !deepEqual(a, b);
    case '<':
      return num(a, l.at, hidden) < num(b, r.at, hidden);
    case '<=':
      return num(a, l.at, hidden) <= num(b, r.at, hidden);
    case '>':
      return num(a, l.at, hidden) > num(b, r.at, hidden);
    case '>=':
      return num(a, l.at, hidden) >= num(b, r.at, hidden);
    case '+':
      return num(a, l.at, hidden) + num(b, r.at, hidden);
    case '-':
      return num(a, l.at, hidden) - num(b, r.at, hidden);
    case '*':
      return num(a, l.at, hidden) * num(b, r.at, hidden);
    case '/': {
      const d = num(b, r.at, hidden);
      if (d === 0) throw new ExprError('division by zero', r.at);
      return num(a, l.at, hidden) / d;
    }
    case '%': {
      const d = num(b, r.at, hidden);
      if (d === 0) throw new ExprError('modulo by zero', r.at);
      return num(a, l.at, hidden) % d;
    }
  }
  throw new ExprError(`unknown operator ${op}`, la);
}

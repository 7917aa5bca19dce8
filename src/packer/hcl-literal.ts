/**
 * Literal HCL values, as a Packer var file (`*.pkrvars.hcl`) holds them: strings, heredocs,
 * numbers, bools, null, lists and objects. Var files are read while a plan is resolved, which
 * is synchronous, so they are read here rather than by the wasm parser; the values they may
 * hold are literals only (Packer evaluates them with no variables or functions either).
 */
export class LiteralError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'LiteralError';
  }
}

export function parseHclLiteral(text: string): unknown {
  const p = new LiteralParser(text);
  const v = p.value();
  p.ws();
  if (!p.done()) throw new LiteralError('unexpected text after the value', p.i);
  return v;
}

class LiteralParser {
  i = 0;
  constructor(private readonly s: string) {}
  done(): boolean {
    return this.i >= this.s.length;
  }
  ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (/\s/.test(c)) this.i++;
      else if (c === '#' || (c === '/' && s[this.i + 1] === '/')) {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
      } else if (c === '/' && s[this.i + 1] === '*') {
        const e = s.indexOf('*/', this.i + 2);
        this.i = e < 0 ? s.length : e + 2;
      } else break;
    }
  }
  value(): unknown {
    this.ws();
    const s = this.s;
    const c = s[this.i];
    if (c === '"') return this.string();
    if (c === '<' && s[this.i + 1] === '<') return this.heredoc();
    if (c === '[') {
      this.i++;
      const out: unknown[] = [];
      for (;;) {
        this.ws();
        if (s[this.i] === ']') {
          this.i++;
          return out;
        }
        out.push(this.value());
        this.ws();
        if (s[this.i] === ',') this.i++;
        else if (s[this.i] !== ']') throw new LiteralError('expected "," or "]" in a list', this.i);
      }
    }
    if (c === '{') {
      this.i++;
      const out: Record<string, unknown> = {};
      for (;;) {
        this.ws();
        if (s[this.i] === '}') {
          this.i++;
          return out;
        }
        let key: string;
        if (s[this.i] === '"') key = this.string();
        else {
          const k = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(s.slice(this.i))?.[0];
          if (k === undefined) throw new LiteralError('expected a key in an object', this.i);
          key = k;
          this.i += k.length;
        }
        this.ws();
        if (s[this.i] !== '=' && s[this.i] !== ':')
          throw new LiteralError(`expected "=" after the key "${key}"`, this.i);
        this.i++;
        out[key] = this.value();
        this.ws();
        if (s[this.i] === ',') this.i++;
      }
    }
    const m = /^(-?\d+(\.\d+)?([eE][-+]?\d+)?|true|false|null)\b/.exec(s.slice(this.i));
    if (m) {
      this.i += m[0].length;
      return m[0] === 'true'
        ? true
        : m[0] === 'false'
          ? false
          : m[0] === 'null'
            ? null
            : Number(m[0]);
    }
    if (this.done()) throw new LiteralError('a value is missing', this.i);
    throw new LiteralError(
      'a var file holds values only (strings, numbers, bools, lists, objects), not expressions',
      this.i,
    );
  }
  private string(): string {
    const s = this.s;
    const start = this.i;
    this.i++;
    let out = '';
    while (this.i < s.length && s[this.i] !== '"') {
      const c = s[this.i];
      if (c === '\n') break;
      if (c === '\\') {
        const n = s[this.i + 1];
        const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
        if (n === 'u') {
          out += String.fromCharCode(parseInt(s.slice(this.i + 2, this.i + 6), 16));
          this.i += 6;
          continue;
        }
        out += map[n] ?? n;
        this.i += 2;
        continue;
      }
      if ((c === '$' || c === '%') && s[this.i + 1] === c && s[this.i + 2] === '{') {
        out += c + '{';
        this.i += 3;
        continue;
      }
      if ((c === '$' || c === '%') && s[this.i + 1] === '{')
        throw new LiteralError(
          'a var file holds values only; an interpolation ${…} is not allowed here',
          this.i,
        );
      out += c;
      this.i++;
    }
    if (s[this.i] !== '"') throw new LiteralError('the string is not closed', start);
    this.i++;
    return out;
  }
  private heredoc(): string {
    const s = this.s;
    const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n/.exec(s.slice(this.i));
    if (!m) throw new LiteralError('expected a heredoc marker after <<', this.i);
    this.i += m[0].length;
    const lines: string[] = [];
    for (;;) {
      if (this.done()) throw new LiteralError(`the heredoc ${m[2]} is not closed`, this.i);
      const end = s.indexOf('\n', this.i);
      const line = s.slice(this.i, end < 0 ? s.length : end);
      this.i = end < 0 ? s.length : end + 1;
      if (line.trim() === m[2]) break;
      lines.push(line);
    }
    if (m[1]) {
      const indent = Math.min(
        ...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length),
      );
      return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n') + '\n';
    }
    return lines.join('\n') + '\n';
  }
}

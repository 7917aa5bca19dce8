/**
 * Where every block and attribute of an HCL file is written. HashiCorp's parser (through
 * hcl2json) gives values without positions and groups blocks by type, so this scanner reads
 * the structure of the same text once: blocks in order with their labels, attributes with the
 * text of their values, each with its line and column. It reads structure only; the values'
 * meaning comes from the real parser.
 */
import type { Position } from '../spec/errors';
import { SpecError } from '../spec/errors';

export interface IndexAttr {
  name: string;
  pos: Position;
  valuePos: Position;
  /** The value's source text. */
  text: string;
}

export interface IndexBlock {
  type: string;
  labels: string[];
  pos: Position;
  body: IndexBody;
}

export interface IndexBody {
  attrs: IndexAttr[];
  blocks: IndexBlock[];
}

export class HclScanError extends Error {
  constructor(
    message: string,
    readonly pos: Position,
  ) {
    super(message);
    this.name = 'HclScanError';
  }
}

/** The index of one file; a file it cannot scan is a spec problem at the place it stopped. */
export function indexHcl(text: string, file: string): IndexBody {
  try {
    return new Scanner(text, file).top();
  } catch (e) {
    if (e instanceof HclScanError)
      throw new SpecError({ message: `invalid HCL: ${e.message}`, pos: e.pos });
    throw e;
  }
}

class Scanner {
  private i = 0;
  private readonly lineStarts: number[] = [0];
  constructor(
    private readonly s: string,
    private readonly file: string,
  ) {
    for (let k = 0; k < s.length; k++) if (s[k] === '\n') this.lineStarts.push(k + 1);
  }

  posAt(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, col: offset - this.lineStarts[lo] + 1 };
  }

  top(): IndexBody {
    const body = this.body();
    if (this.i < this.s.length) throw new HclScanError('unexpected "}"', this.posAt(this.i));
    return body;
  }

  /** Skips blanks and comments; with `newlines`, line ends too. */
  private skip(newlines: boolean): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.i++;
      else if (c === '#' || (c === '/' && s[this.i + 1] === '/')) {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
      } else if (c === '/' && s[this.i + 1] === '*') {
        const end = s.indexOf('*/', this.i + 2);
        this.i = end < 0 ? s.length : end + 2;
      } else break;
    }
  }

  private body(): IndexBody {
    const out: IndexBody = { attrs: [], blocks: [] };
    const s = this.s;
    for (;;) {
      this.skip(true);
      if (this.i >= s.length || s[this.i] === '}') return out;
      const start = this.i;
      const name = this.ident();
      if (!name) throw new HclScanError(`unexpected "${s[this.i]}"`, this.posAt(this.i));
      this.skip(false);
      if (s[this.i] === '=' && s[this.i + 1] !== '=') {
        this.i++;
        this.skip(false);
        const vstart = this.i;
        this.expression();
        out.attrs.push({
          name,
          pos: this.posAt(start),
          valuePos: this.posAt(vstart),
          text: s.slice(vstart, this.i).trim(),
        });
        continue;
      }
      const labels: string[] = [];
      for (;;) {
        this.skip(false);
        if (s[this.i] === '"') labels.push(this.quoted());
        else if (s[this.i] === '{') break;
        else {
          const l = this.ident();
          if (!l) throw new HclScanError(`expected "{" after ${name}`, this.posAt(this.i));
          labels.push(l);
        }
      }
      this.i++;
      const body = this.body();
      if (s[this.i] !== '}')
        throw new HclScanError(`the block ${name} is not closed`, this.posAt(start));
      this.i++;
      out.blocks.push({ type: name, labels, pos: this.posAt(start), body });
    }
  }

  private ident(): string {
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.s.slice(this.i, this.i + 256));
    if (!m) return '';
    this.i += m[0].length;
    return m[0];
  }

  private quoted(): string {
    const s = this.s;
    let v = '';
    this.i++;
    while (this.i < s.length && s[this.i] !== '"') {
      if (s[this.i] === '\\') {
        v += s[this.i + 1] ?? '';
        this.i += 2;
      } else v += s[this.i++];
    }
    this.i++;
    return v;
  }

  /** Moves past one expression: to the end of its line at bracket depth 0, or a closing `}`. */
  private expression(): void {
    const s = this.s;
    let depth = 0;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '"') this.templateString();
      else if (
        c === '<' &&
        s[this.i + 1] === '<' &&
        /^<<-?[A-Za-z_]/.test(s.slice(this.i, this.i + 4))
      )
        this.heredoc();
      else if (c === '#' || (c === '/' && (s[this.i + 1] === '/' || s[this.i + 1] === '*'))) {
        if (depth === 0 && c !== '/') return;
        if (depth === 0 && s[this.i + 1] === '/') return;
        this.skip(false);
      } else if (c === '(' || c === '[' || c === '{') {
        depth++;
        this.i++;
      } else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) return;
        depth--;
        this.i++;
      } else if (c === '\n' && depth === 0) return;
      else this.i++;
    }
  }

  /** A quoted template: `${…}` and `%{…}` inside it nest expressions that may hold quotes. */
  private templateString(): void {
    const s = this.s;
    this.i++;
    while (this.i < s.length && s[this.i] !== '"') {
      if (s[this.i] === '\\') this.i += 2;
      else if ((s[this.i] === '$' || s[this.i] === '%') && s[this.i + 1] === '{') {
        if (s[this.i - 1] === s[this.i]) {
          this.i += 2;
          continue;
        }
        this.i += 2;
        this.interpolation();
      } else if (s[this.i] === '\n') return;
      else this.i++;
    }
    this.i++;
  }

  private interpolation(): void {
    const s = this.s;
    let depth = 1;
    while (this.i < s.length && depth > 0) {
      const c = s[this.i];
      if (c === '"') this.templateString();
      else if (c === '{') {
        depth++;
        this.i++;
      } else if (c === '}') {
        depth--;
        this.i++;
      } else this.i++;
    }
  }

  private heredoc(): void {
    const s = this.s;
    const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n/.exec(s.slice(this.i, this.i + 200));
    if (!m) {
      this.i += 2;
      return;
    }
    this.i += m[0].length;
    const marker = new RegExp(`^[ \\t]*${m[1]}[ \\t]*\\r?$`);
    while (this.i < s.length) {
      const end = s.indexOf('\n', this.i);
      const line = s.slice(this.i, end < 0 ? s.length : end);
      if (marker.test(line)) {
        this.i += line.length;
        return;
      }
      this.i = end < 0 ? s.length : end + 1;
    }
  }
}

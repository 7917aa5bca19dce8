/**
 * Template strings as the HCL parser hands them over. It writes a conditional inside a
 * string (`"gp${x ? 3 : 2}"`) as a template directive (`"gp%{if x}3%{else}2%{endif}"`), as a
 * template may also be written by hand; bake's expressions have no directives, so each
 * `%{if}` and `%{for}` becomes the interpolation that means the same.
 */

export class DirectiveError extends Error {}

/** `s` with every `%{if}…%{else}…%{endif}` and `%{for}…%{endfor}` as `${…}`. */
export function withoutDirectives(s: string): string {
  // Strip markers: `~` inside the braces takes the whitespace on its side of them away.
  if (s.includes('~'))
    s = s.replace(/(?<![%$])[ \t\r\n]*([%$])\{~/g, '$1{').replace(/~\}[ \t\r\n]*/g, '}');
  if (!s.includes('%{')) return s;
  const p = { i: 0 };
  const r = sequence(s, p, []);
  if (r.stop) throw new DirectiveError(`%{${r.stop}} without its %{if} or %{for}`);
  return r.text;
}

const SKIP = /^\s*~?\s*|\s*~?\s*$/g;

/**
 * The closing brace of the `${…}` or `%{…}` whose opening brace is at `at` (quotes inside it
 * open strings of their own), or -1 when it is not closed.
 */
export function closingBrace(s: string, at: number): number {
  let depth = 0;
  let quoted = false;
  for (let j = at; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') j++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === '{') depth++;
    else if (!quoted && c === '}' && --depth === 0) return j;
  }
  return -1;
}

function closing(s: string, at: number): number {
  const j = closingBrace(s, at);
  if (j < 0) throw new DirectiveError(`unclosed ${s.slice(at - 1, at + 1)}`);
  return j;
}

function sequence(s: string, p: { i: number }, stops: string[]): { text: string; stop?: string } {
  let text = '';
  while (p.i < s.length) {
    if (s.startsWith('%%{', p.i) || s.startsWith('$${', p.i)) {
      text += s[p.i] === '%' ? '%{' : '$${';
      p.i += 3;
    } else if (s.startsWith('${', p.i)) {
      const end = closing(s, p.i + 1);
      text += s.slice(p.i, end + 1);
      p.i = end + 1;
    } else if (s.startsWith('%{', p.i)) {
      const end = closing(s, p.i + 1);
      const d = s.slice(p.i + 2, end).replace(SKIP, '');
      p.i = end + 1;
      const word = /^\w+/.exec(d)?.[0] ?? '';
      if (stops.includes(word) && d === word) return { text, stop: word };
      if (word === 'if') {
        const then = sequence(s, p, ['else', 'endif']);
        const other =
          then.stop === 'else' ? sequence(s, p, ['endif']) : { text: '', stop: then.stop };
        if (other.stop !== 'endif') throw new DirectiveError('%{if} without its %{endif}');
        text += `\${(${d.slice(2).trim()}) ? ${quotedTemplate(then.text)} : ${quotedTemplate(other.text)}}`;
      } else if (word === 'for') {
        const m = /^for\s+([A-Za-z_]\w*)(\s*,\s*[A-Za-z_]\w*)?\s+in\s+([\s\S]+)$/.exec(d);
        if (!m) throw new DirectiveError(`%{${d}} is not a for directive: %{for x in list}`);
        const body = sequence(s, p, ['endfor']);
        if (body.stop !== 'endfor') throw new DirectiveError('%{for} without its %{endfor}');
        text += `\${join("", [for ${m[1]}${m[2] ?? ''} in (${m[3].trim()}) : ${quotedTemplate(body.text)}])}`;
      } else {
        throw new DirectiveError(`%{${d}} is not a template directive bake knows (if, for)`);
      }
    } else {
      text += s[p.i++];
    }
  }
  return { text };
}

/**
 * A template string as a quoted string inside an expression: its text escaped, its
 * interpolations kept as they are (quotes inside them open strings of their own).
 */
export function quotedTemplate(v: string): string {
  let out = '"';
  for (let i = 0; i < v.length;) {
    if (v.startsWith('$${', i)) {
      out += '$${';
      i += 3;
    } else if (v.startsWith('${', i)) {
      const j = closingBrace(v, i + 1);
      const end = j < 0 ? v.length - 1 : j;
      out += v.slice(i, end + 1);
      i = end + 1;
    } else {
      out += JSON.stringify(v[i]).slice(1, -1);
      i++;
    }
  }
  return out + '"';
}

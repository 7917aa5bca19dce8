/**
 * Version order as Debian's policy defines it (epoch, upstream version, revision; `~` sorts
 * before everything, even the end), which rpm and apk versions follow closely enough for a
 * constraint such as ">= 1.2".
 */

function parse(v: string): [number, string, string] {
  let rest = v.trim();
  let epoch = 0;
  const colon = rest.indexOf(':');
  if (colon > 0 && /^\d+$/.test(rest.slice(0, colon))) {
    epoch = Number(rest.slice(0, colon));
    rest = rest.slice(colon + 1);
  }
  const dash = rest.lastIndexOf('-');
  return dash > 0 ? [epoch, rest.slice(0, dash), rest.slice(dash + 1)] : [epoch, rest, ''];
}

/** The weight of one character in the non-digit parts: ~ first, then the end, letters, the rest. */
function weight(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c === '~') return -1;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  return c.charCodeAt(0) + 256;
}

function comparePart(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    // The non-digit run, character by character.
    while ((i < a.length && !/\d/.test(a[i])) || (j < b.length && !/\d/.test(b[j]))) {
      const ca = i < a.length && !/\d/.test(a[i]) ? a[i] : undefined;
      const cb = j < b.length && !/\d/.test(b[j]) ? b[j] : undefined;
      const d = weight(ca) - weight(cb);
      if (d) return d;
      if (ca !== undefined) i++;
      if (cb !== undefined) j++;
    }
    // The digit run, as a number.
    let na = '';
    let nb = '';
    while (i < a.length && /\d/.test(a[i])) na += a[i++];
    while (j < b.length && /\d/.test(b[j])) nb += b[j++];
    const d = compareDigits(na, nb);
    if (d) return d;
  }
  return 0;
}

function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Negative, zero or positive as `a` sorts before, with or after `b`. */
export function compareVersions(a: string, b: string): number {
  const [ea, ua, ra] = parse(a);
  const [eb, ub, rb] = parse(b);
  if (ea !== eb) return ea - eb;
  return comparePart(ua, ub) || comparePart(ra, rb);
}

/** Whether `installed` meets a constraint written "1.2", "= 1.2", ">= 1.2", "< 2", "!= 1.3". */
export function satisfies(installed: string, constraint: string): boolean {
  const m = /^\s*(==|=|!=|<=|>=|<|>)?\s*(\S+)\s*$/.exec(constraint);
  if (!m) return false;
  const c = compareVersions(installed, m[2]);
  switch (m[1] ?? '=') {
    case '=':
    case '==':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}

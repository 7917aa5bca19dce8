/** Walking the plain values a spec holds (strings, numbers, lists, maps) string by string. */

/** A copy of `v` with every string in it, at any depth, replaced by `f` of it. */
export function mapStrings<T>(v: T, f: (s: string) => string): T {
  const walk = (x: unknown): unknown => {
    if (typeof x === 'string') return f(x);
    if (Array.isArray(x)) return x.map(walk);
    if (x && typeof x === 'object')
      return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, walk(y)]));
    return x;
  };
  return walk(v) as T;
}

/** Whether any string in `v`, at any depth, passes `test`. */
export function someString(v: unknown, test: (s: string) => boolean): boolean {
  if (typeof v === 'string') return test(v);
  if (Array.isArray(v)) return v.some((x) => someString(x, test));
  if (v && typeof v === 'object') return Object.values(v).some((x) => someString(x, test));
  return false;
}

/** Walking the plain values a spec holds (strings, numbers, lists, maps) string by string. */
/** A copy of `v` with every string in it, at any depth, replaced by `f` of it. */
export declare function mapStrings<T>(v: T, f: (s: string) => string): T;
/** Whether any string in `v`, at any depth, passes `test`. */
export declare function someString(v: unknown, test: (s: string) => boolean): boolean;

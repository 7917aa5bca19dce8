/**
 * The `${...}` expression language: HCL-like, parsed and evaluated here, never by JavaScript.
 * The parser is a single left-to-right pass with bounded nesting, so time is linear in the
 * input and no input can exhaust the stack.
 */
export type Value = string | number | boolean | null | Value[] | {
    [k: string]: Value;
};
export type Expr = {
    t: 'lit';
    v: Value;
    at: number;
} | {
    t: 'tpl';
    parts: (string | Expr)[];
    at: number;
} | {
    t: 'ref';
    name: string;
    at: number;
} | {
    t: 'attr';
    obj: Expr;
    name: string;
    at: number;
} | {
    t: 'index';
    obj: Expr;
    key: Expr;
    at: number;
} | {
    t: 'call';
    name: string;
    args: Expr[];
    at: number;
} | {
    t: 'un';
    op: '!' | '-';
    e: Expr;
    at: number;
} | {
    t: 'bin';
    op: string;
    l: Expr;
    r: Expr;
    at: number;
} | {
    t: 'cond';
    c: Expr;
    a: Expr;
    b: Expr;
    at: number;
} | {
    t: 'list';
    items: Expr[];
    at: number;
} | {
    t: 'obj';
    entries: [Expr, Expr][];
    at: number;
} | {
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
export declare class ExprError extends Error {
    readonly at: number;
    readonly hint?: string | undefined;
    constructor(message: string, at: number, hint?: string | undefined);
}
/** True when the string holds at least one `${` that is not escaped as `$${`. */
export declare function hasTemplate(s: string): boolean;
/** Parses a string that may contain `${...}` interpolations. */
export declare function parseTemplate(src: string): Expr;
/** Parses a bare expression (no `${ }`), as used by validation conditions. */
export declare function parseExpression(src: string): Expr;
/**
 * A value computed from a sensitive one (a sensitive variable, a local made from one, a file
 * read from a sensitive path). It travels through the evaluator wrapped, so whatever is
 * computed from it is wrapped too, as in Terraform; whoever takes the final value registers
 * its sensitive parts as secrets (see reveal()).
 */
export declare class Sensitive {
    readonly value: Value;
    readonly parts: readonly Value[];
    /**
     * `parts`: the sensitive values it was computed from ("Bearer ${token}" holds the token),
     * each a secret of its own, to be masked wherever it shows up alone.
     */
    constructor(value: Value, parts?: readonly Value[]);
}
/** A value as the evaluator carries it: any part may be marked sensitive. */
export type Marked = Value | Sensitive | Marked[] | {
    [k: string]: Marked;
};
/** Marks a value sensitive as a whole. */
export declare function sensitive(v: Marked, from?: readonly Value[]): Sensitive;
export declare function asSet<T extends unknown[]>(list: T): T;
export declare function isSet(v: unknown): boolean;
/** The plain value, and its sensitive parts (the values to register as secrets). */
export declare function reveal(v: Marked): {
    value: Value;
    secrets: Value[];
    sensitive: boolean;
};
/** The plain value and whether any part of it was sensitive. */
export declare function unmark(v: Marked): {
    value: Value;
    sensitive: boolean;
};
/** What an evaluation can see: references and functions. */
export interface Scope {
    /** Resolves `root.name` (var.x, local.y, source.name); undefined when not known. */
    attr(root: string, name: string, at: number): Marked | undefined;
    /** Resolves a bare root (`var`, `path`...) as a whole value; undefined when not known. */
    root(name: string, at: number): Marked | undefined;
    call(name: string, args: Expr[], at: number, evaluate: (e: Expr) => Marked): Marked;
}
export declare function typeName(v: Marked | undefined): string;
export declare function toText(v: Value, at: number): string;
/** Evaluates to a plain value; sensitivity is dropped (use evaluateMarked to keep it). */
export declare function evaluate(e: Expr, scope: Scope): Value;
/** Evaluates, keeping every sensitive part marked. */
export declare function evaluateMarked(e: Expr, scope: Scope): Marked;
export declare function deepEqual(a: Value, b: Value): boolean;

/**
 * A small schema language. One definition per plugin both checks a config (with positions
 * and "did you mean") and generates the JSON Schema that editors use for completion.
 */
import { Problem } from './errors';
import { LoadedFile } from './load';
export type Schema = {
    kind: 'string';
    enum?: readonly string[];
    pattern?: RegExp;
    patternHint?: string;
    description?: string;
} | {
    kind: 'number';
    integer?: boolean;
    min?: number;
    max?: number;
    description?: string;
} | {
    kind: 'bool';
    description?: string;
} | {
    kind: 'duration';
    description?: string;
} | {
    kind: 'list';
    of: Schema;
    single?: boolean;
    minItems?: number;
    description?: string;
} | {
    kind: 'map';
    of: Schema;
    description?: string;
} | {
    kind: 'object';
    fields: Record<string, Field>;
    description?: string;
    open?: boolean;
} | {
    kind: 'any';
    description?: string;
};
export interface Field {
    schema: Schema;
    required?: boolean;
    description?: string;
    default?: unknown;
    /** A typical value, shown in the editor's hover and used in snippets. */
    example?: unknown;
    /** A setting that is known (Packer has it) but refused, with the reason and what to do. */
    refused?: string;
}
export declare const s: {
    string: (o?: Omit<Extract<Schema, {
        kind: "string";
    }>, "kind">) => Schema;
    enum: (values: readonly string[], description?: string) => Schema;
    number: (o?: Omit<Extract<Schema, {
        kind: "number";
    }>, "kind">) => Schema;
    int: (min?: number, max?: number) => Schema;
    bool: () => Schema;
    duration: () => Schema;
    list: (of: Schema, o?: {
        single?: boolean;
        minItems?: number;
    }) => Schema;
    map: (of: Schema) => Schema;
    object: (fields: Record<string, Field | Schema>, o?: {
        open?: boolean;
        description?: string;
    }) => Schema;
    any: () => Schema;
};
export declare function req(schema: Schema, description?: string, example?: unknown): Field;
/**
 * A setting bake knows and refuses: giving it is an error that says why, not an "unknown
 * key"; editors do not offer it.
 */
export declare function refused(reason: string): Field;
/** The settings a schema offers (without the refused ones). */
export declare function offered(fields: Record<string, Field>): Record<string, Field>;
export declare function opt(schema: Schema, description?: string, dflt?: unknown, example?: unknown): Field;
/**
 * The text a number or bool setting accepts in place of the value itself (a quoted value, an
 * expression's string result): decimal notation only, so "22" is 22 but "0x16", "1e3", " 22"
 * and "" are errors; and exactly `true` or `false`.
 */
export declare const NUMBER_TEXT: RegExp;
export declare const INTEGER_TEXT: RegExp;
export declare const BOOL_TEXT: readonly ["true", "false"];
/** Parses Go-style durations ("90s", "5m", "1h30m", "250ms") into milliseconds. */
export declare function parseDuration(v: unknown): number | undefined;
export type Phase = 'raw' | 'resolved';
export interface CheckContext {
    file: LoadedFile;
    problems: Problem[];
    phase: Phase;
    /** Where this value lives inside the file, when it was moved (overrides). */
    pathPrefix?: string;
}
export declare function positionOf(file: LoadedFile, path: string, key?: boolean): import("./errors").Position;
/**
 * Checks `value` against `schema`; adds every problem found to ctx.problems. Returns the value
 * typed by the schema: bool text becomes a boolean, number text a number, a number or bool in
 * a string setting its text; durations stay as written. Expressions are left as they are
 * before evaluation (phase 'raw'). Where a problem was found the value is returned unchanged.
 */
export declare function check(value: unknown, schema: Schema, path: string, ctx: CheckContext): unknown;
/** The YAML a user writes for `key: value`, on one line. */
export declare function yamlLine(key: string, value: unknown): string;
export interface JsonSchemaOptions {
    /** Whether `${…}` stands in for a value (plugin settings: yes; variable declarations: no). */
    expressions?: boolean;
}
/** The hover text of a setting: what it does, what it takes, an example, the default. */
export declare function fieldMarkdown(key: string, f: Field, o?: JsonSchemaOptions): string;
/** The JSON Schema of a setting as an object property: its schema, docs and default. */
export declare function fieldJsonSchema(key: string, f: Field, o?: JsonSchemaOptions): Record<string, unknown>;
/**
 * JSON Schema (draft-07) for editors, accepting exactly what check() accepts before
 * evaluation: the text forms of numbers and bools, numbers and bools for text, and an
 * expression wherever a value is (unless `expressions: false`).
 */
export declare function toJsonSchema(schema: Schema, description?: string, o?: JsonSchemaOptions): Record<string, unknown>;

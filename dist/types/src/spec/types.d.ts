/** Variable types, as written in a spec: string, number, bool, any, list(T), map(T), object. */
export type VarType = {
    k: 'string' | 'number' | 'bool' | 'any' | 'object';
} | {
    k: 'list';
    of: VarType;
    set?: true;
} | {
    k: 'map';
    of: VarType;
};
export declare function parseVarType(text: string): VarType | undefined;
export declare function showVarType(t: VarType): string;
/**
 * Converts a value to a declared type. Strings from the environment or the command line
 * convert the way a user expects ("3" to 3, "true" to true, JSON or YAML flow for lists).
 * Returns an error message, or the converted value. The message of a sensitive value names
 * its type only, never its text.
 */
export declare function convertToType(value: unknown, type: VarType, fromText: boolean, sensitive?: boolean): {
    ok: true;
    value: unknown;
} | {
    ok: false;
    error: string;
};

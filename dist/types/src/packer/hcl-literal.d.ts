/**
 * Literal HCL values, as a Packer var file (`*.pkrvars.hcl`) holds them: strings, heredocs,
 * numbers, bools, null, lists and objects. Var files are read while a plan is resolved, which
 * is synchronous, so they are read here rather than by the wasm parser; the values they may
 * hold are literals only (Packer evaluates them with no variables or functions either).
 */
export declare class LiteralError extends Error {
    readonly offset: number;
    constructor(message: string, offset: number);
}
export declare function parseHclLiteral(text: string): unknown;

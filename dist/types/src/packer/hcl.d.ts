/**
 * Reads Packer HCL2 files: HashiCorp's own parser (hcl2json, in wasm) for the values, and the
 * position index for the order of blocks and where each one is written. The result is one
 * ordered tree per file.
 */
import type { Position, Problem } from '../spec/errors';
export interface PAttr {
    name: string;
    value: unknown;
    pos: Position;
    valuePos: Position;
    text: string;
}
export interface PBlock {
    type: string;
    labels: string[];
    pos: Position;
    body: PBody;
}
export interface PBody {
    attrs: PAttr[];
    blocks: PBlock[];
}
export declare function hclProblems(message: string, file: string): Problem[];
/** Parses one HCL file into an ordered tree with positions. */
export declare function readHcl(file: string, text: string): Promise<PBody>;

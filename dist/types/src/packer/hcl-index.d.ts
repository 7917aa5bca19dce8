/**
 * Where every block and attribute of an HCL file is written. HashiCorp's parser (through
 * hcl2json) gives values without positions and groups blocks by type, so this scanner reads
 * the structure of the same text once: blocks in order with their labels, attributes with the
 * text of their values, each with its line and column. It reads structure only; the values'
 * meaning comes from the real parser.
 */
import type { Position } from '../spec/errors';
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
export declare class HclScanError extends Error {
    readonly pos: Position;
    constructor(message: string, pos: Position);
}
/** The index of one file; a file it cannot scan is a spec problem at the place it stopped. */
export declare function indexHcl(text: string, file: string): IndexBody;

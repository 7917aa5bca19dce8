import { Position, Problem } from './errors';
/** Specs are small hand-written files; anything this large is a mistake. */
export declare const MAX_SPEC_BYTES: number;
/** A YAML file turned into plain values, with the position of every value and key kept. */
export interface LoadedFile {
    file: string;
    value: unknown;
    /** Position of the value at a key path (see {@link joinPath}). */
    positions: Map<string, Position>;
    /** Position of the key itself, for map entries. */
    keyPositions: Map<string, Position>;
    /** The directory paths are relative to, when it is not the file's own (a template directory). */
    dir?: string;
    /** Var files read without being named (Packer's `*.auto.pkrvars.hcl`), instead of bake's. */
    autoVarFiles?: string[];
    /** Read from a Packer template: settings are typed as Packer's plugins type them. */
    packer?: boolean;
    /** What is worth saying and is no error (a setting Packer itself would not use, left out). */
    notes?: Problem[];
}
export declare function joinPath(base: string, key: string | number): string;
/** Reads and parses a spec or var file; every failure is a {@link SpecError} with a position. */
export declare function loadYamlFile(file: string, what?: string): LoadedFile;
export declare function parseYaml(text: string, file: string): LoadedFile;

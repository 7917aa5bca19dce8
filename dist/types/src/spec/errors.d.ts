/** A position in a spec file, 1-based, as editors show it. */
export interface Position {
    file: string;
    line: number;
    col: number;
}
/** One problem in a spec: what, where (file:line:col and key path) and what to do. */
export interface Problem {
    message: string;
    pos?: Position;
    /** Key path inside the spec, such as `sources.app.image`. */
    path?: string;
    hint?: string;
}
/** The one boundary every problem crosses before anyone prints it: secrets are masked. */
export declare function redactProblem(p: Problem): Problem;
export declare function formatProblem(problem: Problem): string;
/**
 * A user's mistake. Carries every problem found so they are all reported at once; the CLI
 * and the action print them without a stack trace.
 */
export declare class SpecError extends Error {
    readonly problems: Problem[];
    constructor(problems: Problem[] | Problem);
}
/** Collects problems while a pass walks the whole spec, so one run reports them all. */
export declare class ProblemList {
    readonly items: Problem[];
    add(p: Problem): void;
    get size(): number;
    throwIfAny(): void;
}
export declare function sortProblems(list: Problem[]): Problem[];
/** Levenshtein distance, for "did you mean" suggestions. Inputs are short keys. */
export declare function editDistance(a: string, b: string): number;
export declare function didYouMean(word: string, candidates: Iterable<string>): string | undefined;

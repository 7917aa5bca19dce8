/** A failure a user can act on: which step, what happened, the last lines of output. */
export declare class BuildError extends Error {
    readonly hint?: string | undefined;
    readonly tail?: string[] | undefined;
    constructor(message: string, hint?: string | undefined, tail?: string[] | undefined);
}

/** The AWS error code of a failed call ("InvalidGroup.NotFound"), if it is one. */
export declare function codeOf(e: unknown): string | undefined;
/** A failed AWS call as an error a user can act on: the call, the AWS code, a hint. */
export declare function awsError(e: unknown, what: string, region?: string): Error;

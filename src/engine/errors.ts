// Its own module, so the communicators can use it without importing the engine's types.
/** A failure a user can act on: which step, what happened, the last lines of output. */
export class BuildError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly tail?: string[],
  ) {
    super(message);
    this.name = 'BuildError';
  }
}

/** node:crypto, loaded when something first needs it. */
export declare function nodeCrypto(): typeof import('node:crypto');
export declare function randomBytes(n: number): Buffer;
/** A random (version 4) UUID. */
export declare function randomUuid(): string;

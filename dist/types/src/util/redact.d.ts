export declare const REDACTED = "***";
export declare function addSecret(value: unknown): void;
/** Called for every secret, past and future (the action forwards them to core.setSecret). */
export declare function onSecret(fn: (s: string) => void): void;
export declare function redact(text: string): string;
/**
 * For a message that quotes values (problems, errors): masks every registered secret, and a
 * short one where it stands quoted as a whole value, as in `got "ab"`.
 */
export declare function redactMessage(text: string): string;
/**
 * Deep copy with every registered secret masked (for manifests, outputs, comments). A string
 * that is, as a whole, a sensitive value too short to mask in text is masked as well.
 */
export declare function redactValue<T>(v: T): T;
export declare function clearSecretsForTests(): void;

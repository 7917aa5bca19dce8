/** How provisioners reach the machine being built: commands and file transfer. */
export interface ExecOptions {
    signal: AbortSignal;
    onStdout?: (line: string) => void;
    onStderr?: (line: string) => void;
    env?: Record<string, string>;
}
export interface ExecResult {
    exitCode: number;
    /** The last lines of output, kept for error messages. */
    tail: string[];
}
export interface UploadOptions {
    /**
     * Packer's rule for a directory source without a trailing /: it lands in
     * remotePath/<its name> when remotePath is a directory already, and becomes remotePath
     * when remotePath does not exist yet. Decided on the machine, in the upload itself.
     */
    intoExisting?: boolean;
}
export interface Communicator {
    /** Runs a command with /bin/sh -c; output is streamed line by line. */
    exec(command: string, opts: ExecOptions): Promise<ExecResult>;
    /**
     * Uploads a local file or directory; a directory source ending in / copies its contents,
     * one without lands in remotePath/<its name> (but see UploadOptions.intoExisting).
     */
    upload(localPath: string, remotePath: string, signal: AbortSignal, opts?: UploadOptions): Promise<void>;
    /** Writes bytes to a remote file with the given mode. */
    uploadContent(content: Buffer | string, remotePath: string, mode: number, signal: AbortSignal): Promise<void>;
    /** Downloads a remote file or directory to a local path. */
    download(remotePath: string, localPath: string, signal: AbortSignal): Promise<void>;
    /** How a person reaches the machine (for on-error=abort). */
    describe(): string;
    /** Waits for the machine to go down after a restart command, then connects again. */
    awaitRestart?(signal: AbortSignal, timeoutMs: number): Promise<void>;
    close?(): void;
}
/** Splits a byte stream into lines, holding back a partial last line. */
export declare class LineSplitter {
    private readonly emit;
    private rest;
    constructor(emit: (line: string) => void);
    write(chunk: Buffer | string): void;
    end(): void;
}
export declare function tailKeeper(max?: number): {
    push: (l: string) => void;
    lines: string[];
};
/** Quotes a string for POSIX sh. */
export declare function shQuote(s: string): string;

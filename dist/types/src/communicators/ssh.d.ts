import { Communicator, ExecOptions, ExecResult, UploadOptions } from './communicator';
export interface SshEndpoint {
    host: string;
    port: number;
    username: string;
    password?: string;
    privateKey?: string | Buffer;
    passphrase?: string;
    agent?: string;
}
export interface SshOptions extends SshEndpoint {
    timeoutMs: number;
    handshakeAttempts: number;
    keepAliveMs: number;
    pty: boolean;
    /**
     * `stream` (the default): a file streams into `cat` and a directory into `tar` on the
     * machine, one command each, falling back to SFTP where the tool is missing. `sftp`: every
     * transfer over the SFTP subsystem (accounts that may only use SFTP).
     */
    transfer?: 'stream' | 'sftp';
    /** A pinned host key: "SHA256:base64" fingerprint or an OpenSSH public key line. */
    hostKey?: string;
    knownHostsFile?: string;
    bastion?: SshEndpoint;
    log?: (line: string) => void;
}
/** The connection dropped while a command ran (a reboot, a network blip). */
export declare class DisconnectedError extends Error {
    constructor(message?: string);
}
export declare function fingerprint(key: Buffer): string;
/** Host keys a known_hosts file lists for host:port (plain entries; hashed ones too). */
export declare function knownHostKeys(file: string, host: string, port: number): Buffer[];
export declare class SshCommunicator implements Communicator {
    private readonly o;
    private client?;
    private bastion?;
    private sftpSession?;
    /** Whether the machine has each tool a stream transfer needs (`cat`, `tar`); unknown until tried. */
    private readonly hasTool;
    /** The host key each endpoint (target, bastion) proved, by `host:port`; held for the build. */
    private readonly hostKeys;
    constructor(o: SshOptions);
    describe(): string;
    /**
     * Checks a host key: against the pin (ssh_host_key, the target only), else the known_hosts
     * file (the target and the bastion alike), else trust on first use: the first key an
     * endpoint shows is logged, and every later connection of the build is held to it.
     */
    private hostVerifier;
    /**
     * The host keys this communicator verified, as known_hosts lines, so another SSH client
     * (Ansible) can hold the same machines to the same keys. Connects first if it has not.
     */
    knownHosts(signal: AbortSignal): Promise<string>;
    private auth;
    /** Connects (again) within ssh_timeout, or the given budget after a reboot. */
    connect(signal: AbortSignal, budgetMs?: number): Promise<void>;
    private connectThroughBastion;
    private ready;
    exec(command: string, o: ExecOptions): Promise<ExecResult>;
    private sftp;
    /**
     * Runs a command that reads or writes a stream (`tool` is `cat` or `tar`) in one exec that
     * first checks the tool is there. `wire` feeds or drains the channel (what it returns is
     * awaited before the result; if it fails, the channel is closed and its error returned).
     * Returns undefined, and remembers it, when the machine has no such tool: the transfer
     * then uses SFTP. Never used with `ssh_file_transfer_method: sftp`.
     */
    private streamExec;
    /**
     * Writes a stream to a remote file with `cat`, the file created private and given its mode
     * once complete: no SFTP subsystem to start, no request per chunk. Returns false when the
     * machine has no cat (or transfers are set to SFTP).
     */
    private catInto;
    upload(localPath: string, remotePath: string, signal: AbortSignal, opts?: UploadOptions): Promise<void>;
    uploadContent(content: Buffer | string, remotePath: string, mode: number, signal: AbortSignal): Promise<void>;
    download(remotePath: string, localPath: string, signal: AbortSignal): Promise<void>;
    /** After a restart command: wait until the connection drops, then reconnect. */
    awaitRestart(signal: AbortSignal, timeoutMs: number): Promise<void>;
    private closeQuietly;
    close(): void;
}

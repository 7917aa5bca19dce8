export interface LedgerEntry {
    id: string;
    /** What kind of thing: docker-container, docker-image, local-file, ... */
    kind: string;
    /** What the cleaner needs to find it (container id, path, region + id). */
    ref: Record<string, string>;
    build: string;
    run: string;
    description: string;
    time: string;
    /** Left on purpose (on-error=abort); still listed by `bake cleanup`. */
    kept?: boolean;
    /** The plugin that made it, `kind/type` (e.g. `builder/docker`). */
    plugin?: string;
    /** For a plugin from outside bake: its module, loaded again by `bake cleanup`. */
    module?: string;
}
/** Who owns a ledger kind; the ledger writes it down with each entry. */
export type LedgerOwner = (kind: string) => {
    plugin: string;
    module?: string;
} | undefined;
export declare class ResourceLedger {
    readonly file: string;
    readonly run: string;
    private readonly owner;
    constructor(file: string, run: string, owner?: LedgerOwner);
    private append;
    add(build: string, kind: string, ref: Record<string, string>, description: string): LedgerEntry;
    done(entry: LedgerEntry): void;
    keep(entry: LedgerEntry): void;
    /** Entries that were added and never marked done, oldest first. */
    static pending(file: string): LedgerEntry[];
}

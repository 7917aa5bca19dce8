import type { ArtifactRecord } from './events';
import type { LedgerEntry } from './ledger';
/**
 * What a build made: its record (id — Docker: sha256:...; files: the first file; AMIs:
 * region:ami,... — tags, digests, files) plus what only the running process can use.
 * Post-processors take one and give another.
 */
export interface Artifact extends ArtifactRecord {
    /** Removes what the artifact stands for (docker rmi, file deletion). */
    destroy?: () => Promise<void>;
    /** While the build is running the artifact is a half-made result, listed in the ledger. */
    ledgerEntries?: LedgerEntry[];
}

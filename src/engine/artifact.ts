import type { LedgerEntry } from './ledger';

/** What a build made. Post-processors take one and give another. */
export interface Artifact {
  /** Docker: the image id (sha256:...); files: the first file; AMIs: region:ami,... */
  id: string;
  builderType: string;
  tags?: string[];
  digests?: string[];
  files?: string[];
  description?: string;
  /** Removes what the artifact stands for (docker rmi, file deletion). */
  destroy?: () => Promise<void>;
  /** While the build is running the artifact is a half-made result, listed in the ledger. */
  ledgerEntry?: LedgerEntry;
}

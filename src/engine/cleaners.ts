/** How each kind of ledgered resource is removed; shared by the engine, `bake cleanup` and the post step. */
import { rmSync } from 'node:fs';
import type Docker from 'dockerode';
import { LedgerEntry } from './ledger';

export type Cleaner = (entry: LedgerEntry, docker: () => Docker) => Promise<void>;

const ignoreMissing = (e: unknown) => {
  const code = (e as { statusCode?: number }).statusCode;
  if (code !== 404 && code !== 409) throw e;
};

export const cleaners: Record<string, Cleaner> = {
  'docker-container': async (e, docker) => {
    await docker().getContainer(e.ref.id).remove({ force: true, v: true }).catch(ignoreMissing);
  },
  'docker-image': async (e, docker) => {
    await docker().getImage(e.ref.id).remove({ force: true }).catch(ignoreMissing);
  },
  'local-file': async (e) => {
    rmSync(e.ref.path, { recursive: true, force: true });
  },
  ...Object.fromEntries(
    ['aws-instance', 'aws-security-group', 'aws-key-pair', 'aws-ami'].map((kind) => [
      kind,
      async (e: LedgerEntry) => {
        // The AWS SDK loads only when the ledger lists an AWS resource.
        const { awsCleaners } = await import('../plugins/builders/amazon-ebs/resources');
        await awsCleaners[kind](e);
      },
    ]),
  ),
};

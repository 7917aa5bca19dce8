/**
 * Removing what a googlecompute build creates. One implementation for the build's own
 * cleanups, `bake cleanup` / the action's post step (from the ledger) and `bake sweep`.
 * Each is idempotent: a resource that is already gone counts as removed.
 */
import { randomUUID } from 'node:crypto';
import type { LedgerEntry } from '../../../engine/ledger';
import { sleep } from '../../../engine/steps';
import {
  Credentials,
  gce,
  Gce,
  gceError,
  isNotFound,
  operationOf,
  retrying,
  waitOperation,
} from './gce';

const DELETE_LIMIT_MS = 10 * 60_000;

interface DeleteOptions {
  limitMs?: number;
  signal?: AbortSignal;
}

async function deleting(
  g: Gce,
  what: string,
  call: (requestId: string) => Promise<unknown>,
  o: DeleteOptions,
): Promise<void> {
  const requestId = randomUUID();
  let op;
  try {
    op = operationOf(await retrying(() => call(requestId)));
  } catch (e) {
    if (isNotFound(e)) return;
    throw gceError(e, `deleting ${what}`, g.principal);
  }
  try {
    await waitOperation(g, op, {
      what: `deleting ${what}`,
      limitMs: o.limitMs ?? DELETE_LIMIT_MS,
      signal: o.signal,
      timeoutSetting: 'delete_timeout',
    });
  } catch (e) {
    // Deleted meanwhile by someone else (or by its own max_run_duration): gone is gone.
    if (/RESOURCE_NOT_FOUND|notFound/.test((e as { code?: string }).code ?? '')) return;
    throw e;
  }
}

export function deleteInstance(g: Gce, zone: string, name: string, o: DeleteOptions = {}) {
  return deleting(
    g,
    `instance ${name}`,
    (requestId) => g.instances.delete({ project: g.project, zone, instance: name, requestId }),
    o,
  );
}

/** Deletes a disk; while an instance that is going away still holds it, tries again (~2 min). */
export async function deleteDisk(g: Gce, zone: string, name: string, o: DeleteOptions = {}) {
  const deadline = Date.now() + 120_000;
  for (let delay = 1000; ; delay = Math.min(delay * 2, 10_000)) {
    try {
      return await deleting(
        g,
        `disk ${name}`,
        (requestId) => g.disks.delete({ project: g.project, zone, disk: name, requestId }),
        o,
      );
    } catch (e) {
      if (!/resourceInUseByAnotherResource|RESOURCE_IN_USE/.test((e as Error).message)) throw e;
      if (Date.now() + delay > deadline) throw e;
      await sleep(delay, o.signal);
    }
  }
}

export function deleteImage(g: Gce, name: string, o: DeleteOptions = {}) {
  return deleting(
    g,
    `image ${name}`,
    (requestId) => g.images.delete({ project: g.project, image: name, requestId }),
    o,
  );
}

/** What a ledger entry keeps so that `bake cleanup` reaches the resource with the same identity. */
export function credentialsOfRef(ref: Record<string, string>): Credentials {
  return {
    ...(ref.credentials_file ? { credentials_file: ref.credentials_file } : {}),
    ...(ref.impersonate_service_account
      ? { impersonate_service_account: ref.impersonate_service_account }
      : {}),
  };
}

const clientOf = (e: LedgerEntry) => gce(e.ref.project, credentialsOfRef(e.ref), e.ref.spec_dir);

/** The ledger's GCE kinds, for `bake cleanup` and the post step. */
export const gceCleaners: Record<string, (e: LedgerEntry) => Promise<void>> = {
  'gce-instance': async (e) => deleteInstance(await clientOf(e), e.ref.zone, e.ref.name),
  'gce-disk': async (e) => deleteDisk(await clientOf(e), e.ref.zone, e.ref.name),
  'gce-image': async (e) => deleteImage(await clientOf(e), e.ref.name),
  'gce-oslogin-key': async (e) =>
    (await import('./oslogin')).deleteKey(
      credentialsOfRef(e.ref),
      e.ref.spec_dir ?? process.cwd(),
      e.ref.account,
      e.ref.name,
    ),
};

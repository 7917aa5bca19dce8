/**
 * Removing what an azure-arm build creates. One implementation for the build's own
 * cleanups and for `bake cleanup` / the action's post step (from the ledger alone). Each is
 * idempotent: a resource or group that is already gone counts as removed.
 */
import type { LedgerEntry } from '../../../engine/ledger';
import {
  arm,
  azureError,
  clientsFor,
  Clients,
  isNotFound,
  orMissing,
  parseId,
  Polling,
  targetFromRef,
} from './azure';

/** The API version each resource type is read and deleted with. */
const API: Record<string, string> = {
  virtualmachines: '2024-07-01',
  disks: '2024-03-02',
  images: '2024-07-01',
  'galleries/images/versions': '2023-07-03',
  networkinterfaces: '2024-05-01',
  publicipaddresses: '2024-05-01',
  networksecuritygroups: '2024-05-01',
  virtualnetworks: '2024-05-01',
};

const CLEANUP_POLLING: Polling = { intervalMs: 2000, timeoutMs: 30 * 60_000 };

/** The API version a resource of this id's type is read and deleted with. */
function apiOf(id: string, what: string): string {
  const type = parseId(id).type.toLowerCase();
  const api = API[type];
  if (!api) throw azureError(new Error(`no API version known for ${type}`), `${what} ${id}`);
  return api;
}

/** A resource by its id, or undefined when it is gone. */
export async function getResource(
  clients: Clients,
  id: string,
): Promise<{ provisioningState?: string } | undefined> {
  const r = await orMissing(
    clients.resources.resources.getById(id.replace(/^\/+/, ''), apiOf(id, 'reading')),
  );
  return (
    r && {
      provisioningState: (r.properties as { provisioningState?: string } | undefined)
        ?.provisioningState,
    }
  );
}

/** Deletes one resource by its id and waits until it is gone. */
export async function deleteResource(
  clients: Clients,
  id: string,
  polling: Polling = CLEANUP_POLLING,
): Promise<void> {
  const api = apiOf(id, 'deleting');
  try {
    await arm(
      `deleting ${id}`,
      // The client puts the id after a slash of its own.
      (o) => clients.resources.resources.beginDeleteByIdAndWait(id.replace(/^\/+/, ''), api, o),
      { polling },
    );
  } catch (e) {
    if (
      isNotFound(e) ||
      /: (ResourceGroupNotFound|ResourceNotFound|NotFound):/.test(String((e as Error).message))
    )
      return;
    throw e;
  }
}

/** Deletes a resource group; with wait: false only sends the delete. */
export async function deleteResourceGroup(
  clients: Clients,
  name: string,
  o: { wait?: boolean; polling?: Polling } = {},
): Promise<void> {
  const polling = o.polling ?? CLEANUP_POLLING;
  try {
    await arm(
      `deleting resource group ${name}`,
      async (opts) => {
        if (o.wait === false) await clients.resources.resourceGroups.beginDelete(name, opts);
        else await clients.resources.resourceGroups.beginDeleteAndWait(name, opts);
      },
      { polling },
    );
  } catch (e) {
    if (isNotFound(e) || /: ResourceGroupNotFound:/.test(String((e as Error).message))) return;
    throw e;
  }
}

const clientsOf = (e: LedgerEntry) => clientsFor({}, targetFromRef(e.ref), e.ref.subscription);

/** The ledger's Azure kinds, for `bake cleanup` and the post step. */
export const azureCleaners: Record<string, (e: LedgerEntry) => Promise<void>> = {
  'azure-resource-group': (e) => deleteResourceGroup(clientsOf(e), e.ref.name),
  'azure-resource': (e) => deleteResource(clientsOf(e), e.ref.id),
  'azure-image': (e) => deleteResource(clientsOf(e), e.ref.id),
  'azure-gallery-version': (e) => deleteResource(clientsOf(e), e.ref.id),
};

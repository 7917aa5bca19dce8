/**
 * `bake sweep` for Azure: what bake runs left (tagged `bake:run` at creation) older than a
 * limit. A temporary resource group goes whole; in a group bake did not make, each tagged
 * resource goes on its own, VMs first and networks last. A managed image or gallery version
 * is a finished build's result and is listed only while its run also left a VM, disk or
 * network piece behind (the run never finished). A dry run unless --delete.
 */
import { clientsFor, azureError, Clients, parseId, targetOf } from './azure';
import { deleteResource, deleteResourceGroup } from './resources';

export interface SweepOptions {
  subscriptions: string[];
  olderThanMs: number;
  delete: boolean;
  write: (line: string) => void;
  now?: number;
}

interface Found {
  subscription: string;
  kind: 'group' | 'resource';
  /** The group name, or the resource id. */
  name: string;
  type?: string;
  run?: string;
  created?: Date;
}

const FILTER = "tagName eq 'bake:run'";
const RESULTS = ['microsoft.compute/images', 'microsoft.compute/galleries/images/versions'];
/** Deletion order within a group: what holds others goes first. */
const ORDER = [
  'microsoft.compute/virtualmachines',
  'microsoft.network/networkinterfaces',
  'microsoft.compute/disks',
  'microsoft.network/publicipaddresses',
  'microsoft.network/networksecuritygroups',
  'microsoft.network/virtualnetworks',
  ...RESULTS,
];

const createdOf = (tags?: Record<string, string>) => {
  const t = tags?.['bake:created'];
  return t && !Number.isNaN(Date.parse(t)) ? new Date(t) : undefined;
};

async function findIn(subscription: string, clients: Clients): Promise<Found[]> {
  const out: Found[] = [];
  const groups = new Set<string>();
  for await (const g of clients.resources.resourceGroups.list({ filter: FILTER })) {
    groups.add(g.name!.toLowerCase());
    out.push({
      subscription,
      kind: 'group',
      name: g.name!,
      run: g.tags?.['bake:run'],
      created: createdOf(g.tags),
    });
  }
  for await (const r of clients.resources.resources.list({ filter: FILTER })) {
    // A resource in a group that goes whole goes with it.
    if (groups.has(parseId(r.id!).group.toLowerCase())) continue;
    out.push({
      subscription,
      kind: 'resource',
      name: r.id!,
      type: r.type?.toLowerCase(),
      run: r.tags?.['bake:run'],
      created: createdOf(r.tags),
    });
  }
  const unfinished = new Set(
    out.filter((f) => f.kind === 'group' || !RESULTS.includes(f.type ?? '')).map((f) => f.run),
  );
  return out.filter((f) => !RESULTS.includes(f.type ?? '') || unfinished.has(f.run));
}

/** Returns the exit code: 0 when everything found was listed (or removed), 1 otherwise. */
export async function sweep(o: SweepOptions): Promise<number> {
  const now = o.now ?? Date.now();
  let failed = 0;
  const found: Found[] = [];
  const answered: string[] = [];
  const clients = new Map<string, Clients>();
  await Promise.all(
    o.subscriptions.map(async (subscription) => {
      try {
        const c = clientsFor({}, targetOf({ subscription_id: subscription }));
        clients.set(subscription, c);
        found.push(...(await findIn(subscription, c)));
        answered.push(subscription);
      } catch (e) {
        failed++;
        const err = azureError(
          e,
          `listing bake resources in subscription ${subscription}`,
        ) as Error & {
          hint?: string;
        };
        o.write(err.hint ? `${err.message}\n  hint: ${err.hint}` : err.message);
      }
    }),
  );
  // Something without a known age is never old enough: only what is provably old goes.
  const old = found.filter((f) => f.created && now - f.created.getTime() >= o.olderThanMs);
  const age = (f: Found) => `${Math.round((now - f.created!.getTime()) / 3_600_000)}h old`;
  const label = (f: Found) =>
    `${f.kind === 'group' ? `resource group ${f.name} (subscription ${f.subscription})` : f.name}, run ${f.run ?? '?'}, ${age(f)}`;
  if (!old.length) {
    if (answered.length)
      o.write(
        `nothing older than ${o.olderThanMs / 3_600_000}h in subscription ${answered.sort().join(', ')}`,
      );
    return failed ? 1 : 0;
  }
  if (!o.delete) {
    for (const f of old) o.write(`would delete ${label(f)}`);
    o.write(`${old.length} resource(s); run again with --delete to remove them`);
    return failed ? 1 : 0;
  }
  const remove = async (f: Found) => {
    const c = clients.get(f.subscription)!;
    try {
      if (f.kind === 'group') await deleteResourceGroup(c, f.name);
      else await deleteResource(c, f.name);
      o.write(`deleted ${label(f)}`);
    } catch (e) {
      failed++;
      o.write(`could not delete ${label(f)}: ${(e as Error).message}`);
    }
  };
  const rank = (f: Found) => {
    const i = ORDER.indexOf(f.type ?? '');
    return i < 0 ? ORDER.length : i;
  };
  // Groups side by side with the first rank of loose resources, then rank by rank.
  const loose = old.filter((f) => f.kind === 'resource');
  const ranks = [...new Set(loose.map(rank))].sort((a, b) => a - b);
  await Promise.all([
    ...old.filter((f) => f.kind === 'group').map(remove),
    (async () => {
      for (const r of ranks) await Promise.all(loose.filter((f) => rank(f) === r).map(remove));
    })(),
  ]);
  return failed ? 1 : 0;
}

/**
 * `bake sweep`: finds what bake runs left in GCP (labelled `bake-run` at creation) older
 * than a limit, and removes it. A dry run unless --delete: it lists, then deletes instances
 * first, then disks (once no instance holds them) and images no finished build kept. A
 * finished build's image keeps its labels but leaves the ledger; it is listed only while
 * its instance or disk of the same run is also left (the run never finished).
 */
import { gce, gceError, Gce } from './gce';
import { deleteDisk, deleteImage, deleteInstance } from './resources';

export interface SweepOptions {
  projects: string[];
  olderThanMs: number;
  delete: boolean;
  write: (line: string) => void;
  now?: number;
}

interface Found {
  project: string;
  kind: 'instance' | 'disk' | 'image';
  name: string;
  zone?: string;
  created?: Date;
  run?: string;
}

const FILTER = 'labels.bake-run:*';

const createdOf = (labels: Record<string, string> | null | undefined, ts?: string | null) => {
  const l = labels?.['bake-created'];
  if (l && /^\d+$/.test(l)) return new Date(Number(l) * 1000);
  return ts && !Number.isNaN(Date.parse(ts)) ? new Date(ts) : undefined;
};

const zoneOf = (url?: string | null) => (url ? url.split('/').pop() : undefined);

async function findIn(g: Gce): Promise<Found[]> {
  const project = g.project;
  const out: Found[] = [];
  const instances = (async () => {
    for await (const [, list] of g.instances.aggregatedListAsync({ project, filter: FILTER }))
      for (const i of list.instances ?? [])
        out.push({
          project,
          kind: 'instance',
          name: i.name!,
          zone: zoneOf(i.zone),
          created: createdOf(i.labels, i.creationTimestamp),
          run: i.labels?.['bake-run'],
        });
  })();
  const disks = (async () => {
    for await (const [, list] of g.disks.aggregatedListAsync({ project, filter: FILTER }))
      for (const d of list.disks ?? [])
        out.push({
          project,
          kind: 'disk',
          name: d.name!,
          zone: zoneOf(d.zone),
          created: createdOf(d.labels, d.creationTimestamp),
          run: d.labels?.['bake-run'],
        });
  })();
  const images = (async () => {
    for await (const i of g.images.listAsync({ project, filter: FILTER }))
      out.push({
        project,
        kind: 'image',
        name: i.name!,
        created: createdOf(i.labels, i.creationTimestamp),
        run: i.labels?.['bake-run'],
      });
  })();
  await Promise.all([instances, disks, images]);
  // An image is a build's result unless its run left an instance or a disk behind.
  const unfinished = new Set(out.filter((f) => f.kind !== 'image').map((f) => f.run));
  return out.filter((f) => f.kind !== 'image' || unfinished.has(f.run));
}

/** Returns the exit code: 0 when everything found was listed (or removed), 1 otherwise. */
export async function sweep(o: SweepOptions): Promise<number> {
  const now = o.now ?? Date.now();
  let failed = 0;
  const found: Found[] = [];
  const answered: string[] = [];
  const clients = new Map<string, Gce>();
  await Promise.all(
    o.projects.map(async (project) => {
      try {
        const g = await gce(project);
        clients.set(project, g);
        found.push(...(await findIn(g)));
        answered.push(project);
      } catch (e) {
        failed++;
        const err = gceError(e, `listing bake resources in ${project}`) as Error & {
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
    `${f.project}${f.zone ? `/${f.zone}` : ''} ${f.kind} ${f.name}, run ${f.run ?? '?'}, ${age(f)}`;
  if (!old.length) {
    if (answered.length)
      o.write(`nothing older than ${o.olderThanMs / 3_600_000}h in ${answered.sort().join(', ')}`);
    return failed ? 1 : 0;
  }
  if (!o.delete) {
    for (const f of old) o.write(`would delete ${label(f)}`);
    o.write(`${old.length} resource(s); run again with --delete to remove them`);
    return failed ? 1 : 0;
  }
  const phase = (kinds: Found['kind'][]) =>
    Promise.all(
      old
        .filter((f) => kinds.includes(f.kind))
        .map(async (f) => {
          const g = clients.get(f.project)!;
          try {
            if (f.kind === 'instance') await deleteInstance(g, f.zone!, f.name);
            else if (f.kind === 'disk') await deleteDisk(g, f.zone!, f.name);
            else await deleteImage(g, f.name);
            o.write(`deleted ${label(f)}`);
          } catch (e) {
            failed++;
            o.write(`could not delete ${label(f)}: ${(e as Error).message}`);
          }
        }),
    );
  await phase(['instance']);
  await phase(['disk', 'image']);
  return failed ? 1 : 0;
}

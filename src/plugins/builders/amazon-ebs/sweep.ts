/**
 * `bake sweep`: finds what bake runs left in AWS (tagged `bake:run` at creation) older than a
 * limit, and removes it. A dry run unless --delete: it lists, then deletes instances first,
 * then key pairs and unfinished AMIs, then security groups (once no instance holds them).
 */
import {
  DescribeImagesCommand,
  DescribeKeyPairsCommand,
  paginateDescribeInstances,
  paginateDescribeSecurityGroups,
  Tag,
} from '@aws-sdk/client-ec2';
import { awsError, ec2 } from './aws';
import {
  deleteKeyPair,
  deleteSecurityGroup,
  deregisterImage,
  terminateInstance,
} from './resources';

export interface SweepOptions {
  regions: string[];
  olderThanMs: number;
  delete: boolean;
  write: (line: string) => void;
  now?: number;
}

interface Found {
  region: string;
  kind: 'instance' | 'key pair' | 'AMI' | 'security group';
  id: string;
  name?: string;
  created?: Date;
  run?: string;
}

const BAKE = [{ Name: 'tag-key', Values: ['bake:run'] }];
const tag = (tags: Tag[] | undefined, key: string) => tags?.find((t) => t.Key === key)?.Value;
const createdOf = (tags: Tag[] | undefined, fallback?: Date) => {
  const t = tag(tags, 'bake:created');
  return t && !Number.isNaN(Date.parse(t)) ? new Date(t) : fallback;
};

/** Every item of every page a paginator yields. */
async function all<P, T>(pages: AsyncIterable<P>, items: (p: P) => T[]): Promise<T[]> {
  const out: T[] = [];
  for await (const p of pages) out.push(...items(p));
  return out;
}

async function findIn(region: string): Promise<Found[]> {
  const c = ec2(region);
  const [instances, groups, keys, images] = await Promise.all([
    all(
      paginateDescribeInstances(
        { client: c },
        {
          Filters: [
            ...BAKE,
            { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] },
          ],
        },
      ),
      (p) => (p.Reservations ?? []).flatMap((x) => x.Instances ?? []),
    ),
    all(
      paginateDescribeSecurityGroups({ client: c }, { Filters: BAKE }),
      (p) => p.SecurityGroups ?? [],
    ),
    c.send(new DescribeKeyPairsCommand({ Filters: BAKE })).then((r) => r.KeyPairs ?? []),
    c
      .send(
        new DescribeImagesCommand({
          Owners: ['self'],
          Filters: [
            ...BAKE,
            { Name: 'state', Values: ['pending', 'failed', 'error', 'available'] },
          ],
        }),
      )
      .then((r) => r.Images ?? []),
  ]);
  // A finished run removes its instance, key pair and group and leaves its AMI on purpose.
  // A run that still has any of them never finished: its AMIs, even available ones, are
  // half-made results. An unfinished AMI (pending, failed) is a leftover whatever the run.
  const unfinished = new Set(
    [...instances.map((i) => i.Tags), ...keys.map((k) => k.Tags), ...groups.map((g) => g.Tags)]
      .map((t) => tag(t, 'bake:run'))
      .filter((r): r is string => !!r),
  );
  const leftImages = images.filter(
    (i) => i.State !== 'available' || unfinished.has(tag(i.Tags, 'bake:run') ?? ''),
  );
  return [
    ...instances.map((i) => ({
      region,
      kind: 'instance' as const,
      id: i.InstanceId!,
      created: createdOf(i.Tags, i.LaunchTime),
      run: tag(i.Tags, 'bake:run'),
    })),
    ...keys.map((k) => ({
      region,
      kind: 'key pair' as const,
      id: k.KeyPairId!,
      name: k.KeyName,
      created: createdOf(k.Tags, k.CreateTime),
      run: tag(k.Tags, 'bake:run'),
    })),
    ...leftImages.map((i) => ({
      region,
      kind: 'AMI' as const,
      id: i.ImageId!,
      name: i.Name,
      created: createdOf(i.Tags, i.CreationDate ? new Date(i.CreationDate) : undefined),
      run: tag(i.Tags, 'bake:run'),
    })),
    ...groups.map((g) => ({
      region,
      kind: 'security group' as const,
      id: g.GroupId!,
      name: g.GroupName,
      created: createdOf(g.Tags),
      run: tag(g.Tags, 'bake:run'),
    })),
  ];
}

async function remove(f: Found): Promise<void> {
  if (f.kind === 'instance') return terminateInstance(f.region, f.id, { wait: true });
  if (f.kind === 'key pair') return deleteKeyPair(f.region, { id: f.id, name: f.name });
  if (f.kind === 'AMI') return deregisterImage(f.region, f.id);
  return deleteSecurityGroup(f.region, f.id);
}

/** Returns the exit code: 0 when everything found was listed (or removed), 1 otherwise. */
export async function sweep(o: SweepOptions): Promise<number> {
  const now = o.now ?? Date.now();
  let failed = 0;
  const found: Found[] = [];
  const answered: string[] = [];
  await Promise.all(
    o.regions.map(async (region) => {
      try {
        found.push(...(await findIn(region)));
        answered.push(region);
      } catch (e) {
        failed++;
        const err = awsError(e, 'listing bake resources', region) as Error & { hint?: string };
        o.write(err.hint ? `${err.message}\n  hint: ${err.hint}` : err.message);
      }
    }),
  );
  // Something without a known age is never old enough: only what is provably old goes.
  const old = found.filter((f) => f.created && now - f.created.getTime() >= o.olderThanMs);
  const age = (f: Found) => `${Math.round((now - f.created!.getTime()) / 3_600_000)}h old`;
  const label = (f: Found) =>
    `${f.region} ${f.kind} ${f.id}${f.name ? ` (${f.name})` : ''}, run ${f.run ?? '?'}, ${age(f)}`;
  if (!old.length) {
    if (answered.length)
      o.write(
        `nothing older than ${o.olderThanMs / 3_600_000}h in ${o.regions.filter((r) => answered.includes(r)).join(', ')}`,
      );
    return failed ? 1 : 0;
  }
  if (!o.delete) {
    for (const f of old) o.write(`would delete ${label(f)}`);
    o.write(`${old.length} resource(s); run again with --delete to remove them`);
    return failed ? 1 : 0;
  }
  const phase = async (kinds: Found['kind'][]) =>
    Promise.all(
      old
        .filter((f) => kinds.includes(f.kind))
        .map(async (f) => {
          try {
            await remove(f);
            o.write(`deleted ${label(f)}`);
          } catch (e) {
            failed++;
            o.write(`could not delete ${label(f)}: ${(e as Error).message}`);
          }
        }),
    );
  await phase(['instance']);
  await phase(['key pair', 'AMI']);
  await phase(['security group']);
  return failed ? 1 : 0;
}

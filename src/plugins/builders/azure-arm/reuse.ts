/**
 * skip-unchanged for azure-arm: what a build starts from (the marketplace version that
 * "latest" means today, the gallery version, the managed image), and whether the managed
 * image and gallery version it made are still there.
 */
import type { ArtifactRecord } from '../../../engine/events';
import { clientsFor, parseId, targetOf } from './azure';
import { getResource } from './resources';
import type { Config } from './steps/context';

/** The newest of a list of versions named a.b.c (Azure's version format). */
function newest(names: string[]): string | undefined {
  const key = (v: string) => v.split('.').map((p) => Number(p) || 0);
  return [...names].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++)
      if ((x[i] ?? 0) !== (y[i] ?? 0)) return (y[i] ?? 0) - (x[i] ?? 0);
    return 0;
  })[0];
}

export async function azureBase(c: Config): Promise<string> {
  const t = targetOf(c);
  const clients = clientsFor(c, t);
  if (typeof c.custom_managed_image_name === 'string') {
    const img = await clients.compute.images.get(
      String(c.custom_managed_image_resource_group_name),
      c.custom_managed_image_name,
    );
    return `azure:${img.id}`;
  }
  const g = c.shared_image_gallery as Config | undefined;
  if (g) {
    const gc = clientsFor(c, t, (g.subscription as string | undefined) ?? t.subscription).compute;
    const [rg, gallery, image] = [g.resource_group, g.gallery_name, g.image_name].map(String);
    let version = String(g.image_version ?? 'latest');
    if (version === 'latest') {
      const names: string[] = [];
      for await (const v of gc.galleryImageVersions.listByGalleryImage(rg, gallery, image))
        if (!v.publishingProfile?.excludeFromLatest && v.name) names.push(v.name);
      version = newest(names) ?? 'none';
    }
    return `azure:gallery:${rg}/${gallery}/${image}/${version}`;
  }
  let version = String(c.image_version ?? 'latest');
  const [publisher, offer, sku] = [c.image_publisher, c.image_offer, c.image_sku].map(String);
  if (version === 'latest') {
    const location =
      typeof c.build_resource_group_name === 'string'
        ? (await clients.resources.resourceGroups.get(c.build_resource_group_name)).location
        : String(c.location);
    const list = await clients.compute.virtualMachineImages.list(location, publisher, offer, sku);
    version = newest(list.map((v) => v.name)) ?? 'none';
  }
  return `azure:${publisher}:${offer}:${sku}:${version}`;
}

/** The managed image and the gallery version the build made both still exist. */
export async function azureExists(c: Config, a: ArtifactRecord): Promise<boolean> {
  const t = targetOf(c);
  const ids = [a.properties?.managed_image_id, a.properties?.gallery_image_version_id].filter(
    (x): x is string => typeof x === 'string',
  );
  if (!ids.length) ids.push(a.id);
  for (const id of ids) {
    // A record that names no Azure resource cannot be reused: build again.
    if (!/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\//i.test(id)) return false;
    const r = await getResource(clientsFor(c, t, parseId(id).subscription), id);
    if (r?.provisioningState !== 'Succeeded') return false;
  }
  return true;
}

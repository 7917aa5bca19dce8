/**
 * The managed image and/or the gallery image version (made from the managed image, or from
 * the VM when no managed image is asked for). A build that does not finish removes both.
 */
import type { GalleryImageVersion } from '@azure/arm-compute';
import { BuildError } from '../../../../engine/context';
import type { Step } from '../../../../engine/steps';
import { throwIfCancelled } from '../../../../engine/steps';
import { parseDuration } from '../../../../spec/schema';
import { allOrFirstError, orMissing } from '../azure';
import { deleteResource } from '../resources';
import type { AzureState, Config, Ctx } from './context';

export function imageStep(x: Ctx): Step<AzureState> {
  const { c, clients } = x;
  const dst = c.shared_image_gallery_destination as Config | undefined;
  const imageName = c.managed_image_name as string | undefined;
  const imageGroup = c.managed_image_resource_group_name as string | undefined;
  const galleryTimeout = parseDuration(c.shared_image_gallery_timeout ?? '60m') ?? 3_600_000;

  const publishVersion = async (s: AzureState, signal: AbortSignal) => {
    const d = dst!;
    const sub = (d.subscription as string | undefined) ?? x.target.subscription;
    const gc = x.clientsIn(sub).compute;
    const [rg, g, i, v] = [d.resource_group, d.gallery_name, d.image_name, d.image_version].map(
      String,
    );
    const id = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Compute/galleries/${g}/images/${i}/versions/${v}`;
    const loc = s.galleryLocation ?? s.location!;
    const regions = ((d.target_region as Config[] | undefined) ?? [{ name: loc }]).map((r) => ({
      name: String(r.name),
      regionalReplicaCount: Number(r.replicas ?? 1),
      ...(r.storage_account_type ? { storageAccountType: String(r.storage_account_type) } : {}),
    }));
    const o = { polling: x.polling, signal, timeoutMs: galleryTimeout };
    if (c.force === true) {
      const old = await x.call(
        `looking up gallery version ${g}/${i}/${v}`,
        (p) => orMissing(gc.galleryImageVersions.get(rg, g, i, v, p)),
        o,
      );
      if (old) {
        x.env.out('info', `force: deleting gallery version ${old.id}`);
        await deleteResource(x.clientsIn(sub), old.id!, x.polling);
      }
    }
    s.version = { id, entry: x.ledger('azure-gallery-version', id, 'gallery image version') };
    const body: GalleryImageVersion = {
      location: loc,
      tags: x.tags,
      publishingProfile: {
        targetRegions: regions as never,
        storageAccountType: String(d.storage_account_type ?? 'Standard_LRS') as never,
        excludeFromLatest: d.exclude_from_latest === true,
        ...(typeof d.end_of_life_date === 'string'
          ? { endOfLifeDate: new Date(d.end_of_life_date) }
          : {}),
      },
      storageProfile: { source: { id: s.image?.id ?? s.vm!.id } },
    };
    x.env.out('info', `publishing ${g}/${i}/${v} to ${regions.map((r) => r.name).join(', ')}`);
    try {
      await x.call(
        `publishing gallery version ${g}/${i}/${v}`,
        (p) => gc.galleryImageVersions.createOrUpdate(rg, g, i, v, body, p),
        o,
      );
    } catch (e) {
      if (!(e instanceof BuildError)) throw e;
      // A failed replication: say how far each region got.
      const now = await gc.galleryImageVersions
        .get(rg, g, i, v, { expand: 'ReplicationStatus' })
        .catch(() => undefined);
      const summary = now?.replicationStatus?.summary ?? [];
      if (!summary.length) throw e;
      throw new BuildError(
        `${e.message}; replication: ${summary.map((r) => `${r.region}: ${r.state}${r.details ? ` (${r.details})` : ''}`).join(', ')}`,
        e.hint ?? 'try again, or replicate to fewer target_region entries',
      );
    }
    return regions.map((r) => r.name);
  };

  return {
    name: 'image',
    async run(s, ctx) {
      const o = { polling: x.polling, signal: ctx.signal, location: s.location };
      if (imageName && imageGroup) {
        if (c.force === true) {
          const old = await x.call(
            `looking up managed image ${imageName}`,
            (p) => orMissing(clients.compute.images.get(imageGroup, imageName, p)),
            o,
          );
          if (old) {
            ctx.log(`force: deleting managed image ${old.id}`);
            await deleteResource(clients, old.id!, x.polling);
          }
        }
        const id = x.id(imageGroup, 'Microsoft.Compute', 'images', imageName);
        s.image = { id, entry: x.ledger('azure-image', id, 'managed image') };
        ctx.log(`capturing managed image ${imageName}`);
        await x.call(
          `creating managed image ${imageName}`,
          (p) =>
            clients.compute.images.createOrUpdate(
              imageGroup,
              imageName,
              {
                location: s.location!,
                tags: x.tags,
                sourceVirtualMachine: { id: s.vm!.id },
                storageProfile: {
                  osDisk: {
                    osType: 'Linux',
                    osState: 'Generalized',
                    storageAccountType: String(
                      c.managed_image_storage_account_type ?? 'Standard_LRS',
                    ) as never,
                  },
                },
              },
              p,
            ),
          o,
        );
        throwIfCancelled(ctx.signal);
      }
      const replicated = dst ? await publishVersion(s, ctx.signal) : [];
      throwIfCancelled(ctx.signal);
      const regions: Record<string, string> = {};
      if (s.version) for (const r of replicated) regions[r] = s.version.id;
      if (s.image) regions[s.location!] = s.image.id;
      const made = [s.image, s.version].filter((m) => !!m);
      s.artifact = {
        id: (s.image ?? s.version)!.id,
        builderType: 'azure-arm',
        regions,
        properties: {
          ...(s.location ? { location: s.location } : {}),
          ...(s.image ? { managed_image_id: s.image.id } : {}),
          ...(s.version ? { gallery_image_version_id: s.version.id } : {}),
        },
        description: [
          s.image && `managed image ${s.image.id} in ${s.location}`,
          s.version && `gallery version ${s.version.id} in ${replicated.join(', ')}`,
        ]
          .filter(Boolean)
          .join('; '),
        destroy: async () => {
          await allOrFirstError(
            made.map((m) => deleteResource(x.clientsIn(m.id.split('/')[2]), m.id)),
          );
        },
        ledgerEntries: made.map((m) => m.entry),
      };
      Object.assign(x.env.generated, {
        ManagedImageId: s.image?.id ?? '',
        ManagedImageLocation: s.image ? s.location! : '',
        SharedImageGalleryVersionId: s.version?.id ?? '',
        SharedImageGalleryReplicatedRegions: replicated.join(','),
      });
      s.finished = true;
      for (const m of made) ctx.log(`made ${m.id}`);
    },
    async cleanup(s, ctx) {
      if (s.finished) return;
      // The build did not finish: neither the image nor the version may stay.
      const list = [s.version, s.image].filter((m) => !!m);
      for (const m of list) {
        ctx.log(`deleting ${m.id}`);
        await deleteResource(x.clientsIn(m.id.split('/')[2]), m.id);
        x.done(m);
      }
    },
    cleanupBudgetMs: 15 * 60_000,
  };
}

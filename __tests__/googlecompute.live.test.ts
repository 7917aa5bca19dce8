/**
 * googlecompute against real GCP. Runs only with BAKE_LIVE_GCP=1, a project
 * (GOOGLE_CLOUD_PROJECT) and credentials (GOOGLE_APPLICATION_CREDENTIALS); otherwise it is
 * reported as skipped. It bakes a small Debian image, checks it, and deletes it.
 */
import { join } from 'node:path';
import { pendingOf } from './helpers/docker';
import { bakeIn } from './helpers/run';
import { tempProject } from './helpers/spec';

const live =
  process.env.BAKE_LIVE_GCP === '1' &&
  !!process.env.GOOGLE_CLOUD_PROJECT &&
  !!process.env.GOOGLE_APPLICATION_CREDENTIALS;

(live ? it : it.skip)(
  'bakes a Debian image in the project and leaves only the image, then deletes it',
  async () => {
    const { gce, closeClients } = await import('../src/plugins/builders/googlecompute/gce');
    const { deleteImage } = await import('../src/plugins/builders/googlecompute/resources');
    const project = process.env.GOOGLE_CLOUD_PROJECT!;
    const name = `bake-live-${Date.now()}`;
    const dir = tempProject({
      'bake.yml': `sources:
  debian:
    type: googlecompute
    project_id: ${project}
    zone: ${process.env.BAKE_LIVE_GCP_ZONE ?? 'us-central1-a'}
    source_image_family: debian-12
    source_image_project_id: [debian-cloud]
    machine_type: e2-small
    ssh_username: bake
    image_name: ${name}
builds:
  live:
    sources: [debian]
    timeout: 30m
    provisioners:
      - type: shell
        inline: ['echo baked | sudo tee /etc/bake-live']
`,
    });
    const { result, ledger } = await bakeIn(dir);
    try {
      expect(result.error).toBeUndefined();
      expect(result.artifact?.id).toBe(`projects/${project}/global/images/${name}`);
      const g = await gce(project);
      const [img] = await g.images.get({ project, image: name });
      expect(img.status).toBe('READY');
      expect(pendingOf(join(dir, 'ledger.jsonl'))).toEqual([]);
      expect(ledger).toBeTruthy();
    } finally {
      await deleteImage(await gce(project), name).catch(() => undefined);
      await closeClients();
    }
  },
  30 * 60_000,
);

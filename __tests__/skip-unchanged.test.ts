/**
 * skip-unchanged with the real Docker engine: an unchanged build is reused, a changed input
 * file or a vanished artifact makes it build again, and what changes on every run
 * (timestamp(), uuidv4()) does not count as a change.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventBus, BakeEvent } from '../src/engine/events';
import { directoryCache } from '../src/engine/reuse';
import { docker, requireDocker } from './helpers/docker';
import { tempProject } from './helpers/spec';
import { bakeIn } from './helpers/run';

beforeAll(requireDocker);

const SPEC = `variables:
  token: {type: string, sensitive: true, default: first-secret-value}
locals:
  stamp: \${formatdate("YYYYMMDDhhmmss", timestamp())}
sources:
  app:
    type: docker
    image: busybox:latest
    commit: true
    changes: ['LABEL built=\${local.stamp}', 'LABEL run=\${uuidv4()}']
builds:
  b:
    sources: [app]
    provisioners:
      - type: file
        source: files/app.conf
        destination: /etc/app.conf
      - type: shell
        inline: ['test -n "$TOKEN"', 'cat /etc/app.conf']
        environment_vars: ['TOKEN=\${var.token}']
`;

const made: string[] = [];
afterAll(async () => {
  for (const id of made)
    await docker
      .getImage(id)
      .remove({ force: true })
      .catch(() => undefined);
});

async function bake(dir: string, vars: Record<string, string> = {}) {
  const events: BakeEvent[] = [];
  const bus = new EventBus();
  bus.on((e) => events.push(e));
  const { result: r } = await bakeIn(dir, { vars, bus, cache: directoryCache(join(dir, 'cache')) });
  if (r.artifact) made.push(r.artifact.id);
  const info = events
    .filter((e): e is Extract<BakeEvent, { type: 'output' }> => e.type === 'output')
    .map((e) => e.line);
  return { r, info, steps: events.filter((e) => e.type === 'step-start').length };
}

it('reuses an unchanged build, and builds again when an input or the artifact changes', async () => {
  const dir = tempProject({ 'bake.yml': SPEC, 'files/app.conf': 'workers = 4\n' });

  const first = await bake(dir);
  expect(first.r.status).toBe('succeeded');
  expect(first.r.reused).toBeUndefined();
  expect(first.info).toContain('building: changed since the last cached build');
  expect(readdirSync(join(dir, 'cache'))).toHaveLength(1);

  // Same inputs; a new timestamp() and uuidv4(), and another sensitive value (left out of
  // fingerprints on purpose): reused, without a single step.
  await new Promise((r) => setTimeout(r, 1100));
  const second = await bake(dir, { token: 'another-secret-value' });
  expect(second.r).toMatchObject({ status: 'succeeded', reused: true });
  expect(second.r.artifact?.id).toBe(first.r.artifact?.id);
  expect(second.steps).toBe(0);
  expect(second.info.join('\n')).toMatch(/unchanged since .*: reusing sha256:/);

  // A file the build uploads changed: built again, a new image.
  writeFileSync(join(dir, 'files/app.conf'), 'workers = 8\n');
  const third = await bake(dir);
  expect(third.r.reused).toBeUndefined();
  expect(third.r.artifact?.id).not.toBe(first.r.artifact?.id);

  // The cached image is gone: built again even though nothing changed.
  await docker.getImage(third.r.artifact!.id).remove({ force: true });
  const fourth = await bake(dir);
  expect(fourth.info.join('\n')).toContain(
    `unchanged, but ${third.r.artifact!.id} no longer exists`,
  );
  expect(fourth.r.reused).toBeUndefined();
  expect(fourth.r.status).toBe('succeeded');

  // And the settings themselves count: another base image is another build.
  writeFileSync(join(dir, 'bake.yml'), SPEC.replace('busybox:latest', 'debian:bookworm'));
  const fifth = await bake(dir);
  expect(fifth.r.reused).toBeUndefined();
  expect(fifth.info).toContain('building: changed since the last cached build');
});

it('a reused build still records its artifact in the manifest; building post-processors do not run again', async () => {
  const dir = tempProject({
    'bake.yml': `sources:
  app: {type: docker, image: busybox:latest, commit: true}
builds:
  b:
    sources: [app]
    provisioners: [{type: shell, inline: ['echo hi > /hi']}]
    post-processors:
      - [{type: docker-tag, repository: bake-test-reuse-manifest, tags: [one]}, {type: manifest, output: m.json}]
`,
  });
  const first = await bake(dir);
  expect(first.r.status).toBe('succeeded');
  const second = await bake(dir);
  expect(second.r.reused).toBe(true);
  const m = JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8')) as {
    builds: { artifact_id: string }[];
  };
  expect(m.builds.map((b) => b.artifact_id)).toEqual([first.r.artifact!.id, first.r.artifact!.id]);
  // Only the manifest ran for the reused build: no step at all, and no tagging.
  expect(second.steps).toBe(0);
  expect(second.info.some((l) => l.startsWith('tagged'))).toBe(false);
  await docker
    .getImage('bake-test-reuse-manifest:one')
    .remove()
    .catch(() => undefined);
});

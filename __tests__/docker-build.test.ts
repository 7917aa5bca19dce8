/**
 * The docker builder against the real Docker engine and the local registry
 * (scripts/dev-services.sh brings both up).
 */
import { builtInRegistry } from '../src/plugins/registry';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { EventBus, BakeEvent } from '../src/engine/events';
import { runPlan, RunOptions } from '../src/engine/run';
import { clearSecretsForTests } from '../src/util/redact';
import { planOf } from './helpers/spec';
import { tempProject } from './helpers/spec';
import {
  containersOfRun,
  docker,
  imageExists,
  pendingOf,
  REGISTRY,
  requireDocker,
  runIn,
} from './helpers/docker';
import { loadSpec } from '../src/spec/spec';
import { resolvePlan } from '../src/spec/resolve';

beforeAll(requireDocker);

function project(spec: string, files: Record<string, string> = {}) {
  const dir = tempProject({ 'bake.yml': spec, ...files });
  return {
    dir,
    plan: (o: Parameters<typeof resolvePlan>[1] = {}) =>
      resolvePlan(loadSpec(join(dir, 'bake.yml'), builtInRegistry()), { env: {}, ...o }),
    ledger: join(dir, '.bake', 'ledger.jsonl'),
  };
}

async function run(plan: ReturnType<typeof planOf>, ledger: string, o: Partial<RunOptions> = {}) {
  const bus = o.bus ?? new EventBus();
  const events: BakeEvent[] = [];
  bus.on((e) => events.push(e));
  const lines: string[] = [];
  const summary = await runPlan(plan, {
    parallelBuilds: 0,
    failFast: false,
    onError: 'cleanup',
    ledger,
    console: true,
    write: (t) => lines.push(t),
    ...o,
    bus,
  });
  return { summary, events, output: lines.join(''), result: summary.results[0] };
}

describe('a golden image, end to end', () => {
  it('installs a package with apt, uploads a directory, downloads a file, sets CMD and a label, is tagged, pushed, pulled back by digest and runs', async () => {
    const tag = randomBytes(4).toString('hex');
    const { dir, plan, ledger } = project(
      `variables:
  tag: {default: "${tag}"}
sources:
  app:
    type: docker
    image: debian:bookworm
    commit: true
    changes:
      - 'CMD ["/opt/app/bin/hello"]'
      - LABEL org.example.flavour=golden
      - ENV GREETING=hi
builds:
  golden:
    sources: [app]
    provisioners:
      - type: shell
        inline:
          - apt-get update -qq
          - DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends jq >/dev/null
          - jq --version
      - type: file
        source: app
        destination: /opt/
      - type: file
        source: /etc/os-release
        destination: out/os-release
        direction: download
      - type: shell
        inline: ['test -x /opt/app/bin/hello', 'echo "$BAKE_BUILD_NAME $PACKER_BUILDER_TYPE"']
    post-processors:
      - - type: docker-tag
          repository: ${REGISTRY}/bake-test/golden
          tags: ["\${var.tag}"]
        - type: docker-push
        - type: manifest
          output: out/manifest.json
`,
      {
        'app/bin/hello': '#!/bin/sh\necho "$GREETING from $(jq -n \'"golden"\')"\n',
        'app/conf/settings.conf': 'greeting = hi\n',
      },
    );
    chmodSync(join(dir, 'app/bin/hello'), 0o755);
    const p = plan();
    const { result, events, output } = await run(p, ledger);
    expect({ error: result.error, tail: result.tail }).toEqual({
      error: undefined,
      tail: undefined,
    });
    expect(result.status).toBe('succeeded');
    expect(output).toMatch(/golden\.app \| jq-1\.6/);
    expect(output).toMatch(/golden\.app \| golden\.app docker/);

    // The artifact: image id, tag, pushed digest.
    const a = result.artifact!;
    expect(a.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.tags).toEqual([`${REGISTRY}/bake-test/golden:${tag}`]);
    expect(a.digests![0]).toMatch(new RegExp(`^${REGISTRY}/bake-test/golden@sha256:[0-9a-f]{64}$`));
    expect(events.filter((e) => e.type === 'artifact')).toHaveLength(1);

    // The download arrived with its content.
    expect(readFileSync(join(dir, 'out/os-release'), 'utf8')).toMatch(/bookworm/);
    const manifest = JSON.parse(readFileSync(join(dir, 'out/manifest.json'), 'utf8'));
    expect(manifest.builds[0]).toMatchObject({
      name: 'app',
      builder_type: 'docker',
      artifact_id: a.id,
      bake_run_uuid: p.runUuid,
      packer_run_uuid: p.runUuid,
      digests: a.digests,
    });

    // Pull it back by digest from the registry and run it.
    await docker.getImage(`${REGISTRY}/bake-test/golden:${tag}`).remove({ force: true });
    await docker
      .getImage(a.id)
      .remove({ force: true })
      .catch(() => undefined);
    const stream = await docker.pull(a.digests![0]);
    await new Promise((res, rej) =>
      docker.modem.followProgress(stream, (e) => (e ? rej(e) : res(null))),
    );
    const info = await docker.getImage(a.digests![0]).inspect();
    expect(info.Config.Labels).toMatchObject({ 'org.example.flavour': 'golden' });
    expect(info.Config.Cmd).toEqual(['/opt/app/bin/hello']);
    const ran = await runIn(a.digests![0]);
    expect(ran).toEqual({ code: 0, out: expect.stringMatching(/^hi from "golden"\r?\n$/) });
    const settings = await runIn(a.digests![0], ['cat', '/opt/app/conf/settings.conf']);
    expect(settings.out.trim()).toBe('greeting = hi');

    // Nothing is left behind.
    expect(await containersOfRun(p.runUuid)).toEqual([]);
    expect(pendingOf(ledger)).toEqual([]);
    await docker
      .getImage(a.digests![0])
      .remove({ force: true })
      .catch(() => undefined);
  });
});

const tiny = (provisioners: string, extra = '', source = '') => `sources:
  t:
    type: docker
    image: busybox:latest
    commit: true
${source}builds:
  b:
    sources: [t]
${extra}    provisioners:
${provisioners}`;

describe('failures', () => {
  it('a failing provisioner fails the build with its output, and leaves no container and no image behind', async () => {
    const { plan, ledger } = project(
      tiny(
        `      - type: shell\n        inline: ['echo about to fail', 'echo oops >&2', 'exit 3']\n      - type: shell\n        inline: ['echo never']\n`,
      ),
    );
    const p = plan();
    const { result, output } = await run(p, ledger);
    expect(result).toMatchObject({
      status: 'failed',
      failedStep: 'provisioner 1: shell',
      error: 'script (inline) exited with code 3',
    });
    // stdout and stderr are separate streams: their relative order is not defined.
    expect([...result.tail!].sort()).toEqual(['about to fail', 'oops']);
    expect(output).not.toMatch(/never/);
    expect(await containersOfRun(p.runUuid)).toEqual([]);
    expect(pendingOf(ledger)).toEqual([]);
  });

  it('valid_exit_codes turns a non-zero exit into success', async () => {
    const { plan, ledger } = project(
      tiny(`      - type: shell\n        inline: ['exit 7']\n        valid_exit_codes: [0, 7]\n`),
    );
    const { result } = await run(plan(), ledger);
    expect(result.status).toBe('succeeded');
    await docker.getImage(result.artifact!.id).remove();
  });

  it('max_retries runs a flaky provisioner again', async () => {
    const { plan, ledger } = project(
      tiny(
        `      - type: shell\n        inline: ['if [ ! -e /tmp/tried ]; then touch /tmp/tried; echo first try fails; exit 1; fi', 'echo second try works']\n        max_retries: 2\n`,
      ),
    );
    const { result, output } = await run(plan(), ledger);
    expect(result.status).toBe('succeeded');
    expect(output).toMatch(/retry 1 of 2/);
    expect(output).toMatch(/second try works/);
    await docker.getImage(result.artifact!.id).remove();
  });

  it('a provisioner timeout stops a hung command', async () => {
    const { plan, ledger } = project(
      tiny(`      - type: shell\n        inline: ['sleep 60']\n        timeout: 1s\n`),
    );
    const p = plan();
    const { result } = await run(p, ledger);
    expect(result).toMatchObject({ status: 'failed', error: 'shell timed out after 1s' });
    expect(result.durationMs).toBeLessThan(20_000);
    expect(await containersOfRun(p.runUuid)).toEqual([]);
  });

  it('a build-level timeout fails the build and cleans up', async () => {
    const { plan, ledger } = project(
      tiny(`      - type: shell\n        inline: ['sleep 60']\n`, '    timeout: 2s\n'),
    );
    const p = plan();
    const { result } = await run(p, ledger);
    expect(result).toMatchObject({ status: 'failed', error: 'build timeout of 2s exceeded' });
    expect(await containersOfRun(p.runUuid)).toEqual([]);
    expect(pendingOf(ledger)).toEqual([]);
  });

  it('a missing image with pull: never says what to do', async () => {
    const { plan, ledger } = project(
      tiny(`      - type: shell\n        inline: ['true']\n`)
        .replace('busybox:latest', 'bake-test/nonexistent:1')
        .replace('commit: true', 'commit: true\n    pull: never'),
    );
    const { result } = await run(plan(), ledger);
    expect(result).toMatchObject({
      status: 'failed',
      failedStep: 'pull',
      error: 'image bake-test/nonexistent:1 is not present and pull is "never"',
    });
  });

  it('one failed build does not stop the others, and both are reported', async () => {
    const spec = `sources:\n  ok: {type: docker, image: busybox:latest, commit: true}\n  bad: {type: docker, image: busybox:latest, commit: true}\nbuilds:\n  b:\n    sources: [ok, bad]\n    provisioners:\n      - type: shell\n        inline: ['sleep 1; test "$PACKER_BUILD_NAME" = ok']\n`;
    const { plan, ledger } = project(spec);
    const { summary } = await run(plan(), ledger);
    expect(summary.results.map((r) => [r.name, r.status])).toEqual([
      ['b.ok', 'succeeded'],
      ['b.bad', 'failed'],
    ]);
    expect(summary.ok).toBe(false);
    await docker.getImage(summary.results[0].artifact!.id).remove();
  });

  it('--fail-fast cancels the builds still running', async () => {
    const spec = `sources:\n  slow: {type: docker, image: busybox:latest, commit: true}\n  bad: {type: docker, image: busybox:latest, commit: true}\nbuilds:\n  b:\n    sources: [slow, bad]\n    provisioners:\n      - type: shell\n        inline: ['if [ "$PACKER_BUILD_NAME" = bad ]; then exit 1; fi; sleep 60']\n`;
    const { plan, ledger } = project(spec);
    const p = plan();
    const { summary } = await run(p, ledger, { failFast: true });
    expect(summary.results.map((r) => r.status)).toEqual(['cancelled', 'failed']);
    expect(await containersOfRun(p.runUuid)).toEqual([]);
    expect(pendingOf(ledger)).toEqual([]);
  });
});

describe('cancellation', () => {
  const steps = [
    'pull',
    'create container',
    'start container',
    'provisioner 1: shell',
    'commit',
    'post-processor 1.1: docker-tag',
  ];
  it.each(steps)(
    'a build cancelled at "%s" leaves no container, no half-made image and an empty ledger',
    async (step) => {
      const { plan, ledger } = project(
        tiny(`      - type: shell\n        inline: ['sleep 2']\n`, '', '') +
          `    post-processors:\n      - type: docker-tag\n        repository: bake-test/cancel\n`,
      );
      const p = plan();
      const ctl = new AbortController();
      const bus = new EventBus();
      bus.on((e) => {
        if (e.type === 'step-start' && e.step === step)
          setTimeout(() => ctl.abort(), step === 'provisioner 1: shell' ? 300 : 0);
      });
      const { result, events } = await run(p, ledger, { signal: ctl.signal, bus });
      expect(events.some((e) => e.type === 'step-start' && e.step === step)).toBe(true);
      expect(result.status).toBe('cancelled');
      expect(await containersOfRun(p.runUuid)).toEqual([]);
      expect(pendingOf(ledger)).toEqual([]);
      const committed = events.find(
        (e) => e.type === 'output' && /^committed sha256:/.test(e.line),
      );
      if (committed && committed.type === 'output')
        expect(await imageExists(committed.line.replace('committed ', ''))).toBe(false);
    },
  );
});

describe('on-error', () => {
  it('abort keeps the container, says how to reach it, and keeps it in the ledger for cleanup', async () => {
    const { plan, ledger } = project(
      tiny(`      - type: shell\n        inline: ['echo marker > /tmp/evidence', 'exit 1']\n`),
    );
    const p = plan();
    const { result } = await run(p, ledger, { onError: 'abort' });
    expect(result.status).toBe('failed');
    expect(result.leftRunning).toMatch(/docker exec -it [0-9a-f]{12} \/bin\/sh/);
    const left = await containersOfRun(p.runUuid);
    expect(left).toHaveLength(1);
    expect(left[0].State).toBe('running');
    const pending = pendingOf(ledger);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ kind: 'docker-container', kept: true });
    const { cleanupLedger } = await import('../src/engine/run');
    const out: string[] = [];
    expect(await cleanupLedger(ledger, builtInRegistry(), (t) => out.push(t))).toBe(0);
    expect(await containersOfRun(p.runUuid)).toEqual([]);
    expect(await cleanupLedger(ledger, builtInRegistry(), (t) => out.push(t))).toBe(0);
    expect(out.join('')).toMatch(/nothing to clean up/);
  });

  it('run-cleanup-provisioner runs the error-cleanup-provisioner, then keeps the machine', async () => {
    const { dir, plan, ledger } = project(
      tiny(
        `      - type: shell\n        inline: ['exit 1']\n`,
        `    error-cleanup-provisioner:\n      type: shell-local\n      inline: ['echo "cleanup saw $BAKE_BUILD_NAME" > error-cleanup.txt']\n`,
      ),
    );
    const p = plan();
    const { result } = await run(p, ledger, { onError: 'run-cleanup-provisioner' });
    expect(result.status).toBe('failed');
    expect(readFileSync(join(dir, 'error-cleanup.txt'), 'utf8')).toBe('cleanup saw b.t\n');
    expect(await containersOfRun(p.runUuid)).toHaveLength(1);
    const { cleanupLedger } = await import('../src/engine/run');
    await cleanupLedger(ledger, builtInRegistry(), () => undefined);
    expect(await containersOfRun(p.runUuid)).toEqual([]);
  });
});

describe('outputs other than commit', () => {
  it('export_path writes the filesystem; checksum and compress work on it', async () => {
    const { dir, plan, ledger } = project(
      `sources:\n  t: {type: docker, image: busybox:latest, export_path: out/fs.tar}\nbuilds:\n  b:\n    sources: [t]\n    provisioners:\n      - {type: shell, inline: ['echo exported > /exported.txt']}\n    post-processors:\n      - - type: checksum\n          output: out/{{.BuildName}}.{{.ChecksumType}}\n        - type: compress\n          output: out/fs.tar.gz\n          keep_input_artifact: true\n`,
    );
    const { result } = await run(plan(), ledger);
    expect(result.status).toBe('succeeded');
    expect(existsSync(join(dir, 'out/fs.tar'))).toBe(true);
    const sum = readFileSync(join(dir, 'out/b.t.sha256'), 'utf8');
    expect(sum).toMatch(/^[0-9a-f]{64}\tfs\.tar\n$/);
    expect(result.artifact!.files).toEqual(expect.arrayContaining([join(dir, 'out/fs.tar.gz')]));
    const tarText = readFileSync(join(dir, 'out/fs.tar')).toString('latin1');
    expect(tarText).toContain('exported.txt');
  });

  it('discard produces no artifact and leaves nothing', async () => {
    const { plan, ledger } = project(
      `sources:\n  t: {type: docker, image: busybox:latest, discard: true}\nbuilds:\n  b:\n    sources: [t]\n    provisioners:\n      - {type: shell, inline: ['true']}\n`,
    );
    const p = plan();
    const { result } = await run(p, ledger);
    expect(result.status).toBe('succeeded');
    expect(result.artifact).toBeUndefined();
    expect(await containersOfRun(p.runUuid)).toEqual([]);
  });

  it('docker-save writes a loadable tar; the committed image is removed unless kept', async () => {
    const { dir, plan, ledger } = project(
      `sources:\n  t: {type: docker, image: busybox:latest, commit: true}\nbuilds:\n  b:\n    sources: [t]\n    post-processors:\n      - type: docker-save\n        path: out/image.tar\n`,
    );
    const { result, events } = await run(plan(), ledger);
    expect(result.status).toBe('succeeded');
    const committed = events.find((e) => e.type === 'artifact');
    expect(existsSync(join(dir, 'out/image.tar'))).toBe(true);
    expect(readFileSync(join(dir, 'out/image.tar')).toString('latin1')).toContain('manifest.json');
    // Packer's rule: the first post-processor consumes the input unless keep_input_artifact.
    if (committed?.type === 'artifact')
      expect(await imageExists(committed.artifact.id)).toBe(false);
  });
});

describe('secrets', () => {
  it('a sensitive variable never reaches output, events, or the manifest', async () => {
    clearSecretsForTests();
    const { dir, plan, ledger } = project(
      `variables:\n  token: {sensitive: true}\n${tiny(`      - type: shell\n        inline: ['echo "the token is $TOKEN"']\n        env: {TOKEN: "\${var.token}"}\n`)}    post-processors:\n      - type: manifest\n        output: m.json\n        custom_data: {token: "\${var.token}"}\n`,
    );
    const secret = 'tok-' + randomBytes(8).toString('hex');
    const events = join(dir, 'events.jsonl');
    const { result, output } = await run(plan({ vars: { token: secret } }), ledger, { events });
    expect(result.status).toBe('succeeded');
    expect(output).toMatch(/the token is \*\*\*/);
    for (const text of [
      output,
      readFileSync(events, 'utf8'),
      readFileSync(join(dir, 'm.json'), 'utf8'),
      readFileSync(ledger, 'utf8'),
    ]) {
      expect(text).not.toContain(secret);
    }
    await docker.getImage(result.artifact!.id).remove();
  });
});

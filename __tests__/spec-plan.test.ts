import { openSpec } from '../src/plugins/external';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli';
import { resolvePlan } from '../src/spec/resolve';
import { planOf, problemsOf } from './helpers/spec';
import { fillLateFields, showLateFields } from '../src/spec/late';

const TWO = `sources:
  app-docker:
    type: docker
    image: debian:bookworm
    runs_on: ubuntu-24.04
  tiny:
    type: docker
    image: busybox:latest
builds:
  app:
    sources: [app-docker, tiny]
    provisioners:
      - type: shell
        inline: ["echo \${source.name} \${build.name} \${source.type}"]
      - type: shell
        inline: [only-app]
        only: [app-docker]
      - type: shell
        inline: [not-tiny]
        except: ["ti*"]
      - type: shell
        inline: [default]
        override:
          tiny:
            inline: [overridden]
    post-processors:
      - type: docker-tag
        repository: r/\${source.name}
        only: [app-docker]
      - type: manifest
  other:
    sources: [tiny]
`;

describe('build instances', () => {
  const plan = planOf(TWO);
  const byName = Object.fromEntries(plan.instances.map((i) => [i.name, i]));

  it('are build × source, named <build>.<source>', () => {
    expect(plan.instances.map((i) => i.name)).toEqual(['app.app-docker', 'app.tiny', 'other.tiny']);
  });
  it('see source.name, source.type and build.name', () => {
    expect(byName['app.tiny'].provisioners[0].config.inline).toEqual(['echo tiny app docker']);
  });
  it('apply only / except (globs) to provisioners and post-processors', () => {
    expect(
      byName['app.app-docker'].provisioners.map((p) => (p.config.inline as string[])[0]),
    ).toEqual(['echo app-docker app docker', 'only-app', 'not-tiny', 'default']);
    expect(byName['app.tiny'].provisioners.map((p) => (p.config.inline as string[])[0])).toEqual([
      'echo tiny app docker',
      'overridden',
    ]);
    expect(byName['app.app-docker'].postProcessors.map((c) => c.map((p) => p.type))).toEqual([
      ['docker-tag'],
      ['manifest'],
    ]);
    expect(byName['app.tiny'].postProcessors.map((c) => c.map((p) => p.type))).toEqual([
      ['manifest'],
    ]);
  });
  it('evaluate post-processor settings per source', () =>
    expect(byName['app.app-docker'].postProcessors[0][0].config.repository).toBe('r/app-docker'));
  it('carry runs_on out of the builder config', () => {
    expect(byName['app.app-docker'].runsOn).toBe('ubuntu-24.04');
    expect(byName['app.app-docker'].config.runs_on).toBeUndefined();
  });
});

describe("a running build's fields (build.ID, build.Host, …)", () => {
  it('are an error in a source, where the machine is not running yet', () => {
    const ps = problemsOf(`sources:
  app:
    type: docker
    image: "debian:\${build.ID}"
    commit: true
builds:
  main:
    sources: [app]
`);
    expect(ps.map((p) => [p.message.split(' in ')[0], p.hint, p.pos?.line, p.pos?.col])).toEqual([
      [
        "build.ID is known only once the build's machine runs",
        'use it in provisioners and post-processors, which run then',
        4,
        12,
      ],
    ]);
  });
  it('stay for the engine to fill in provisioners and post-processors; bake.version is known', () => {
    const plan = planOf(`sources:
  app:
    type: docker
    image: debian:bookworm
    commit: true
builds:
  main:
    sources: [app]
    provisioners:
      - type: shell
        inline: ["echo \${build.Host} \${bake.version} \${build.name}"]
    post-processors:
      - type: docker-tag
        repository: "r/\${build.ID}"
`);
    const [inst] = plan.instances;
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string })
      .version;
    expect(showLateFields((inst.provisioners[0].config.inline as string[])[0])).toBe(
      `echo \${build.Host} ${version} main`,
    );
    expect(showLateFields(String(inst.postProcessors[0][0].config.repository))).toBe(
      'r/${build.ID}',
    );
    expect(fillLateFields(inst.provisioners[0].config, { Host: '10.0.0.5' }).inline).toEqual([
      `echo 10.0.0.5 ${version} main`,
    ]);
    expect(() => fillLateFields(inst.postProcessors[0][0].config, { Host: 'h' })).toThrow(
      'build.ID is not known in this build',
    );
  });
});

describe('--only / --except', () => {
  it('select by glob over instance names or source names', () => {
    expect(planOf(TWO, { only: ['app.*'] }).instances.map((i) => i.name)).toEqual([
      'app.app-docker',
      'app.tiny',
    ]);
    expect(planOf(TWO, { only: ['tiny'] }).instances.map((i) => i.name)).toEqual([
      'app.tiny',
      'other.tiny',
    ]);
    expect(planOf(TWO, { except: ['*.tiny'] }).instances.map((i) => i.name)).toEqual([
      'app.app-docker',
    ]);
  });
  it('a pattern that matches nothing is an error listing the names', () => {
    const [p] = problemsOf(TWO, { only: ['ap.*'] });
    expect(p.message).toBe('--only pattern "ap.*" matches no build');
    expect(p.hint).toBe('build names: app.app-docker, app.tiny, other.tiny');
  });
});

describe('settings checked after evaluation', () => {
  it('a variable of the wrong type for a bool setting is reported at the setting', () => {
    const problems = problemsOf(
      `variables:\n  c: {default: maybe}\nsources:\n  a:\n    type: docker\n    image: x\n    commit: \${var.c}\nbuilds:\n  b: {sources: [a]}\n`,
    );
    expect(problems[0]).toMatchObject({
      message: 'expected true or false, got the string "maybe"',
      pos: { line: 7, col: 13 },
    });
  });
});

describe('commands', () => {
  function capture(): { out: string[]; restore: () => void } {
    const out: string[] = [];
    const w = process.stdout.write.bind(process.stdout);
    const e = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((s: string) => (out.push(s), true)) as typeof process.stdout.write;
    process.stderr.write = ((s: string) => (out.push(s), true)) as typeof process.stderr.write;
    return { out, restore: () => ((process.stdout.write = w), (process.stderr.write = e)) };
  }

  it('plan --json prints a GitHub matrix', async () => {
    const { tempProject } = await import('./helpers/spec');
    const dir = tempProject({ 'bake.yml': TWO });
    const c = capture();
    let code: number;
    try {
      code = await main(['plan', join(dir, 'bake.yml'), '--json', '--only', 'app.*']);
    } finally {
      c.restore();
    }
    expect(code).toBe(0);
    expect(JSON.parse(c.out.join(''))).toEqual({
      include: [
        {
          name: 'app.app-docker',
          build: 'app',
          source: 'app-docker',
          type: 'docker',
          runs_on: 'ubuntu-24.04',
        },
        { name: 'app.tiny', build: 'app', source: 'tiny', type: 'docker' },
      ],
    });
  });

  it('validate exits 1 and prints every error with its position, no stack trace', async () => {
    const { tempProject } = await import('./helpers/spec');
    const dir = tempProject({
      'bake.yml': 'sources:\n  a: {type: dockr}\nbuilds:\n  b: {sources: [c]}\n',
    });
    const c = capture();
    let code: number;
    try {
      code = await main(['validate', join(dir, 'bake.yml')]);
    } finally {
      c.restore();
    }
    const text = c.out.join('');
    expect(code).toBe(1);
    expect(text).toMatch(/bake\.yml:2:13: unknown builder type "dockr"/);
    expect(text).toMatch(/bake\.yml:4:17: build "b" uses source "c", which is not defined/);
    expect(text).toMatch(/2 errors/);
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('an unknown command or flag is a usage error (exit 2)', async () => {
    const c = capture();
    try {
      expect(await main(['bild'])).toBe(2);
      expect(await main(['validate', '--parallel-builds', 'x'])).toBe(2);
    } finally {
      c.restore();
    }
    expect(c.out.join('')).toMatch(/unknown command "bild"/);
  });
});

describe('examples/', () => {
  const specs: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      // examples/plugin needs a base tarball made first; __tests__/plugins.test.ts builds it.
      if (p === join('examples', 'plugin')) continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (/^bake.*\.ya?ml$/.test(f)) specs.push(p);
    }
  };
  walk('examples');
  it('holds specs', () => expect(specs.length).toBeGreaterThan(0));
  it.each(specs)('%s validates', async (p) => {
    // As `bake validate` reads it: with the plugins the spec lists.
    const plan = resolvePlan(await openSpec(p), { env: {} });
    expect(plan.instances.length).toBeGreaterThan(0);
  });
});

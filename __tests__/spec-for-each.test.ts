/**
 * for_each on sources, provisioners and post-processors: one instance or step per element,
 * with each.key and each.value, planned once the variables are known.
 */
import { planOf, problemsOf } from './helpers/spec';

const VARS = `variables:
  distros:
    type: map(string)
    default: {bookworm: "debian:12", trixie: "debian:13"}
  scripts:
    type: list(string)
    default: [a.sh, b.sh]
`;

describe('a source with for_each', () => {
  const spec = `${VARS}sources:
  app:
    type: docker
    for_each: \${var.distros}
    image: \${each.value}
    commit: true
  tiny:
    type: docker
    image: busybox:latest
builds:
  main:
    sources: [app, tiny]
    provisioners:
      - type: shell
        inline: ["echo \${source.name} \${build.source_name}"]
      - type: shell
        inline: [only-trixie]
        only: [app-trixie]
      - type: shell
        inline: [every-app]
        only: [app]
`;

  it('is one instance per element, named SOURCE-KEY, in key order', () => {
    const plan = planOf(spec);
    expect(plan.instances.map((i) => [i.name, i.config.image])).toEqual([
      ['main.app-bookworm', 'debian:12'],
      ['main.app-trixie', 'debian:13'],
      ['main.tiny', 'busybox:latest'],
    ]);
    // for_each and name are the source's, not the builder's.
    expect(plan.instances[0].config).not.toHaveProperty('for_each');
  });

  it('gives each instance its own source.name; only/except match it or its source', () => {
    const plan = planOf(spec);
    const steps = Object.fromEntries(
      plan.instances.map((i) => [i.source, i.provisioners.map((p) => p.config.inline)]),
    );
    expect(steps).toEqual({
      'app-bookworm': [['echo app-bookworm app-bookworm'], ['every-app']],
      'app-trixie': [['echo app-trixie app-trixie'], ['only-trixie'], ['every-app']],
      tiny: [['echo tiny tiny']],
    });
  });

  it('follows the variables: a list from --var makes its instances', () => {
    const plan = planOf(spec, { vars: { distros: '{"trixie":"debian:13","sid":"debian:sid"}' } });
    expect(plan.instances.map((i) => [i.name, i.config.image])).toEqual([
      ['main.app-sid', 'debian:sid'],
      ['main.app-trixie', 'debian:13'],
      ['main.tiny', 'busybox:latest'],
    ]);
  });

  it('can be selected with --only by instance name', () => {
    const plan = planOf(spec, { only: ['main.app-trixie'] });
    expect(plan.instances.map((i) => i.name)).toEqual(['main.app-trixie']);
    expect(plan.allNames).toContain('main.app-bookworm');
  });

  it('takes name: for the instances, with each.key and each.value', () => {
    const plan = planOf(`${VARS}sources:
  app:
    type: docker
    for_each: [one, two]
    name: app-\${each.value}-\${each.key}
    image: debian:\${each.value}
builds:
  main:
    sources: [app]
`);
    expect(plan.instances.map((i) => [i.name, i.config.image])).toEqual([
      ['main.app-one-0', 'debian:one'],
      ['main.app-two-1', 'debian:two'],
    ]);
  });

  const bad = (source: string, extraSources = '') => `${VARS}sources:
  app:
    type: docker
    image: debian:12
${source}
${extraSources}builds:
  main:
    sources: [app]
`;

  it.each([
    [
      'for_each that is not a list or map',
      '    for_each: ${length(var.scripts)}',
      /^for_each takes a list or a map, not number$/,
      'sources.app.for_each',
    ],
    [
      'a sensitive for_each',
      '    for_each: ${sensitive(var.scripts)}',
      /^for_each cannot be sensitive/,
      'sources.app.for_each',
    ],
    [
      'an instance name that is not a name',
      '    for_each: ["a b"]\n    name: ${each.value}',
      /^instance "a b" of source "app" \(for_each element 0\) is not a valid name$/,
      'sources.app.name',
    ],
    [
      'two instances with one name',
      '    for_each: [x, y]\n    name: same',
      /^an instance of source "app" is named "same", which another of its instances already is$/,
      'sources.app.name',
    ],
    [
      'name without for_each',
      '    name: other',
      /^name is for a source with for_each; a source is named by its key$/,
      'sources.app.name',
    ],
    [
      'each outside for_each',
      '    commit: ${each.value}',
      /^each.key and each.value are known only in a source or step with for_each in "\$\{each.value\}"/,
      'sources.app.commit',
    ],
  ])('%s is one error at the setting', (_, source, message, path) => {
    const problems = problemsOf(bad(source));
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(message);
    expect(problems[0].path).toBe(path);
    expect(problems[0].pos?.line).toBeGreaterThan(1);
  });

  it('an instance may not take the name of another source', () => {
    const problems = problemsOf(
      bad(
        '    for_each: [tiny]\n    name: ${each.value}',
        '  tiny:\n    type: docker\n    image: busybox\n',
      ),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'an instance of source "app" is named "tiny", which source "tiny" already is',
    ]);
  });

  it('an empty for_each leaves the build with nothing to build, which is an error', () => {
    const problems = problemsOf(bad('    for_each: []'));
    expect(problems.map((p) => [p.message, p.path])).toEqual([
      [
        'build "main" has nothing to build: the for_each of its sources is empty',
        'builds.main.sources',
      ],
    ]);
  });
});

describe('a source with for_each, at its edges', () => {
  const spec = (source: string, build = '    sources: [app]\n') => `${VARS}  token:
    type: string
    sensitive: true
    default: s3cr3t-value
  picked:
    type: set(string)
    default: [trixie, bookworm, trixie]
sources:
  app:
    type: docker
    image: debian:12
${source}
  tiny:
    type: docker
    image: busybox:latest
builds:
  main:
${build}`;

  it('a set is keyed by its elements, as in HCL: toset() and a set(string) variable', () => {
    for (const fe of ['${toset(["trixie", "bookworm"])}', '${var.picked}']) {
      const plan = planOf(spec(`    for_each: ${fe}\n    commit: \${each.key == each.value}`));
      expect(plan.instances.map((i) => [i.name, i.config.commit])).toEqual([
        ['main.app-bookworm', true],
        ['main.app-trixie', true],
      ]);
    }
  });

  it.each([
    [
      'a sensitive name',
      '    name: app-${var.token}',
      'the name of source "app" cannot be sensitive: instance names are shown and tag what the build makes',
    ],
    ['a name that is null', '    name: ${null}', 'the name of source "app" must be text, not null'],
    [
      'a name that is a list',
      '    name: ${[each.key]}',
      'the name of source "app" must be text, not list',
    ],
  ])('%s is refused at the name, without its value', (_, name, message) => {
    const problems = problemsOf(spec(`    for_each: [a]\n${name}`));
    expect(problems.map((p) => [p.message, p.path])).toEqual([[message, 'sources.app.name']]);
    expect(JSON.stringify(problems)).not.toContain('s3cr3t');
  });

  it('a source listed twice in a build is one error at the second', () => {
    const problems = problemsOf(spec('    for_each: [a]', '    sources: [app, tiny, app]\n'));
    expect(problems.map((p) => [p.message, p.path])).toEqual([
      ['source "app" is listed twice in build "main"', 'builds.main.sources[2]'],
    ]);
  });

  it('a for_each that fails is its one error: the steps that name its instances say nothing', () => {
    const problems = problemsOf(
      spec(
        '    for_each: ${var.nope}',
        '    sources: [app]\n    provisioners:\n      - type: shell\n        inline: [x]\n        only: [app-a]\n',
      ),
    );
    expect(problems.map((p) => p.path)).toEqual(['sources.app.for_each']);
  });

  it('an empty for_each in a build that --only leaves out is no error', () => {
    const yaml = spec('    for_each: []', '    sources: [tiny]\n  extras:\n    sources: [app]\n');
    expect(planOf(yaml, { only: ['main.*'] }).instances.map((i) => i.name)).toEqual(['main.tiny']);
    // Asked for, it is the error it always was.
    expect(problemsOf(yaml, { only: ['extras.app-*'] }).map((p) => p.message)).toEqual([
      'build "extras" has nothing to build: the for_each of its sources is empty',
    ]);
  });

  it('--only and --except take the source of a for_each instance as well as its own name', () => {
    const yaml = spec('    for_each: {a: 1, b: 2}', '    sources: [app, tiny]\n');
    expect(planOf(yaml, { only: ['main.app'] }).instances.map((i) => i.name)).toEqual([
      'main.app-a',
      'main.app-b',
    ]);
    expect(planOf(yaml, { except: ['app'] }).instances.map((i) => i.name)).toEqual(['main.tiny']);
  });

  it("a step's override for the source applies to every instance, an instance's on top", () => {
    const plan = planOf(
      spec(
        '    for_each: {a: 1, b: 2}',
        `    sources: [app]
    provisioners:
      - type: shell
        inline: [base]
        environment_vars: [X=base]
        override:
          app: {environment_vars: [X=src]}
          app-a: {inline: [mine]}
`,
      ),
    );
    expect(
      plan.instances.map((i) => [
        i.source,
        i.provisioners[0].config.inline,
        i.provisioners[0].config.environment_vars,
      ]),
    ).toEqual([
      ['app-a', ['mine'], ['X=src']],
      ['app-b', ['base'], ['X=src']],
    ]);
  });

  it('an override cannot set for_each', () => {
    const problems = problemsOf(
      spec(
        '    for_each: [a]',
        '    sources: [app]\n    provisioners:\n      - type: shell\n        inline: [x]\n        override:\n          app: {for_each: [1, 2]}\n',
      ),
    );
    expect(problems.map((p) => [p.message.split(':')[0], p.path])).toEqual([
      [
        'override for "app" cannot set for_each',
        'builds.main.provisioners[0].override.app.for_each',
      ],
    ]);
  });
});

describe('a step with for_each', () => {
  const spec = (steps: string) => `${VARS}sources:
  app:
    type: docker
    image: debian:12
    commit: true
builds:
  main:
    sources: [app]
${steps}`;

  it('runs once per element, in place, each with its own each.key and each.value', () => {
    const plan = planOf(
      spec(`    provisioners:
      - type: shell
        inline: [first]
      - type: shell
        for_each: \${var.scripts}
        inline: ["run \${each.value} (\${each.key}) on \${source.name}"]
      - type: file
        for_each: {etc: /etc/app, opt: /opt/app}
        content: \${each.key}
        destination: \${each.value}/marker
      - type: shell
        inline: [last]
`),
    );
    const provs = plan.instances[0].provisioners;
    expect(provs.map((p) => [p.label, p.config.inline ?? p.config.destination])).toEqual([
      ['shell', ['first']],
      ['shell[0]', ['run a.sh (0) on app']],
      ['shell[1]', ['run b.sh (1) on app']],
      ['file[etc]', '/etc/app/marker'],
      ['file[opt]', '/opt/app/marker'],
      ['shell', ['last']],
    ]);
  });

  it('a post-processor with for_each in a chain is that many in the chain; alone, that many chains', () => {
    const plan = planOf(
      spec(`    post-processors:
      - - type: docker-tag
          for_each: [one, two]
          repository: r/\${each.value}
        - type: manifest
      - type: docker-tag
        for_each: [three, four]
        repository: q/\${each.value}
`),
    );
    expect(
      plan.instances[0].postProcessors.map((chain) =>
        chain.map((u) => `${u.label}:${String(u.config.repository ?? '')}`),
      ),
    ).toEqual([
      ['docker-tag[0]:r/one', 'docker-tag[1]:r/two', 'manifest:'],
      ['docker-tag[0]:q/three'],
      ['docker-tag[1]:q/four'],
    ]);
  });

  it('is not for the error-cleanup-provisioner', () => {
    const problems = problemsOf(
      spec(`    error-cleanup-provisioner:
      type: shell
      for_each: [a, b]
      inline: [x]
`),
    );
    expect(problems.map((p) => [p.message, p.path])).toEqual([
      [
        'for_each is not for the error-cleanup-provisioner: a build has one',
        'builds.main.error-cleanup-provisioner.for_each',
      ],
    ]);
  });

  it('a step for_each that is not a list or map is one error there', () => {
    const problems = problemsOf(
      spec(`    provisioners:
      - type: shell
        for_each: just-text
        inline: [x]
`),
    );
    expect(problems.map((p) => [p.message, p.path, p.pos?.line])).toEqual([
      ['for_each takes a list or a map, not string', 'builds.main.provisioners[0].for_each', 18],
    ]);
  });
});

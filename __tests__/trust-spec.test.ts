/** tests:, sbom: and scan: as the spec writes them: what is accepted, and one clear error per mistake. */
import { join } from 'node:path';
import { planOf, problemsOf } from './helpers/spec';

const head = `sources:
  app:
    type: docker
    image: debian:bookworm
    commit: true
  other:
    type: docker
    image: debian:bookworm
    commit: true
builds:
  main:
    sources: [app, other]
`;

describe('trust blocks in the spec', () => {
  test('each check is named by the key that says what it checks, typed and labelled', () => {
    const plan = planOf(
      head +
        `    tests:
      - package: openssh-server
        version: ">= 1:9"
      - file: /etc/issue
        mode: "0644"
        contains: Debian
      - port: "22"
      - service: ssh
        running: true
        only: [other]
      - name: hostname answers
        command: hostname
        stdout: ['^[a-f0-9]+$']
    sbom: {format: spdx}
    scan:
      - type: lynis
        min_index: 60
        ignore:
          - {id: AUTH-9286, reason: passwords are not used, until: "2027-01-31"}
      - {type: trivy, fail_on: critical}
`,
    );
    const app = plan.instances.find((i) => i.name === 'main.app')!;
    const other = plan.instances.find((i) => i.name === 'main.other')!;
    expect(app.trust!.tests.map((t) => t.label)).toEqual([
      'package openssh-server',
      'file /etc/issue',
      'port 22',
      'hostname answers',
    ]);
    expect(other.trust!.tests.map((t) => t.type)).toContain('service');
    // Typed from the schema: a quoted port is a number; a single string is a list.
    expect(app.trust!.tests[2].config.port).toBe(22);
    expect(app.trust!.tests[1].config.contains).toEqual(['Debian']);
    expect(app.trust!.sbom).toMatchObject({ format: 'spdx' });
    expect(app.trust!.sbom!.output).toBe(
      join(plan.specDir, 'bake-reports', 'main.app', 'sbom.spdx.json'),
    );
    expect(app.trust!.scans).toEqual([
      expect.objectContaining({
        type: 'lynis',
        failOn: 'high',
        config: { min_index: 60 },
        ignore: [{ id: 'AUTH-9286', reason: 'passwords are not used', until: '2027-01-31' }],
      }),
      expect.objectContaining({ type: 'trivy', failOn: 'critical', config: {} }),
    ]);
    expect(app.trust!.tests[0].at).toMatch(/bake\.yml:\d+:\d+$/);
  });

  test('a build without trust blocks has no trust plan', () => {
    expect(planOf(head).instances[0].trust).toBeUndefined();
  });

  test('reports_directory and sbom.output are relative to the spec and may use expressions', () => {
    const plan = planOf(
      head +
        `    reports_directory: out/\${source.name}
    sbom: {output: "sboms/\${build.name}-\${source.name}.json"}
`,
    );
    const app = plan.instances[0];
    expect(app.trust!.reportsDir).toBe(join(plan.specDir, 'out', 'app'));
    expect(app.trust!.sbom).toMatchObject({
      format: 'cyclonedx',
      output: join(plan.specDir, 'sboms', 'main-app.json'),
    });
  });

  test.each([
    [
      '      - pakage: openssh-server\n',
      'this test does not say what it checks',
      'did you mean "package"?',
    ],
    [
      '      - file: /etc/issue\n        package: x\n',
      'a test checks one thing, and this one names "file" and "package"',
      'write each check as its own list item',
    ],
    [
      '      - type: package\n        package: x\n',
      'a test is named by what it checks, not by `type`',
      'write e.g.',
    ],
    ['      - file: /etc/issue\n        mode: 999\n', 'mode', 'octal'],
    ['      - package: x\n        versoin: "1"\n', 'versoin', 'did you mean "version"?'],
    ['      - http: ftp://x/\n', 'http', 'an http:// or https:// URL'],
    ['      - port: 70000\n', 'port', ''],
  ])('a wrong test gives one error at its place: %j', (item, message, hint) => {
    const problems = problemsOf(head + '    tests:\n' + item);
    expect(problems).toHaveLength(1);
    // What is wrong is said by the message, or by the key it is reported at.
    expect(`${problems[0].path}: ${problems[0].message}`).toContain(message);
    expect(problems[0].hint ?? '').toContain(hint);
    expect(problems[0].pos!.line).toBeGreaterThanOrEqual(14);
  });

  test.each([
    ['      - type: trivi\n', 'unknown scanner "trivi"', 'did you mean "trivy"?'],
    [
      '      - min_index: 3\n',
      'missing required key "type"',
      'scanners: lynis, oscap, trivy, grype',
    ],
    ['      - {type: lynis, fail_on: severe}\n', 'fail_on: "severe" is not one of: critical', ''],
    ['      - {type: lynis, ignore: [{id: X}]}\n', 'reason', ''],
    [
      '      - {type: lynis, ignore: [{id: X, reason: r, until: 31.01.2027}]}\n',
      'until',
      'YYYY-MM-DD',
    ],
    ['      - {type: oscap, profile: p}\n', 'datastream', ''],
    [
      '      - {type: oscap, profile: p, datastream: missing-ds.xml}\n',
      '"missing-ds.xml" does not exist',
      "relative to the spec's directory",
    ],
  ])('a wrong scanner gives one error at its place: %j', (item, message, hint) => {
    const problems = problemsOf(head + '    scan:\n' + item);
    expect(problems).toHaveLength(1);
    expect(`${problems[0].path}: ${problems[0].message}`).toContain(message);
    expect(problems[0].hint ?? '').toContain(hint);
  });

  test('sbom format is cyclonedx or spdx', () => {
    const problems = problemsOf(head + '    sbom: {format: swid}\n');
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('builds.main.sbom.format');
  });
});

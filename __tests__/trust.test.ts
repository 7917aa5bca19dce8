/**
 * tests: on real machines: every check type against a debian:bookworm container built by the
 * docker builder and against a real sshd host (the null builder), judged before the image is
 * captured; a failing check leaves no image and no container, and secrets stay out of the
 * results.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { bakeIn } from './helpers/run';
import { tempProject } from './helpers/spec';
import {
  containersOfRun,
  docker,
  imagesLeftByRun,
  pendingOf,
  requireDocker,
} from './helpers/docker';
import { startSshd, Sshd } from './helpers/sshd';
import { compareVersions, satisfies } from '../src/trust/version';
import { listeningSockets, procAddress } from '../src/trust/checks';
import { clearSecretsForTests } from '../src/util/redact';
import { sarifOf } from '../src/trust/sarif';

beforeAll(requireDocker);
afterEach(() => clearSecretsForTests());

const source = `sources:
  base:
    type: docker
    image: debian:bookworm
    commit: true
    changes: ['LABEL org.example.test=trust']
`;

/** A provisioner that gives the checks something to find. */
const provision = `    provisioners:
      - type: shell
        inline:
          - useradd -m -u 1234 -s /bin/bash -G adm app
          - groupadd -g 2345 ops
          - printf 'Authorized use only\\n' > /etc/issue.net
          - chmod 0600 /etc/issue.net
          - mkdir -p /srv/www && echo 'hello from the image' > /srv/www/index.html
          - (cd /srv/www && setsid python3 -m http.server 8080 --bind 127.0.0.1 >/dev/null 2>&1 &)
          - for i in $(seq 1 50); do grep -q ':1F90 ' /proc/net/tcp && break; sleep 0.1; done
`;

describe('version constraints', () => {
  // dpkg itself is the judge of version order.
  const pairs = [
    ['1.0', '1.0'],
    ['1.0', '1.0-1'],
    ['1.0~rc1', '1.0'],
    ['1:1.0', '2.0'],
    ['9.2p1-2+deb12u3', '9.2p1-2+deb12u10'],
    ['1.0a', '1.0'],
    ['1.0.0', '1.0'],
    ['2.36-9+deb12u4', '2.36-9'],
    ['1.2.3-1~bpo12+1', '1.2.3-1'],
    ['0:5.2.15', '5.2.15'],
    ['1.10', '1.9'],
    ['1.0+', '1.0.'],
  ];
  test.each(pairs)('%s against %s orders as dpkg orders it', (a, b) => {
    const dpkg = (op: string) => {
      try {
        execFileSync('dpkg', ['--compare-versions', a, op, b]);
        return true;
      } catch {
        return false;
      }
    };
    const c = compareVersions(a, b);
    expect(c < 0).toBe(dpkg('lt'));
    expect(c === 0).toBe(dpkg('eq'));
    expect(c > 0).toBe(dpkg('gt'));
  });
  test('constraints', () => {
    expect(satisfies('1:9.2p1-2', '>= 1:9')).toBe(true);
    expect(satisfies('1:9.2p1-2', '< 1:9')).toBe(false);
    expect(satisfies('5.2.15-2', '5.2.15-2')).toBe(true);
    expect(satisfies('5.2.15-2', '!= 5.2.15-2')).toBe(false);
  });
});

describe('/proc/net addresses', () => {
  test('IPv4, IPv6 and IPv4-mapped listening sockets', () => {
    const text = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0
   1: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1 0 100 0 0 10 0
   2: 0100007F:D3C2 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 3 1 0 100 0 0 10 0
   3: 00000000000000000000000000000000:0016 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 4 1
   4: 00000000000000000000000001000000:0277 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 5 1
   5: 0000000000000000FFFF00000100007F:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 6 1`;
    expect(listeningSockets(text, 'tcp')).toEqual([
      { address: '127.0.0.1', port: 8080 },
      { address: '0.0.0.0', port: 22 },
      { address: '::', port: 22 },
      { address: '::1', port: 631 },
      { address: '127.0.0.1', port: 80 },
    ]);
    expect(procAddress('0100007F')).toBe('127.0.0.1');
  });
});

describe('tests: in a docker build', () => {
  it('runs every check type against the provisioned container, all passing, and captures the image', async () => {
    const dir = tempProject({
      'bake.yml':
        source +
        `builds:
  golden:
    sources: [base]
${provision}    tests:
      - package: openssh-server
        version: ">= 1:9"
      - {package: telnetd, installed: false}
      - file: /etc/issue.net
        filetype: file
        mode: "0600"
        owner: root
        group: root
        contains: Authorized use only
        not_contains: Debian
        matches: ['^Authorized']
      - {file: /etc/no-such-file, exists: false}
      - file: /srv/www/index.html
        sha256: ${createHash('sha256').update('hello from the image\n').digest('hex')}
      - name: openssh-server is known to dpkg
        command: dpkg -s openssh-server | head -n1
        stdout: ['^Package: openssh-server$']
      - {command: "ls /nonexistent", exit_status: 2, stderr: ['No such file']}
      - {service: ssh, enabled: true}
      - {service: ssh, running: true}
      - {user: app, uid: 1234, home: /home/app, shell: /bin/bash, groups: [adm]}
      - {user: mallory, exists: false}
      - {group: ops, gid: 2345}
      - {port: 8080, address: 127.0.0.1}
      - {port: 23, listening: false}
      - {sysctl: kernel.ostype, value: Linux}
      - http: http://127.0.0.1:8080/index.html
        body: ['hello from the image']
      - {http: "http://127.0.0.1:8080/missing", status: 404}
`,
    });
    const { result, ledger } = await bakeIn(dir);
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('succeeded');
    const checks = result.trust!.checks!;
    expect(checks).toHaveLength(17);
    const byLabel = Object.fromEntries(checks.map((c) => [c.label, c]));
    for (const c of checks)
      if (c.label !== 'service ssh' || c.status !== 'skipped')
        expect([c.label, c.status, c.details]).toEqual([c.label, 'passed', []]);
    // In a container systemd does not run: enablement is read from the links, running is skipped.
    expect(checks.filter((c) => c.type === 'service').map((c) => c.status)).toEqual([
      'passed',
      'skipped',
    ]);
    expect(checks.find((c) => c.status === 'skipped')!.details[0]).toBe(
      'skipped: no systemd (running not checked)',
    );
    expect(byLabel['openssh-server is known to dpkg'].at).toMatch(/bake\.yml:\d+:\d+$/);
    // The results are a file of the build, and the image was captured.
    const file = join(dir, 'bake-reports', 'golden.base', 'tests.json');
    expect(JSON.parse(readFileSync(file, 'utf8')).checks).toHaveLength(17);
    expect(result.artifact!.reports).toContain(file);
    expect((await docker.getImage(result.artifact!.id).inspect()).Config.Labels).toMatchObject({
      'org.example.test': 'trust',
    });
    expect(pendingOf(ledger)).toEqual([]);
    await docker.getImage(result.artifact!.id).remove({ force: true });
  });

  it('runs every check when some fail, fails the build before capture, and leaves no image or container; secrets stay out', async () => {
    const token = 'tok-' + randomBytes(8).toString('hex');
    const dir = tempProject({
      'bake.yml':
        `variables:
  token: {sensitive: true}
` +
        source +
        `builds:
  golden:
    sources: [base]
${provision}    tests:
      - {package: openssh-server, version: "< 1:1"}
      - {package: no-such-package}
      - {file: /etc/issue.net, mode: "0644", owner: app, contains: "Welcome"}
      - {file: /nope}
      - {command: "echo \${var.token}; exit 3", stdout: ['^something else$']}
      - {user: app, uid: 1, groups: [sudo]}
      - {group: nogroup-here}
      - {port: 9999}
      - {port: 8080, address: 0.0.0.0}
      - {sysctl: kernel.ostype, value: BSD}
      - {sysctl: no.such.key, value: "1"}
      - {http: "http://127.0.0.1:8080/index.html", status: 201, body: [nothing-like-this]}
      - {http: "http://127.0.0.1:1/"}
      - {service: ssh, enabled: false}
      - {package: bash}
`,
    });
    const since = Math.floor(Date.now() / 1000) - 1;
    const { result, ledger, output, summary } = await bakeIn(dir, { vars: { token } });
    expect(result.status).toBe('failed');
    expect(result.failedStep).toBe('tests');
    expect(result.error).toMatch(/^14 of 15 tests failed \(package openssh-server, /);
    expect(result.hint).toContain('the image was not captured');
    // The error points at the first failing check in the spec.
    expect(result.at).toMatch(/bake\.yml:23:\d+$/);
    const d = Object.fromEntries(
      result.trust!.checks!.map((c) => [c.label, c.details.join(' | ')]),
    );
    const all = result.trust!.checks!.map((c) => `${c.label}: ${c.details.join(' | ')}`);
    expect(all).toEqual([
      expect.stringMatching(
        /^package openssh-server: openssh-server is at 1:9\.2p1-[^,]+, not < 1:1$/,
      ),
      'package no-such-package: no-such-package is not installed (dpkg)',
      'file /etc/issue.net: /etc/issue.net has mode 0600, not 0644 | /etc/issue.net is owned by root, not app | /etc/issue.net does not contain "Welcome"',
      'file /nope: /nope does not exist',
      expect.stringMatching(
        // The whole command is computed from the secret: it is masked as a whole.
        /^command \*\*\*: exited 3, not 0 \| stdout does not match \/\^something else\$\/ \(it was "\*\*\*"\)$/,
      ),
      'user app: user app has uid 1234, not 1 | user app is not in sudo (it is in app, adm)',
      'group nogroup-here: group nogroup-here does not exist',
      'port 9999: nothing listens on tcp/9999',
      'port 8080: tcp/8080 is bound to 127.0.0.1, not 0.0.0.0',
      'sysctl kernel.ostype: kernel.ostype is Linux, not BSD',
      'sysctl no.such.key: no.such.key is not a kernel parameter the machine has (/proc/sys/no/such/key)',
      'http http://127.0.0.1:8080/index.html: http://127.0.0.1:8080/index.html answered 200, not 201 | the body of http://127.0.0.1:8080/index.html does not match /nothing-like-this/',
      expect.stringMatching(
        /^http http:\/\/127\.0\.0\.1:1\/: no answer from http:\/\/127\.0\.0\.1:1\//,
      ),
      'service ssh: ssh.service is enabled, and must not be',
      'package bash: ',
    ]);
    expect(d['package bash']).toBe('');
    // Nothing was captured, nothing is left.
    expect(result.artifact).toBeUndefined();
    expect(await containersOfRun(summary.runUuid)).toEqual([]);
    expect(await imagesLeftByRun(summary.runUuid, since)).toEqual([]);
    expect(pendingOf(ledger)).toEqual([]);
    // The table is in the console, and the secret is nowhere.
    expect(output).toContain('tests: 1 passed, 14 failed, 0 skipped');
    const written = readFileSync(join(dir, 'bake-reports', 'golden.base', 'tests.json'), 'utf8');
    for (const text of [output, written, JSON.stringify(result)]) expect(text).not.toContain(token);
  });
});

describe('tests: on an SSH host (the null builder)', () => {
  let host: Sshd;
  beforeAll(async () => {
    host = await startSshd({
      extraSetup: 'useradd -m -u 4321 deploy; printf "net\\n" > /etc/motd',
    });
  });
  afterAll(() => host?.remove());

  it('checks the host over SSH and reports a failure with where it is written', async () => {
    const dir = tempProject({
      'bake.yml': `sources:
  host:
    type: "null"
    communicator: ssh
    ssh_host: ${host.ip}
    ssh_username: root
    ssh_password: ${host.password}
builds:
  verify:
    sources: [host]
    tests:
      - {user: deploy, uid: 4321}
      - {file: /etc/motd, contains: net, mode: "0644"}
      - {port: 22, address: 0.0.0.0}
      - {package: openssh-server}
      - {command: "id -u", stdout: ['^0$']}
      - {file: /etc/ssh/sshd_config, matches: ['^PermitRootLogin no']}
`,
    });
    const { result, output } = await bakeIn(dir);
    expect(result.status).toBe('failed');
    expect(result.trust!.checks!.map((c) => c.status)).toEqual([
      'passed',
      'passed',
      'passed',
      'passed',
      'passed',
      'failed',
    ]);
    expect(result.trust!.checks![5].details).toEqual([
      'no line of /etc/ssh/sshd_config matches /^PermitRootLogin no/',
    ]);
    expect(result.at).toMatch(/bake\.yml:17:\d+$/);
    expect(output).not.toContain(host.password);
    expect(existsSync(join(dir, 'bake-reports', 'verify.host', 'tests.json'))).toBe(true);
  });
});

describe('examples/cis-hardened', () => {
  it('builds: the CIS controls are proven by its tests, lynis passes its gate, the SBOM is the image, and no scanner stays in it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bake-cis-'));
    cpSync(resolve('examples/cis-hardened'), dir, { recursive: true });
    const { result, summary, ledger } = await bakeIn(dir);
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('succeeded');
    const t = result.trust!;
    expect(t.checks!.length).toBeGreaterThan(10);
    expect(t.checks!.every((c) => c.status === 'passed')).toBe(true);
    const lynis = t.scans![0];
    expect(lynis).toMatchObject({ type: 'lynis', status: 'passed', failing: [], problems: [] });
    expect(lynis.summary).toMatch(/^hardening index (\d+), /);
    expect(Number(/index (\d+)/.exec(lynis.summary)![1])).toBeGreaterThanOrEqual(55);
    expect(lynis.ignored).toEqual([
      expect.objectContaining({ id: 'LOGG-2138', until: '2027-06-30' }),
    ]);
    // The SBOM lists what dpkg in the image lists.
    const sbom = JSON.parse(readFileSync(result.artifact!.sbom!, 'utf8'));
    expect(sbom.bomFormat).toBe('CycloneDX');
    const image = result.artifact!.tags!.find((x) => x.startsWith('localhost/cis-debian'))!;
    const listed = execFileSync('docker', [
      'run',
      '--rm',
      image,
      'dpkg-query',
      '-W',
      '-f',
      '${binary:Package}\n',
    ])
      .toString()
      .trim()
      .split('\n');
    expect(sbom.components.filter((c: { type: string }) => c.type === 'library')).toHaveLength(
      listed.length,
    );
    // Nothing of lynis is in the captured image.
    const traces = execFileSync('docker', [
      'run',
      '--rm',
      image,
      'sh',
      '-c',
      'ls /var/log/lynis* /var/log/lynis-report.dat /var/run/lynis.pid /tmp/lynis* 2>/dev/null; command -v lynis; exit 0',
    ]).toString();
    expect(traces).toBe('');
    // The findings as SARIF: the tests' run (nothing failed) and lynis' with the ignored
    // warning as a suppression at the scan block of the spec.
    const sarif = sarifOf(summary.results, { root: dir, version: '0' }) as {
      runs: {
        tool: { driver: { name: string } };
        results: { ruleId: string; suppressions?: unknown[]; locations: unknown[] }[];
      }[];
    };
    expect(sarif.runs.map((r) => r.tool.driver.name)).toEqual(['bake tests', 'lynis']);
    expect(sarif.runs[0].results).toEqual([]);
    const ignored = sarif.runs[1].results.find((r) => r.ruleId === 'LOGG-2138')!;
    expect(ignored.suppressions).toEqual([
      {
        kind: 'external',
        justification: expect.stringContaining('(until 2027-06-30)'),
      },
    ]);
    expect(JSON.stringify(ignored.locations)).toContain('"uri":"bake.yml"');
    expect(pendingOf(ledger)).toEqual([]);
    await docker.getImage(result.artifact!.id).remove({ force: true });
  });
});

describe('scanners that gate the build', () => {
  const stubDir = mkdtempSync(join(tmpdir(), 'bake-stub-'));
  const calls = join(stubDir, 'calls');
  const report = resolve('__tests__/fixtures/scan/trivy-report.json');
  let path: string | undefined;
  beforeAll(() => {
    // A trivy on PATH that prints a recorded report in trivy's JSON format.
    writeFileSync(join(stubDir, 'trivy'), `#!/bin/sh\necho "$@" >> ${calls}\ncat ${report}\n`, {
      mode: 0o755,
    });
    path = process.env.PATH;
    process.env.PATH = `${stubDir}:${path}`;
  });
  afterAll(() => {
    process.env.PATH = path;
  });

  it('a critical vulnerability fails the build before capture: no image is left, the scanner read the SBOM written for it, a lapsed ignore warns', async () => {
    const dir = tempProject({
      'bake.yml':
        source +
        `builds:
  golden:
    sources: [base]
    sbom: {format: spdx}
    scan:
      - type: trivy
        fail_on: critical
        ignore:
          - {id: CVE-2024-45492, reason: an old exception, until: "2020-01-01"}
`,
    });
    const since = Math.floor(Date.now() / 1000) - 1;
    const { result, output, ledger, summary } = await bakeIn(dir);
    expect(result.status).toBe('failed');
    expect(result.failedStep).toBe('scan: trivy');
    expect(result.error).toBe('trivy failed its gate');
    expect(result.at).toMatch(/bake\.yml:12:\d+$/);
    const scan = result.trust!.scans![0];
    // The ignore lapsed: the critical finding counts again, and the warning says so.
    expect(scan.failing).toEqual(['CVE-2024-45492']);
    expect(scan.ignored).toEqual([]);
    expect(scan.warnings).toEqual([
      'the ignore rule for CVE-2024-45492 lapsed on 2020-01-01 ("an old exception"); the finding counts again',
    ]);
    expect(output).toContain('the ignore rule for CVE-2024-45492 lapsed');
    expect(
      scan.failing.every((id) => scan.findings.find((f) => f.id === id)!.severity === 'critical'),
    ).toBe(true);
    // The build asked for SPDX; trivy was given a CycloneDX SBOM written for it.
    const args = readFileSync(calls, 'utf8').trim().split(' ');
    expect(args.slice(0, 4)).toEqual(['sbom', '--format', 'json', '--quiet']);
    const input = args.at(-1)!;
    expect(input).toBe(join(dir, 'bake-reports', 'golden.base', 'scan-input.cdx.json'));
    expect(JSON.parse(readFileSync(input, 'utf8')).bomFormat).toBe('CycloneDX');
    expect(
      JSON.parse(readFileSync(join(dir, 'bake-reports', 'golden.base', 'sbom.spdx.json'), 'utf8'))
        .spdxVersion,
    ).toBe('SPDX-2.3');
    expect(output).toContain('trivy failed its gate');
    expect(await imagesLeftByRun(summary.runUuid, since)).toEqual([]);
    expect(await containersOfRun(summary.runUuid)).toEqual([]);
    expect(pendingOf(ledger)).toEqual([]);
  });

  it('a lynis hardening index below min_index fails the gate even with fail_on never, and the SARIF says why', async () => {
    const dir = tempProject({
      'bake.yml':
        source +
        `builds:
  golden:
    sources: [base]
    scan:
      - {type: lynis, min_index: 100, fail_on: never}
`,
    });
    const { result, summary } = await bakeIn(dir);
    expect(result.status).toBe('failed');
    expect(result.failedStep).toBe('scan: lynis');
    const scan = result.trust!.scans![0];
    expect(scan.failing).toEqual([]);
    expect(scan.problems).toEqual([
      expect.stringMatching(/^the lynis hardening index is \d+, below min_index 100$/),
    ]);
    const sarif = sarifOf(summary.results, { root: dir, version: '0' }) as {
      runs: { results: { ruleId: string; level: string }[] }[];
    };
    expect(sarif.runs[0].results.filter((r) => r.ruleId === 'lynis/gate')).toEqual([
      expect.objectContaining({ level: 'error' }),
    ]);
    expect(result.artifact).toBeUndefined();
  });

  it('with on-error abort, a failing gate keeps the container for a look, and the ledger lists it', async () => {
    const dir = tempProject({
      'bake.yml':
        source +
        `builds:
  golden:
    sources: [base]
    tests:
      - {file: /etc/hostname-nope}
`,
    });
    const { result, ledger, summary } = await bakeIn(dir, { onError: 'abort' });
    expect(result.status).toBe('failed');
    expect(result.leftRunning).toMatch(/left running for debugging/);
    const kept = await containersOfRun(summary.runUuid);
    expect(kept).toHaveLength(1);
    expect(kept[0].State).toBe('running');
    await docker.getContainer(kept[0].Id).remove({ force: true });
    expect(ledger).toBeTruthy();
  });
});

/**
 * Settings do what their names say, or are refused at validation: docker's exclusive
 * outputs, the settings bake cannot honour, shell's start_retry_timeout, restart's check
 * retried within restart_timeout, docker-tag's force. Real sshd and a real Docker engine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { docker, requireDocker } from './helpers/docker';
import { startSshd, Sshd } from './helpers/sshd';
import { SshCommunicator } from '../src/communicators/ssh';
import { planOf, problemsOf, tempProject } from './helpers/spec';
import { bakeIn } from './helpers/run';
import { formatSummary } from '../src/engine/run';

beforeAll(requireDocker);

const started: Sshd[] = [];
afterAll(async () => {
  for (const s of started) await s.remove();
});

const dockerSource = (extra: string) => `sources:
  a: {type: docker, image: busybox:latest${extra}}
builds:
  b: {sources: [a]}
`;

describe('docker outputs are exclusive, as in Packer', () => {
  it.each([
    [', commit: true, discard: true', 'discard', 'set only one of commit, export_path and discard'],
    [
      ', commit: true, export_path: a.tar',
      'export_path',
      'set only one of commit, export_path and discard',
    ],
    [', commit: false', 'commit', 'commit: false leaves nothing to make'],
    [', container_dir: /packer-files', 'container_dir', 'container_dir is not supported'],
  ])('%s is refused at its key', (extra, key, message) => {
    const p = problemsOf(dockerSource(extra));
    expect(p).toHaveLength(1);
    expect(p[0].path).toBe(`sources.a.${key}`);
    expect(p[0].message).toContain(message);
    expect(p[0].pos?.line).toBe(2);
  });
});

describe('over SSH', () => {
  let s: Sshd;
  /** Until sshd answers (a fresh container generates its host keys first). */
  const listening = async () => {
    for (let i = 0; i < 100; i++) {
      const ok = await new Promise<boolean>((res) => {
        const sock = connect(22, s.ip, () => {
          sock.once('data', () => (sock.destroy(), res(true)));
        });
        sock.on('error', () => res(false));
      });
      if (ok) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('sshd did not come up');
  };
  beforeAll(async () => {
    s = await startSshd();
    started.push(s);
    await listening();
  });
  beforeEach(listening);
  const box = (extra = '') => `sources:
  box:
    type: null
    ssh_host: HOST
    ssh_username: root
    ssh_password: PW
${extra}`;
  const spec = (text: string) => text.replace('HOST', s.ip).replace('PW', s.password);

  it('a script that cannot start while the machine reboots is started again within start_retry_timeout, and runs once', async () => {
    const dir = tempProject({
      'bake.yml': spec(`${box('    ssh_timeout: 1s\n')}builds:
  b:
    sources: [box]
    provisioners:
      - {type: shell, inline: ['rm -f /root/runs', 'touch /tmp/reboot; sleep 30'], expect_disconnect: true}
      - {type: shell, inline: ['echo ran >> /root/runs', 'cat /root/runs'], start_retry_timeout: 40s}
`),
    });
    const { result, output } = await bakeIn(dir);
    expect(result.error).toBeUndefined();
    expect(output).toMatch(/could not start the script .*; trying again until start_retry_timeout/);
    expect(output.match(/^.*\bran$/gm)).toHaveLength(1);
  });

  it('without enough start_retry_timeout the same step fails with the connection error', async () => {
    const dir = tempProject({
      'bake.yml': spec(`${box('    ssh_timeout: 1s\n')}builds:
  b:
    sources: [box]
    provisioners:
      - {type: shell, inline: ['touch /tmp/reboot; sleep 30'], expect_disconnect: true}
      - {type: shell, inline: ['echo ran'], start_retry_timeout: 0s}
`),
    });
    const { result } = await bakeIn(dir);
    expect(result.status).toBe('failed');
    expect(result.failedStep).toBe('provisioner 2: shell');
  });

  it('restart_check_command is retried until it passes within restart_timeout', async () => {
    const dir = tempProject({
      'bake.yml': spec(`${box('    ssh_timeout: 60s\n')}builds:
  b:
    sources: [box]
    provisioners:
      - type: restart
        restart_command: "date +%s > /root/rebooted; touch /tmp/reboot"
        restart_check_command: 'test $(( $(date +%s) - $(cat /root/rebooted) )) -ge 8'
        restart_timeout: 60s
`),
    });
    const { result, output } = await bakeIn(dir);
    expect(result.error).toBeUndefined();
    expect(output).toMatch(/restart_check_command exited with code 1; trying again/);
  });

  it('a restart check that never passes fails when restart_timeout runs out, saying so', async () => {
    const dir = tempProject({
      'bake.yml': spec(`${box('    ssh_timeout: 60s\n')}builds:
  b:
    sources: [box]
    provisioners:
      - {type: restart, restart_command: 'touch /tmp/reboot', restart_check_command: 'false', restart_timeout: 12s}
`),
    });
    const { result } = await bakeIn(dir);
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(
      /restart_check_command still fails after \d+ tries \(exited with code 1\)/,
    );
    expect(result.hint).toContain('raise restart_timeout');
  });
});

describe('docker-tag force', () => {
  it('force: false refuses to move a tag that names another image; by default the tag moves', async () => {
    const repo = `bake-test-force-${Date.now()}`;
    const spec = (force: string, marker: string) =>
      tempProject({
        'bake.yml': `sources:
  a: {type: docker, image: busybox:latest, commit: true}
builds:
  b:
    sources: [a]
    provisioners: [{type: shell, inline: ['echo ${marker} > /m']}]
    post-processors: [{type: docker-tag, repository: ${repo}, tags: [t]${force}}]
`,
      });
    // Each run's image: the refused one is kept and reported, the first loses its tag.
    const made: string[] = [];
    try {
      const first = await bakeIn(spec('', 'one'));
      made.push(first.result.artifact?.id ?? '');
      expect(first.result.error).toBeUndefined();
      const refused = await bakeIn(spec(', force: false', 'two'));
      made.push(refused.result.artifact?.id ?? '');
      expect(refused.result.status).toBe('failed');
      expect(refused.result.error).toContain(`${repo}:t already names another image`);
      expect((await docker.getImage(`${repo}:t`).inspect()).Id).toBe(first.result.artifact!.id);
      const moved = await bakeIn(spec('', 'three'));
      made.push(moved.result.artifact?.id ?? '');
      expect((await docker.getImage(`${repo}:t`).inspect()).Id).toBe(moved.result.artifact!.id);
    } finally {
      const tagged = (await docker.listImages({ filters: { reference: [repo] } })).map((i) => i.Id);
      for (const id of new Set([...made.filter(Boolean), ...tagged]))
        await docker
          .getImage(id)
          .remove({ force: true })
          .catch(() => undefined);
    }
  });
});

describe('compress, as Packer does it', () => {
  const exported = (post: string) =>
    tempProject({
      'bake.yml': `sources:
  t: {type: docker, image: busybox:latest, export_path: out/fs.tar}
builds:
  b:
    sources: [t]
    provisioners: [{type: shell, inline: ['echo hi > /hi.txt']}]
    post-processors:
${post}`,
    });

  it.each([
    ['out/fs.tar.gz', ['tar', '-tzf']],
    ['out/fs.tgz', ['tar', '-tzf']],
    ['out/fs.tar', ['tar', '-tf']],
    ['out/fs.zip', ['unzip', '-l']],
  ])('%s: the format follows the extension, and the input is removed', async (out, list) => {
    const dir = exported(`      - {type: compress, output: ${out}}\n`);
    const { result } = await bakeIn(dir);
    expect(result.error).toBeUndefined();
    expect(result.artifact?.files).toEqual([join(dir, out)]);
    expect(existsSync(join(dir, 'out/fs.tar'))).toBe(out === 'out/fs.tar');
    const listing = execFileSync(list[0], [...list.slice(1), join(dir, out)], { encoding: 'utf8' });
    expect(listing).toContain('fs.tar');
    if (out.endsWith('.zip')) {
      // The archive is a real zip: unzip checks every entry's CRC.
      execFileSync('unzip', ['-tq', join(dir, out)]);
      const inner = execFileSync('sh', ['-c', `unzip -p '${join(dir, out)}' fs.tar | tar -t`]);
      expect(inner.toString()).toContain('hi.txt');
    }
  });

  it('.gz of one file is that file gzipped; keep_input_artifact keeps the input', async () => {
    const dir = exported(
      '      - {type: compress, output: out/fs.gz, keep_input_artifact: true}\n',
    );
    const { result } = await bakeIn(dir);
    expect(result.error).toBeUndefined();
    expect(existsSync(join(dir, 'out/fs.tar'))).toBe(true);
    const raw = gunzipSync(readFileSync(join(dir, 'out/fs.gz')));
    expect(raw.equals(readFileSync(join(dir, 'out/fs.tar')))).toBe(true);
  });

  it('an extension compress cannot read is a validate error at output', () => {
    const p = problemsOf(`sources:
  t: {type: docker, image: busybox:latest, export_path: out/fs.tar}
builds:
  b: {sources: [t], post-processors: [{type: compress, output: out/fs.rar}]}
`);
    expect(p.map((x) => [x.path, x.message])).toEqual([
      [
        'builds.b.post-processors[0].output',
        'compress cannot tell the archive format of "out/fs.rar"',
      ],
    ]);
  });
});

describe('nothing a spec says is silently dropped', () => {
  it('an only/except pattern that matches no source of the build, and an override for a source it does not run, are errors at their lines', () => {
    const p = problemsOf(`sources:
  app: {type: docker, image: busybox:latest}
  vm: {type: docker, image: busybox:latest}
builds:
  b:
    sources: [app]
    provisioners:
      - {type: shell, inline: ['true'], only: [ap]}
      - type: shell
        inline: ['true']
        except: ['docker.app', vm]
      - type: shell
        inline: ['true']
        override:
          vm: {inline: ['false']}
`);
    expect(p.map((x) => [x.pos?.line, x.message])).toEqual([
      [8, 'only pattern "ap" matches no source of build "b"'],
      [11, 'except pattern "vm" matches no source of build "b"'],
      [15, 'override for "vm", which is not a source of build "b"'],
    ]);
    expect(p[0].hint).toContain("the build's sources: app");
  });

  it('validate checks every local file a spec names, at its line', () => {
    const p = problemsOf(
      `sources:
  a: {type: docker, image: busybox:latest}
builds:
  b:
    sources: [a]
    provisioners:
      - {type: file, source: files/missing.conf, destination: /etc/x}
      - {type: shell, scripts: [ok.sh, nope.sh]}
      - {type: ansible, playbook_file: site.yml}
`,
      {},
      { 'ok.sh': 'true\n' },
    );
    expect(p.map((x) => [x.pos?.line, x.message])).toEqual([
      [7, '"files/missing.conf" does not exist'],
      [8, '"nope.sh" does not exist'],
      [9, '"site.yml" does not exist'],
    ]);
    expect(p[0].hint).toMatch(
      /looked for \/.*\/files\/missing\.conf; paths are relative to the spec's directory/,
    );
  });

  it('a failed build says where the step that failed is written', async () => {
    const dir = tempProject({
      'bake.yml': `sources:
  a: {type: docker, image: busybox:latest, discard: true}
builds:
  b:
    sources: [a]
    provisioners:
      - {type: shell, inline: ['true']}
      - {type: shell, inline: ['exit 4']}
`,
    });
    const { result, summary } = await bakeIn(dir);
    expect(result.status).toBe('failed');
    expect(result.at).toBe(`${join(dir, 'bake.yml')}:8:9`);
    expect(formatSummary(summary)).toContain(`    written at: ${join(dir, 'bake.yml')}:8:9\n`);
  });
});

describe('the action input "vars"', () => {
  it('a malformed line is reported by its number, never shown (it may be a secret)', async () => {
    const { parseVarsInput } = await import('../src/action/inputs');
    expect(() => parseVarsInput('region=eu\nhunter2-secret-line\n')).toThrow(
      /^input "vars", line 2: expected NAME=VALUE/,
    );
    try {
      parseVarsInput('hunter2-secret-line');
    } catch (e) {
      expect((e as Error).message).not.toContain('hunter2');
    }
  });
});

describe('one mistake, one error', () => {
  it('a failed expression is the only error about its value', () => {
    const p = problemsOf(`variables:
  version: {default: bookworm}
sources:
  a: {type: docker, image: "debian:\${var.versoin}", commit: true}
  b: {type: docker, image: "\${upper(var.nope)}", pull: "\${var.nada}", commit: true}
builds:
  x: {sources: [a, b]}
`);
    expect(p.map((x) => [x.pos?.line, x.message])).toEqual([
      [4, 'unknown variable var.versoin in "debian:${var.versoin}"'],
      [5, 'unknown variable var.nope in "${upper(var.nope)}"'],
      [5, 'unknown variable var.nada in "${var.nada}"'],
    ]);
    expect(p[0].hint).toContain('version');
  });
});

describe('a Docker engine that cannot be reached', () => {
  const CLI = resolve('dist/cli/index.js');
  const project = () => {
    const dir = tempProject({
      'bake.yml': `sources:
  a: {type: docker, image: busybox:latest, discard: true}
builds:
  b: {sources: [a]}
`,
    });
    chmodSync(dir, 0o755);
    return dir;
  };

  it('no engine at the socket: says so, not a pull error', () => {
    const dir = project();
    const r = spawnSync(process.execPath, [CLI, 'build', 'bake.yml'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, DOCKER_HOST: `unix://${join(dir, 'no-engine.sock')}` },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`no Docker engine answers at ${join(dir, 'no-engine.sock')}`);
    expect(r.stdout).not.toContain('cannot pull');
  });

  it('a user without access to the socket is told how to get it', () => {
    const dir = project();
    chmodSync(dir, 0o777); // the ledger is written here
    // As an unprivileged user (root would not see the permission error), with a copy of the
    // bundle that user can read wherever the checkout is.
    const bundle = join(mkdtempSync(join(tmpdir(), 'bake-cli-')), 'cli');
    cpSync(dirname(CLI), bundle, { recursive: true });
    chmodSync(dirname(bundle), 0o755);
    const r = spawnSync(
      'runuser',
      ['-u', 'nobody', '--', process.execPath, join(bundle, 'index.js'), 'build', 'bake.yml'],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, HOME: dir, BAKE_DEBUG: '' },
      },
    );
    expect(r.stdout).toContain('permission denied on the Docker socket');
    expect(r.stdout).toContain('usermod -aG docker');
  });
});

describe('YAML mistakes name what they are about', () => {
  it('a duplicate key is named', () => {
    const p = problemsOf(`sources:
  a: {type: docker, image: busybox:latest}
  a: {type: docker, image: debian:bookworm}
builds:
  b: {sources: [a]}
`);
    expect(p.map((x) => [x.pos?.line, x.message])).toEqual([
      [3, 'duplicate key "a": a key may appear once in a mapping'],
    ]);
  });

  it("HCL's double quotes inside ${…} get one error that shows the fix", () => {
    const p = problemsOf(`sources:
  a:
    type: docker
    image: "\${upper("busybox")}:latest"
builds:
  b: {sources: [a]}
`);
    expect(p).toHaveLength(1);
    expect(p[0].pos?.line).toBe(4);
    expect(p[0].message).toBe(
      'invalid YAML: the double quotes inside ${…} end the double-quoted string',
    );
    expect(p[0].hint).toBe(
      `quote the whole value with single quotes: image: '\${upper("busybox")}:latest'`,
    );
  });
});

describe('SFTP (a machine without tar)', () => {
  it('keeps symbolic links both ways, and says when a directory cannot be made', async () => {
    const bare = await startSshd({ extraSetup: 'rm -f /usr/bin/tar /bin/tar' });
    started.push(bare);
    const c = new SshCommunicator({
      host: bare.ip,
      port: 22,
      username: 'root',
      password: bare.password,
      timeoutMs: 60_000,
      handshakeAttempts: 3,
      keepAliveMs: 2000,
      pty: false,
    });
    await c.connect(AbortSignal.timeout(60_000));
    try {
      const dir = tempProject({ 'tree/real.txt': 'real\n' });
      symlinkSync('real.txt', join(dir, 'tree/link.txt'));
      await c.upload(join(dir, 'tree') + '/', '/srv/tree', AbortSignal.timeout(60_000));
      let out = '';
      await c.exec('readlink /srv/tree/link.txt; cat /srv/tree/link.txt', {
        signal: AbortSignal.timeout(10_000),
        onStdout: (l) => (out += l + ';'),
      });
      expect(out).toBe('real.txt;real;');
      await c.download('/srv/tree', join(dir, 'back'), AbortSignal.timeout(60_000));
      expect(lstatSync(join(dir, 'back/link.txt')).isSymbolicLink()).toBe(true);
      expect(readlinkSync(join(dir, 'back/link.txt'))).toBe('real.txt');
      // A directory where a file stands cannot be made: said, not skipped.
      const sub = tempProject({ 'd/x.txt': 'x\n' });
      await expect(
        c.upload(join(sub, 'd') + '/', '/etc/hostname/d', AbortSignal.timeout(60_000)),
      ).rejects.toThrow(/hostname/);
    } finally {
      c.close();
    }
  });
});

describe('github.sha', () => {
  it('outside a git checkout, without GITHUB_SHA, is an error that says why, not an empty string', () => {
    const p = problemsOf(`sources:
  a: {type: docker, image: busybox:latest, changes: ['LABEL sha=\${github.sha}']}
builds:
  b: {sources: [a]}
`);
    expect(p).toHaveLength(1);
    expect(p[0].pos?.line).toBe(2);
    expect(p[0].message).toMatch(
      /^github\.sha is not known \(GITHUB_SHA is not set and git rev-parse HEAD failed: .*not a git repository/,
    );
    expect(p[0].hint).toContain('set GITHUB_SHA');
  });
});

describe('what is decided before evaluation is written out', () => {
  it("expressions in a variable's declaration and in only/except are errors at their lines; a quoted nullable works", () => {
    const p = problemsOf(`variables:
  a: {default: '\${upper("x")}'}
  b: {type: string, sensitive: "\${true}"}
sources:
  s: {type: docker, image: busybox:latest}
builds:
  x: {sources: [s]}
`);
    expect(p.map((x) => [x.pos?.line, x.message])).toEqual([
      [2, "an expression is not allowed in a variable's default"],
      [3, "an expression is not allowed in a variable's sensitive"],
    ]);
    const q = problemsOf(`variables:
  a: {default: app}
sources:
  s: {type: docker, image: busybox:latest}
builds:
  x:
    sources: [s]
    provisioners:
      - {type: shell, inline: ['true'], only: ["\${var.a}"]}
`);
    expect(q.map((x) => [x.pos?.line, x.message])).toEqual([
      [9, 'only takes source names or globs written out, not an expression'],
    ]);
    const plan = planOf(`variables:
  maybe: {type: string, nullable: "true", default: null}
sources:
  s: {type: docker, image: busybox:latest}
builds:
  x: {sources: [s]}
`);
    expect(plan.variables.find((v) => v.name === 'maybe')?.value).toBeNull();
  });
});

/**
 * The SSH communicator, the null builder, restarts and Ansible against real sshd in
 * containers (debian:bookworm with openssh-server).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, chmodSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';

const { utils } = ssh2;
import { SshCommunicator, SshOptions, fingerprint } from '../src/communicators/ssh';
import { docker, requireDocker } from './helpers/docker';
import { startSshd, Sshd } from './helpers/sshd';
import { tempProject } from './helpers/spec';
import { bakeIn } from './helpers/run';

beforeAll(requireDocker);

const started: Sshd[] = [];
afterAll(async () => {
  for (const s of started) await s.remove();
});

async function sshd(opts: Parameters<typeof startSshd>[0] = {}): Promise<Sshd> {
  const s = await startSshd(opts);
  started.push(s);
  return s;
}

function options(s: Sshd, extra: Partial<SshOptions> = {}): SshOptions {
  return {
    host: s.ip,
    port: 22,
    username: 'root',
    password: s.password,
    timeoutMs: 60_000,
    handshakeAttempts: 3,
    keepAliveMs: 2000,
    pty: false,
    ...extra,
  };
}

async function buildWith(spec: string, files: Record<string, string> = {}) {
  return bakeIn(tempProject({ 'bake.yml': spec, ...files }));
}

describe('connecting', () => {
  it('logs in with a password, runs commands with exit codes and live output', async () => {
    const s = await sshd();
    const c = new SshCommunicator(options(s));
    await c.connect(AbortSignal.timeout(60_000));
    const out: string[] = [];
    const r = await c.exec('echo hello; echo oops >&2; exit 3', {
      signal: AbortSignal.timeout(10_000),
      onStdout: (l) => out.push(l),
      onStderr: (l) => out.push('E:' + l),
    });
    expect(r.exitCode).toBe(3);
    expect(out.sort()).toEqual(['E:oops', 'hello']);
    c.close();
  });

  it.each(['ed25519', 'ecdsa', 'rsa'] as const)(
    'logs in with an %s key (rsa with SHA-2 signatures)',
    async (type) => {
      const pair =
        type === 'rsa'
          ? utils.generateKeyPairSync('rsa', { bits: 2048 })
          : type === 'ecdsa'
            ? utils.generateKeyPairSync('ecdsa', { bits: 256 })
            : utils.generateKeyPairSync('ed25519');
      // OpenSSH 9 refuses ssh-rsa (SHA-1) signatures; this only passes with rsa-sha2-*.
      const s = await sshd({
        authorizedKey: pair.public,
        extraSetup: "echo 'PubkeyAcceptedAlgorithms -ssh-rsa' >> /etc/ssh/sshd_config",
      });
      const c = new SshCommunicator(options(s, { password: undefined, privateKey: pair.private }));
      await c.connect(AbortSignal.timeout(60_000));
      expect((await c.exec('id -u', { signal: AbortSignal.timeout(10_000) })).exitCode).toBe(0);
      c.close();
    },
  );

  it('logs in with a passphrase-protected key', async () => {
    const pair = utils.generateKeyPairSync('ed25519', {
      passphrase: 'open sesame',
      cipher: 'aes256-ctr',
      rounds: 16,
    });
    const s = await sshd({ authorizedKey: pair.public });
    const c = new SshCommunicator(
      options(s, { password: undefined, privateKey: pair.private, passphrase: 'open sesame' }),
    );
    await c.connect(AbortSignal.timeout(60_000));
    c.close();
  });

  it('waits for an sshd that starts 3 s after the machine', async () => {
    const s = await sshd({ delaySeconds: 3 });
    const logs: string[] = [];
    const c = new SshCommunicator(options(s, { log: (l) => logs.push(l) }));
    const t0 = Date.now();
    await c.connect(AbortSignal.timeout(60_000));
    expect(Date.now() - t0).toBeGreaterThan(2_500);
    expect(logs.join('\n')).toMatch(/waiting for SSH on .*connection refused/);
    expect(logs.join('\n')).toMatch(/connected to .* after \d+ attempts/);
    c.close();
  });

  it('a wrong password fails clearly after ssh_handshake_attempts, well before ssh_timeout', async () => {
    const s = await sshd();
    const c = new SshCommunicator(
      options(s, { password: 'wrong', handshakeAttempts: 2, timeoutMs: 120_000 }),
    );
    const t0 = Date.now();
    await expect(c.connect(AbortSignal.timeout(120_000))).rejects.toMatchObject({
      message: expect.stringMatching(/SSH authentication as "root" on .* failed 2 times/),
      hint: 'check ssh_username and ssh_password',
    });
    expect(Date.now() - t0).toBeLessThan(30_000);
  });

  it('an unreachable port fails at ssh_timeout with a hint', async () => {
    const s = await sshd();
    const c = new SshCommunicator(options(s, { port: 2222, timeoutMs: 3000 }));
    await expect(c.connect(AbortSignal.timeout(30_000))).rejects.toMatchObject({
      message: expect.stringMatching(
        /could not connect to .*:2222 over SSH within 3s .* connection refused/,
      ),
      hint: expect.stringMatching(/sshd/),
    });
  });

  it('pins the host key: the right fingerprint connects, a wrong one is refused', async () => {
    const s = await sshd();
    let seen = '';
    const first = new SshCommunicator(
      options(s, { log: (l) => (seen = /is (SHA256:\S+)/.exec(l)?.[1] ?? seen) }),
    );
    await first.connect(AbortSignal.timeout(60_000));
    first.close();
    expect(seen).toMatch(/^SHA256:/);
    const pinned = new SshCommunicator(options(s, { hostKey: seen }));
    await pinned.connect(AbortSignal.timeout(10_000));
    pinned.close();
    const wrong = new SshCommunicator(
      options(s, {
        hostKey: fingerprint(Buffer.from('not the key')),
        timeoutMs: 2000,
        handshakeAttempts: 1,
      }),
    );
    await expect(wrong.connect(AbortSignal.timeout(10_000))).rejects.toThrow(/could not connect/);
  });

  it('reaches a target that listens only inside the bastion, through the bastion', async () => {
    // The target shares the bastion's network namespace and listens on its loopback only:
    // nothing outside can reach it except through the bastion.
    const bastion = await sshd();
    const target = await sshd({
      networks: [`container:${bastion.id}`],
      extraSetup: "echo 'ListenAddress 127.0.0.1:2222' >> /etc/ssh/sshd_config",
    });
    const direct = new SshCommunicator(
      options(target, { host: bastion.ip, port: 2222, timeoutMs: 2000 }),
    );
    await expect(direct.connect(AbortSignal.timeout(20_000))).rejects.toThrow(
      /could not connect .* connection refused/,
    );
    const via = new SshCommunicator(
      options(target, {
        host: '127.0.0.1',
        port: 2222,
        bastion: { host: bastion.ip, port: 22, username: 'root', password: bastion.password },
      }),
    );
    await via.connect(AbortSignal.timeout(60_000));
    let pw = '';
    // Each container set its own root password: logging in proves which sshd answered.
    await via.exec('grep -c "^root:" /etc/shadow', {
      signal: AbortSignal.timeout(10_000),
      onStdout: (l) => (pw = l),
    });
    expect(pw).toBe('1');
    expect(via.describe()).toBe(`ssh -J root@${bastion.ip}:22 -p 2222 root@127.0.0.1`);
    via.close();
  });
});

describe('file transfer', () => {
  let s: Sshd;
  let c: SshCommunicator;
  beforeAll(async () => {
    s = await sshd();
    c = new SshCommunicator(options(s));
    await c.connect(AbortSignal.timeout(60_000));
  });
  afterAll(() => c.close());

  it('uploads 100 MiB intact (checked by sha256 on the machine)', async () => {
    const dir = tempProject({});
    const file = join(dir, 'big.bin');
    const data = randomBytes(100 * 1024 * 1024);
    writeFileSync(file, data);
    await c.upload(file, '/tmp/big.bin', AbortSignal.timeout(120_000));
    let remote = '';
    await c.exec('sha256sum /tmp/big.bin', {
      signal: AbortSignal.timeout(60_000),
      onStdout: (l) => (remote = l.split(' ')[0]),
    });
    expect(remote).toBe(createHash('sha256').update(data).digest('hex'));
  });

  it('uploads a directory of 1000 small files, modes kept, and downloads it back', async () => {
    const dir = tempProject({});
    const src = join(dir, 'many');
    for (let i = 0; i < 1000; i++) {
      mkdirSync(join(src, `d${i % 10}`), { recursive: true });
      writeFileSync(join(src, `d${i % 10}`, `f${i}.txt`), `file ${i}\n`);
    }
    chmodSync(join(src, 'd3', 'f3.txt'), 0o750);
    await c.upload(src, '/srv', AbortSignal.timeout(120_000));
    let count = '';
    await c.exec(
      'find /srv/many -type f | wc -l; stat -c %a /srv/many/d3/f3.txt; cat /srv/many/d7/f997.txt',
      { signal: AbortSignal.timeout(30_000), onStdout: (l) => (count += l + ';') },
    );
    expect(count).toBe('1000;750;file 997;');
    await c.download('/srv/many', join(dir, 'back'), AbortSignal.timeout(120_000));
    expect(readFileSync(join(dir, 'back', 'd7', 'f997.txt'), 'utf8')).toBe('file 997\n');
    expect(statSync(join(dir, 'back', 'd3', 'f3.txt')).mode & 0o777).toBe(0o750);
  });

  it('moves a directory over SFTP, file by file, to and from a machine without tar', async () => {
    // Neither tar nor cat: files and directories both go over SFTP.
    const bare = await sshd({ extraSetup: 'rm -f /usr/bin/tar /bin/tar /usr/bin/cat /bin/cat' });
    const nc = new SshCommunicator(options(bare));
    await nc.connect(AbortSignal.timeout(60_000));
    try {
      const dir = tempProject({ 'tree/a/one.txt': 'one\n', 'tree/b/two.sh': '#!/bin/sh\n' });
      chmodSync(join(dir, 'tree/b/two.sh'), 0o755);
      await nc.upload(join(dir, 'tree') + '/', '/srv/tree', AbortSignal.timeout(60_000));
      await nc.upload(join(dir, 'tree/b/two.sh'), '/srv/two.sh', AbortSignal.timeout(60_000));
      let out = '';
      await nc.exec(
        'command -v tar || echo no-tar; command -v cat || echo no-cat; head -n1 /srv/tree/a/one.txt; stat -c %a /srv/tree/b/two.sh /srv/two.sh',
        { signal: AbortSignal.timeout(10_000), onStdout: (l) => (out += l + ';') },
      );
      expect(out).toBe('no-tar;no-cat;one;755;755;');
      // And back, the same way.
      await nc.download('/srv/tree', join(dir, 'back'), AbortSignal.timeout(60_000));
      expect(readFileSync(join(dir, 'back/a/one.txt'), 'utf8')).toBe('one\n');
      expect(statSync(join(dir, 'back/b/two.sh')).mode & 0o777).toBe(0o755);
    } finally {
      nc.close();
    }
  });

  it('a file streams into cat in one command: mode kept, and no SFTP subsystem needed', async () => {
    // This machine has no SFTP subsystem at all: a transfer that needed it would fail.
    const nosftp = await sshd({ extraSetup: "sed -i '/^Subsystem/d' /etc/ssh/sshd_config" });
    const dir = tempProject({ 'run.sh': '#!/bin/sh\necho ran\n' });
    chmodSync(join(dir, 'run.sh'), 0o750);
    const nc = new SshCommunicator(options(nosftp));
    try {
      await nc.upload(join(dir, 'run.sh'), '/usr/local/bin/run', AbortSignal.timeout(30_000));
      await nc.uploadContent('secret=1\n', '/etc/app.env', 0o600, AbortSignal.timeout(30_000));
      let out = '';
      await nc.exec('run; stat -c %a /usr/local/bin/run /etc/app.env; cat /etc/app.env', {
        signal: AbortSignal.timeout(10_000),
        onStdout: (l) => (out += l + ';'),
      });
      expect(out).toBe('ran;750;600;secret=1;');
      // The same machine with transfers set to SFTP: the setting is obeyed, so this fails.
      const viaSftp = new SshCommunicator(options(nosftp, { transfer: 'sftp' }));
      try {
        await expect(
          viaSftp.upload(join(dir, 'run.sh'), '/tmp/run', AbortSignal.timeout(30_000)),
        ).rejects.toThrow(/subsystem/i);
      } finally {
        viaSftp.close();
      }
    } finally {
      nc.close();
    }
  });

  it('ssh_file_transfer_method: sftp moves files and directories over SFTP; stream uses cat and tar', async () => {
    // cat and tar on this machine note each use of them.
    const watched = await sshd({
      extraSetup: [
        'for t in cat tar; do mv /usr/bin/$t /usr/bin/$t.real',
        `printf '#!/bin/sh\\necho %s >> /var/tmp/used\\nexec %s.real "$@"\\n' $t $t > /usr/bin/$t`,
        'chmod 755 /usr/bin/$t; done',
      ].join('; '),
    });
    const dir = tempProject({ 'tree/a.txt': 'a\n', 'one.txt': 'one\n' });
    const used = async (comm: SshCommunicator) => {
      let out = '';
      await comm.exec('cat.real /var/tmp/used 2>/dev/null; rm -f /var/tmp/used', {
        signal: AbortSignal.timeout(10_000),
        onStdout: (l) => (out += l + ' '),
      });
      return out.trim();
    };
    for (const [transfer, expected] of [
      ['sftp', ''],
      ['stream', 'cat tar'],
    ] as const) {
      const wc = new SshCommunicator(options(watched, { transfer }));
      try {
        await wc.upload(join(dir, 'one.txt'), `/srv/${transfer}.txt`, AbortSignal.timeout(30_000));
        await wc.upload(join(dir, 'tree'), `/srv/${transfer}`, AbortSignal.timeout(30_000));
        expect(await used(wc)).toBe(expected);
        let out = '';
        await wc.exec(`cat.real /srv/${transfer}.txt /srv/${transfer}/tree/a.txt`, {
          signal: AbortSignal.timeout(10_000),
          onStdout: (l) => (out += l + ';'),
        });
        expect(out).toBe('one;a;');
      } finally {
        wc.close();
      }
    }
  });

  it("a directory lands as Packer's rule says, decided in the upload itself", async () => {
    const dir = tempProject({ 'helpers/install.sh': 'echo hi\n' });
    for (const transfer of ['stream', 'sftp'] as const) {
      const tc = new SshCommunicator(options(s, { transfer }));
      try {
        await tc.exec(`rm -rf /opt/${transfer}; mkdir -p /opt/${transfer}/existing`, {
          signal: AbortSignal.timeout(10_000),
        });
        const opts = { intoExisting: true };
        const signal = AbortSignal.timeout(30_000);
        // Missing destination: the directory becomes it. Existing one: the directory goes in.
        await tc.upload(join(dir, 'helpers'), `/opt/${transfer}/new/helpers`, signal, opts);
        await tc.upload(join(dir, 'helpers'), `/opt/${transfer}/existing`, signal, opts);
        let out = '';
        await tc.exec(`cd /opt/${transfer} && find . -type f | sort`, {
          signal: AbortSignal.timeout(10_000),
          onStdout: (l) => (out += l + ';'),
        });
        expect(out).toBe('./existing/helpers/install.sh;./new/helpers/install.sh;');
      } finally {
        tc.close();
      }
    }
  });

  it('an upload the machine refuses fails at once with its reason, the connection still usable', async () => {
    const dir = tempProject({});
    writeFileSync(join(dir, 'big.bin'), randomBytes(20 * 1024 * 1024));
    await expect(
      c.upload(join(dir, 'big.bin'), '/no/such/dir/big.bin', AbortSignal.timeout(30_000)),
    ).rejects.toThrow(
      /upload of .*big\.bin to \/no\/such\/dir\/big\.bin failed: .*No such file or directory/,
    );
    const r = await c.exec('true', { signal: AbortSignal.timeout(10_000) });
    expect(r.exitCode).toBe(0);
  });

  it('downloads a file', async () => {
    const dir = tempProject({});
    await c.download('/etc/hostname', join(dir, 'out', 'hostname'), AbortSignal.timeout(10_000));
    expect(s.id.startsWith(readFileSync(join(dir, 'out', 'hostname'), 'utf8').trim())).toBe(true);
  });
});

describe('the null builder', () => {
  it('provisions an existing host: shell, file, a reboot in the middle, then more provisioning over a new connection', async () => {
    const s = await sshd();
    const { result, output } = await buildWith(
      `variables:\n  pw: {sensitive: true, default: "${s.password}"}\nsources:\n  box:\n    type: null\n    ssh_host: ${s.ip}\n    ssh_username: root\n    ssh_password: \${var.pw}\n    ssh_timeout: 60s\nbuilds:\n  b:\n    sources: [box]\n    provisioners:\n      - type: shell\n        inline: ['echo before > /root/state', 'echo "$BAKE_BUILD_NAME on $(cat /etc/hostname)"']\n      - type: file\n        source: app.conf\n        destination: /etc/app.conf\n      - type: restart\n        restart_command: touch /tmp/reboot\n        restart_check_command: test -f /etc/app.conf\n        restart_timeout: 60s\n      - type: shell\n        inline: ['cat /root/state /etc/app.conf']\n`,
      { 'app.conf': 'setting = 1\n' },
    );
    expect({ status: result.status, error: result.error }).toEqual({
      status: 'succeeded',
      error: undefined,
    });
    expect(output).toMatch(/b\.box \| b\.box on [0-9a-f]{12}/);
    expect(output).toMatch(/the machine went down; waiting for it to come back/);
    expect(output).toMatch(/b\.box \| before\n.*b\.box \| setting = 1/s);
    expect(result.artifact).toBeUndefined();
    expect(output).not.toContain(s.password);
  });

  it('a shell step with expect_disconnect survives the connection dropping', async () => {
    const s = await sshd();
    const { result, output } = await buildWith(
      `sources:\n  box:\n    type: null\n    ssh_host: ${s.ip}\n    ssh_username: root\n    ssh_password: "${s.password}"\n    ssh_timeout: 60s\nbuilds:\n  b:\n    sources: [box]\n    provisioners:\n      - type: shell\n        inline: ['touch /tmp/reboot; sleep 30']\n        expect_disconnect: true\n      - type: shell\n        inline: ['echo still here']\n`,
    );
    expect({ status: result.status, error: result.error }).toEqual({
      status: 'succeeded',
      error: undefined,
    });
    expect(output).toMatch(/connection dropped, as expect_disconnect allows/);
    expect(output).toMatch(/still here/);
  });

  it('a wrong password fails the build with the reason', async () => {
    const s = await sshd();
    const { result } = await buildWith(
      `sources:\n  box: {type: null, ssh_host: ${s.ip}, ssh_username: root, ssh_password: nope, ssh_handshake_attempts: 1}\nbuilds:\n  b: {sources: [box]}\n`,
    );
    expect(result).toMatchObject({
      status: 'failed',
      failedStep: 'connect',
      error: expect.stringMatching(/SSH authentication as "root" .* failed 1 times/),
    });
  });
});

describe('the ansible provisioner', () => {
  const playbook = `- hosts: all\n  gather_facts: false\n  tasks:\n    - name: install a package\n      ansible.builtin.apt:\n        name: tree\n        update_cache: true\n    - name: leave a mark\n      ansible.builtin.copy:\n        content: "{{ mark }}\\n"\n        dest: /root/mark\n`;

  it('runs a playbook that installs a package over SSH with a key, and removes its temporary key file', async () => {
    const pair = utils.generateKeyPairSync('ed25519');
    const s = await sshd({ authorizedKey: pair.public });
    const ansibleDirs = () => readdirSync(tmpdir()).filter((f) => f.startsWith('bake-ansible-'));
    const before = ansibleDirs();
    const { dir, result, output } = await buildWith(
      `sources:\n  box:\n    type: null\n    ssh_host: ${s.ip}\n    ssh_username: root\n    ssh_private_key_file: id_test\n    ssh_timeout: 60s\nbuilds:\n  b:\n    sources: [box]\n    provisioners:\n      - type: ansible\n        playbook_file: site.yml\n        extra_arguments: ["-e", "mark=baked"]\n        groups: [web]\n      - type: shell\n        inline: ['tree --version | head -1', 'cat /root/mark']\n`,
      { 'site.yml': playbook, id_test: pair.private },
    );
    chmodSync(join(dir, 'id_test'), 0o600);
    expect({ status: result.status, error: result.error, tail: result.tail }).toMatchObject({
      status: 'succeeded',
    });
    expect(output).toMatch(/TASK \[install a package\]/);
    expect(output).toMatch(/b\.box \| tree v\d/);
    expect(output).toMatch(/b\.box \| baked/);
    expect(output).not.toMatch(/BEGIN OPENSSH PRIVATE KEY/);
    expect(ansibleDirs()).toEqual(before);
  });

  // Copies a file, so the transfer method matters; needs nothing from the network.
  const copy = `- hosts: web\n  gather_facts: false\n  tasks:\n    - ansible.builtin.copy:\n        content: "{{ mark }}\\n"\n        dest: /root/mark\n`;
  const keyed = async (extraSetup?: string) => {
    const pair = utils.generateKeyPairSync('ed25519');
    return { pair, s: await sshd({ authorizedKey: pair.public, extraSetup }) };
  };
  const specFor = (ip: string, settings: string) =>
    `sources:\n  box: {type: null, ssh_host: ${ip}, ssh_username: root, ssh_private_key_file: id_test, ssh_timeout: 60s}\nbuilds:\n  b:\n    sources: [box]\n    provisioners:\n      - type: ansible\n        playbook_file: site.yml\n${settings}      - type: shell\n        inline: ['cat /root/mark']\n`;

  it('sftp_command serves sftp on a machine whose sshd has no sftp subsystem; without it the copy fails', async () => {
    const { pair, s } = await keyed(
      "sed -i '/^Subsystem/d' /etc/ssh/sshd_config && ln -s /usr/lib/openssh/sftp-server /usr/local/bin/",
    );
    const files = { 'site.yml': copy, id_test: pair.private };
    const settings = `        use_sftp: true\n        groups: [web]\n        extra_arguments: ["-e", "mark=by-sftp"]\n`;
    const without = await buildWith(specFor(s.ip, settings), files);
    expect(without.result.status).toBe('failed');
    expect(without.output).toMatch(/Failed to connect to the host via sftp/);
    const { result, output } = await buildWith(
      specFor(s.ip, `${settings}        sftp_command: /usr/lib/openssh/sftp-server -e\n`),
      files,
    );
    expect({ status: result.status, error: result.error }).toEqual({
      status: 'succeeded',
      error: undefined,
    });
    expect(output).toMatch(/b\.box \| by-sftp/);
    // A bare name is found on the machine's PATH, as Packer's shell would find it.
    const bare = await buildWith(
      specFor(s.ip, `${settings}        sftp_command: sftp-server -e\n`),
      files,
    );
    expect({ status: bare.result.status, error: bare.result.error }).toEqual({
      status: 'succeeded',
      error: undefined,
    });
  });

  it("inventory_file: the spec's own inventory gives groups and vars; the machine's address stays bake's", async () => {
    const { pair, s } = await keyed();
    const { result, output } = await buildWith(
      specFor(s.ip, '        inventory_file: hosts.ini\n'),
      {
        'site.yml': copy,
        id_test: pair.private,
        // A wrong address for the machine's alias, which bake's inventory (read after) replaces.
        'hosts.ini':
          'default ansible_host=192.0.2.1\n\n[web]\ndefault\n\n[web:vars]\nmark=from-inventory\n',
      },
    );
    expect({ status: result.status, error: result.error }).toEqual({
      status: 'succeeded',
      error: undefined,
    });
    expect(output).toMatch(/b\.box \| from-inventory/);
  });

  it('runs a playbook into a Docker build through the docker connection', async () => {
    const { result, output } = await buildWith(
      `sources:\n  img: {type: docker, image: debian:bookworm, commit: true}\nbuilds:\n  b:\n    sources: [img]\n    provisioners:\n      - type: ansible\n        playbook_file: site.yml\n        extra_arguments: ["-e", "mark=container"]\n      - type: shell\n        inline: ['cat /root/mark']\n`,
      { 'site.yml': playbook },
    );
    expect({ status: result.status, error: result.error, hint: result.hint }).toMatchObject({
      status: 'succeeded',
    });
    expect(output).toMatch(/b\.img \| container/);
    await docker.getImage(result.artifact!.id).remove({ force: true });
  });
});

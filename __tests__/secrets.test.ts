/**
 * Secrets never escape: sensitivity travels with every value computed from a sensitive one,
 * every printed problem is redacted at one boundary, `bake inspect` masks before it
 * serialises, structured outputs keep even 1–2 character secrets out, programs on the runner
 * get a clean environment, and every SSH hop (the bastion, Ansible's ssh) checks host keys.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli';
import { SpecError } from '../src/spec/errors';
import { SshCommunicator, SshOptions } from '../src/communicators/ssh';
import { clearSecretsForTests, redact, redactValue, REDACTED } from '../src/util/redact';
import { planOf, problemsOf, tempProject } from './helpers/spec';
import { bakeIn } from './helpers/run';
import { docker, requireDocker } from './helpers/docker';
import { startSshd, Sshd } from './helpers/sshd';

const tag = randomBytes(3).toString('hex');
/** Secrets that break naive masking: quotes, backslashes, regex syntax, unicode, newlines. */
const HOSTILE = {
  quotes: `q"uo'te-${tag}`,
  backslash: `back\\sl\\nash-${tag}`,
  regex: `re.*+?^$()[]{}|-${tag}`,
  unicode: `ünï-😀-çødé-${tag}`,
  newline: `first-line-${tag}\nsecond-line-${tag}`,
  long: `${'L'.repeat(45)}-${tag}-tail`,
};
const SHORT = ['x', 'zq'];

/** Every form a secret can take in text: raw, JSON-escaped, and each line of it. */
function forms(s: string): string[] {
  const out = new Set([s, JSON.stringify(s).slice(1, -1)]);
  for (const l of s.split('\n')) if (l.length >= 8) out.add(l);
  return [...out];
}

function expectClean(channel: string, text: string, secrets: string[]): void {
  for (const s of secrets.filter((x) => x.length >= 3))
    for (const f of forms(s))
      if (text.includes(f)) throw new Error(`${channel} shows the secret ${JSON.stringify(f)}`);
}

/** For 1–2 character secrets: never as a whole (quoted) value in a message or JSON. */
function expectNoShort(channel: string, text: string): void {
  for (const s of SHORT)
    for (const q of [`"${s}"`, `'${s}'`])
      if (text.includes(q)) throw new Error(`${channel} shows the short secret ${q}`);
}

beforeEach(() => clearSecretsForTests());

describe('sensitivity is contagious through the evaluator', () => {
  const spec = (extra = '') => `variables:
  pw: {type: string, sensitive: true}
  keyfile: {type: string, sensitive: true}
  region: {type: string, default: eu-west-1}
locals:
  b64: "\${base64encode(var.pw)}"
  up: "\${upper(var.pw)}"
  wrapped: "x-\${var.pw}"
  chain: "\${local.wrapped}/again"
  hashed: "\${sha256(var.pw)}"
  picked: '\${var.pw == "" ? "empty-${tag}" : "set-${tag}"}'
  key: "\${file(var.keyfile)}"
  cfg:
    where: "\${var.region}"
    secret: "\${var.pw}"
  plain: "\${upper(var.region)}"
sources:
  app: {type: docker, image: "busybox:\${local.hashed}", commit: true${extra}}
builds:
  b: {sources: [app]}
`;

  it.each(Object.entries(HOSTILE))(
    'with a secret holding %s, every local computed from it is masked, and only those',
    (_kind, pw) => {
      const plan = planOf(
        spec(),
        { vars: { pw, keyfile: 'key.txt' } },
        {
          'key.txt': `file-content-${tag}`,
        },
      );
      const derived = {
        b64: Buffer.from(pw).toString('base64'),
        up: pw.toUpperCase(),
        wrapped: `x-${pw}`,
        chain: `x-${pw}/again`,
        picked: `set-${tag}`,
        key: `file-content-${tag}`,
      };
      for (const [name, value] of Object.entries(derived)) {
        expect(plan.locals[name]).toBe(value);
        expect(redact(`value: ${value} end`)).toBe(`value: ${REDACTED} end`);
      }
      // The image name was computed from a sensitive local: as a whole, it is sensitive too.
      expect(redact(`image ${String(plan.instances[0].config.image)}`)).toBe(`image ${REDACTED}`);
      // A local mixing both keeps the plain part plain.
      expect(plan.shownLocals).toMatchObject({
        b64: REDACTED,
        up: REDACTED,
        chain: REDACTED,
        key: REDACTED,
        cfg: { where: 'eu-west-1', secret: REDACTED },
        plain: 'EU-WEST-1',
      });
      expect(redact('eu-west-1 EU-WEST-1')).toBe('eu-west-1 EU-WEST-1');
    },
  );

  it('an expression that fails on a sensitive value does not say what the value was', () => {
    const pw = HOSTILE.quotes;
    const problems = problemsOf(
      `variables:\n  pw: {type: string, sensitive: true}\nlocals:\n  n: "\${tonumber(var.pw) + 1}"\n  d: '\${formatdate("YYYY", upper(var.pw))}'\n  k: "\${lookup({a = 1}, lower(var.pw))}"\nsources:\n  app: {type: docker, image: busybox, commit: true}\nbuilds:\n  b: {sources: [app]}\n`,
      { vars: { pw } },
    );
    expect(problems.map((p) => p.path)).toEqual(['locals.n', 'locals.d', 'locals.k']);
    const text = JSON.stringify(problems) + new SpecError(problems).message;
    expectClean('the problems', text, [pw, pw.toUpperCase(), pw.toLowerCase()]);
    expect(text).toMatch(/failed on a sensitive value/);
  });
});

describe('problems never echo a secret', () => {
  it.each([...Object.entries(HOSTILE), ['short', 'x'], ['short', 'zq']])(
    'a %s secret that is not a number, in a number variable, is not shown',
    (_kind, pw) => {
      const problems = problemsOf(
        `variables:\n  pin: {type: number, sensitive: true}\nsources:\n  app: {type: docker, image: busybox, commit: true}\nbuilds:\n  b: {sources: [app]}\n`,
        { vars: { pin: pw } },
      );
      const text = JSON.stringify(problems) + new SpecError(problems).message;
      expect(text).toMatch(
        /variable "pin" \(number\) from --var pin: expected a number, got a sensitive string/,
      );
      expectClean('the problem', text, [pw]);
      expectNoShort('the problem', text);
    },
  );

  it.each([...Object.entries(HOSTILE), ['short', 'x'], ['short', 'zq']])(
    'a setting given a %s secret it cannot take says so without the value',
    (_kind, pw) => {
      const problems = problemsOf(
        `variables:\n  pw: {type: string, sensitive: true}\nsources:\n  app: {type: docker, image: busybox, commit: true, pull: "\${var.pw}", platform: "\${upper(var.pw)}-\${var.pw}"}\nbuilds:\n  b: {sources: [app]}\n`,
        { vars: { pw } },
      );
      const text = JSON.stringify(problems) + new SpecError(problems).message;
      expect(text).toMatch(/pull/);
      expectClean('the problem', text, [pw, pw.slice(0, 40)]);
      expectNoShort('the problem', text);
    },
  );
});

describe('bake inspect', () => {
  async function inspect(dir: string, vars: Record<string, string>): Promise<string> {
    let out = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((c: string | Uint8Array) => ((out += String(c)), true)) as never;
    try {
      const args = Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}=${v}`]);
      expect(await main(['inspect', join(dir, 'bake.yml'), ...args])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    return out;
  }

  it.each(Object.entries(HOSTILE))(
    'masks a %s secret and what is computed from it before serialising',
    async (_kind, pw) => {
      const dir = tempProject({
        'bake.yml': `variables:\n  pw: {type: string, sensitive: true}\n  shown: {type: string}\nlocals:\n  same: "\${var.pw}"\n  up: "\${upper(var.pw)}"\n  list: ["\${var.pw}", "plain-${tag}"]\n  copy: "\${var.shown}"\nsources:\n  app: {type: docker, image: busybox, commit: true}\nbuilds:\n  b: {sources: [app]}\n`,
      });
      // `shown` is not declared sensitive but holds the secret: it is masked as text.
      const out = await inspect(dir, { pw, shown: pw });
      expectClean('inspect', out, [pw, pw.toUpperCase()]);
      expect(out).toContain(`local.up = "${REDACTED}"`);
      expect(out).toContain(`local.list = ["${REDACTED}","plain-${tag}"]`);
      expect(out).toMatch(/var\.pw \(string, sensitive\) = \*\*\*/);
    },
  );

  it('masks a 1–2 character secret where it is a whole value', async () => {
    const dir = tempProject({
      'bake.yml': `variables:\n  pw: {type: string, sensitive: true}\nlocals:\n  same: "\${var.pw}"\n  obj: {k: "\${var.pw}"}\nsources:\n  app: {type: docker, image: busybox, commit: true}\nbuilds:\n  b: {sources: [app]}\n`,
    });
    const out = await inspect(dir, { pw: 'zq' });
    expectNoShort('inspect', out);
    expect(out).toContain(`local.obj = {"k":"${REDACTED}"}`);
  });
});

describe('structured outputs', () => {
  it('a 1–2 character secret never stands as a value, though text around it is kept', () => {
    planOf(
      `variables:\n  a: {type: string, sensitive: true}\n  b: {type: string, sensitive: true}\nsources:\n  app: {type: docker, image: busybox, commit: true}\nbuilds:\n  b: {sources: [app]}\n`,
      { vars: { a: 'x', b: 'zq' } },
    );
    expect(redactValue({ id: 'zq', tags: ['x', 'ok'], note: 'a zq b', n: 1 })).toEqual({
      id: REDACTED,
      tags: [REDACTED, 'ok'],
      note: 'a zq b',
      n: 1,
    });
  });
});

// ---- with Docker: real builds, real sshd

const started: Sshd[] = [];
afterAll(async () => {
  for (const s of started) await s.remove();
});

async function sshd(opts: Parameters<typeof startSshd>[0] = {}): Promise<Sshd> {
  const s = await startSshd(opts);
  started.push(s);
  return s;
}

async function execIn(id: string, cmd: string): Promise<string> {
  const ex = await docker.getContainer(id).exec({
    Cmd: ['sh', '-c', cmd],
    AttachStdout: true,
    AttachStderr: true,
  });
  const stream = await ex.start({});
  const chunks: Buffer[] = [];
  await new Promise<void>((res) => {
    stream.on('data', (d: Buffer) => chunks.push(d));
    stream.on('end', () => res());
  });
  // Docker's multiplexed stream: 8-byte headers before each frame.
  const all = Buffer.concat(chunks);
  let out = '';
  for (let i = 0; i + 8 <= all.length;) {
    const n = all.readUInt32BE(i + 4);
    out += all.subarray(i + 8, i + 8 + n).toString();
    i += 8 + n;
  }
  return out;
}

/** sshd must be up: its host key exists once ssh-keygen -A ran. */
async function hostKeyLine(s: Sshd, port = 22): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const k = await execIn(s.id, 'cat /etc/ssh/ssh_host_ed25519_key.pub 2>/dev/null');
    if (k.trim()) {
      const [type, blob] = k.trim().split(/\s+/);
      return `${port === 22 ? s.ip : `[${s.ip}]:${port}`} ${type} ${blob}`;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('sshd did not make its host keys');
}

describe('the bastion host key', () => {
  beforeAll(requireDocker);

  it('is verified against the known_hosts file like the target, and held to its first key', async () => {
    const bastion = await sshd();
    const other = await sshd();
    const target = await sshd({
      networks: [`container:${bastion.id}`],
      extraSetup: "printf 'Port 2222\\nListenAddress 127.0.0.1\\n' >> /etc/ssh/sshd_config",
    });
    const targetKey = (await hostKeyLine(target)).replace(target.ip, '[127.0.0.1]:2222');
    const bastionKey = await hostKeyLine(bastion);
    const otherKey = (await hostKeyLine(other)).split(' ').slice(1).join(' ');
    const dir = mkdtempSync(join(tmpdir(), 'bake-kh-'));
    const opts = (knownHosts?: string): SshOptions => ({
      host: '127.0.0.1',
      port: 2222,
      username: 'root',
      password: target.password,
      timeoutMs: 20_000,
      handshakeAttempts: 1,
      keepAliveMs: 2000,
      pty: false,
      bastion: { host: bastion.ip, port: 22, username: 'root', password: bastion.password },
      ...(knownHosts !== undefined
        ? { knownHostsFile: (writeFileSync(join(dir, 'kh'), knownHosts), join(dir, 'kh')) }
        : {}),
    });
    const run = async (o: SshOptions) => {
      const c = new SshCommunicator(o);
      try {
        await c.connect(AbortSignal.timeout(30_000));
        const r = await c.exec('echo through', { signal: AbortSignal.timeout(10_000) });
        return r.exitCode;
      } finally {
        c.close?.();
      }
    };
    // Both keys known: it connects.
    expect(await run(opts(`${bastionKey}\n${targetKey}\n`))).toBe(0);
    // The bastion shows a key other than the known one: no connection, not even to it.
    await expect(run(opts(`${bastion.ip} ${otherKey}\n${targetKey}\n`))).rejects.toThrow(
      /verif|host key|denied/i,
    );

    // Without a known_hosts file: the first key seen is held for every later connection.
    const log: string[] = [];
    const c = new SshCommunicator({ ...opts(), log: (l) => log.push(l) });
    await c.connect(AbortSignal.timeout(30_000));
    expect(log.join('\n')).toContain(`host key of ${bastion.ip}:22 is SHA256:`);
    const known = await c.knownHosts(AbortSignal.timeout(5000));
    expect(known).toContain(bastionKey);
    expect(known).toContain(targetKey);
    c.close?.();
    // The bastion changes its host key (a machine in the middle): the next connection fails.
    await execIn(
      bastion.id,
      "rm -f /etc/ssh/ssh_host_*; ssh-keygen -q -t ed25519 -N '' -f /etc/ssh/ssh_host_ed25519_key",
    );
    await expect(c.connect(AbortSignal.timeout(30_000))).rejects.toThrow(/verif|host key|denied/i);
    expect(log.join('\n')).toMatch(/host key of .*:22 \(SHA256:.*\) is not the expected one/);
  }, 90_000);
});

describe('the ansible provisioner', () => {
  beforeAll(requireDocker);

  it('logs in with a passphrase-protected key through SSH_ASKPASS, and holds ssh to the key the build verified', async () => {
    const dir0 = mkdtempSync(join(tmpdir(), 'bake-key-'));
    const passphrase = `pa ss"phrase\\-${tag}`;
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-f', join(dir0, 'k')]);
    const s = await sshd({ authorizedKey: readFileSync(join(dir0, 'k.pub'), 'utf8').trim() });
    const spec = (swapKeys: boolean) => `variables:
  pass: {type: string, sensitive: true}
sources:
  box:
    type: null
    ssh_host: ${s.ip}
    ssh_username: root
    ssh_private_key_file: id_enc
    ssh_private_key_passphrase: "\${var.pass}"
    ssh_timeout: 60s
builds:
  b:
    sources: [box]
    provisioners:
${
  swapKeys
    ? `      - type: shell
        inline:
          - rm -f /etc/ssh/ssh_host_*
          - ssh-keygen -q -t ed25519 -N '' -f /etc/ssh/ssh_host_ed25519_key
          # The listening sshd (its parent is the container's init) reloads its keys on HUP;
          # this session, a child of it, stays up.
          - for p in /proc/[0-9]*; do [ "$(cat $p/comm)" = sshd ] && [ "$(cut -d' ' -f4 $p/stat)" = 1 ] && kill -HUP $\${p#/proc/}; done; sleep 1
`
    : ''
}      - type: ansible
        playbook_file: site.yml
`;
    const files = {
      'site.yml': `- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.copy: {content: "ok\\n", dest: /root/ansible-was-here}\n`,
      id_enc: readFileSync(join(dir0, 'k')),
    };
    const good = await bakeIn(tempProject({ 'bake.yml': spec(false), ...files }), {
      vars: { pass: passphrase },
    });
    expect({
      status: good.result.status,
      error: good.result.error,
      tail: good.result.tail,
    }).toMatchObject({
      status: 'succeeded',
    });
    expect(await execIn(s.id, 'cat /root/ansible-was-here')).toBe('ok\n');
    expectClean('the build output', good.output, [passphrase]);

    // The machine's identity changes after the build verified it: Ansible's ssh refuses.
    const swapped = await bakeIn(tempProject({ 'bake.yml': spec(true), ...files }), {
      vars: { pass: passphrase },
    });
    expect(swapped.result).toMatchObject({
      status: 'failed',
      failedStep: expect.stringMatching(/ansible/),
    });
    expect([...(swapped.result.tail ?? []), swapped.output].join('\n')).toMatch(
      /REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/,
    );
  }, 120_000);
});

/**
 * The bundled `bake` command as a user runs it: signals, a killed run, and several
 * processes writing one manifest. Uses dist/cli (rebuilt by `npm run build`).
 */
import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { containersOfRun, docker, pendingOf, requireDocker } from './helpers/docker';
import { tempProject } from './helpers/spec';
import { ResourceLedger } from '../src/engine/ledger';

const CLI = resolve('dist/cli/index.js');

beforeAll(async () => {
  await requireDocker();
  if (!existsSync(CLI)) throw new Error('dist/cli/index.js is missing: run "npm run build" first');
});

const SLOW = `sources:
  t: {type: docker, image: busybox:latest, commit: true}
builds:
  b:
    sources: [t]
    provisioners:
      - type: shell
        inline: ['echo started', 'sleep 120']
`;

const children: ChildProcess[] = [];
afterEach(() => {
  // A failed assertion must not leave a build process running.
  for (const c of children.splice(0))
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function start(
  args: string[],
  cwd: string,
): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<{ code: number | null; signal: string | null }>;
} {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GITHUB_ACTIONS: '' },
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exit = new Promise<{ code: number | null; signal: string | null }>((res) =>
    child.on('exit', (code, signal) => res({ code, signal })),
  );
  return { child, output: () => out, exit };
}

async function waitFor(cond: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function runOf(ledger: string): string {
  const line = readFileSync(ledger, 'utf8').split('\n')[0];
  return (JSON.parse(line) as { run: string }).run;
}

describe.each(['SIGINT', 'SIGTERM'] as const)('%s during a build', (sig) => {
  it('cancels, removes the container within 7 s, and leaves an empty ledger', async () => {
    const dir = tempProject({ 'bake.yml': SLOW });
    const p = start(['build', 'bake.yml'], dir);
    await waitFor(() => /\| started$/m.test(p.output()), 60_000, 'the provisioner to start');
    const ledger = join(dir, '.bake/ledger.jsonl');
    const run = runOf(ledger);
    expect(await containersOfRun(run)).toHaveLength(1);
    const t0 = Date.now();
    p.child.kill(sig);
    const { code } = await p.exit;
    const took = Date.now() - t0;
    expect(took).toBeLessThan(7_000);
    expect(code).toBe(1);
    expect(p.output()).toMatch(new RegExp(`${sig} received: cancelling`));
    expect(p.output()).toMatch(/b\.t: cancelled/);
    expect(await containersOfRun(run)).toEqual([]);
    expect(pendingOf(ledger)).toEqual([]);
  });
});

describe('a killed run', () => {
  it('leaves its container in the ledger; bake cleanup removes it, and is idempotent', async () => {
    const dir = tempProject({ 'bake.yml': SLOW });
    const p = start(['build', 'bake.yml', '--ledger', 'state/ledger.jsonl'], dir);
    await waitFor(() => /\| started$/m.test(p.output()), 60_000, 'the provisioner to start');
    p.child.kill('SIGKILL');
    await p.exit;
    const ledger = join(dir, 'state/ledger.jsonl');
    const run = runOf(ledger);
    expect(await containersOfRun(run)).toHaveLength(1);
    expect(ResourceLedger.pending(ledger).map((e) => e.kind)).toEqual(['docker-container']);

    const first = spawnSync(process.execPath, [CLI, 'cleanup', '--ledger', 'state/ledger.jsonl'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/removed container [0-9a-f]{12} from busybox:latest \(b\.t\)/);
    expect(await containersOfRun(run)).toEqual([]);
    const again = spawnSync(process.execPath, [CLI, 'cleanup', '--ledger', 'state/ledger.jsonl'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/nothing to clean up/);
  });
});

describe('parallel builds writing one manifest', () => {
  it('lose no entry: three processes with three builds each', async () => {
    const spec = `sources:\n  a: {type: docker, image: busybox:latest, commit: true}\n  b: {type: docker, image: busybox:latest, commit: true}\n  c: {type: docker, image: busybox:latest, commit: true}\nbuilds:\n  m:\n    sources: [a, b, c]\n    post-processors:\n      - type: manifest\n        output: shared/manifest.json\n`;
    const dir = tempProject({ 'bake.yml': spec });
    const runs = [1, 2, 3].map((i) => start(['build', 'bake.yml', '--ledger', `l${i}.jsonl`], dir));
    const exits = await Promise.all(runs.map((r) => r.exit));
    expect(exits.map((e) => e.code)).toEqual([0, 0, 0]);
    const m = JSON.parse(readFileSync(join(dir, 'shared/manifest.json'), 'utf8')) as {
      builds: { name: string; artifact_id: string; bake_run_uuid: string }[];
    };
    expect(m.builds).toHaveLength(9);
    expect(new Set(m.builds.map((b) => b.bake_run_uuid)).size).toBe(3);
    expect(m.builds.map((b) => b.name).sort()).toEqual([
      'a',
      'a',
      'a',
      'b',
      'b',
      'b',
      'c',
      'c',
      'c',
    ]);
    for (const b of m.builds)
      await docker
        .getImage(b.artifact_id)
        .remove({ force: true })
        .catch(() => undefined);
  });
});

describe('exit codes and output', () => {
  it('exits 0 and lists the artifact on success, 1 when a build fails', async () => {
    const ok = tempProject({
      'bake.yml': `sources:\n  t: {type: docker, image: busybox:latest, commit: true}\nbuilds:\n  b: {sources: [t]}\n`,
    });
    const r = spawnSync(process.execPath, [CLI, 'build', 'bake.yml'], {
      cwd: ok,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const m = /--> b\.t: (sha256:[0-9a-f]{64})/.exec(r.stdout);
    expect(m).not.toBeNull();
    await docker.getImage(m![1]).remove();
    const bad = tempProject({
      'bake.yml': `sources:\n  t: {type: docker, image: busybox:latest, commit: true}\nbuilds:\n  b:\n    sources: [t]\n    provisioners: [{type: shell, inline: ['exit 4']}]\n`,
    });
    const f = spawnSync(process.execPath, [CLI, 'build', 'bake.yml'], {
      cwd: bad,
      encoding: 'utf8',
    });
    expect(f.status).toBe(1);
    expect(f.stdout).toMatch(
      /--> b\.t: failed in "provisioner 1: shell": script \(inline\) exited with code 4/,
    );
    expect(f.stdout + f.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('lazy loading', () => {
  /** The dist chunks a CLI run required, and whether any of them holds the EC2 client. */
  function chunksOf(args: string[], cwd: string, env: Record<string, string> = {}) {
    const log = join(cwd, `requires-${args[0]}.log`);
    const r = spawnSync(
      process.execPath,
      ['--require', resolve('__tests__/fixtures/record-requires.cjs'), CLI, ...args],
      {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, GITHUB_ACTIONS: '', BAKE_REQUIRE_LOG: log, ...env },
      },
    );
    const files = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
    const chunks = [...new Set(files.filter((f) => /dist\/cli\/\d+\.index\.js$/.test(f)))];
    const sdk = chunks.filter((f) => readFileSync(f, 'utf8').includes('DescribeImagesCommand'));
    return { r, chunks, sdk };
  }

  it('a Docker-only build never loads the AWS SDK; an amazon-ebs build does', () => {
    const dir = tempProject({
      'bake.yml': `sources:
  t: {type: docker, image: busybox:latest, discard: true}
builds:
  b:
    sources: [t]
    provisioners: [{type: shell, inline: ['true']}]
`,
      'ami.yml': `sources:
  a:
    type: amazon-ebs
    source_ami: ami-0123
    instance_type: t3.micro
    ssh_username: admin
    ami_name: lazy-test
builds:
  b:
    sources: [a]
`,
    });
    const dockerRun = chunksOf(['build', 'bake.yml'], dir);
    expect(dockerRun.r.status).toBe(0);
    expect(dockerRun.chunks.length).toBeGreaterThan(0); // dockerode's chunk
    expect(dockerRun.sdk).toEqual([]);
    // Control: the same check sees the SDK when a build needs it (the build then fails
    // for want of a region, with a clear message).
    const noRegion = { AWS_REGION: '', AWS_DEFAULT_REGION: '' };
    const amiRun = chunksOf(['build', 'ami.yml'], dir, noRegion);
    expect(amiRun.r.status).toBe(1);
    expect(amiRun.r.stdout + amiRun.r.stderr).toContain('no AWS region');
    expect(amiRun.sdk.length).toBeGreaterThan(0);
  });
});

describe('Packer templates through the bundle', () => {
  it("the bundled command and the action read a .pkr.hcl (the HCL parser's wasm ships in dist/)", () => {
    const dir = resolve('__tests__/fixtures/packer/learn-getting-started');
    const cli = spawnSync(process.execPath, [CLI, 'validate', 'example.pkr.hcl'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toContain('example.pkr.hcl: valid, 1 build (build.example)');
    expect(cli.status).toBe(0);
    const out = join(tempProject({ state: '', output: '' }));
    const action = spawnSync(process.execPath, [resolve('dist/index.js')], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GITHUB_STATE: join(out, 'state'),
        GITHUB_OUTPUT: join(out, 'output'),
        INPUT_SPEC: 'example.pkr.hcl',
        INPUT_COMMAND: 'plan',
      },
    });
    expect(action.status).toBe(0);
    expect(readFileSync(join(out, 'output'), 'utf8')).toContain('build.example');
  });
});

describe('bake sweep on the command line', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'sweep', ...args], {
      encoding: 'utf8',
      env: {
        ...process.env,
        AWS_REGION: '',
        AWS_DEFAULT_REGION: '',
        AZURE_SUBSCRIPTION_ID: '',
        GOOGLE_CLOUD_PROJECT: '',
        CLOUDSDK_CORE_PROJECT: '',
      },
    });

  it('says what is missing, with exit code 2, before touching AWS', () => {
    const noRegion = run('--older-than', '6h');
    expect(noRegion.status).toBe(2);
    // Every builder that can sweep says what it needs to be told.
    expect(noRegion.stderr).toBe(
      'bake: sweep needs --region (or AWS_REGION) for amazon-ebs, --subscription (or AZURE_SUBSCRIPTION_ID) for azure-arm, --project (or GOOGLE_CLOUD_PROJECT) for googlecompute\n',
    );
    const onlyAws = run('--older-than', '6h', '--builder', 'amazon-ebs');
    expect(onlyAws.stderr).toBe('bake: sweep needs --region (or AWS_REGION)\n');
    const noAge = run('--region', 'us-east-1');
    expect(noAge.status).toBe(2);
    expect(noAge.stderr).toBe('bake: sweep needs --older-than, e.g. --older-than 6h\n');
    const badAge = run('--region', 'us-east-1', '--older-than', 'six hours');
    expect(badAge.status).toBe(2);
    expect(badAge.stderr).toContain(
      '--older-than takes a duration such as 6h or 90m, got "six hours"',
    );
  });

  it('reports an AWS it cannot reach per region, without a stack trace', () => {
    const r = spawnSync(
      process.execPath,
      [CLI, 'sweep', '--region', 'us-test-1', '--older-than', '1h'],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:9',
          AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
          AWS_SECRET_ACCESS_KEY: 'not-a-real-secret-key',
          AWS_MAX_ATTEMPTS: '1',
        },
      },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^listing bake resources in us-test-1 failed: ECONNREFUSED: /m);
    expect(r.stdout).toContain('hint: the EC2 API cannot be reached from here');
    expect(r.stdout).not.toContain('nothing older');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });
});

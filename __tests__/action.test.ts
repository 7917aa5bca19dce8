/**
 * The action as GitHub runs it: dist/index.js started with INPUT_* variables, the runner's
 * files for outputs, state and summary, and a local HTTP server speaking GitHub's REST API
 * for the PR comment. Main, then post, like a real job.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { docker, requireDocker } from './helpers/docker';
import { tempProject } from './helpers/spec';
import { startFakeCache } from './helpers/fake-cache';
import { pullRequestEvent } from './helpers/events';

const ACTION = resolve('dist/index.js');

interface Comment {
  id: number;
  body: string;
  user: { login: string };
  html_url: string;
}

/** Just enough of GitHub's REST API: who am I, list/create/update issue comments. */
function fakeGitHub(opts: {
  readOnly?: boolean;
  /** GitHub answering 502 to every comment call (an outage). */
  down?: boolean;
  login: string;
  existing?: Comment[];
  heads?: Record<number, string>;
}) {
  const comments: Comment[] = [...(opts.existing ?? [])];
  const requests: { method: string; url: string; auth?: string }[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      requests.push({ method: req.method!, url: req.url!, auth: req.headers.authorization });
      const send = (code: number, body: unknown) => {
        res.writeHead(code, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const url = new URL(req.url!, 'http://x');
      if (req.method === 'GET' && url.pathname === '/user') return send(200, { login: opts.login });
      const pull = /^\/repos\/acme\/app\/pulls\/(\d+)$/.exec(url.pathname);
      if (pull && req.method === 'GET') {
        const sha = opts.heads?.[Number(pull[1])];
        return sha
          ? send(200, { number: Number(pull[1]), head: { sha } })
          : send(404, { message: 'Not Found' });
      }
      const list = /^\/repos\/acme\/app\/issues\/(\d+)\/comments$/.exec(url.pathname);
      if (list && opts.down) return send(502, { message: 'Server Error' });
      if (list && req.method === 'GET') return send(200, comments);
      if (list && req.method === 'POST') {
        if (opts.readOnly) return send(403, { message: 'Resource not accessible by integration' });
        const c = {
          id: 100 + comments.length,
          body: JSON.parse(raw).body,
          user: { login: opts.login },
          html_url: `https://example.invalid/c/${comments.length}`,
        };
        comments.push(c);
        return send(201, c);
      }
      const upd = /^\/repos\/acme\/app\/issues\/comments\/(\d+)$/.exec(url.pathname);
      if (upd && req.method === 'PATCH') {
        const c = comments.find((x) => x.id === Number(upd[1]));
        if (!c) return send(404, { message: 'Not Found' });
        c.body = JSON.parse(raw).body;
        return send(200, c);
      }
      send(404, { message: `no route ${req.method} ${url.pathname}` });
    });
  });
  return { server, comments, requests };
}

function readKeyValueFile(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(path)) return out;
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const end = lines.indexOf(m[2], i + 1);
    out[m[1]] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return out;
}

/** Asynchronous, so the fake API server in this process can answer while the action runs. */
function runNode(
  cwd: string,
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((res) => {
    const child = spawn(process.execPath, [ACTION], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => res({ status, stdout, stderr }));
  });
}

async function runAction(
  dir: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
) {
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH!,
    HOME: process.env.HOME ?? '/root',
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: dir,
    GITHUB_RUN_ID: '42',
    GITHUB_REPOSITORY: 'acme/app',
    ...files,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...extraEnv,
  };
  const main = await runNode(dir, env);
  const state = readKeyValueFile(files.GITHUB_STATE);
  const post = await runNode(dir, {
    ...env,
    ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])),
  });
  return {
    main,
    post,
    outputs: readKeyValueFile(files.GITHUB_OUTPUT),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    state,
  };
}

const SPEC = `variables:
  token: {type: string, sensitive: true}
sources:
  good: {type: docker, image: busybox:latest, commit: true}
  bad: {type: docker, image: busybox:latest, commit: true}
builds:
  app:
    sources: [good, bad]
    provisioners:
      - type: shell
        inline: ['echo "using $TOKEN"', 'test "$PACKER_BUILD_NAME" = good || { echo "bad build: token $TOKEN" >&2; exit 5; }']
        env: {TOKEN: "\${var.token}"}
`;

beforeAll(async () => {
  await requireDocker();
  if (!existsSync(ACTION)) throw new Error('dist/index.js is missing: run "npm run build" first');
});

describe('the action on a pull request', () => {
  let gh: ReturnType<typeof fakeGitHub>;
  let base: string;
  beforeEach(async () => {
    gh = fakeGitHub({
      login: 'github-actions[bot]',
      existing: [
        {
          id: 7,
          body: '<!-- bake-action comment: bake.yml -->\nplanted by someone else',
          user: { login: 'mallory' },
          html_url: 'x',
        },
      ],
    });
    await new Promise<void>((r) => gh.server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(gh.server.address() as AddressInfo).port}`;
  });
  afterEach(() => new Promise((r) => gh.server.close(r)));

  it('builds, sets outputs, writes the summary, posts one comment and updates it in place, and never shows the secret', async () => {
    const secret = 'sekret-' + Date.now();
    const dir = tempProject({
      'bake.yml': SPEC,
      'event.json': JSON.stringify(pullRequestEvent({ number: 12 })),
    });
    const env = {
      GITHUB_API_URL: base,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
    };
    const inputs = {
      spec: 'bake.yml',
      vars: `token=${secret}`,
      'github-token': 'ghs_test',
      comment: 'auto',
    };
    const first = await runAction(dir, inputs, env);
    expect(first.main.status).toBe(1);
    expect(first.main.stdout).toMatch(/::error::1 build\(s\) did not succeed: app\.bad/);

    const artifacts = JSON.parse(first.outputs.artifacts);
    expect(artifacts['app.good']).toMatchObject({
      status: 'succeeded',
      builder: 'docker',
      id: expect.stringMatching(/^sha256:/),
      reused: false,
    });
    expect(artifacts['app.bad']).toMatchObject({
      status: 'failed',
      id: null,
      failed_step: 'provisioner 1: shell',
    });
    expect(JSON.parse(first.outputs['artifact-ids'])).toEqual({
      'app.good': artifacts['app.good'].id,
    });
    expect(JSON.parse(first.outputs.failed)).toEqual(['app.bad']);
    expect(JSON.parse(first.outputs.matrix).include.map((i: { name: string }) => i.name)).toEqual([
      'app.good',
      'app.bad',
    ]);
    expect(existsSync(first.outputs.manifest)).toBe(true);

    expect(first.summary).toMatch(/\| app\.good \| docker \| ✅ succeeded \| `sha256:/);
    expect(first.summary).toMatch(/```mermaid\ngantt/);
    expect(first.summary).toMatch(
      /<details><summary>app\.bad failed in <code>provisioner 1: shell<\/code>/,
    );

    // One new comment (the planted one with the marker but another author is left alone).
    expect(gh.comments).toHaveLength(2);
    expect(gh.comments[0].body).toBe(
      '<!-- bake-action comment: bake.yml -->\nplanted by someone else',
    );
    expect(gh.comments[1].body).toMatch(/^<!-- bake-action comment: bake\.yml -->/);
    expect(gh.comments[1].body).toMatch(/bad build: token \*\*\*/);
    expect(gh.requests.every((r) => r.auth === 'token ghs_test')).toBe(true);

    // The secret appears nowhere a user can see.
    // ::add-mask:: is how the runner learns what to mask; it never shows that line.
    const shown = first.main.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    expect(first.main.stdout).toContain(`::add-mask::${secret}`);
    for (const text of [
      shown,
      first.main.stderr,
      first.summary,
      JSON.stringify(first.outputs),
      JSON.stringify(gh.comments),
      JSON.stringify(first.state),
      readFileSync(first.outputs.manifest, 'utf8'),
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(JSON.stringify(first.state)).not.toContain('ghs_test');

    // A second push updates the same comment.
    const second = await runAction(dir, inputs, env);
    expect(second.main.status).toBe(1);
    expect(gh.comments).toHaveLength(2);
    expect(gh.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    await docker
      .getImage(artifacts['app.good'].id)
      .remove({ force: true })
      .catch(() => undefined);
    await docker
      .getImage(JSON.parse(second.outputs.artifacts)['app.good'].id)
      .remove({ force: true })
      .catch(() => undefined);
  });

  it('on a pull request from a fork the build still succeeds, and says why there is no comment', async () => {
    const dir = tempProject({
      'bake.yml': `sources:\n  t: {type: docker, image: busybox:latest, commit: true}\nbuilds:\n  b: {sources: [t]}\n`,
      'event.json': JSON.stringify(pullRequestEvent({ number: 3, headRepo: 'contributor/app' })),
    });
    const before = gh.requests.length;
    const r = await runAction(
      dir,
      { spec: 'bake.yml', 'github-token': 'ghs_ro' },
      {
        GITHUB_API_URL: base,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
      },
    );
    expect(r.main.status).toBe(0);
    expect(r.main.stdout).toMatch(
      /::warning::pull request #3 comes from the fork contributor\/app: its token cannot comment here\. The build is unaffected; .*pr-comment\.yml/,
    );
    expect(gh.requests.length).toBe(before); // not even tried
    await docker.getImage(JSON.parse(r.outputs['artifact-ids'])['b.t']).remove({ force: true });
  });

  it('when GitHub fails to take the comment, the good build stays green, with a warning and its outputs', async () => {
    gh.server.close();
    gh = fakeGitHub({ login: 'github-actions[bot]', down: true });
    await new Promise<void>((r) => gh.server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(gh.server.address() as AddressInfo).port}`;
    const dir = tempProject({
      'bake.yml': `sources:\n  t: {type: docker, image: busybox:latest, commit: true}\nbuilds:\n  b: {sources: [t]}\n`,
      'event.json': JSON.stringify(pullRequestEvent({ number: 4 })),
    });
    const r = await runAction(
      dir,
      { spec: 'bake.yml', 'github-token': 'ghs_x' },
      {
        GITHUB_API_URL: base,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
      },
    );
    expect(r.main.status).toBe(0);
    expect(r.main.stdout).toMatch(/::warning::comment: could not write the PR comment/);
    expect(r.main.stdout).not.toMatch(/\n\s+at /);
    expect(JSON.parse(r.outputs['artifact-ids'])['b.t']).toMatch(/^sha256:/);
    await docker.getImage(JSON.parse(r.outputs['artifact-ids'])['b.t']).remove({ force: true });
  });

  it('with a read-only token (a Dependabot pull request) the build still succeeds, with a warning', async () => {
    gh.server.close();
    gh = fakeGitHub({ login: 'github-actions[bot]', readOnly: true });
    await new Promise<void>((r) => gh.server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(gh.server.address() as AddressInfo).port}`;
    const dir = tempProject({
      'bake.yml': `sources:\n  t: {type: docker, image: busybox:latest, commit: true}\nbuilds:\n  b: {sources: [t]}\n`,
      'event.json': JSON.stringify(pullRequestEvent({ number: 4 })),
    });
    const r = await runAction(
      dir,
      { spec: 'bake.yml', 'github-token': 'ghs_ro' },
      {
        GITHUB_API_URL: base,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
      },
    );
    expect(r.main.status).toBe(0);
    expect(r.main.stdout).toMatch(
      /::warning::could not write the PR comment \(HTTP 403\): the token is read-only/,
    );
    await docker.getImage(JSON.parse(r.outputs['artifact-ids'])['b.t']).remove({ force: true });
  });
});

describe('the action, other paths', () => {
  it('spec errors become annotations at file:line:col', () => {
    const dir = tempProject({
      'bake.yml': 'sources:\n  a: {type: docker, imag: x}\nbuilds:\n  b: {sources: [a]}\n',
      o: '',
      s: '',
    });
    const r = spawnSync(process.execPath, [ACTION], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH!,
        INPUT_SPEC: 'bake.yml',
        INPUT_COMMAND: 'validate',
        GITHUB_OUTPUT: join(dir, 'o'),
        GITHUB_STATE: join(dir, 's'),
      },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /::error title=bake spec error,file=bake.yml,line=2,col=21::unknown key "imag" \(sources.a.imag\). did you mean "image"\?/,
    );
    expect(r.stdout).toMatch(
      /::error title=bake spec error,file=bake.yml,line=2,col=3::missing required key "image"/,
    );
  });

  it('bad inputs get a clear error', () => {
    const dir = tempProject({ s: '' });
    const r = spawnSync(process.execPath, [ACTION], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH!,
        INPUT_COMMAND: 'bake',
        INPUT_SPEC: 'bake.yml',
        GITHUB_STATE: join(dir, 's'),
      },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /::error::input "command" is "bake"; it must be one of: validate, plan, build, report/,
    );
  });

  it('the post step removes what a killed main step left', async () => {
    const dir = tempProject({});
    const ledger = join(dir, 'ledger.jsonl');
    const c = await docker.createContainer({ Image: 'busybox:latest', Cmd: ['sleep', '300'] });
    await c.start();
    writeFileSync(
      ledger,
      JSON.stringify({
        op: 'add',
        id: 'e1',
        kind: 'docker-container',
        ref: { id: c.id },
        build: 'b.t',
        run: 'r',
        description: `container ${c.id.slice(0, 12)}`,
        time: new Date().toISOString(),
      }) + '\n',
    );
    const r = spawnSync(process.execPath, [ACTION], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH!, STATE_isPost: 'true', STATE_ledger: ledger },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/removed container [0-9a-f]{12}/);
    await expect(c.inspect()).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('the report step of the reusable workflow', () => {
  it('emulates the reusable workflow: plan, legs in parallel, then one report that keeps one comment', async () => {
    const spec = `sources:\n  a: {type: docker, image: busybox:latest, commit: true}\n  b: {type: docker, image: busybox:latest, commit: true}\n  c: {type: docker, image: busybox:latest, commit: true}\nbuilds:\n  m:\n    sources: [a, b, c]\n    provisioners:\n      - {type: shell, inline: ['test "$PACKER_BUILD_NAME" != b']}\n`;
    const dir = tempProject({
      'bake.yml': spec,
      'event.json': JSON.stringify(pullRequestEvent({ number: 31 })),
    });
    const gh = fakeGitHub({ login: 'github-actions[bot]' });
    await new Promise<void>((r) => gh.server.listen(0, '127.0.0.1', r));
    const ids: string[] = [];
    try {
      const pr = {
        GITHUB_API_URL: `http://127.0.0.1:${(gh.server.address() as AddressInfo).port}`,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
      };
      // plan job
      const plan = await runAction(dir, { spec: 'bake.yml', command: 'plan' });
      expect(plan.main.status).toBe(0);
      const matrix = JSON.parse(plan.outputs.matrix) as { include: { name: string }[] };
      expect(matrix.include.map((i) => i.name)).toEqual(['m.a', 'm.b', 'm.c']);

      // build legs, as separate processes at the same time; c's runner dies before it
      // can report, so only a and b leave a result.
      const legs = join(dir, 'legs');
      const ran = await Promise.all(
        ['m.a', 'm.b'].map(async (only, i) => {
          const legDir = join(dir, `leg${i}`);
          mkdirSync(legDir, { recursive: true });
          const r = await runAction(
            legDir,
            { spec: join(dir, 'bake.yml'), only, comment: 'never' },
            { RUNNER_TEMP: legDir, ...pr },
          );
          mkdirSync(join(legs, `bake-result-${i}`), { recursive: true });
          copyFileSync(r.outputs.manifest, join(legs, `bake-result-${i}`, 'result.json'));
          return r;
        }),
      );
      const a = JSON.parse(ran[0].outputs['artifact-ids'])['m.a'];
      ids.push(a);
      expect(gh.comments).toHaveLength(0); // legs never comment

      // report job, then the same again after another push
      const report = () =>
        runAction(
          dir,
          {
            spec: 'bake.yml',
            command: 'report',
            results: legs,
            expected: plan.outputs.matrix,
            'github-token': 'ghs_test',
          },
          pr,
        );
      const first = await report();
      expect(first.main.status).toBe(1);
      const artifacts = JSON.parse(first.outputs.artifacts);
      expect(Object.keys(artifacts)).toEqual(['m.a', 'm.b', 'm.c']);
      expect(artifacts['m.a']).toMatchObject({ status: 'succeeded', id: a });
      expect(artifacts['m.b']).toMatchObject({
        status: 'failed',
        failed_step: 'provisioner 1: shell',
      });
      expect(artifacts['m.c']).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(/left no result/),
      });
      expect(JSON.parse(first.outputs.failed)).toEqual(['m.b', 'm.c']);
      expect(first.summary).toMatch(/\| m\.a \| docker \| ✅ succeeded \|/);
      expect(first.summary).toMatch(/<details><summary>m\.b failed/);
      expect(first.summary).toContain('gantt');
      expect(gh.comments).toHaveLength(1);
      const id = gh.comments[0].id;
      const second = await report();
      expect(second.main.status).toBe(1);
      expect(gh.comments).toHaveLength(1);
      expect(gh.comments[0].id).toBe(id);
      expect(gh.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
      expect(gh.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    } finally {
      gh.server.close();
      for (const i of ids)
        await docker
          .getImage(i)
          .remove({ force: true })
          .catch(() => undefined);
    }
  });

  it('workflow_run: comments on the given PR only when its head is the commit the run built', async () => {
    const built = 'a'.repeat(40);
    const gh = fakeGitHub({ login: 'github-actions[bot]', heads: { 7: built, 8: 'b'.repeat(40) } });
    await new Promise<void>((r) => gh.server.listen(0, '127.0.0.1', r));
    try {
      const api = `http://127.0.0.1:${(gh.server.address() as AddressInfo).port}`;
      const spec = `sources:\n  a: {type: docker, image: busybox:latest, discard: true}\nbuilds:\n  m:\n    sources: [a]\n`;
      const dir = tempProject({
        'bake.yml': spec,
        'event.json': JSON.stringify({ workflow_run: { head_sha: built, pull_requests: [] } }),
      });
      // The fork's run left its result as an artifact.
      const leg = await runAction(
        dir,
        { spec: 'bake.yml', comment: 'never' },
        { RUNNER_TEMP: join(dir, 'leg') },
      );
      expect(leg.main.status).toBe(0);
      mkdirSync(join(dir, 'results'), { recursive: true });
      copyFileSync(leg.outputs.manifest, join(dir, 'results', 'result.json'));
      const env = {
        GITHUB_API_URL: api,
        GITHUB_EVENT_NAME: 'workflow_run',
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
      };
      const report = (pr: string) =>
        runAction(
          dir,
          {
            spec: 'bake.yml',
            command: 'report',
            results: join(dir, 'results'),
            'pull-request': pr,
            'github-token': 'ghs_base',
          },
          env,
        );
      const ok = await report('7');
      expect(ok.main.status).toBe(0);
      expect(gh.comments).toHaveLength(1);
      expect(gh.comments[0].body).toMatch(/\| m\.a \| docker \| ✅ succeeded \|/);
      expect(
        gh.requests.some((r) => r.method === 'POST' && r.url.includes('/issues/7/comments')),
      ).toBe(true);
      // PR 8's head is another commit: a stale or forged number gets no comment.
      const wrong = await report('8');
      expect(wrong.main.status).toBe(0);
      expect(wrong.main.stdout).toMatch(
        /::warning::not commenting on #8: its head is bbbbbbbbbbbb, but the run built aaaaaaaaaaaa/,
      );
      expect(gh.comments).toHaveLength(1);
      expect(gh.requests.some((r) => r.url.includes('/issues/8/'))).toBe(false);
      const bad = await report('seven');
      expect(bad.main.status).toBe(1);
      expect(bad.main.stdout).toContain('input "pull-request" is "seven"');
    } finally {
      gh.server.close();
    }
  });

  it("skip-unchanged: the second run reuses the first run's image through the Actions cache", async () => {
    const cacheService = await startFakeCache();
    try {
      const spec = `sources:\n  a: {type: docker, image: busybox:latest, commit: true, changes: ['LABEL at=\${timestamp()}']}\nbuilds:\n  m:\n    sources: [a]\n    provisioners: [{type: shell, inline: ['echo baked > /baked']}]\n`;
      const dir = tempProject({ 'bake.yml': spec });
      const env = {
        ACTIONS_CACHE_URL: cacheService.url,
        ACTIONS_RUNTIME_TOKEN: 'runtime-token',
        GITHUB_WORKSPACE: dir,
        GITHUB_EVENT_NAME: 'schedule',
      };
      const inputs = { spec: 'bake.yml', 'skip-unchanged': 'true', comment: 'never' };
      for (const d of ['run1', 'run2', 'run3']) mkdirSync(join(dir, d));
      const first = await runAction(dir, inputs, { ...env, RUNNER_TEMP: join(dir, 'run1') });
      expect(first.main.status).toBe(0);
      const a1 = JSON.parse(first.outputs.artifacts)['m.a'];
      expect(a1).toMatchObject({ status: 'succeeded', reused: false });
      expect(cacheService.entries.filter((e) => e.archive)).toHaveLength(1);
      expect(cacheService.entries[0].key).toMatch(/^bake-m\.a-[0-9a-f]{40}$/);

      // Another job (fresh temp directory), a second later: same inputs, so reused.
      await new Promise((r) => setTimeout(r, 1100));
      const second = await runAction(dir, inputs, { ...env, RUNNER_TEMP: join(dir, 'run2') });
      expect(second.main.status).toBe(0);
      const a2 = JSON.parse(second.outputs.artifacts)['m.a'];
      expect(a2).toMatchObject({ status: 'succeeded', reused: true, id: a1.id });
      expect(second.main.stdout).toMatch(/unchanged since .*: reusing sha256:/);
      expect(second.summary).toContain('♻️ unchanged, reused');
      expect(cacheService.requests.filter((r) => r.startsWith('GET /download/'))).toHaveLength(1);

      // Without the cache service the input is harmless: everything builds.
      const third = await runAction(dir, inputs, {
        GITHUB_WORKSPACE: dir,
        RUNNER_TEMP: join(dir, 'run3'),
      });
      expect(third.main.status).toBe(0);
      expect(JSON.parse(third.outputs.artifacts)['m.a'].reused).toBe(false);
      for (const r of [first, third]) {
        const id = JSON.parse(r.outputs.artifacts)['m.a'].id;
        await docker
          .getImage(id)
          .remove({ force: true })
          .catch(() => undefined);
      }
    } finally {
      await cacheService.close();
    }
  });
});

/**
 * The action's outputs, job summary and PR comment, run in this process the way the runner
 * runs the action (INPUT_* variables, the GITHUB_OUTPUT / STATE / STEP_SUMMARY files, a
 * local HTTP server for GitHub's REST API): secrets never reach any channel, and text that a
 * fork controls (names, errors, step names in results files) is inert Markdown and HTML.
 */
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { requireDocker } from './helpers/docker';
import { tempProject } from './helpers/spec';
import { pullRequestEvent } from './helpers/events';
import { clearSecretsForTests } from '../src/util/redact';

const tag = randomBytes(3).toString('hex');

interface Comment {
  id: number;
  body: string;
  user: { login: string };
  html_url: string;
}

const comments: Comment[] = [];
const runner = tempProject({});
let server: Server;
let api = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const send = (code: number, body: unknown) => {
        res.writeHead(code, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const url = new URL(req.url!, 'http://x');
      if (url.pathname === '/user') return send(200, { login: 'bot' });
      if (/\/issues\/\d+\/comments$/.test(url.pathname)) {
        if (req.method === 'GET') return send(200, comments);
        const c = {
          id: comments.length + 1,
          body: JSON.parse(raw).body as string,
          user: { login: 'bot' },
          html_url: `https://example.invalid/${comments.length + 1}`,
        };
        comments.push(c);
        return send(201, c);
      }
      const upd = /\/issues\/comments\/(\d+)$/.exec(url.pathname);
      if (upd) {
        const c = comments.find((x) => x.id === Number(upd[1]))!;
        c.body = JSON.parse(raw).body;
        return send(200, c);
      }
      send(404, { message: 'no route' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

/** Runs the action's main in this process with the runner's variables; returns every channel. */
async function runActionHere(
  dir: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
) {
  // One set for the file: the toolkit keeps the summary's path once it has written there.
  const files = {
    GITHUB_OUTPUT: join(runner, 'output'),
    GITHUB_STATE: join(runner, 'state'),
    GITHUB_STEP_SUMMARY: join(runner, 'summary.md'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  writeFileSync(join(dir, 'event.json'), JSON.stringify(pullRequestEvent({ number: 12 })));
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: dir,
    GITHUB_RUN_ID: '42',
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_API_URL: api,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    ...files,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...extraEnv,
  };
  const saved = { ...process.env };
  const cwd = process.cwd();
  Object.assign(process.env, env);
  process.chdir(dir);
  let console = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((c: string | Uint8Array) => ((console += String(c)), true)) as never;
  try {
    const { runAction } =
      (await import('../src/action/main')) as typeof import('../src/action/main');
    await runAction();
  } finally {
    process.stdout.write = write;
    process.chdir(cwd);
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    process.exitCode = 0;
  }
  const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : '');
  const all = readdirSync(dir);
  return {
    // ::add-mask:: lines are how the runner learns what to mask; they carry secrets by design.
    console: console
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n'),
    masks: console.split('\n').filter((l) => l.startsWith('::add-mask::')),
    outputs: read(files.GITHUB_OUTPUT),
    summary: read(files.GITHUB_STEP_SUMMARY),
    events: read(join(dir, 'bake-events.jsonl')),
    ledger: all
      .filter((f) => f.startsWith('bake-ledger-'))
      .map((f) => read(join(dir, f)))
      .join(''),
    manifest: all
      .filter((f) => f.startsWith('bake-results-'))
      .map((f) => read(join(dir, f)))
      .join(''),
    ppManifest: read(join(dir, 'bake-manifest.json')),
    comment: comments.map((c) => c.body).join('\n'),
  };
}

const HOSTILE = [
  `q"uo'te-${tag}`,
  `back\\sl\\nash-${tag}`,
  `re.*+?^$()[]{}|-${tag}`,
  `ünï-😀-${tag}`,
  `first-line-${tag}\nsecond-line-${tag}`,
];

function forms(s: string): string[] {
  const out = new Set([s, JSON.stringify(s).slice(1, -1)]);
  for (const l of s.split('\n')) if (l.length >= 8) out.add(l);
  return [...out];
}

describe('the action never shows a secret, on any channel', () => {
  beforeAll(requireDocker);
  beforeEach(() => {
    comments.length = 0;
    clearSecretsForTests();
  });

  it('a build and its failure: console, events, ledger, manifest, outputs, summary, comment', async () => {
    const [quotes, backslash, regex, unicode, newline] = HOSTILE;
    const dir = tempProject({
      'bake.yml': `variables:
  q: {type: string, sensitive: true}
  b: {type: string, sensitive: true}
  r: {type: string, sensitive: true}
  u: {type: string, sensitive: true}
  n: {type: string, sensitive: true}
  short: {type: string, sensitive: true}
locals:
  up: "\${upper(var.q)}"
  b64: "\${base64encode(var.b)}"
  joined: "x-\${var.r}-\${var.u}"
sources:
  good: {type: docker, image: busybox:latest, commit: true}
  bad: {type: docker, image: busybox:latest, commit: true}
builds:
  app:
    sources: [good, bad]
    provisioners:
      - type: shell-local
        inline:
          - 'echo "derived: $UP $B64 $JOINED"'
          - 'echo "$SHORT"'
          - 'env | grep -E "^(INPUT_|ACTIONS_)" || echo "no runner secrets"'
          - 'echo "job token: $\${GITHUB_TOKEN:-withheld}"'
          - 'echo "given: $GIVEN_TOKEN"'
        env: {UP: "\${local.up}", B64: "\${local.b64}", JOINED: "\${local.joined}", SHORT: "\${var.short}", GIVEN_TOKEN: "\${var.q}"}
      - type: shell
        inline: ['echo "inside: $N"', 'test "$PACKER_BUILD_NAME" = good || { echo "failing with $N and $UP" >&2; exit 5; }']
        env: {N: "\${var.n}", UP: "\${local.up}"}
    post-processors:
      - type: manifest
        output: bake-manifest.json
        custom_data: {short: "\${var.short}", up: "\${local.up}"}
`,
    });
    const r = await runActionHere(
      dir,
      {
        spec: 'bake.yml',
        vars: `q=${quotes}\nb=${backslash}\nr=${regex}\nu=${unicode}\nshort=zq`,
        'github-token': `ghs_token_${tag}`,
        comment: 'always',
      },
      {
        BAKE_VAR_n: newline,
        GITHUB_TOKEN: `ghs_job_${tag}`,
        ACTIONS_RUNTIME_TOKEN: `runtime_${tag}`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: `oidc_${tag}`,
      },
    );
    // It ran: one build succeeded and made its manifest, the other failed with its output.
    expect(r.console).toMatch(/no runner secrets/);
    expect(r.console).toMatch(/job token: withheld/);
    expect(r.console).toMatch(/given: \*\*\*/);
    expect(r.console).toMatch(/derived: \*\*\* \*\*\* \*\*\*/);
    expect(r.ppManifest).toMatch(/"short": "\*\*\*"/);
    expect(r.summary).toMatch(/app\.bad failed/);
    expect(r.comment).toMatch(/app\.bad failed/);
    expect(r.events).toMatch(/"line":"\*\*\*"/);
    expect(r.masks.length).toBeGreaterThan(0);

    const secrets = [
      ...HOSTILE,
      quotes.toUpperCase(),
      Buffer.from(backslash).toString('base64'),
      `x-${regex}-${unicode}`,
      `ghs_token_${tag}`,
      `runtime_${tag}`,
      `oidc_${tag}`,
      `ghs_job_${tag}`,
    ];
    for (const [channel, text] of Object.entries(r)) {
      if (channel === 'masks') continue;
      for (const s of secrets)
        for (const f of forms(s))
          if (String(text).includes(f))
            throw new Error(`${channel} shows the secret ${JSON.stringify(f)}`);
      // The two-letter secret never stands as a whole value in JSON or a quoted message.
      if (channel !== 'console' && channel !== 'summary' && channel !== 'comment')
        expect(String(text)).not.toMatch(/"zq"/);
    }
  }, 120_000);
});

describe('text a fork controls is escaped in the summary and the PR comment', () => {
  beforeEach(() => (comments.length = 0));

  it('names, errors, hints, step names and output from a results file render as plain text', async () => {
    const evil = {
      name: 'app.<img src=x onerror=alert(1)>',
      builder: 'docker](https://evil.example)',
      status: 'failed',
      durationMs: 1000,
      failedStep: '</code></summary><script>alert(2)</script>',
      error:
        '**bold** @octocat [link](https://evil.example) <!-- hidden --> | cell `code` ${{ x }}',
      hint: '<a href="https://evil.example">click</a>\n# heading',
      tail: ['```', '</pre><iframe src=https://evil.example>', '</details>'],
      steps: [
        {
          name: 'step```\nclick x href "javascript:alert(3)"',
          start: new Date(0).toISOString(),
          durationMs: 5,
          ok: false,
        },
      ],
      artifact: { id: 'sha256:`|<b>x</b>', tags: ['t|`'], files: [] },
    };
    const dir = tempProject({
      'bake.yml': `sources:\n  app: {type: docker, image: busybox:latest, commit: true}\nbuilds:\n  b: {sources: [app]}\n`,
    });
    mkdirSync(join(dir, 'results'));
    writeFileSync(join(dir, 'results', 'leg.json'), JSON.stringify({ results: [evil] }));
    const r = await runActionHere(dir, {
      command: 'report',
      results: 'results',
      expected: JSON.stringify({ include: [{ name: evil.name }] }),
      'github-token': 'ghs_x',
      comment: 'always',
    });
    for (const [channel, text] of [
      ['summary', r.summary],
      ['comment', r.comment],
    ] as const) {
      expect(text).toContain('| build | builder | status | artifact | duration |');
      for (const live of [
        '<img',
        '<script',
        '</code></summary>',
        '<iframe',
        '<a href',
        '<!--  hidden',
        '**bold**',
        '@octocat',
        '](https://evil.example)',
        '\n# heading',
        '${{',
      ])
        if (text.includes(live)) throw new Error(`${channel} renders ${JSON.stringify(live)}`);
      // In the chart, a step name is one label: it cannot start a directive of its own.
      expect(text).not.toMatch(/^\s*click /m);
      expect(text).not.toContain('javascript:');
      // The bot's own marker is the only HTML comment in the comment.
      if (channel === 'comment') expect(text.match(/<!--/g)).toHaveLength(1);
      // Exactly one closing of each block the report opens.
      expect(text.match(/<\/details>/g)).toHaveLength(1);
      expect(text.match(/<\/pre>/g)).toHaveLength(1);
      // The escaped text still reads the same once rendered.
      expect(text).toContain('&#42;&#42;bold&#42;&#42;');
      expect(text).toContain('&#60;img src=x onerror=alert(1)&#62;');
    }
    // The artifact cell keeps one cell: its pipes are escaped, its backticks cannot end the span.
    const row = r.summary.split('\n').find((l) => l.includes('onerror'))!;
    expect(row.split(/(?<!\\)\|/).length).toBe(7);
  }, 60_000);
});

/**
 * The one PR comment, by the identity the token really has: a user's token (PAT) is known
 * by its login, an installation token (GITHUB_TOKEN, a GitHub App) by its bot author, and a
 * failed identity lookup is an error rather than a guess that leaves a second comment.
 * Against a local server speaking GitHub's REST API.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
  html_url: string;
}

interface Behaviour {
  user: number | string;
  as: { login: string; type: string };
  comments: Comment[];
}

// One server for the file; each test says how it behaves. @actions/github reads its base
// URL when it loads, so the module is imported once the server listens.
let now: Behaviour = { user: 404, as: { login: '', type: 'User' }, comments: [] };
const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
  let raw = '';
  req.on('data', (d) => (raw += d));
  req.on('end', () => {
    const o = now;
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const path = new URL(req.url!, 'http://x').pathname;
    if (path === '/user')
      return typeof o.user === 'string'
        ? send(200, { login: o.user })
        : send(o.user, { message: 'Resource not accessible by integration' });
    if (path === '/repos/acme/app/issues/9/comments' && req.method === 'GET')
      return send(200, o.comments);
    if (path === '/repos/acme/app/issues/9/comments' && req.method === 'POST') {
      const c = {
        id: 500 + o.comments.length,
        body: JSON.parse(raw).body,
        user: o.as,
        html_url: 'new',
      };
      o.comments.push(c);
      return send(201, c);
    }
    const upd = /^\/repos\/acme\/app\/issues\/comments\/(\d+)$/.exec(path);
    if (upd && req.method === 'PATCH') {
      const c = o.comments.find((x) => x.id === Number(upd[1]))!;
      c.body = JSON.parse(raw).body;
      return send(200, { ...c, html_url: `updated-${c.id}` });
    }
    send(404, { message: 'Not Found' });
  });
});

let comment: typeof import('../src/action/comment');
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.GITHUB_API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  comment = await import('../src/action/comment');
});
afterAll(() => new Promise((r) => server.close(r)));

function github(o: {
  user: number | string;
  as: { login: string; type: string };
  existing: Comment[];
}) {
  now = { user: o.user, as: o.as, comments: [...o.existing] };
  return now;
}

const target = { owner: 'acme', repo: 'app', issueNumber: 9 };
const marker = '<!-- bake-action comment: bake.yml -->';
const planted: Comment = {
  id: 1,
  body: `${marker}\nplanted`,
  user: { login: 'mallory', type: 'User' },
  html_url: 'x',
};

it("a GitHub App's installation token (it cannot ask who it is) updates its own bot comment, never a user's", async () => {
  const app = { login: 'bake-images[bot]', type: 'Bot' };
  const gh = github({
    user: 403,
    as: app,
    existing: [planted, { id: 2, body: `${marker}\nold`, user: app, html_url: 'y' }],
  });
  const url = await comment.upsertComment('ghs_app', target, 'bake.yml', 'new results');
  expect(url).toBe('updated-2');
  expect(gh.comments).toHaveLength(2);
  expect(gh.comments[0].body).toContain('planted');
  expect(gh.comments[1].body).toContain('new results');
});

it('a personal access token is known by its login: its own comment is updated, a look-alike is not', async () => {
  const me = { login: 'release-bot-user', type: 'User' };
  const gh = github({
    user: me.login,
    as: me,
    existing: [planted, { id: 3, body: `${marker}\nold`, user: me, html_url: 'z' }],
  });
  const url = await comment.upsertComment('ghp_x', target, 'bake.yml', 'again');
  expect(url).toBe('updated-3');
  expect(gh.comments).toHaveLength(2);
});

it('an identity lookup that fails for another reason is an error, and no second comment appears', async () => {
  const gh = github({
    user: 502,
    as: { login: 'x', type: 'User' },
    existing: [planted],
  });
  await expect(comment.upsertComment('ghp_x', target, 'bake.yml', 'body')).rejects.toThrow();
  expect(gh.comments).toHaveLength(1);
});

/**
 * The GitHub Actions cache service (the REST protocol @actions/cache speaks when
 * ACTIONS_CACHE_URL is set): look up by key and version, reserve, upload in ranges,
 * commit, download.
 */
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

interface Entry {
  key: string;
  version: string;
  chunks: { start: number; data: Buffer }[];
  archive?: Buffer;
}

export interface FakeCache {
  url: string;
  entries: Entry[];
  requests: string[];
  close(): Promise<void>;
}

export async function startFakeCache(): Promise<FakeCache> {
  const entries: Entry[] = [];
  const requests: string[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => {
      const body = Buffer.concat(parts);
      const url = new URL(req.url!, 'http://x');
      requests.push(`${req.method} ${url.pathname}`);
      const json = (code: number, v?: unknown) => {
        res.writeHead(code, { 'content-type': 'application/json' });
        res.end(v === undefined ? undefined : JSON.stringify(v));
      };
      const api = '/_apis/artifactcache/';
      if (req.method === 'GET' && url.pathname === `${api}cache`) {
        const keys = (url.searchParams.get('keys') ?? '').split(',');
        const version = url.searchParams.get('version');
        const e = entries.find((x) => x.archive && x.version === version && keys.includes(x.key));
        if (!e) return json(204);
        return json(200, {
          cacheKey: e.key,
          scope: 'refs/heads/main',
          archiveLocation: `${base}/download/${entries.indexOf(e)}`,
        });
      }
      if (req.method === 'POST' && url.pathname === `${api}caches`) {
        const { key, version } = JSON.parse(body.toString()) as { key: string; version: string };
        if (entries.some((x) => x.key === key && x.version === version))
          return json(409, { message: `Cache already exists. Key: ${key}` });
        entries.push({ key, version, chunks: [] });
        // Ids start at 1, as the service's do (the client treats 0 as no id).
        return json(201, { cacheId: entries.length });
      }
      const m = new RegExp(`^${api}caches/(\\d+)$`).exec(url.pathname);
      if (m && req.method === 'PATCH') {
        const start = Number(/bytes (\d+)-/.exec(String(req.headers['content-range']))?.[1]);
        entries[Number(m[1]) - 1].chunks.push({ start, data: body });
        return json(204);
      }
      if (m && req.method === 'POST') {
        const e = entries[Number(m[1]) - 1];
        e.archive = Buffer.concat(e.chunks.sort((a, b) => a.start - b.start).map((c) => c.data));
        return json(204);
      }
      const d = /^\/download\/(\d+)$/.exec(url.pathname);
      if (d && req.method === 'GET') {
        const a = entries[Number(d[1])].archive!;
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': a.length,
        });
        return res.end(a);
      }
      json(404, { message: `no route ${req.method} ${url.pathname}` });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/`,
    entries,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

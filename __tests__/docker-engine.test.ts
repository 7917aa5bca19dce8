/**
 * bake's transport to the Docker Engine API: where DOCKER_HOST points, errors as the engine
 * gives them, and the two stream formats, against the real engine where one is needed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { EngineError, EngineTransport, engineAddress } from '../src/util/docker-engine';
import { DockerClient } from '../src/util/dockerode-client';
import { requireDocker } from './helpers/docker';

describe('DOCKER_HOST, as the docker CLI reads it', () => {
  test('unset, unix:// and tcp:// without TLS', () => {
    expect(engineAddress({})).toEqual({ socketPath: '/var/run/docker.sock' });
    expect(engineAddress({ DOCKER_HOST: 'unix:///run/user/1000/docker.sock' })).toEqual({
      socketPath: '/run/user/1000/docker.sock',
    });
    expect(engineAddress({ DOCKER_HOST: 'tcp://10.0.0.5:2375' })).toEqual({
      host: '10.0.0.5',
      port: 2375,
    });
    expect(engineAddress({ DOCKER_HOST: 'ssh://me@builder' })).toEqual({ ssh: true });
  });
  test('tcp:// with DOCKER_TLS_VERIFY reads the CA, certificate and key from DOCKER_CERT_PATH', () => {
    const certs = mkdtempSync(join(tmpdir(), 'bake-certs-'));
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(join(certs, f), `-- ${f} --`);
    const a = engineAddress({
      DOCKER_HOST: 'tcp://docker.example:2376',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: certs,
    });
    expect(a).toMatchObject({ host: 'docker.example', port: 2376 });
    const tls = (a as { tls: Record<string, Buffer> }).tls;
    expect(Object.fromEntries(Object.entries(tls).map(([k, v]) => [k, v.toString()]))).toEqual({
      ca: '-- ca.pem --',
      cert: '-- cert.pem --',
      key: '-- key.pem --',
    });
  });
});

describe('the real engine', () => {
  beforeAll(requireDocker);
  const client = new DockerClient();

  test('an answer is parsed; an error keeps its status, what it means here, and the cause', async () => {
    await expect(client.ping()).resolves.toBe('OK');
    const err = (await client
      .getContainer('bake-no-such-container')
      .inspect()
      .catch((e: unknown) => e)) as EngineError;
    expect(err).toBeInstanceOf(EngineError);
    expect(err.statusCode).toBe(404);
    expect(err.message).toMatch(
      /^\(HTTP code 404\) no such container - No such container: bake-no-such-container/,
    );
  });

  test('a socket nothing listens on fails with the socket named, as the builder reports it', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'bake-sock-')), 'docker.sock');
    const err = (await new DockerClient({ socketPath: missing })
      .ping()
      .catch((e: unknown) => e)) as NodeJS.ErrnoException & { address?: string };
    expect(err.code).toBe('ENOENT');
    expect(err.address).toBe(missing);
  });
});

describe('stream formats', () => {
  const sink = () => {
    const chunks: Buffer[] = [];
    return {
      chunks,
      w: new Writable({
        write(c: Buffer, _e, cb) {
          chunks.push(c);
          cb();
        },
      }),
    };
  };
  const frame = (kind: number, text: string) => {
    const h = Buffer.alloc(8);
    h[0] = kind;
    h.writeUInt32BE(Buffer.byteLength(text), 4);
    return Buffer.concat([h, Buffer.from(text)]);
  };

  test('multiplexed output is split into stdout and stderr, frames cut anywhere', () => {
    const src = new PassThrough();
    const out = sink();
    const err = sink();
    new EngineTransport({ socketPath: '/nowhere' }).demuxStream(src, out.w, err.w);
    const all = Buffer.concat([frame(1, 'hello '), frame(2, 'oops\n'), frame(1, 'world\n')]);
    for (let i = 0; i < all.length; i += 5) src.write(all.subarray(i, i + 5));
    expect(Buffer.concat(out.chunks).toString()).toBe('hello world\n');
    expect(Buffer.concat(err.chunks).toString()).toBe('oops\n');
  });

  test('a stream that is not multiplexed (a TTY) all goes to stdout', () => {
    const src = new PassThrough();
    const out = sink();
    const err = sink();
    new EngineTransport({ socketPath: '/nowhere' }).demuxStream(src, out.w, err.w);
    src.write('plain terminal output\r\n');
    src.write('more');
    expect(Buffer.concat(out.chunks).toString()).toBe('plain terminal output\r\nmore');
    expect(err.chunks).toEqual([]);
  });

  test('progress lines are events; a line that is not JSON ends it with an error', async () => {
    const t = new EngineTransport({ socketPath: '/nowhere' });
    const seen: unknown[] = [];
    const good = new PassThrough();
    const done = new Promise<[Error | null, unknown[]]>((res) =>
      t.followProgress(
        good,
        (e, evs) => res([e, evs]),
        (ev) => seen.push(ev),
      ),
    );
    good.write('{"status":"Pulling"}\r\n{"status":');
    good.end('"Done"}\n');
    const [e, events] = await done;
    expect(e).toBeNull();
    expect(events).toEqual([{ status: 'Pulling' }, { status: 'Done' }]);
    expect(seen).toEqual(events);
    const bad = new PassThrough();
    const failed = new Promise<Error | null>((res) => t.followProgress(bad, (e2) => res(e2)));
    bad.end('not json\n');
    expect(await failed).toBeInstanceOf(SyntaxError);
  });
});

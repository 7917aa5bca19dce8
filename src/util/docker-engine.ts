/**
 * How bake reaches the Docker Engine API: requests over the engine's unix socket or TCP
 * address (with TLS when DOCKER_TLS_VERIFY is set) on node:http, in the calling convention
 * dockerode's container, image and exec objects use (`dial`), and the two stream helpers
 * the API needs (the multiplexed output of exec and logs, and newline-delimited progress).
 *
 * docker-modem, dockerode's usual transport, loads an SSH client as it loads (about 10 ms of
 * every build's start, measured with `node --cpu-prof`); it is loaded only for an ssh://
 * DOCKER_HOST, which needs it.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'node:querystring';
import { Duplex, Readable, Writable } from 'node:stream';

/** One call, as dockerode's objects describe it. */
export interface DialOptions {
  path: string;
  method: string;
  /** Query parameters (a path ending in `?`) and, for POST, the JSON body. */
  options?: Record<string, unknown>;
  /** Which status codes succeed (`true`) and what the others mean. */
  statusCodes: Record<number, true | string>;
  /** Resolve with the response stream rather than its parsed body. */
  isStream?: boolean;
  /** Take over the connection (exec and attach streams). */
  hijack?: boolean;
  openStdin?: boolean;
  /** A request body to stream (a path or a stream), sent as a tar. */
  file?: string | NodeJS.ReadableStream;
  authconfig?: Record<string, unknown> & { key?: string; base64?: string };
  abortSignal?: AbortSignal;
  /** POST `{}` even when there are no options. */
  allowEmpty?: boolean;
}

type Callback = (err: unknown, data: unknown) => void;

/** Where the engine is: a socket path, or a host and port (https with TLS material). */
export type EngineAddress =
  | { socketPath: string }
  | { host: string; port: number; tls?: { ca: Buffer; cert: Buffer; key: Buffer } }
  | { ssh: true };

/** The engine DOCKER_HOST names, as the docker CLI reads it. */
export function engineAddress(env: NodeJS.ProcessEnv = process.env): EngineAddress {
  const host = env.DOCKER_HOST;
  if (!host) {
    const system = '/var/run/docker.sock';
    const desktop = join(homedir(), '.docker/run/docker.sock');
    return { socketPath: existsSync(system) || !existsSync(desktop) ? system : desktop };
  }
  if (host.startsWith('unix://')) return { socketPath: host.slice(7) || '/var/run/docker.sock' };
  if (host.startsWith('tcp://') || host.startsWith('http://') || host.startsWith('https://')) {
    const u = new URL(host.replace(/^tcp:/, 'http:'));
    const verify = !!env.DOCKER_TLS_VERIFY && env.DOCKER_TLS_VERIFY !== '0';
    const certs = env.DOCKER_CERT_PATH ?? join(homedir(), '.docker');
    const tls =
      verify || host.startsWith('https://')
        ? {
            ca: readFileSync(join(certs, 'ca.pem')),
            cert: readFileSync(join(certs, 'cert.pem')),
            key: readFileSync(join(certs, 'key.pem')),
          }
        : undefined;
    return {
      host: u.hostname,
      port: Number(u.port || (tls ? 2376 : 2375)),
      ...(tls ? { tls } : {}),
    };
  }
  return { ssh: true };
}

/** An engine error as bake reports it: the status, what it means for this call, the cause. */
export class EngineError extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: string | undefined,
    readonly json: unknown,
    cause: string,
  ) {
    super(`(HTTP code ${statusCode}) ${reason ?? 'unexpected'} - ${cause} `);
  }
}

/** Query text for a path that ends in `?`: objects as JSON, as the API takes filters. */
function query(opts: Record<string, unknown>): string {
  const flat: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(opts))
    flat[k] = v && typeof v === 'object' && !Array.isArray(v) ? JSON.stringify(v) : v;
  return stringify(flat as Record<string, string>);
}

function bodyText(buf: Buffer): unknown {
  const text = buf.toString();
  try {
    return JSON.parse(text);
  } catch {
    return text.length ? text : buf;
  }
}

function causeOf(body: unknown): string {
  if (body && typeof body === 'object' && 'message' in body) return String(body.message);
  return Buffer.isBuffer(body) ? body.toString() : String(body);
}

export class EngineTransport {
  readonly Promise = Promise;
  private sshModem?: Promise<{ dial(o: DialOptions, cb: Callback): void }>;

  /** node:http, or node:https for an engine behind TLS: chosen once, for every call. */
  private readonly http: Pick<typeof import('node:http'), 'request'>;

  constructor(private readonly address: EngineAddress = engineAddress()) {
    this.http =
      'tls' in address && address.tls
        ? process.getBuiltinModule('node:https')
        : process.getBuiltinModule('node:http');
  }

  dial(o: DialOptions, cb: Callback): void {
    if ('ssh' in this.address) {
      this.sshModem ??= import('docker-modem').then(
        ({ default: Modem }) =>
          new (Modem as unknown as new () => { dial(o: DialOptions, cb: Callback): void })(),
      );
      this.sshModem.then(
        (m) => m.dial(o, cb),
        (e: unknown) => cb(e, null),
      );
      return;
    }
    this.send(o).then(
      (data) => cb(null, data),
      (err: unknown) => cb(err, null),
    );
  }

  private async send(o: DialOptions): Promise<unknown> {
    const opts = o.options ? { ...o.options } : undefined;
    // What rides along in the options but is not a parameter of the API.
    if (opts) {
      delete opts.authconfig;
      delete opts.abortSignal;
    }
    let path = o.path;
    if (path.includes('?')) {
      const q = opts && Object.keys(opts).length ? query((opts._query as typeof opts) ?? opts) : '';
      path = q ? path + q : path.slice(0, -1);
    }
    const headers: Record<string, string | number> = {};
    if (o.authconfig)
      headers['X-Registry-Auth'] =
        o.authconfig.key ??
        o.authconfig.base64 ??
        Buffer.from(JSON.stringify(o.authconfig)).toString('base64url');
    let body: string | Readable | undefined;
    if (o.file) {
      body =
        typeof o.file === 'string' ? createReadStream(o.file) : (o.file as unknown as Readable);
      headers['Content-Type'] = 'application/tar';
    } else if (opts && o.method === 'POST') {
      const json = JSON.stringify(opts._body ?? opts);
      if (o.allowEmpty || (json !== '{}' && json !== '""')) {
        body = json;
        headers['Content-Type'] = 'application/json';
      }
    }
    if (typeof body === 'string') headers['Content-Length'] = Buffer.byteLength(body);
    if (o.hijack) {
      headers.Connection = 'Upgrade';
      headers.Upgrade = 'tcp';
    }
    const a = this.address as Exclude<EngineAddress, { ssh: true }>;
    const ro: RequestOptions = {
      path,
      method: o.method,
      headers,
      ...(o.abortSignal ? { signal: o.abortSignal } : {}),
      ...('socketPath' in a ? { socketPath: a.socketPath } : { host: a.host, port: a.port }),
      ...('tls' in a && a.tls ? a.tls : {}),
    };
    return new Promise((resolve, reject) => {
      let done = false;
      const settle = (f: () => void) => {
        if (!done) {
          done = true;
          f();
        }
      };
      const req: ClientRequest = this.http.request(ro);
      req.on('error', (e) => settle(() => reject(e)));
      if (o.hijack)
        req.on('upgrade', (_res, socket, head) =>
          settle(() => {
            if (head.length) socket.unshift(head);
            resolve(socket);
          }),
        );
      req.on('response', (res: IncomingMessage) => {
        const ok = o.statusCodes[res.statusCode ?? 0] === true;
        if (ok && o.isStream) return settle(() => resolve(o.openStdin ? joined(req, res) : res));
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => settle(() => reject(e)));
        res.on('end', () => {
          const parsed = bodyText(Buffer.concat(chunks));
          settle(() => {
            if (ok) resolve(parsed);
            else {
              const why = o.statusCodes[res.statusCode ?? 0];
              reject(
                new EngineError(
                  res.statusCode ?? 0,
                  typeof why === 'string' ? why : undefined,
                  parsed,
                  causeOf(parsed),
                ),
              );
            }
          });
        });
      });
      if (typeof body === 'string') req.end(body);
      else if (body) {
        body.on('error', (e) => req.destroy(e));
        body.pipe(req);
      } else if (!o.openStdin) req.end();
    });
  }

  /**
   * Splits the engine's multiplexed stream (an 8-byte header of kind and length before each
   * frame) into stdout and stderr. A stream that is not multiplexed (a TTY) goes to stdout.
   */
  demuxStream(stream: NodeJS.ReadableStream, stdout: Writable, stderr: Writable): void {
    let pending: Buffer = Buffer.alloc(0);
    let raw = false;
    stream.on('data', (chunk: Buffer) => {
      if (raw) return void stdout.write(chunk);
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= 8) {
        const kind = pending[0];
        if (kind > 2 || pending[1] || pending[2] || pending[3]) {
          raw = true;
          stdout.write(pending);
          pending = Buffer.alloc(0);
          return;
        }
        const size = pending.readUInt32BE(4);
        if (pending.length < 8 + size) return;
        (kind === 2 ? stderr : stdout).write(pending.subarray(8, 8 + size));
        pending = pending.subarray(8 + size);
      }
    });
  }

  /**
   * Reads a progress stream (one JSON object a line) to its end: onProgress sees each event,
   * onFinished the error (a stream error, or a line that is not JSON) or every event.
   */
  followProgress(
    stream: NodeJS.ReadableStream,
    onFinished: (err: Error | null, events: unknown[]) => void,
    onProgress?: (event: unknown) => void,
  ): void {
    const events: unknown[] = [];
    let text = '';
    let finished = false;
    const finish = (err: Error | null) => {
      if (finished) return;
      finished = true;
      onFinished(err, events);
    };
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      let nl: number;
      while ((nl = text.indexOf('\n')) >= 0) {
        const line = text.slice(0, nl).replace(/\r$/, '');
        text = text.slice(nl + 1);
        if (!line) continue;
        let event: unknown;
        try {
          event = JSON.parse(line);
        } catch (e) {
          return finish(e as Error);
        }
        events.push(event);
        onProgress?.(event);
      }
    });
    stream.on('error', (e: Error) => finish(e));
    stream.on('end', () => finish(null));
    stream.on('close', () => finish(null));
  }
}

/** A request still open for writing and its response, as one stream. */
function joined(req: ClientRequest, res: IncomingMessage): Duplex {
  const d = new Duplex({
    write(chunk, enc, cb) {
      req.write(chunk, enc, cb);
    },
    final(cb) {
      req.end(cb);
    },
    read() {
      res.resume();
    },
  });
  res.on('data', (c: Buffer) => {
    if (!d.push(c)) res.pause();
  });
  res.on('end', () => d.push(null));
  res.on('error', (e) => d.destroy(e));
  return d;
}

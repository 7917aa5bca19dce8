/**
 * One HTTP request made synchronously, for what a plan reads while it is resolved (which is
 * synchronous): a worker thread makes the request with fetch, and this thread sleeps on a
 * shared flag until the worker has posted the answer.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

export interface SyncRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export type SyncAnswer =
  | { ok: true; status: number; statusText: string; headers: Record<string, string>; body: string }
  | { ok: false; error: string };

const WORKER = `
const { workerData } = require('node:worker_threads');
const { req, flag, port } = workerData;
const done = (m) => {
  port.postMessage(m);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
};
fetch(req.url, {
  method: req.method,
  headers: req.headers,
  body: req.body,
  redirect: 'follow',
  signal: AbortSignal.timeout(req.timeoutMs),
})
  .then(async (r) => {
    const headers = {};
    r.headers.forEach((v, k) => { headers[k] = v; });
    done({ ok: true, status: r.status, statusText: r.statusText, headers, body: await r.text() });
  })
  .catch((e) => {
    const cause = e && e.cause && (e.cause.code || e.cause.message);
    const timedOut = e && (e.name === 'TimeoutError' || e.name === 'AbortError');
    done({ ok: false, error: timedOut ? 'no answer within ' + req.timeoutMs / 1000 + ' s' : cause || (e && e.message) || String(e) });
  });
`;

export function requestSync(req: SyncRequest): SyncAnswer {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { req, flag, port: port2 },
    transferList: [port2],
  });
  try {
    // The worker's own timeout answers first; this one only guards against a worker that dies.
    Atomics.wait(flag, 0, 0, req.timeoutMs + 5000);
    const msg = receiveMessageOnPort(port1)?.message as SyncAnswer | undefined;
    return msg ?? { ok: false, error: `no answer within ${req.timeoutMs / 1000} s` };
  } finally {
    port1.close();
    void worker.terminate();
  }
}

/**
 * The request behind http_request() (Packer's data "http"), made between the passes of
 * resolvePlanWithData: what the server said, or why there was no answer.
 */
import type { DataAnswer, HttpRequest } from '../spec/data';

export async function fetchHttpData(r: HttpRequest): Promise<DataAnswer> {
  try {
    const res = await fetch(r.url, {
      method: r.method,
      headers: r.headers,
      body: r.body,
      redirect: 'follow',
      signal: AbortSignal.timeout(r.timeoutMs),
    });
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => (headers[k] = v));
    return {
      ok: true,
      fields: { status: res.status, statusText: res.statusText, headers, body: await res.text() },
    };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
    return {
      ok: false,
      message: timedOut
        ? `no answer within ${r.timeoutMs / 1000} s`
        : (err.cause?.code ?? err.cause?.message ?? err.message),
    };
  }
}

/**
 * Compute Engine clients, credentials, errors, retries and operation waits, shared by the
 * googlecompute builder, the ledger cleaners and `bake sweep`. Loaded lazily: importing
 * this pulls in @google-cloud/compute and google-auth-library.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
// Each client from its own module: the package's index also loads every type of the
// whole Compute API (tens of megabytes) that bake never uses.
import { DisksClient } from '@google-cloud/compute/build/src/v1/disks_client';
import { GlobalOperationsClient } from '@google-cloud/compute/build/src/v1/global_operations_client';
import { ImagesClient } from '@google-cloud/compute/build/src/v1/images_client';
import { InstancesClient } from '@google-cloud/compute/build/src/v1/instances_client';
import { ZoneOperationsClient } from '@google-cloud/compute/build/src/v1/zone_operations_client';
import { GoogleAuth, Impersonated, OAuth2Client } from 'google-auth-library';
import type { AuthClient } from 'google-auth-library';
import { BuildError } from '../../../engine/context';
import { CancelledError, raceSignal, sleep } from '../../../engine/steps';
import { addSecret } from '../../../util/redact';

const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';

/** How a build (or a cleaner, from a ledger entry) authenticates. */
export interface Credentials {
  credentials_file?: string;
  credentials_json?: string;
  access_token?: string;
  impersonate_service_account?: string;
}

export interface Gce {
  project: string;
  instances: InstancesClient;
  disks: DisksClient;
  images: ImagesClient;
  zoneOps: ZoneOperationsClient;
  globalOps: GlobalOperationsClient;
  /** Who the calls run as, for messages ("service account x@p", "an access token"). */
  principal: string;
}

/** The endpoint gcloud's CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE names, as client options. */
export function endpointOptions(): { apiEndpoint?: string; port?: number; protocol?: string } {
  const raw = process.env.CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE;
  if (!raw) return {};
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new BuildError(
      `CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE is not a URL: ${raw}`,
      'e.g. https://compute-myendpoint.p.googleapis.com/compute/v1/',
    );
  }
  const protocol = u.protocol.replace(':', '');
  return {
    apiEndpoint: u.hostname,
    port: Number(u.port || (protocol === 'http' ? 80 : 443)),
    protocol,
  };
}

function readCredentialsFile(path: string, specDir: string): Record<string, unknown> {
  const full = resolve(specDir, path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (e) {
    throw new BuildError(
      `credentials_file ${path} cannot be read: ${(e as NodeJS.ErrnoException).code}`,
      `paths are relative to the spec's directory (${specDir})`,
    );
  }
  return parseCredentials(text, `credentials_file ${path}`);
}

function parseCredentials(text: string, what: string): Record<string, unknown> {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new BuildError(
      `${what} is not JSON`,
      'give a service account key, or the external_account file google-github-actions/auth writes',
    );
  }
  addSecret(json.private_key);
  addSecret(json.refresh_token);
  addSecret(json.client_secret);
  return json;
}

/**
 * The auth client for the settings, in Packer's order: access_token, credentials_json,
 * credentials_file, then Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS,
 * gcloud's login, the metadata server). No scopes are given for a service account key, so
 * the library signs its own token for the Compute API instead of asking an OAuth server.
 */
export async function authOf(
  c: Credentials,
  specDir: string,
): Promise<{ auth: GoogleAuth | AuthClient; principal: string; email?: string }> {
  let auth: GoogleAuth | AuthClient;
  let principal: string;
  let email: string | undefined;
  if (c.access_token) {
    addSecret(c.access_token);
    const o = new OAuth2Client();
    o.setCredentials({ access_token: c.access_token, expiry_date: Date.now() + 3_600_000 });
    auth = o;
    principal = 'the given access_token';
  } else {
    const json = c.credentials_json
      ? parseCredentials(c.credentials_json, 'credentials_json')
      : c.credentials_file
        ? readCredentialsFile(c.credentials_file, specDir)
        : undefined;
    if (json) email = emailOf(json);
    else if (process.env.GOOGLE_APPLICATION_CREDENTIALS)
      try {
        email = emailOf(
          parseCredentials(
            readFileSync(process.env.GOOGLE_APPLICATION_CREDENTIALS, 'utf8'),
            'GOOGLE_APPLICATION_CREDENTIALS',
          ),
        );
      } catch {
        // The client library says what is wrong with the file when it reads it.
      }
    if (json) {
      auth = new GoogleAuth({
        credentials: json,
        ...(json.type === 'service_account' ? {} : { scopes: [CLOUD_PLATFORM] }),
      });
      principal =
        typeof json.client_email === 'string'
          ? `service account ${json.client_email}`
          : `the ${String(json.type ?? 'given')} credentials`;
    } else {
      auth = new GoogleAuth();
      principal = process.env.GOOGLE_APPLICATION_CREDENTIALS
        ? `the credentials in GOOGLE_APPLICATION_CREDENTIALS`
        : 'Application Default Credentials';
    }
  }
  if (c.impersonate_service_account) {
    const source = auth instanceof GoogleAuth ? await auth.getClient() : auth;
    const override = process.env.CLOUDSDK_API_ENDPOINT_OVERRIDES_IAMCREDENTIALS;
    auth = new Impersonated({
      sourceClient: source as AuthClient,
      targetPrincipal: c.impersonate_service_account,
      targetScopes: [CLOUD_PLATFORM],
      lifetime: 3600,
      ...(override ? { endpoint: override.replace(/\/v1\/?$|\/$/, '') } : {}),
    });
    principal = `service account ${c.impersonate_service_account} (impersonated by ${principal})`;
    email = c.impersonate_service_account;
  }
  return { auth, principal, email };
}

/**
 * The account a credentials file acts as: a service account key's client_email, or the
 * service account an external_account file (Workload Identity Federation) impersonates.
 */
function emailOf(json: Record<string, unknown>): string | undefined {
  if (typeof json.client_email === 'string') return json.client_email;
  const url = json.service_account_impersonation_url;
  if (typeof url === 'string')
    return /serviceAccounts\/([^/:]+):generateAccessToken/.exec(url)?.[1]?.replace(/%40/gi, '@');
  return undefined;
}

const cache = new Map<string, Promise<Gce>>();

/** One set of clients per project and credentials. */
export function gce(project: string, c: Credentials = {}, specDir = process.cwd()): Promise<Gce> {
  const key = JSON.stringify([
    project,
    c,
    specDir,
    process.env.CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE,
  ]);
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      const { auth, principal } = await authOf(c, specDir);
      const opts = {
        projectId: project,
        ...endpointOptions(),
        ...(auth instanceof GoogleAuth ? { auth } : { authClient: auth }),
        // google-gax bundles its own copy of google-auth-library: the same classes at run
        // time, distinct types for the compiler.
      } as unknown as ConstructorParameters<typeof InstancesClient>[0];
      return {
        project,
        principal,
        instances: new InstancesClient(opts),
        disks: new DisksClient(opts),
        images: new ImagesClient(opts),
        zoneOps: new ZoneOperationsClient(opts),
        globalOps: new GlobalOperationsClient(opts),
      };
    })();
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

/** Closes every client made so far (their connections keep a process alive). */
export async function closeClients(): Promise<void> {
  const all = await Promise.allSettled([...cache.values()]);
  cache.clear();
  for (const r of all)
    if (r.status === 'fulfilled')
      for (const c of [
        r.value.instances,
        r.value.disks,
        r.value.images,
        r.value.zoneOps,
        r.value.globalOps,
      ])
        await c.close().catch(() => undefined);
}

/** The project: project_id, else the environment (as gcloud and the client libraries read it). */
export function projectOf(config: Record<string, unknown>): string {
  const p =
    (config.project_id as string | undefined) ??
    process.env.GOOGLE_CLOUD_PROJECT ??
    process.env.CLOUDSDK_CORE_PROJECT;
  if (!p)
    throw new BuildError(
      'no GCP project',
      'set project_id in the source, or GOOGLE_CLOUD_PROJECT (google-github-actions/auth sets it)',
    );
  return p;
}

// ---- errors ----

const GRPC_TO_HTTP: Record<number, number> = {
  3: 400,
  5: 404,
  6: 409,
  7: 403,
  8: 429,
  9: 412,
  10: 409,
  13: 500,
  14: 503,
  16: 401,
};

/** What failed, as Google says it: the HTTP status, the reason and the message. */
export interface GoogleFailure {
  status?: number;
  reason?: string;
  message: string;
}

/** Reads a failed call: 6.x throws a GaxiosError (HTTP status, raw JSON body), 7.x a GoogleError (gRPC code). */
export function failureOf(e: unknown): GoogleFailure {
  const x = e as {
    code?: unknown;
    status?: unknown;
    message?: string;
    response?: { status?: number };
    errors?: { reason?: string; message?: string }[];
    reason?: string;
  };
  let status: number | undefined =
    typeof x?.response?.status === 'number'
      ? x.response.status
      : typeof x?.status === 'number'
        ? x.status
        : typeof x?.code === 'number'
          ? x.code < 100
            ? GRPC_TO_HTTP[x.code]
            : x.code
          : undefined;
  let message = x?.message ?? String(e);
  let reason = x?.reason ?? x?.errors?.[0]?.reason;
  const body = /^\s*\{/.test(message) ? message : undefined;
  if (body) {
    try {
      const j = JSON.parse(body) as {
        error?: { code?: number; message?: string; errors?: { reason?: string }[] };
      };
      message = j.error?.message ?? message;
      reason ??= j.error?.errors?.[0]?.reason;
      status ??= j.error?.code;
    } catch {
      // not JSON after all: keep the text
    }
  }
  if (typeof x?.code === 'string') reason ??= x.code;
  return { status, reason, message };
}

export const isNotFound = (e: unknown) => failureOf(e).status === 404;

function hintOf(f: GoogleFailure, principal?: string): string | undefined {
  const who = principal ?? 'the build credentials';
  const perm = /Required '([\w.]+)' permission/.exec(f.message)?.[1];
  if (perm)
    return `${who} lack ${perm}: grant a role that has it (roles/compute.instanceAdmin.v1 and roles/iam.serviceAccountUser cover a build) on the project`;
  if (/QUOTA_EXCEEDED|quotaExceeded|Quota .* exceeded/i.test(`${f.reason} ${f.message}`))
    return 'a quota is exhausted: use another zone or a smaller machine_type, or ask for more quota (IAM & Admin > Quotas)';
  if (
    /ZONE_RESOURCE_POOL_EXHAUSTED|resourcePoolExhausted|does not have enough resources/i.test(
      `${f.reason} ${f.message}`,
    )
  )
    return 'the zone has no capacity for this machine type now: try another zone or machine_type';
  if (f.status === 401)
    return 'the credentials were refused: check GOOGLE_APPLICATION_CREDENTIALS (google-github-actions/auth), credentials_file or access_token';
  if (f.status === 403)
    return `${who} may not do this: check the IAM roles (roles/compute.instanceAdmin.v1, roles/iam.serviceAccountUser) and that the Compute Engine API is enabled`;
  if (f.status === 429)
    return 'the Compute API kept throttling after retries; run fewer builds at once (parallel-builds)';
  return undefined;
}

/** A failed call as an error a user can act on: the call, Google's reason and message, a hint. */
export function gceError(e: unknown, what: string, principal?: string): Error {
  if (e instanceof BuildError || e instanceof CancelledError) return e as Error;
  if ((e as Error)?.name === 'AbortError' || (e as Error)?.name === 'TimeoutError')
    return e as Error;
  const f = failureOf(e);
  const code = [f.status, f.reason].filter((x) => x !== undefined).join(' ');
  const net = /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EAI_AGAIN|certificate/i.test(f.message);
  return new BuildError(
    `${what} failed: ${code ? `${code}: ` : ''}${f.message}`,
    hintOf(f, principal) ??
      (net
        ? 'the Compute API cannot be reached from here: check the network (and CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE if set)'
        : undefined),
  );
}

/** Milliseconds between retries of throttled calls (tests make them short). */
export const retryDelays = (): number[] =>
  process.env.BAKE_GCE_RETRY_MS
    ? new Array<number>(6).fill(Number(process.env.BAKE_GCE_RETRY_MS))
    : [1000, 2000, 4000, 8000, 16000, 30000];

/**
 * Calls `fn` again while Google throttles (429) or is briefly unavailable (500, 503): the
 * client library does not. Mutations carry a requestId, so a retry cannot act twice.
 */
export async function retrying<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  const delays = retryDelays();
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (e) {
      const st = failureOf(e).status;
      const transient = st === 429 || st === 503 || st === 500 || st === 502;
      if (!transient || i >= delays.length) throw e;
      await sleep(delays[i], signal);
    }
  }
}

// ---- operations ----

export interface Operation {
  name?: string | null;
  status?: string | number | null;
  zone?: string | null;
  error?: { errors?: { code?: string | null; message?: string | null }[] | null } | null;
  httpErrorStatusCode?: number | null;
  httpErrorMessage?: string | null;
}

/** The Operation an insert or delete answered with (the library wraps it). */
export function operationOf(r: unknown): Operation {
  const first = (Array.isArray(r) ? r[0] : r) as { latestResponse?: Operation } & Operation;
  return first?.latestResponse ?? first;
}

export class OperationError extends BuildError {
  constructor(
    message: string,
    hint: string | undefined,
    readonly code: string,
  ) {
    super(message, hint);
    this.name = 'OperationError';
  }
}

export class WaitTimeoutError extends BuildError {
  constructor(message: string, hint?: string) {
    super(message, hint);
    this.name = 'WaitTimeoutError';
  }
}

/**
 * Waits until an operation is DONE, within limitMs. An operation DONE with `error` is a
 * failure (the library does not throw for it). The wait call itself may be abandoned on
 * cancellation: it only reads.
 */
export async function waitOperation(
  g: Gce,
  op: Operation,
  o: {
    what: string;
    limitMs: number;
    signal?: AbortSignal;
    /** The setting that raises this limit, for the message. */
    timeoutSetting?: string;
  },
): Promise<void> {
  const deadline = Date.now() + o.limitMs;
  const zone = op.zone ? String(op.zone).split('/').pop() : undefined;
  let cur = op;
  for (;;) {
    if (cur.status === 'DONE' || cur.status === 3) {
      const errs = cur.error?.errors ?? [];
      if (errs.length) {
        const first = errs[0];
        const f: GoogleFailure = {
          status: cur.httpErrorStatusCode ?? undefined,
          reason: first.code ?? undefined,
          message: errs.map((x) => x.message ?? x.code).join('; '),
        };
        throw new OperationError(
          `${o.what} failed: ${first.code ?? 'error'}: ${f.message}`,
          hintOf(f, g.principal),
          String(first.code ?? ''),
        );
      }
      return;
    }
    if (Date.now() >= deadline)
      throw new WaitTimeoutError(
        `gave up waiting for ${o.what} after ${Math.round(o.limitMs / 1000)}s (operation ${cur.name})`,
        o.timeoutSetting ? `raise ${o.timeoutSetting} (or state_timeout)` : undefined,
      );
    if (o.signal?.aborted) throw o.signal.reason ?? new CancelledError();
    const req = { project: g.project, operation: String(cur.name) };
    const call = () => {
      const timeout = Math.max(1000, deadline - Date.now());
      return zone
        ? g.zoneOps.wait({ ...req, zone }, { timeout })
        : g.globalOps.wait(req, { timeout });
    };
    try {
      const [next] = (await raceSignal(
        retrying(call, o.signal),
        o.signal ?? new AbortController().signal,
      )) as [Operation, ...unknown[]];
      cur = next;
    } catch (e) {
      if (o.signal?.aborted) throw o.signal.reason ?? new CancelledError();
      throw gceError(e, `waiting for ${o.what}`, g.principal);
    }
  }
}

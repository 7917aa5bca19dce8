/**
 * Azure access for the azure-arm builder: credentials (@azure/identity), one set of ARM
 * clients per subscription, long-running operations with their inner errors, and errors a
 * user can act on. Only loaded when a build, a cleaner or a sweep needs Azure.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ComputeManagementClient } from '@azure/arm-compute';
import { NetworkManagementClient } from '@azure/arm-network';
import { ResourceManagementClient } from '@azure/arm-resources';
import type { TokenCredential } from '@azure/core-auth';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import {
  AzureCliCredential,
  ClientAssertionCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  WorkloadIdentityCredential,
} from '@azure/identity';
import { BuildError } from '../../../engine/context';
import { CancelledError, TimeoutError, withTimeout } from '../../../engine/steps';
import { addSecret } from '../../../util/redact';
import { CLOUDS } from './schema';

type Config = Record<string, unknown>;

const CLOUD_ENDPOINTS = {
  Public: { arm: 'https://management.azure.com', login: 'https://login.microsoftonline.com' },
  China: { arm: 'https://management.chinacloudapi.cn', login: 'https://login.chinacloudapi.cn' },
  USGovernment: {
    arm: 'https://management.usgovcloudapi.net',
    login: 'https://login.microsoftonline.us',
  },
};

/** Who and where: everything but secrets, so it can be written to the ledger. */
export interface AzureTarget {
  subscription: string;
  cloud: keyof typeof CLOUD_ENDPOINTS;
  tenant?: string;
  client?: string;
}

export function targetOf(c: Config, env = process.env): AzureTarget {
  const subscription = (c.subscription_id as string | undefined) ?? env.AZURE_SUBSCRIPTION_ID;
  if (!subscription)
    throw new BuildError(
      'no Azure subscription',
      'set subscription_id, or AZURE_SUBSCRIPTION_ID in the environment',
    );
  return {
    subscription,
    cloud: CLOUDS[String(c.cloud_environment_name ?? 'Public')] ?? 'Public',
    tenant: (c.tenant_id as string | undefined) ?? env.AZURE_TENANT_ID,
    client: (c.client_id as string | undefined) ?? env.AZURE_CLIENT_ID,
  };
}

/** The ledger's record of a target (no secrets). */
export const targetRef = (t: AzureTarget): Record<string, string> => ({
  subscription: t.subscription,
  cloud: t.cloud,
  ...(t.tenant ? { tenant: t.tenant } : {}),
  ...(t.client ? { client: t.client } : {}),
});

export const targetFromRef = (r: Record<string, string>): AzureTarget => ({
  subscription: r.subscription,
  cloud: (r.cloud as AzureTarget['cloud']) ?? 'Public',
  tenant: r.tenant ?? process.env.AZURE_TENANT_ID,
  client: r.client ?? process.env.AZURE_CLIENT_ID,
});

/** ARM and login endpoints: the cloud's, or AZURE_RESOURCE_MANAGER_ENDPOINT / AZURE_AUTHORITY_HOST. */
export function endpointsOf(cloud: AzureTarget['cloud'], env = process.env) {
  const known = CLOUD_ENDPOINTS[cloud];
  const arm = (env.AZURE_RESOURCE_MANAGER_ENDPOINT ?? known.arm).replace(/\/+$/, '');
  const login = (env.AZURE_AUTHORITY_HOST ?? known.login).replace(/\/+$/, '');
  return {
    arm,
    login,
    // The token audience stays the cloud's unless the endpoint is another ARM entirely.
    scope: `${env.AZURE_RESOURCE_MANAGER_AUDIENCE ?? known.arm}/.default`,
    customLogin: !Object.values(CLOUD_ENDPOINTS).some((e) => e.login === login),
  };
}

/**
 * The GitHub Actions ID token for Azure, fetched anew on every call: MSAL asks for it each
 * time it needs an Azure token, so a build never holds an assertion that can expire.
 */
export function githubIdToken(
  url: string,
  requestToken: string,
  audience = 'api://AzureADTokenExchange',
) {
  addSecret(requestToken);
  return async (): Promise<string> => {
    const u = new URL(url);
    u.searchParams.set('audience', audience);
    let r: Response;
    try {
      r = await fetch(u, {
        headers: { Authorization: `Bearer ${requestToken}`, Accept: 'application/json' },
      });
    } catch (e) {
      throw new BuildError(
        `could not ask GitHub for an ID token: ${(e as Error).message}`,
        'the job needs "permissions: id-token: write"',
      );
    }
    const body = (await r.json().catch(() => ({}))) as { value?: string };
    if (!r.ok || !body.value)
      throw new BuildError(
        `GitHub refused an ID token (HTTP ${r.status})`,
        'the job needs "permissions: id-token: write"',
      );
    addSecret(body.value);
    return body.value;
  };
}

/**
 * The credential, in Packer's order: client secret, certificate, a given JWT, GitHub OIDC,
 * workload identity (AZURE_FEDERATED_TOKEN_FILE), the Azure CLI, managed identity.
 */
export function credentialOf(c: Config, t: AzureTarget, env = process.env): TokenCredential {
  const ep = endpointsOf(t.cloud, env);
  const opts = {
    authorityHost: ep.login,
    ...(ep.customLogin ? { disableInstanceDiscovery: true } : {}),
  };
  const secret = (c.client_secret as string | undefined) ?? env.AZURE_CLIENT_SECRET;
  const certPath = (c.client_cert_path as string | undefined) ?? env.AZURE_CLIENT_CERTIFICATE_PATH;
  const jwt = c.client_jwt as string | undefined;
  const oidcUrl = (c.oidc_request_url as string | undefined) ?? env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const oidcToken =
    (c.oidc_request_token as string | undefined) ?? env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  const needIds = (how: string) => {
    if (!t.tenant || !t.client)
      throw new BuildError(
        `${how} needs the tenant and the client id`,
        'set tenant_id and client_id, or AZURE_TENANT_ID and AZURE_CLIENT_ID',
      );
    return [t.tenant, t.client] as const;
  };
  if (c.use_azure_cli_auth === true)
    return new AzureCliCredential({ ...(t.tenant ? { tenantId: t.tenant } : {}) });
  if (secret) {
    addSecret(secret);
    return new ClientSecretCredential(...needIds('a client secret'), secret, opts);
  }
  if (certPath) {
    const password =
      (c.client_cert_password as string | undefined) ?? env.AZURE_CLIENT_CERTIFICATE_PASSWORD;
    if (password) addSecret(password);
    return new ClientCertificateCredential(
      ...needIds('a client certificate'),
      { certificatePath: certPath, ...(password ? { certificatePassword: password } : {}) },
      opts,
    );
  }
  if (jwt) {
    addSecret(jwt);
    return new ClientAssertionCredential(...needIds('client_jwt'), async () => jwt, opts);
  }
  if (oidcUrl && oidcToken && t.client)
    return new ClientAssertionCredential(
      ...needIds('GitHub OIDC'),
      githubIdToken(oidcUrl, oidcToken),
      opts,
    );
  if (env.AZURE_FEDERATED_TOKEN_FILE)
    return new WorkloadIdentityCredential({
      tenantId: needIds('workload identity')[0],
      clientId: t.client!,
      tokenFilePath: env.AZURE_FEDERATED_TOKEN_FILE,
      ...opts,
    });
  return new ManagedIdentityCredential(t.client ? { clientId: t.client } : {});
}

/** ARM's error body: {error: {code, message, details: [...]}} or an operation's error. */
export interface ArmErrorBody {
  code?: string;
  message?: string;
  details?: ArmErrorBody[];
  innererror?: unknown;
}

interface CallScope {
  failure?: ArmErrorBody;
}
const scope = new AsyncLocalStorage<CallScope>();

/** Counts every ARM request, and keeps the body of a failed long-running operation. */
const watch: PipelinePolicy = {
  name: 'bakeAzureWatch',
  async sendRequest(request, next) {
    const response = await next(request);
    const s = scope.getStore();
    const text = response.bodyAsText;
    if (s && text && /"failed"/i.test(text)) {
      try {
        const body = JSON.parse(text) as {
          status?: string;
          error?: ArmErrorBody;
          properties?: { provisioningState?: string; error?: ArmErrorBody };
        };
        if (/fail/i.test(body.status ?? body.properties?.provisioningState ?? ''))
          s.failure = body.error ?? body.properties?.error ?? s.failure;
      } catch {
        // not JSON: nothing to keep
      }
    }
    return response;
  },
};

export interface Clients {
  target: AzureTarget;
  compute: ComputeManagementClient;
  network: NetworkManagementClient;
  resources: ResourceManagementClient;
}

const cache = new Map<string, Clients>();

/** One set of clients per credential settings and subscription. */
export function clientsFor(c: Config, t: AzureTarget, subscription = t.subscription): Clients {
  const key = JSON.stringify([
    t,
    subscription,
    c.client_secret ? 'secret' : '',
    c.client_cert_path ?? '',
    c.use_azure_cli_auth ?? '',
    process.env.AZURE_RESOURCE_MANAGER_ENDPOINT ?? '',
    process.env.AZURE_AUTHORITY_HOST ?? '',
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '',
    process.env.AZURE_CLIENT_SECRET ? 'env-secret' : '',
  ]);
  const hit = cache.get(key);
  if (hit) return hit;
  const credential = credentialOf(c, t);
  const ep = endpointsOf(t.cloud);
  const common = {
    endpoint: ep.arm,
    additionalPolicies: [{ policy: watch, position: 'perCall' as const }],
    userAgentOptions: { userAgentPrefix: 'bake' },
  };
  const made: Clients = {
    target: t,
    compute: new ComputeManagementClient(credential, subscription, {
      ...common,
      credentials: { scopes: [ep.scope] },
    }),
    network: new NetworkManagementClient(credential, subscription, {
      ...common,
      credentialScopes: [ep.scope],
    }),
    resources: new ResourceManagementClient(credential, subscription, {
      ...common,
      credentialScopes: [ep.scope],
    }),
  };
  cache.set(key, made);
  return made;
}

export const statusOf = (e: unknown): number | undefined =>
  (e as { statusCode?: number }).statusCode;
export const codeOf = (e: unknown): string | undefined => (e as { code?: string }).code;
export const isNotFound = (e: unknown): boolean =>
  statusOf(e) === 404 || /NotFound$/.test(codeOf(e) ?? '');

/** Turns a 404 into undefined. */
export async function orMissing<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

function bodyOf(e: unknown): ArmErrorBody | undefined {
  const text = (e as { response?: { bodyAsText?: string } }).response?.bodyAsText;
  if (!text) return undefined;
  try {
    const b = JSON.parse(text) as { error?: ArmErrorBody } & ArmErrorBody;
    return b.error ?? (b.code ? b : undefined);
  } catch {
    return undefined;
  }
}

function flatten(b: ArmErrorBody | undefined, depth = 0): string[] {
  if (!b || depth > 4) return [];
  return (b.details ?? []).flatMap((d) => [
    `${d.code ?? 'Error'}: ${d.message ?? ''}`.trim(),
    ...flatten(d, depth + 1),
  ]);
}

/** What to do about an Azure error code. */
export function hintFor(
  code: string,
  message: string,
  where: { location?: string; vmSize?: string } = {},
): string | undefined {
  if (code === 'AuthorizationFailed' || code === 'LinkedAuthorizationFailed') {
    const action = /action '([^']+)'/.exec(message)?.[1];
    const at = /scope '([^']+)'/.exec(message)?.[1];
    return `the identity may not perform ${action ?? 'this action'}${at ? ` on ${at}` : ''}: assign it a role there (Contributor on the build group's subscription, or a custom role with that action), then retry (role assignments take a few minutes)`;
  }
  if (
    /^(SkuNotAvailable|ZonalAllocationFailed|AllocationFailed|OverconstrainedAllocationRequest)$/.test(
      code,
    )
  )
    return `vm_size ${where.vmSize ?? ''} has no capacity${where.location ? ` in ${where.location}` : ''}: try another vm_size or location ("az vm list-skus -l <location> --size <family>")`.replace(
      '  ',
      ' ',
    );
  if (/Quota|OperationNotAllowed/.test(code) && /quota/i.test(message))
    return 'a quota is exhausted: ask for more (Usage + quotas in the portal), or pick another vm_size family or location';
  if (
    code === 'InvalidAuthenticationToken' ||
    code === 'AuthenticationFailed' ||
    code === 'ExpiredAuthenticationToken'
  )
    return 'the token was refused: check tenant_id, client_id and the subscription';
  if (code === 'SubscriptionNotFound')
    return 'check subscription_id (az account list), and that the identity has a role in it';
  if (code === 'ResourceGroupNotFound')
    return 'create the resource group first, or check its name and the subscription';
  if (code === 'ReferencedResourceNotProvisioned')
    return 'a resource was used before it was ready; this is retried on the next run';
  if (code === 'InvalidParameter' && /adminUsername/i.test(message))
    return 'choose another ssh_username';
  return undefined;
}

/** An Azure failure as the user sees it: what failed, Azure's code and message, details, hint. */
export function azureError(
  e: unknown,
  what: string,
  o: { failure?: ArmErrorBody; location?: string; vmSize?: string } = {},
): Error {
  if (e instanceof BuildError || e instanceof CancelledError) return e;
  if ((e as Error)?.name === 'AbortError') return new CancelledError();
  if (e instanceof TimeoutError)
    return new BuildError(
      `${what}: ${e.message}`,
      'raise polling_duration_timeout if Azure is slow',
    );
  const body = o.failure ?? bodyOf(e);
  const code = body?.code ?? codeOf(e) ?? 'Error';
  const message =
    body?.message ??
    String((e as Error)?.message ?? e).replace(/^The long-running operation has failed\.\s*/, '');
  const details = flatten(body);
  const hint =
    hintFor(code, message, o) ?? details.map((d) => hintFor(d.split(':')[0], d, o)).find((h) => h);
  return new BuildError(
    `${what}: ${code}: ${message}${details.length ? ` (${details.join('; ')})` : ''}`,
    hint,
  );
}

export interface Polling {
  intervalMs: number;
  timeoutMs: number;
}

/**
 * Runs an ARM call (a plain request or a long-running operation) with a deadline and the
 * cancel signal; a failed operation reports its inner error, read from the operation itself.
 */
export async function arm<T>(
  what: string,
  call: (o: { updateIntervalInMs: number; abortSignal: AbortSignal }) => PromiseLike<T>,
  o: {
    polling: Polling;
    signal?: AbortSignal;
    location?: string;
    vmSize?: string;
    timeoutMs?: number;
  },
): Promise<T> {
  const t = withTimeout(o.signal, o.timeoutMs ?? o.polling.timeoutMs);
  const s: CallScope = {};
  try {
    return await scope.run(s, async () =>
      call({ updateIntervalInMs: o.polling.intervalMs, abortSignal: t.signal }),
    );
  } catch (e) {
    if (t.signal.aborted)
      throw t.signal.reason instanceof TimeoutError
        ? azureError(t.signal.reason, what)
        : o.signal?.reason instanceof Error
          ? o.signal.reason
          : new CancelledError();
    throw azureError(e, what, { failure: s.failure, location: o.location, vmSize: o.vmSize });
  } finally {
    t.clear();
  }
}

/** Settles every promise, then throws the first failure: nothing created is left unledgered. */
export async function allOrFirstError(ps: (Promise<unknown> | false | undefined)[]): Promise<void> {
  const r = await Promise.allSettled(ps.filter((p): p is Promise<unknown> => !!p));
  const failed = r.find((x): x is PromiseRejectedResult => x.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Parses /subscriptions/S/resourceGroups/G/providers/NS/type/name[/sub/name]. */
export function parseId(id: string): {
  subscription: string;
  group: string;
  type: string;
  name: string;
} {
  const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/(.+)$/i.exec(id);
  if (!m) throw new BuildError(`not an Azure resource id: ${id}`);
  const parts = m[3].split('/');
  return {
    subscription: m[1],
    group: m[2],
    type: parts.filter((_, i) => i % 2 === 1).join('/'),
    name: parts.at(-1)!,
  };
}

export const resourceId = (sub: string, group: string, provider: string, ...path: string[]) =>
  `/subscriptions/${sub}/resourceGroups/${group}/providers/${provider}/${path.join('/')}`;

/**
 * An HTTPS stand-in for Azure Resource Manager and its login endpoints, speaking ARM's wire
 * format to the real @azure SDK clients: resource groups, networks, public IPs, NSGs, NICs,
 * VMs (each a real sshd container), images (docker commit of the VM's container) and gallery
 * versions; long-running operations (Azure-AsyncOperation and Location, 201/202), error
 * bodies, 429 with Retry-After; the Entra token endpoint and GitHub's OIDC token endpoint.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { docker, ownNetwork } from './docker';
import { MAKE_HOST_KEYS } from './sshd';

const TLS = join(process.cwd(), '__tests__', 'fixtures', 'tls');
export const LABEL = 'bake-test-azure-arm-standin';
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const CLIENT = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
export const SUBSCRIPTION = '11111111-2222-3333-4444-555555555555';
export const SECRET = 'standin-client-secret-' + randomBytes(4).toString('hex');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Resource {
  id: string;
  type: string;
  group: string;
  body: Json;
  preexisting?: boolean;
  container?: string;
  dockerImage?: string;
  power?: 'running' | 'deallocated';
  generalized?: boolean;
}

export interface Call {
  op: string;
  method: string;
  path: string;
  status: number;
  start: number;
  end: number;
}

export interface Failure {
  op: string;
  /** Which call of op fails (1 = the first). */
  nth?: number;
  code: string;
  message: string;
  status?: number;
  /** The call is accepted and its long-running operation ends Failed instead. */
  lro?: boolean;
  details?: { code: string; message: string }[];
}

interface Operation {
  group?: string;
  status: 'InProgress' | 'Succeeded' | 'Failed';
  error?: Json;
}

const lc = (s: string) => s.toLowerCase();

export class ArmStandIn {
  url = '';
  server!: Server;
  calls: Call[] = [];
  resources = new Map<string, Resource>();
  /** Marketplace versions by publisher/offer/sku (lowercase); 1.0.0 when not set. */
  marketplace = new Map<string, string[]>();
  groups = new Map<
    string,
    { name: string; location: string; tags?: Json; preexisting?: boolean; deleting?: boolean }
  >();
  failures: Failure[] = [];
  throttles: { op: string; times: number; retryAfter: number }[] = [];
  throttled = 0;
  afterCall?: (op: string) => void;
  /** Each VM operation takes this long (a booting machine). */
  vmDelayMs = 0;
  /** Gallery replication to this region fails. */
  failRegion?: string;
  /** How long a GitHub ID token is valid, and an Azure access token. */
  githubTokenMs = 60_000;
  azureTokenSeconds = 3600;
  readonly githubRequestToken = 'gh-request-' + randomBytes(8).toString('hex');
  github = { issued: 0, expiredRefused: 0, reused: 0 };
  private usedJtis = new Set<string>();
  azure = { issued: 0, byAssertion: 0, bySecret: 0 };
  /** Every NSG rule source seen, for the test to check. */
  private ops = new Map<string, Operation>();
  private counts = new Map<string, number>();
  private ghTokens = new Map<string, number>();
  private accessTokens = new Map<string, number>();
  private images: string[] = [];
  private seq = 0;

  /** The VMs' own network, so no other test file's container takes a VM's address. */
  private network?: { name: string; remove(): Promise<void> };

  async start(): Promise<this> {
    this.network = await ownNetwork('bake-azstandin');
    this.server = createServer(
      {
        cert: readFileSync(join(TLS, 'server.pem')),
        key: readFileSync(join(TLS, 'server-key.pem')),
      },
      (req, res) => void this.handle(req, res),
    );
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Environment that points the builder (and its cleaners) here. */
  env(kind: 'oidc' | 'secret' = 'secret'): Record<string, string> {
    return {
      AZURE_RESOURCE_MANAGER_ENDPOINT: this.url,
      AZURE_AUTHORITY_HOST: this.url,
      AZURE_SUBSCRIPTION_ID: SUBSCRIPTION,
      AZURE_TENANT_ID: TENANT,
      AZURE_CLIENT_ID: CLIENT,
      BAKE_CHECKIP_URL: `${this.url}/checkip`,
      ...(kind === 'secret'
        ? { AZURE_CLIENT_SECRET: SECRET }
        : {
            ACTIONS_ID_TOKEN_REQUEST_URL: `${this.url}/github/token?api-version=2.0`,
            ACTIONS_ID_TOKEN_REQUEST_TOKEN: this.githubRequestToken,
          }),
    };
  }

  reset(): void {
    this.calls = [];
    this.failures = [];
    this.throttles = [];
    this.throttled = 0;
    this.afterCall = undefined;
    this.failRegion = undefined;
    this.vmDelayMs = 0;
    this.counts.clear();
    // What earlier tests made is the background of this one.
    for (const r of this.resources.values()) r.preexisting = true;
    for (const g of this.groups.values()) g.preexisting = true;
  }

  // ---- seeding what exists before a build
  seedGroup(name: string, location = 'westeurope'): void {
    this.groups.set(lc(name), { name, location, preexisting: true });
  }
  seedGallery(
    group: string,
    gallery: string,
    image: string,
    o: { location?: string; osState?: string } = {},
  ): void {
    const id = this.rid(group, 'Microsoft.Compute/galleries', gallery);
    this.put(id, {
      type: 'Microsoft.Compute/galleries',
      group,
      preexisting: true,
      body: { location: o.location ?? 'westeurope', properties: {} },
    });
    this.put(`${id}/images/${image}`, {
      type: 'Microsoft.Compute/galleries/images',
      group,
      preexisting: true,
      body: {
        location: o.location ?? 'westeurope',
        properties: {
          osType: 'Linux',
          osState: o.osState ?? 'Generalized',
          identifier: { publisher: 'acme', offer: 'golden', sku: image },
        },
      },
    });
  }
  /** A version of a seeded gallery image, backed by a local Docker image. */
  seedVersion(
    group: string,
    gallery: string,
    image: string,
    version: string,
    o: { excludeFromLatest?: boolean } = {},
  ): void {
    const id = `${this.rid(group, 'Microsoft.Compute/galleries', gallery)}/images/${image}/versions/${version}`;
    this.put(id, {
      type: 'Microsoft.Compute/galleries/images/versions',
      group,
      preexisting: true,
      dockerImage: 'debian:bookworm',
      body: {
        location: 'westeurope',
        properties: { publishingProfile: { excludeFromLatest: o.excludeFromLatest ?? false } },
      },
    });
  }
  seedNetwork(group: string, vnet: string, subnet: string): void {
    const id = this.rid(group, 'Microsoft.Network/virtualNetworks', vnet);
    this.put(id, {
      type: 'Microsoft.Network/virtualNetworks',
      group,
      preexisting: true,
      body: {
        location: this.groups.get(lc(group))?.location ?? 'westeurope',
        properties: {
          addressSpace: { addressPrefixes: ['10.9.0.0/16'] },
          subnets: [
            {
              id: `${id}/subnets/${subnet}`,
              name: subnet,
              properties: { addressPrefix: '10.9.0.0/24', provisioningState: 'Succeeded' },
            },
          ],
        },
      },
    });
  }

  rid(group: string, type: string, name: string): string {
    const [ns, ...t] = type.split('/');
    return `/subscriptions/${SUBSCRIPTION}/resourceGroups/${group}/providers/${ns}/${t.join('/')}/${name}`;
  }
  get(id: string): Resource | undefined {
    return this.resources.get(lc(id));
  }
  /** What a build made and left: groups and resources that were not there before. */
  leftovers(): string[] {
    return [
      ...[...this.groups.values()]
        .filter((g) => !g.preexisting)
        .map((g) => `resourceGroup ${g.name}`),
      ...[...this.resources.values()].filter((r) => !r.preexisting).map((r) => r.id),
    ];
  }
  made(type: string): Resource[] {
    return [...this.resources.values()].filter(
      (r) => !r.preexisting && lc(r.type).endsWith(lc(type)),
    );
  }
  count(op: string): number {
    return this.calls.filter((c) => c.op === op).length;
  }
  /** The longest chain of ARM calls each of which started after the previous ended. */
  criticalPath(): string[] {
    const calls = this.calls.filter(
      (c) => !c.op.startsWith('token') && !c.op.startsWith('github') && c.op !== 'checkip',
    );
    const best: { len: number; chain: string[] }[] = [];
    calls.forEach((c, i) => {
      let top = { len: 0, chain: [] as string[] };
      for (let j = 0; j < i; j++)
        if (calls[j].end <= c.start && best[j].len > top.len) top = best[j];
      best.push({ len: top.len + 1, chain: [...top.chain, c.op] });
    });
    return best.reduce((a, b) => (b.len > a.len ? b : a), { len: 0, chain: [] }).chain;
  }

  async close(): Promise<void> {
    await new Promise((r) => this.server.close(r));
    const mine = await docker.listContainers({ all: true, filters: { label: [LABEL] } });
    await Promise.all(
      mine.map((c) =>
        docker
          .getContainer(c.Id)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
    for (const img of this.images)
      await docker
        .getImage(img)
        .remove({ force: true })
        .catch(() => undefined);
    await this.network?.remove();
  }

  // ---- HTTP
  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const start = performance.now();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString();
    const u = new URL(this.url + req.url!.replace(/^\/+/, '/'));
    let op = 'unknown';
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, {
        'content-type': typeof body === 'string' ? 'text/plain' : 'application/json',
        'x-ms-request-id': randomUUID(),
        ...headers,
      });
      res.end(text);
      this.calls.push({
        op,
        method: req.method!,
        path: u.pathname,
        status,
        start,
        end: performance.now(),
      });
      if (this.afterCall) setImmediate(() => this.afterCall?.(op));
    };
    const armError = (status: number, code: string, message: string, details?: Json[]) =>
      send(status, { error: { code, message, ...(details ? { details } : {}) } });
    try {
      const p = u.pathname;
      if (p === '/checkip') return ((op = 'checkip'), send(200, '203.0.113.9\n'));
      if (p === '/github/token') return ((op = 'github token'), this.githubToken(req, u, send));
      let m = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(p);
      if (m) {
        op = 'token discovery';
        const base = `${this.url}/${m[1]}`;
        return send(200, {
          token_endpoint: `${base}/oauth2/v2.0/token`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          issuer: `${base}/v2.0`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
          response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token'],
        });
      }
      m = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(p);
      if (m) return ((op = 'token'), this.token(m[1], new URLSearchParams(raw), send));
      if (p.startsWith('/operations/'))
        return ((op = 'GET operation'), this.operation(p.split('/')[2], u, send));
      if (p.startsWith('/locations/'))
        return ((op = 'GET location'), this.location(p.split('/')[2], send));
      // ARM proper: a valid bearer token first.
      const tok = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
      const exp = tok ? this.accessTokens.get(tok) : undefined;
      op = this.opOf(req.method!, p);
      if (!exp || exp < Date.now())
        return armError(
          401,
          'InvalidAuthenticationToken',
          'The access token is invalid or expired.',
        );
      const th = this.throttles.find((t) => t.op === op && t.times > 0);
      if (th) {
        th.times--;
        this.throttled++;
        return send(
          429,
          { error: { code: 'TooManyRequests', message: 'Too many requests; retry later.' } },
          { 'retry-after': String(th.retryAfter) },
        );
      }
      const n = (this.counts.get(op) ?? 0) + 1;
      this.counts.set(op, n);
      const f = this.failures.find((x) => x.op === op && (x.nth ?? 1) === n);
      if (f && !f.lro) return armError(f.status ?? 400, f.code, f.message, f.details);
      const body = raw ? (JSON.parse(raw) as Json) : {};
      return await this.arm(req.method!, p, u, body, send, armError, f);
    } catch (e) {
      return armError(500, 'InternalServerError', `stand-in: ${(e as Error).message}`);
    }
  }

  private githubToken(req: IncomingMessage, u: URL, send: (s: number, b?: unknown) => void) {
    if (req.headers.authorization !== `Bearer ${this.githubRequestToken}`)
      return send(401, { message: 'Bad credentials' });
    if (u.searchParams.get('audience') !== 'api://AzureADTokenExchange')
      return send(400, { message: 'wrong audience' });
    const jti = randomUUID();
    const now = Date.now();
    const b64 = (o: Json) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ iss: 'https://token.actions.githubusercontent.com', aud: 'api://AzureADTokenExchange', sub: 'repo:acme/app:ref:refs/heads/main', jti, iat: Math.floor(now / 1000), exp: Math.floor((now + this.githubTokenMs) / 1000) })}.${randomBytes(32).toString('base64url')}`;
    this.ghTokens.set(jti, now + this.githubTokenMs);
    this.github.issued++;
    send(200, { count: 1, value: jwt });
  }

  private token(tenant: string, form: URLSearchParams, send: (s: number, b?: unknown) => void) {
    const bad = (d: string) =>
      send(400, { error: 'invalid_client', error_description: d, error_codes: [7000215] });
    if (tenant !== TENANT) return bad(`AADSTS90002: Tenant '${tenant}' not found.`);
    if (form.get('client_id') !== CLIENT)
      return bad(`AADSTS700016: Application '${form.get('client_id')}' not found.`);
    if (form.get('grant_type') !== 'client_credentials') return bad('unsupported grant');
    const assertion = form.get('client_assertion');
    if (assertion) {
      let claims: Json;
      try {
        claims = JSON.parse(Buffer.from(assertion.split('.')[1], 'base64url').toString());
      } catch {
        return bad('AADSTS50027: JWT token is invalid or malformed.');
      }
      const exp = this.ghTokens.get(claims.jti);
      if (!exp)
        return bad(
          'AADSTS700211: No matching federated identity record found for presented assertion issuer.',
        );
      if (exp < Date.now()) {
        this.github.expiredRefused++;
        return bad('AADSTS700024: Client assertion is not within its valid time range.');
      }
      if (this.usedJtis.has(claims.jti)) this.github.reused++;
      this.usedJtis.add(claims.jti);
      this.azure.byAssertion++;
    } else if (form.get('client_secret') === SECRET) this.azure.bySecret++;
    else return bad('AADSTS7000215: Invalid client secret provided.');
    const access = 'at-' + randomBytes(12).toString('hex');
    this.accessTokens.set(access, Date.now() + this.azureTokenSeconds * 1000);
    this.azure.issued++;
    send(200, {
      token_type: 'Bearer',
      expires_in: this.azureTokenSeconds,
      ext_expires_in: this.azureTokenSeconds,
      access_token: access,
    });
  }

  private operation(id: string, u: URL, send: (s: number, b?: unknown) => void) {
    const o = this.ops.get(id);
    if (!o) return send(404, { error: { code: 'NotFound', message: 'no such operation' } });
    if (u.searchParams.has('final')) return o.status === 'InProgress' ? send(202) : send(200, {});
    send(200, { id, name: id, status: o.status, ...(o.error ? { error: o.error } : {}) });
  }

  private location(id: string, send: (s: number, b?: unknown, h?: Record<string, string>) => void) {
    const o = this.ops.get(id);
    if (!o) return send(404, { error: { code: 'NotFound', message: 'no such operation' } });
    if (o.status === 'InProgress')
      return send(202, undefined, { location: `${this.url}/locations/${id}` });
    if (o.status === 'Failed') return send(400, { error: o.error });
    send(200, undefined);
  }

  /** `METHOD type` (PUT virtualMachines, DELETE resourceGroups) or `POST action`. */
  private opOf(method: string, path: string): string {
    const s = path.split('/').filter(Boolean);
    if (s.length <= 4) return `${method} resourceGroups`;
    const rest = s.slice(6);
    if (rest.length % 2 === 1) return `${method} ${rest.at(-1)}`;
    return `${method} ${rest[rest.length - 2]}`;
  }

  private startOp(work: () => Promise<void>, failure?: Failure, group?: string): string {
    const id = `op-${++this.seq}-${randomBytes(3).toString('hex')}`;
    const o: Operation = { status: 'InProgress', group: group && lc(group) };
    this.ops.set(id, o);
    void (async () => {
      try {
        await work();
        if (failure)
          throw Object.assign(new Error(failure.message), {
            code: failure.code,
            details: failure.details,
          });
        o.status = 'Succeeded';
      } catch (e) {
        o.status = 'Failed';
        const err = e as Error & { code?: string; details?: Json[] };
        o.error = {
          code: err.code ?? 'InternalError',
          message: err.message,
          ...(err.details ? { details: err.details } : {}),
        };
      }
    })();
    return id;
  }

  private asyncHeaders(op: string, location = true): Record<string, string> {
    return {
      'azure-asyncoperation': `${this.url}/operations/${op}`,
      ...(location ? { location: `${this.url}/operations/${op}?final=1` } : {}),
    };
  }

  private put(id: string, r: Omit<Resource, 'id'>): Resource {
    const parts = id.split('/');
    const full: Resource = { ...r, id };
    full.body = {
      ...r.body,
      id,
      name: parts.at(-1),
      type: r.type,
      properties: { ...(r.body.properties ?? {}) },
    };
    if (!full.body.properties.provisioningState)
      full.body.properties.provisioningState = 'Succeeded';
    this.resources.set(lc(id), full);
    return full;
  }

  private async arm(
    method: string,
    path: string,
    u: URL,
    body: Json,
    send: (s: number, b?: unknown, h?: Record<string, string>) => void,
    armError: (s: number, code: string, message: string, details?: Json[]) => void,
    failure?: Failure,
  ): Promise<void> {
    const s = path.split('/').filter(Boolean);
    // The marketplace: the versions of publisher/offer/sku in a location.
    const mk =
      /^\/subscriptions\/[^/]+\/providers\/Microsoft\.Compute\/locations\/[^/]+\/publishers\/([^/]+)\/artifacttypes\/vmimage\/offers\/([^/]+)\/skus\/([^/]+)\/versions$/i.exec(
        path,
      );
    if (mk && method === 'GET') {
      const versions = this.marketplace.get(mk.slice(1, 4).map(lc).join('/')) ?? ['1.0.0'];
      return send(
        200,
        versions.map((name) => ({
          name,
          location: u.pathname.split('/')[6],
          id: `${path}/${name}`,
        })),
      );
    }
    // Listing a subscription's groups or resources, filtered by a tag name as bake sweep asks.
    if (s.length === 3 && method === 'GET' && ['resourcegroups', 'resources'].includes(lc(s[2]))) {
      const tag = /tagName eq '([^']+)'/.exec(u.searchParams.get('$filter') ?? '')?.[1];
      const tagged = (tags?: Json) => !tag || (tags && tag in tags);
      if (lc(s[2]) === 'resourcegroups')
        return send(200, {
          value: [...this.groups.values()]
            .filter((x) => !x.deleting && tagged(x.tags))
            .map((x) => ({
              id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/${x.name}`,
              name: x.name,
              type: 'Microsoft.Resources/resourceGroups',
              location: x.location,
              tags: x.tags ?? {},
              properties: { provisioningState: 'Succeeded' },
            })),
        });
      return send(200, {
        value: [...this.resources.values()]
          .filter((x) => x.body.properties.provisioningState !== 'Deleting' && tagged(x.body.tags))
          .map((x) => ({
            id: x.id,
            name: x.body.name,
            type: x.type,
            location: x.body.location,
            tags: x.body.tags ?? {},
          })),
      });
    }
    const groupName = s[3];
    const g = this.groups.get(lc(groupName));
    if (s.length === 4) return this.group(method, groupName, body, send, armError, failure);
    if (!g || g.deleting)
      return armError(
        404,
        'ResourceGroupNotFound',
        `Resource group '${groupName}' could not be found.`,
      );
    const rest = s.slice(6);
    const action = rest.length % 2 === 1 ? rest.pop() : undefined;
    const id = `/${s.slice(0, 6).join('/')}/${rest.join('/')}`.replace(
      /\/resourcegroups\//i,
      '/resourceGroups/',
    );
    const type = [s[5], ...rest.filter((_, i) => i % 2 === 0)].join('/');
    const kind = lc(rest[rest.length - 2]);
    const r = this.get(id);

    if (kind === 'subnets' && method === 'GET') {
      const vnet = this.get(id.split('/subnets/')[0]);
      const sub = vnet?.body.properties.subnets?.find((x: Json) => lc(x.name) === lc(rest.at(-1)!));
      return sub ? send(200, sub) : armError(404, 'NotFound', `Resource '${id}' not found.`);
    }
    if (action === 'versions' && method === 'GET') {
      // A collection: the versions of a gallery image.
      const prefix = lc(`${id}/versions/`);
      return send(200, {
        value: [...this.resources.values()]
          .filter(
            (x) => lc(x.id).startsWith(prefix) && !lc(x.id).slice(prefix.length).includes('/'),
          )
          .map((x) => x.body),
      });
    }
    if (action) return this.action(action, r, id, send, armError, failure);
    if (method === 'GET') {
      if (!r || r.body.properties.provisioningState === 'Deleting')
        return armError(
          404,
          kind === 'images' ? 'NotFound' : 'ResourceNotFound',
          `The Resource '${type}/${rest.at(-1)}' under resource group '${groupName}' was not found.`,
        );
      const out = structuredClone(r.body);
      if (kind === 'versions' && !/ReplicationStatus/i.test(u.searchParams.get('$expand') ?? ''))
        delete out.properties.replicationStatus;
      return send(200, out);
    }
    if (method === 'DELETE') {
      if (!r) return send(204);
      const blocker = this.inUse(r);
      if (blocker) return armError(400, blocker.code, blocker.message);
      r.body.properties.provisioningState = 'Deleting';
      const op = this.startOp(async () => {
        await this.remove(r);
      });
      return send(
        202,
        undefined,
        kind === 'virtualmachines'
          ? { location: `${this.url}/locations/${op}` }
          : this.asyncHeaders(op),
      );
    }
    if (method === 'PUT') return this.create(kind, id, type, g, body, r, send, armError, failure);
    return armError(405, 'MethodNotAllowed', `${method} is not supported by the stand-in`);
  }

  private group(
    method: string,
    name: string,
    body: Json,
    send: (s: number, b?: unknown, h?: Record<string, string>) => void,
    armError: (s: number, c: string, m: string) => void,
    failure?: Failure,
  ) {
    const key = lc(name);
    const g = this.groups.get(key);
    const view = (x: { name: string; location: string; tags?: Json }) => ({
      id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/${x.name}`,
      name: x.name,
      type: 'Microsoft.Resources/resourceGroups',
      location: x.location,
      tags: x.tags ?? {},
      properties: { provisioningState: 'Succeeded' },
    });
    if (method === 'HEAD') return send(g && !g.deleting ? 204 : 404);
    if (method === 'GET')
      return g && !g.deleting
        ? send(200, view(g))
        : armError(404, 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`);
    if (method === 'PUT') {
      const made = { ...(g ?? {}), name, location: body.location, tags: body.tags };
      this.groups.set(key, made);
      return send(g ? 200 : 201, view(made));
    }
    if (method === 'DELETE') {
      if (!g)
        return armError(
          404,
          'ResourceGroupNotFound',
          `Resource group '${name}' could not be found.`,
        );
      g.deleting = true;
      const op = this.startOp(
        async () => {
          // Like ARM, the group goes once the operations running in it have finished.
          await new Promise((r) => setTimeout(r, 300));
          while ([...this.ops.values()].some((o) => o.group === key && o.status === 'InProgress'))
            await new Promise((r) => setTimeout(r, 20));
          for (const r of [...this.resources.values()])
            if (lc(r.group) === key) await this.remove(r);
          this.groups.delete(key);
        },
        failure?.lro ? failure : undefined,
      );
      return send(202, undefined, { location: `${this.url}/locations/${op}`, 'retry-after': '0' });
    }
    armError(405, 'MethodNotAllowed', method);
  }

  private inUse(r: Resource): { code: string; message: string } | undefined {
    const refs = (pred: (x: Resource) => boolean) =>
      [...this.resources.values()].find((x) => x !== r && pred(x));
    const t = lc(r.type);
    if (t.endsWith('networkinterfaces')) {
      const vm = refs((x) =>
        JSON.stringify(x.body.properties.networkProfile ?? {})
          .toLowerCase()
          .includes(lc(r.id)),
      );
      if (vm)
        return {
          code: 'NicInUse',
          message: `Network Interface ${r.id} is used by existing resource ${vm.id}.`,
        };
    }
    if (
      t.endsWith('publicipaddresses') ||
      t.endsWith('networksecuritygroups') ||
      t.endsWith('virtualnetworks')
    ) {
      const nic = refs(
        (x) =>
          lc(x.type).endsWith('networkinterfaces') &&
          JSON.stringify(x.body.properties).toLowerCase().includes(lc(r.id)),
      );
      if (nic)
        return { code: 'InUseByNetworkInterface', message: `${r.id} is in use by ${nic.id}.` };
    }
    return undefined;
  }

  private async remove(r: Resource): Promise<void> {
    this.resources.delete(lc(r.id));
    if (r.container)
      await docker
        .getContainer(r.container)
        .remove({ force: true })
        .catch(() => undefined);
    if (lc(r.type).endsWith('virtualmachines')) {
      const p = r.body.properties;
      const disk = p.storageProfile?.osDisk;
      if (lc(disk?.deleteOption ?? '') === 'delete') {
        const d = [...this.resources.values()].find(
          (x) => lc(x.type).endsWith('disks') && x.body.managedBy === r.id,
        );
        if (d) this.resources.delete(lc(d.id));
      }
      for (const ni of p.networkProfile?.networkInterfaces ?? [])
        if (lc(ni.properties?.deleteOption ?? ni.deleteOption ?? '') === 'delete')
          this.resources.delete(lc(ni.id));
    }
  }

  private async create(
    kind: string,
    id: string,
    type: string,
    g: { name: string; location: string },
    body: Json,
    old: Resource | undefined,
    send: (s: number, b?: unknown, h?: Record<string, string>) => void,
    armError: (s: number, code: string, message: string, details?: Json[]) => void,
    failure?: Failure,
  ): Promise<void> {
    const props: Json = body.properties ?? {};
    const fail = (code: string, message: string, status = 400) => armError(status, code, message);
    const ref = (x?: { id?: string }) => (x?.id ? this.get(x.id) : undefined);
    let work: (r: Resource) => Promise<void> = async () => undefined;
    if (kind === 'virtualnetworks') {
      props.subnets = (props.subnets ?? []).map((sn: Json) => ({
        ...sn,
        id: `${id}/subnets/${sn.name}`,
        properties: { ...sn.properties, provisioningState: 'Succeeded' },
      }));
    } else if (kind === 'networkinterfaces') {
      for (const ipc of props.ipConfigurations ?? []) {
        const pip = ref(ipc.properties?.publicIPAddress);
        if (
          ipc.properties?.publicIPAddress &&
          (!pip || pip.body.properties.provisioningState !== 'Succeeded')
        )
          return fail(
            'ReferencedResourceNotProvisioned',
            `Cannot proceed with operation because resource ${ipc.properties.publicIPAddress.id} used by resource ${id} is not in Succeeded state.`,
          );
        const subnetVnet = this.get(String(ipc.properties?.subnet?.id ?? '').split('/subnets/')[0]);
        if (!subnetVnet)
          return fail(
            'InvalidResourceReference',
            `Resource ${ipc.properties?.subnet?.id} referenced by resource ${id} was not found.`,
          );
      }
      if (
        props.networkSecurityGroup &&
        ref(props.networkSecurityGroup)?.body.properties.provisioningState !== 'Succeeded'
      )
        return fail(
          'ReferencedResourceNotProvisioned',
          `Network security group ${props.networkSecurityGroup.id} is not in Succeeded state.`,
        );
    } else if (kind === 'virtualmachines') {
      const user = String(props.osProfile?.adminUsername ?? '');
      if (['admin', 'root', 'administrator', 'user', 'test', 'guest'].includes(lc(user)))
        return fail('InvalidParameter', `The Admin Username specified is not allowed.`);
      const nics = (props.networkProfile?.networkInterfaces ?? []).map((n: Json) => this.get(n.id));
      if (!nics.length || nics.some((n: Resource | undefined) => !n))
        return fail('NotFound', 'The network interface of the VM was not found.');
      const imgRef = props.storageProfile?.imageReference ?? {};
      let image = 'debian:bookworm';
      if (imgRef.id) {
        const src = this.get(imgRef.id);
        const ver =
          src && lc(src.type).endsWith('galleries/images')
            ? [...this.resources.values()]
                .filter((x) => lc(x.id).startsWith(lc(src.id) + '/versions/'))
                .pop()
            : src;
        if (!ver?.dockerImage)
          return fail('InvalidParameter', `The source image ${imgRef.id} was not found.`);
        image = ver.dockerImage;
      } else if (!imgRef.publisher || !imgRef.offer || !imgRef.sku)
        return fail('InvalidParameter', 'imageReference needs publisher, offer and sku.');
      work = async (r) => {
        await new Promise((res) => setTimeout(res, this.vmDelayMs));
        r.container = await this.startVm(r, image, props, nics[0]);
      };
    } else if (kind === 'images') {
      const vm = ref(props.sourceVirtualMachine);
      if (!vm)
        return fail(
          'NotFound',
          `Source virtual machine ${props.sourceVirtualMachine?.id} not found.`,
        );
      if (!vm.generalized)
        return fail(
          'OperationNotAllowed',
          `The source virtual machine '${vm.id}' must be generalized to create an image.`,
          409,
        );
      work = async (r) => {
        r.dockerImage = await this.commit(vm, id);
      };
    } else if (kind === 'versions') {
      const name = id.split('/').at(-1)!;
      if (!/^\d+\.\d+\.\d+$/.test(name))
        return fail(
          'InvalidParameter',
          `Gallery image version name '${name}' is invalid: use Major.Minor.Patch.`,
        );
      const def = this.get(id.split('/versions/')[0]);
      if (!def)
        return fail(
          'ResourceNotFound',
          `Gallery image ${id.split('/versions/')[0]} not found.`,
          404,
        );
      const src = ref(props.storageProfile?.source);
      if (!src)
        return fail('InvalidParameter', `Source ${props.storageProfile?.source?.id} not found.`);
      const isVm = lc(src.type).endsWith('virtualmachines');
      if (isVm && src.power === 'running')
        return fail('OperationNotAllowed', 'The source VM must be deallocated.', 409);
      if (isVm && !src.generalized && def.body.properties.osState !== 'Specialized')
        return fail(
          'InvalidParameter',
          'The source VM is not generalized but the image definition is Generalized.',
        );
      const regions: Json[] = props.publishingProfile?.targetRegions ?? [{ name: body.location }];
      props.replicationStatus = {
        aggregatedState: 'InProgress',
        summary: regions.map((x) => ({ region: x.name, state: 'Replicating', progress: 0 })),
      };
      work = async (r) => {
        r.dockerImage = isVm ? await this.commit(src, id) : src.dockerImage;
        const failed = regions.find((x) => lc(x.name) === lc(this.failRegion ?? ''));
        r.body.properties.replicationStatus = {
          aggregatedState: failed ? 'Failed' : 'Completed',
          summary: regions.map((x) =>
            x === failed
              ? {
                  region: x.name,
                  state: 'Failed',
                  details: 'Replication job failed: storage account throttled',
                  progress: 40,
                }
              : { region: x.name, state: 'Completed', progress: 100 },
          ),
        };
        if (failed)
          throw Object.assign(new Error(`Replication to ${failed.name} failed.`), {
            code: 'ReplicationJobsNotCompleted',
            details: [
              { code: 'ReplicationFailed', message: `Replication failed in ${failed.name}` },
            ],
          });
      };
    }
    const r = this.put(id, {
      type,
      group: g.name,
      body: { ...body, properties: { ...props, provisioningState: old ? 'Updating' : 'Creating' } },
    });
    const op = this.startOp(
      async () => {
        await work(r);
        r.body.properties.provisioningState = 'Succeeded';
      },
      failure?.lro ? failure : undefined,
      g.name,
    );
    // A failed operation leaves the resource Failed, as Azure does.
    void this.settle(op, r);
    send(old ? 200 : 201, r.body, this.asyncHeaders(op, false));
  }

  private async settle(op: string, r: Resource) {
    for (;;) {
      const o = this.ops.get(op)!;
      if (o.status === 'Failed') r.body.properties.provisioningState = 'Failed';
      if (o.status !== 'InProgress') return;
      await new Promise((res) => setTimeout(res, 20));
    }
  }

  private async action(
    action: string,
    r: Resource | undefined,
    id: string,
    send: (s: number, b?: unknown, h?: Record<string, string>) => void,
    armError: (s: number, code: string, message: string) => void,
    failure?: Failure,
  ) {
    if (!r) return armError(404, 'ResourceNotFound', `The Resource '${id}' was not found.`);
    if (action === 'deallocate') {
      const op = this.startOp(
        async () => {
          if (r.container)
            await docker
              .getContainer(r.container)
              .kill()
              .catch(() => undefined);
          r.power = 'deallocated';
          for (const pip of this.publicIpsOf(r)) delete pip.body.properties.ipAddress;
        },
        failure?.lro ? failure : undefined,
        r.group,
      );
      return send(202, undefined, this.asyncHeaders(op));
    }
    if (action === 'generalize') {
      if (r.power !== 'deallocated')
        return armError(
          409,
          'OperationNotAllowed',
          `Operation 'generalize' is not allowed on VM '${id.split('/').at(-1)}' since the VM is running. Please deallocate the VM first.`,
        );
      r.generalized = true;
      return send(200, undefined);
    }
    if (action === 'instanceView')
      return send(200, {
        statuses: [
          { code: 'ProvisioningState/succeeded' },
          { code: `PowerState/${r.power ?? 'running'}` },
        ],
      });
    armError(400, 'InvalidAction', `action ${action}`);
  }

  private publicIpsOf(vm: Resource): Resource[] {
    const nics = (vm.body.properties.networkProfile?.networkInterfaces ?? [])
      .map((n: Json) => this.get(n.id))
      .filter(Boolean) as Resource[];
    return nics.flatMap((n) =>
      (n.body.properties.ipConfigurations ?? [])
        .map((c: Json) =>
          c.properties?.publicIPAddress ? this.get(c.properties.publicIPAddress.id) : undefined,
        )
        .filter(Boolean),
    );
  }

  private async startVm(r: Resource, image: string, props: Json, nic: Resource): Promise<string> {
    const os = props.osProfile ?? {};
    const keys: Json[] = os.linuxConfiguration?.ssh?.publicKeys ?? [];
    const script = `set -e
id -u "$U" >/dev/null 2>&1 || useradd -m -s /bin/bash "$U"
echo "$U ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/90-bake-standin
printf '%s\\n' "$KEYS" > /tmp/keys
while IFS='|' read -r path key; do [ -n "$path" ] || continue; mkdir -p "$(dirname "$path")"; echo "$key" > "$path"; chmod 600 "$path"; done < /tmp/keys
chown -R "$U:$U" "/home/$U"; chmod 700 "/home/$U/.ssh" || true
mkdir -p /var/lib/waagent; [ -z "$CUSTOM" ] || echo "$CUSTOM" | base64 -d > /var/lib/waagent/CustomData
${MAKE_HOST_KEYS}; mkdir -p /run/sshd
exec /usr/sbin/sshd -D -e`;
    const c = await docker.createContainer({
      Image: image,
      name: `bake-azstandin-${String(r.id.split('/').at(-1)).toLowerCase()}-${randomBytes(3).toString('hex')}`,
      Labels: { [LABEL]: '1' },
      Cmd: ['/bin/bash', '-c', script],
      Env: [
        `U=${os.adminUsername}`,
        `KEYS=${keys.map((k) => `${k.path}|${k.keyData}`).join('\n')}`,
        `CUSTOM=${os.customData ?? ''}`,
      ],
      HostConfig: { NetworkMode: this.network!.name },
    });
    await c.start();
    const ip = (await c.inspect()).NetworkSettings.Networks[this.network!.name].IPAddress;
    r.power = 'running';
    r.generalized = false;
    const ipc = nic.body.properties.ipConfigurations?.[0];
    if (ipc) ipc.properties = { ...ipc.properties, privateIPAddress: ip };
    for (const pip of this.publicIpsOf(r)) pip.body.properties.ipAddress = ip;
    const disk = props.storageProfile?.osDisk;
    if (disk?.name) {
      const diskId = this.rid(r.group, 'Microsoft.Compute/disks', disk.name);
      this.put(diskId, {
        type: 'Microsoft.Compute/disks',
        group: r.group,
        body: {
          location: r.body.location,
          managedBy: r.id,
          properties: { diskSizeGB: disk.diskSizeGB ?? 30, osType: 'Linux' },
        },
      });
    }
    return c.id;
  }

  private async commit(vm: Resource, id: string): Promise<string> {
    const tag = `${id
      .split('/')
      .at(-1)!
      .toLowerCase()
      .replace(/[^a-z0-9._-]/g, '-')}-${randomBytes(3).toString('hex')}`;
    await docker
      .getContainer(vm.container!)
      .commit({ repo: 'bake-azstandin-image', tag, changes: [] as never });
    const ref = `bake-azstandin-image:${tag}`;
    this.images.push(ref);
    return ref;
  }
}

/* eslint-disable @typescript-eslint/no-explicit-any -- Compute JSON, loosely typed on purpose */
/**
 * A small Compute Engine for the googlecompute tests: an HTTPS server speaking the Compute
 * v1 REST API as @google-cloud/compute's REST transport uses it (camelCase JSON, int64 as
 * strings, long-running operations that can end DONE with `error.errors[]`), plus the STS
 * and IAM Credentials endpoints an external_account file and impersonation use. It accepts
 * the self-signed JWTs of the service account keys it issued and the tokens it handed out.
 *
 * Instances are real sshd containers: the `ssh-keys` metadata lands in the user's
 * authorized_keys (as the guest agent does), the startup script runs and its output goes to
 * the serial port (the container's log). Deleting the instance stops the container, which
 * stays as the boot disk; an image is a `docker commit` of that disk, and an instance made
 * from the image starts from the committed image.
 */
import { createServer, Server } from 'node:https';
import {
  createHash,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
  randomBytes,
  verify,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AddressInfo } from 'node:net';
import { docker, ownNetwork } from './docker';
import { MAKE_HOST_KEYS } from './sshd';

const TLS = join(process.cwd(), '__tests__', 'fixtures', 'tls');

export interface Call {
  name: string;
  method: string;
  path: string;
  body?: any;
  query: URLSearchParams;
  start: number;
  end: number;
  status?: number;
}

export interface Failure {
  /** e.g. instances.insert, images.get, zoneOperations.wait */
  call: string;
  /** Answer the call with this HTTP status and reason... */
  status?: number;
  reason?: string;
  message?: string;
  /** ...or accept it and end its operation DONE with this error. */
  opError?: { code: string; message: string };
  times?: number;
}

interface Op {
  name: string;
  zone?: string;
  project: string;
  status: 'RUNNING' | 'DONE';
  operationType: string;
  targetLink: string;
  error?: { code: string; message: string };
  httpErrorStatusCode?: number;
  done: Promise<void>;
}

interface Disk {
  project: string;
  zone: string;
  name: string;
  labels: Record<string, string>;
  sizeGb: string;
  type: string;
  sourceImage: string;
  container?: string;
  users: string[];
  created: string;
}

interface Instance {
  project: string;
  zone: string;
  name: string;
  body: any;
  status: string;
  ip?: string;
  container?: string;
  disk: Disk;
  autoDelete: boolean;
  /** disk_attachment's persistent disks. */
  extras: { disk: Disk; autoDelete: boolean }[];
  created: string;
}

export interface Image {
  project: string;
  name: string;
  family?: string;
  labels: Record<string, string>;
  body: any;
  dockerImage: string;
  status: 'PENDING' | 'READY';
  preexisting?: boolean;
  created: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits for p, or ms at most, leaving no timer behind. */
async function within(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([p, new Promise((r) => (timer = setTimeout(r, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

const BOOT = `
${MAKE_HOST_KEYS}
mkdir -p /run/sshd
grep -q '^UseDNS no' /etc/ssh/sshd_config || echo 'UseDNS no' >> /etc/ssh/sshd_config
printf '%s\\n' "$SSH_KEYS" | while IFS= read -r line; do
  [ -z "$line" ] && continue
  user="\${line%%:*}"; key="\${line#*:}"
  if [ "$user" = root ]; then home=/root; else
    id "$user" >/dev/null 2>&1 || useradd -m -s /bin/bash "$user"
    echo "$user ALL=(ALL) NOPASSWD:ALL" > "/etc/sudoers.d/90-$user"
    home=$(getent passwd "$user" | cut -d: -f6)
  fi
  mkdir -p "$home/.ssh"; echo "$key" >> "$home/.ssh/authorized_keys"
  chmod 700 "$home/.ssh"; chmod 600 "$home/.ssh/authorized_keys"; chown -R "$user" "$home/.ssh"
done
echo "google_guest_agent: Updating keys for users"
/usr/sbin/sshd -e 2>/dev/null
echo "systemd: Started ssh.service - OpenBSD Secure Shell server."
if [ -n "$STARTUP_SCRIPT" ]; then
  echo "google_metadata_script_runner: Starting startup scripts."
  printf '%s' "$STARTUP_SCRIPT" | base64 -d > /tmp/gce-startup; chmod +x /tmp/gce-startup
  /tmp/gce-startup 2>&1 | sed -u 's/^/google_metadata_script_runner: startup-script: /'
  echo "google_metadata_script_runner: Finished running startup scripts."
fi
exec sleep infinity
`;

export class GceServer {
  readonly id = randomBytes(4).toString('hex');
  calls: Call[] = [];
  failures: Failure[] = [];
  /** Called after each answered call: tests cancel here. */
  afterCall?: (name: string) => void;
  /** How long a create operation stays RUNNING before its work starts. */
  opDelayMs = 20;
  images = new Map<string, Image>();
  instances = new Map<string, Instance>();
  disks = new Map<string, Disk>();
  ops = new Map<string, Op>();
  /** Tokens seen on Compute calls (to tell which credentials reached it). */
  tokensSeen = new Set<string>();
  private keys = new Map<string, KeyObject>();
  private tokens = new Set<string>();
  private subjectTokens = new Set<string>();
  private server!: Server;
  private containers = new Set<string>();
  private dockerImages = new Set<string>();
  port = 0;

  /** The instances' own network, so no other test file's container takes their addresses. */
  network?: { name: string; remove(): Promise<void> };

  static async start(): Promise<GceServer> {
    const s = new GceServer();
    s.network = await ownNetwork('bake-gcestandin');
    s.server = createServer(
      {
        cert: readFileSync(join(TLS, 'server.pem')),
        key: readFileSync(join(TLS, 'server-key.pem')),
      },
      (req, res) => {
        let raw = '';
        req.on('data', (d) => (raw += d));
        req.on('end', () => {
          s.handle(req.method!, req.url!, req.headers as Record<string, string>, raw).then(
            ([status, body]) => {
              res.writeHead(status, { 'content-type': 'application/json' });
              res.end(JSON.stringify(body));
            },
            (e: Error) => {
              res.writeHead(500, { 'content-type': 'application/json' });
              res.end(JSON.stringify({ error: { code: 500, message: e.message } }));
            },
          );
        });
      },
    );
    await new Promise<void>((r) => s.server.listen(0, '127.0.0.1', r));
    s.port = (s.server.address() as AddressInfo).port;
    return s;
  }

  get url(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  /** A service account key whose self-signed JWTs this server accepts. */
  serviceAccountKey(email = 'builder@proj-1.iam.gserviceaccount.com'): Record<string, string> {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = randomBytes(8).toString('hex');
    this.keys.set(kid, createPublicKey(publicKey.export({ type: 'spki', format: 'pem' })));
    return {
      type: 'service_account',
      project_id: 'proj-1',
      private_key_id: kid,
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: email,
      client_id: '1234567890',
      token_uri: `${this.url}/token`,
    };
  }

  /** An access token this server accepts. */
  accessToken(): string {
    const t = `ya29.standin-${randomBytes(12).toString('hex')}`;
    this.tokens.add(t);
    return t;
  }

  /** The subject token a GitHub OIDC exchange would present to STS. */
  subjectToken(): string {
    const t = `gh-oidc-${randomBytes(12).toString('hex')}`;
    this.subjectTokens.add(t);
    return t;
  }

  /** A public image backed by a local Docker image. */
  addImage(project: string, name: string, o: { family?: string; dockerImage?: string } = {}) {
    this.images.set(`${project}/${name}`, {
      project,
      name,
      family: o.family,
      labels: {},
      body: {},
      dockerImage: o.dockerImage ?? 'debian:bookworm',
      status: 'READY',
      preexisting: true,
      created: new Date().toISOString(),
    });
  }

  /** What a build left: instances, disks, and images it made. */
  leftovers(): string[] {
    return [
      ...[...this.instances.values()].map((i) => `instance ${i.name}`),
      ...[...this.disks.values()].map((d) => `disk ${d.name}`),
      ...[...this.images.values()].filter((i) => !i.preexisting).map((i) => `image ${i.name}`),
      ...[...this.profiles].flatMap(([email, p]) =>
        [...p.keys.keys()].map((f) => `OS Login key ${f.slice(0, 12)} of ${email}`),
      ),
    ];
  }

  count(name: string): number {
    return this.calls.filter((c) => c.name === name).length;
  }

  /** Calls in order, overlapping ones counted once: the sequential round trips. */
  sequential(): string[][] {
    const out: string[][] = [];
    let end = -1;
    for (const c of [...this.calls].sort((a, b) => a.start - b.start)) {
      if (c.start < end && out.length) out.at(-1)!.push(c.name);
      else out.push([c.name]);
      end = Math.max(c.start < end ? end : 0, c.end);
    }
    return out;
  }

  /** Forgets the calls and failures; what earlier tests made counts as there before. */
  reset(): void {
    for (const i of this.images.values()) i.preexisting = true;
    this.calls = [];
    this.failures = [];
    this.afterCall = undefined;
  }

  async close(): Promise<void> {
    this.server.close();
    this.server.closeAllConnections();
    for (const id of this.containers)
      await docker
        .getContainer(id)
        .remove({ force: true })
        .catch(() => undefined);
    for (const img of this.dockerImages)
      await docker
        .getImage(img)
        .remove({ force: true })
        .catch(() => undefined);
    await this.network?.remove();
  }

  // ---- HTTP ----

  private link(path: string): string {
    return `${this.url}/compute/v1/${path}`;
  }

  private err(status: number, reason: string, message: string): [number, any] {
    return [
      status,
      { error: { code: status, message, errors: [{ reason, message, domain: 'global' }] } },
    ];
  }

  private authorized(auth: string | undefined): boolean {
    return this.principal(auth, 'https://compute.googleapis.com/') !== undefined;
  }

  /**
   * Who a bearer token speaks for: a service account's email for its self-signed JWT (whose
   * audience must be the API called), `true` for an issued access token, undefined if refused.
   */
  private principal(auth: string | undefined, audience: string): string | true | undefined {
    const t = /^Bearer (.+)$/.exec(auth ?? '')?.[1];
    if (!t) return undefined;
    if (this.tokens.has(t)) {
      this.tokensSeen.add(t);
      return this.impersonated.get(t) ?? true;
    }
    const parts = t.split('.');
    if (parts.length !== 3) return undefined;
    try {
      const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString());
      const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
      const key = this.keys.get(header.kid);
      if (!key || header.alg !== 'RS256') return undefined;
      const ok = verify(
        'sha256',
        Buffer.from(`${parts[0]}.${parts[1]}`),
        key,
        Buffer.from(parts[2], 'base64url'),
      );
      if (!ok || claims.aud !== audience || claims.exp * 1000 < Date.now()) return undefined;
      this.tokensSeen.add(`jwt:${claims.iss}`);
      return String(claims.iss);
    } catch {
      return undefined;
    }
  }

  private async handle(
    method: string,
    url: string,
    headers: Record<string, string>,
    raw: string,
  ): Promise<[number, any]> {
    const u = new URL(url, this.url);
    // The token exchanges of an external_account file and of impersonation.
    if (u.pathname === '/sts/v1/token') {
      const form = new URLSearchParams(raw);
      if (!this.subjectTokens.has(form.get('subject_token') ?? ''))
        return [400, { error: 'invalid_grant', error_description: 'subject token not accepted' }];
      return [
        200,
        {
          access_token: this.accessToken(),
          issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
          token_type: 'Bearer',
          expires_in: 3600,
        },
      ];
    }
    const imp = /^\/iam\/v1\/projects\/-\/serviceAccounts\/([^:]+):generateAccessToken$/.exec(
      u.pathname,
    );
    if (imp) {
      if (!this.authorized(headers.authorization))
        return this.err(401, 'authError', 'Request had invalid authentication credentials.');
      const t = this.accessToken();
      this.impersonated.set(t, decodeURIComponent(imp[1]));
      return [200, { accessToken: t, expireTime: new Date(Date.now() + 3_600_000).toISOString() }];
    }
    const body = raw ? JSON.parse(raw) : undefined;
    const osl = /^\/oslogin\/v1\/users\/(.+)$/.exec(u.pathname);
    const m = /^\/compute\/v1\/projects\/([^/]+)\/(.*)$/.exec(u.pathname);
    if (!m && !osl) return this.err(404, 'notFound', `no such path ${u.pathname}`);
    const project = m?.[1] ?? u.searchParams.get('projectId') ?? '';
    const route = osl ? this.osLoginRoute(method, osl[1]) : this.route(method, m![2]);
    if (!route) return this.err(404, 'notFound', `no route ${method} ${u.pathname}`);
    const audience = osl ? 'https://oslogin.googleapis.com/' : 'https://compute.googleapis.com/';
    const call: Call = {
      name: route.name,
      method,
      path: u.pathname,
      body,
      query: u.searchParams,
      start: performance.now(),
      end: 0,
    };
    this.calls.push(call);
    try {
      await sleep(2);
      const principal = this.principal(headers.authorization, audience);
      if (!principal) {
        call.status = 401;
        return this.err(
          401,
          'authError',
          'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        );
      }
      const f = this.failures.find((x) => x.call === route.name && (x.times ?? 1) > 0);
      if (f && !f.opError) {
        f.times = (f.times ?? 1) - 1;
        call.status = f.status ?? 500;
        return this.err(
          f.status ?? 500,
          f.reason ?? 'backendError',
          f.message ?? `injected failure in ${route.name}`,
        );
      }
      let opError: Failure['opError'];
      if (f?.opError) {
        f.times = (f.times ?? 1) - 1;
        opError = f.opError;
      }
      if (osl && principal !== true && principal !== decodeURIComponent(osl[1].split(/[/:]/)[0])) {
        call.status = 403;
        return this.err(403, 'forbidden', 'The caller does not have permission');
      }
      const r = await route.run(project, body, u.searchParams, opError);
      call.status = r[0];
      return r;
    } finally {
      call.end = performance.now();
      setImmediate(() => this.afterCall?.(route.name));
    }
  }

  impersonated = new Map<string, string>();

  /** OS Login profiles by account email: the POSIX user and the imported keys by fingerprint. */
  profiles = new Map<
    string,
    { username: string; keys: Map<string, { key: string; expirationTimeUsec?: string }> }
  >();

  /** The profile of an account, made on first use as OS Login does (sa_ and a number). */
  profile(email: string) {
    let p = this.profiles.get(email);
    if (!p) {
      const n = BigInt(`0x${createHash('sha256').update(email).digest('hex').slice(0, 16)}`);
      p = { username: `sa_${n.toString().padStart(20, '1')}`, keys: new Map() };
      this.profiles.set(email, p);
    }
    return p;
  }

  private osLoginRoute(method: string, rest: string) {
    const imp = /^([^/:]+):importSshPublicKey$/.exec(rest);
    if (method === 'POST' && imp)
      return {
        name: 'oslogin.importSshPublicKey',
        run: async (project: string, b: any): Promise<[number, any]> => {
          const email = decodeURIComponent(imp[1]);
          if (!project) return this.err(400, 'badRequest', 'projectId is required');
          const p = this.profile(email);
          const key = String(b?.key ?? '').trim();
          const fp = createHash('sha256').update(key).digest('hex');
          p.keys.set(fp, { key, expirationTimeUsec: b?.expirationTimeUsec });
          return [
            200,
            {
              loginProfile: {
                name: email,
                posixAccounts: [
                  {
                    primary: true,
                    username: p.username,
                    uid: '1000',
                    gid: '1000',
                    homeDirectory: `/home/${p.username}`,
                    operatingSystemType: 'LINUX',
                    accountId: project,
                  },
                ],
                sshPublicKeys: Object.fromEntries(
                  [...p.keys].map(([f, k]) => [
                    f,
                    { ...k, fingerprint: f, name: `users/${email}/sshPublicKeys/${f}` },
                  ]),
                ),
              },
            },
          ];
        },
      };
    const del = /^([^/:]+)\/sshPublicKeys\/([^/]+)$/.exec(rest);
    if (method === 'DELETE' && del)
      return {
        name: 'oslogin.deleteSshPublicKey',
        run: async (): Promise<[number, any]> => {
          const p = this.profiles.get(decodeURIComponent(del[1]));
          if (!p?.keys.delete(decodeURIComponent(del[2])))
            return this.err(404, 'notFound', 'Requested entity was not found.');
          return [200, {}];
        },
      };
    return undefined;
  }

  private route(
    method: string,
    rest: string,
  ):
    | {
        name: string;
        run: (
          project: string,
          body: any,
          q: URLSearchParams,
          opError?: Failure['opError'],
        ) => Promise<[number, any]>;
      }
    | undefined {
    const seg = rest.split('/').map(decodeURIComponent);
    const is = (m: string, pattern: string) => {
      if (m !== method) return false;
      const p = pattern.split('/');
      return p.length === seg.length && p.every((x, i) => x === '*' || x === seg[i]);
    };
    if (is('GET', 'global/images/family/*'))
      return { name: 'images.getFromFamily', run: async (p) => this.imageFromFamily(p, seg[3]) };
    if (is('GET', 'global/images/*'))
      return { name: 'images.get', run: async (p) => this.getImage(p, seg[2]) };
    if (is('GET', 'global/images'))
      return { name: 'images.list', run: async (p, _b, q) => this.listImages(p, q) };
    if (is('POST', 'global/images'))
      return { name: 'images.insert', run: (p, b, _q, e) => this.insertImage(p, b, e) };
    if (is('DELETE', 'global/images/*'))
      return { name: 'images.delete', run: (p, _b, _q, e) => this.deleteImage(p, seg[2], e) };
    if (is('POST', 'zones/*/instances'))
      return {
        name: 'instances.insert',
        run: (p, b, _q, e) => this.insertInstance(p, seg[1], b, e),
      };
    if (is('GET', 'zones/*/instances/*'))
      return { name: 'instances.get', run: async (p) => this.getInstance(p, seg[1], seg[3]) };
    if (is('DELETE', 'zones/*/instances/*'))
      return {
        name: 'instances.delete',
        run: (p, _b, _q, e) => this.deleteInstance(p, seg[1], seg[3], e),
      };
    if (is('GET', 'zones/*/instances/*/serialPort'))
      return {
        name: 'instances.getSerialPortOutput',
        run: (p, _b, q) => this.serial(p, seg[1], seg[3], q),
      };
    if (is('GET', 'zones/*/disks/*'))
      return { name: 'disks.get', run: async (p) => this.getDisk(p, seg[1], seg[3]) };
    if (is('DELETE', 'zones/*/disks/*'))
      return { name: 'disks.delete', run: (p, _b, _q, e) => this.deleteDisk(p, seg[1], seg[3], e) };
    if (is('GET', 'aggregated/instances'))
      return {
        name: 'instances.aggregatedList',
        run: async (p, _b, q) => this.aggregated(p, 'instances', q),
      };
    if (is('GET', 'aggregated/disks'))
      return {
        name: 'disks.aggregatedList',
        run: async (p, _b, q) => this.aggregated(p, 'disks', q),
      };
    for (const [kind, pattern] of [
      ['zoneOperations', 'zones/*/operations/*'],
      ['globalOperations', 'global/operations/*'],
    ] as const) {
      const n = pattern.split('/').length;
      if (is('GET', pattern))
        return { name: `${kind}.get`, run: async () => this.opJson(seg[n - 1]) };
      if (is('POST', `${pattern}/wait`))
        return {
          name: `${kind}.wait`,
          run: async () => {
            const op = this.ops.get(seg[n - 1]);
            // GCE answers a wait after at most about 2 minutes; this stand-in after 2 s. The
            // timer is cleared so that nothing outlives the call.
            if (op) await within(op.done, 2000);
            return this.opJson(seg[n - 1]);
          },
        };
    }
    return undefined;
  }

  private opJson(name: string): [number, any] {
    const op = this.ops.get(name);
    if (!op) return this.err(404, 'notFound', `The resource 'operations/${name}' was not found`);
    return [
      200,
      {
        kind: 'compute#operation',
        id: String(Math.floor(Math.random() * 1e15)),
        name: op.name,
        operationType: op.operationType,
        targetLink: op.targetLink,
        status: op.status,
        progress: op.status === 'DONE' ? 100 : 0,
        ...(op.zone ? { zone: this.link(`projects/${op.project}/zones/${op.zone}`) } : {}),
        selfLink: this.link(
          `projects/${op.project}/${op.zone ? `zones/${op.zone}` : 'global'}/operations/${op.name}`,
        ),
        ...(op.error
          ? {
              httpErrorStatusCode: op.httpErrorStatusCode ?? 400,
              httpErrorMessage: 'BAD REQUEST',
              error: { errors: [{ code: op.error.code, message: op.error.message }] },
            }
          : {}),
      },
    ];
  }

  /** An operation whose work runs after a short delay; a thrown {code,message} becomes its error. */
  private operation(
    project: string,
    zone: string | undefined,
    type: string,
    target: string,
    work: () => Promise<void>,
    opError?: Failure['opError'],
  ): [number, any] {
    const name = `operation-${Date.now()}-${randomBytes(6).toString('hex')}`;
    const op: Op = {
      name,
      project,
      zone,
      status: 'RUNNING',
      operationType: type,
      targetLink: this.link(target),
      done: Promise.resolve(),
    };
    op.done = (async () => {
      await sleep(this.opDelayMs);
      try {
        if (opError) throw opError;
        await work();
      } catch (e) {
        const x = e as { code?: string; message?: string };
        op.error = { code: x.code ?? 'INTERNAL_ERROR', message: x.message ?? String(e) };
      }
      op.status = 'DONE';
    })();
    this.ops.set(name, op);
    return this.opJson(name);
  }

  // ---- images ----

  private imageJson(i: Image): any {
    return {
      kind: 'compute#image',
      id: String(Buffer.from(i.name).readUIntBE(0, Math.min(6, i.name.length))),
      name: i.name,
      status: i.status,
      selfLink: this.link(`projects/${i.project}/global/images/${i.name}`),
      creationTimestamp: i.created,
      labels: i.labels,
      ...(i.family ? { family: i.family } : {}),
      ...(i.body.description ? { description: i.body.description } : {}),
      ...(i.body.storageLocations ? { storageLocations: i.body.storageLocations } : {}),
      ...(i.body.licenses ? { licenses: i.body.licenses } : {}),
      ...(i.body.guestOsFeatures ? { guestOsFeatures: i.body.guestOsFeatures } : {}),
      ...(i.body.sourceDisk ? { sourceDisk: i.body.sourceDisk } : {}),
      diskSizeGb: '10',
    };
  }

  private getImage(project: string, name: string): [number, any] {
    const i = this.images.get(`${project}/${name}`);
    if (!i)
      return this.err(
        404,
        'notFound',
        `The resource 'projects/${project}/global/images/${name}' was not found`,
      );
    return [200, this.imageJson(i)];
  }

  private imageFromFamily(project: string, family: string): [number, any] {
    const all = [...this.images.values()].filter(
      (i) => i.project === project && i.family === family && i.status === 'READY',
    );
    if (!all.length)
      return this.err(
        404,
        'notFound',
        `The resource 'projects/${project}/global/images/family/${family}' was not found`,
      );
    return [200, this.imageJson(all.sort((a, b) => b.created.localeCompare(a.created))[0])];
  }

  private listImages(project: string, q: URLSearchParams): [number, any] {
    const items = [...this.images.values()]
      .filter((i) => i.project === project)
      .filter((i) => !/labels\.bake-run:\*/.test(q.get('filter') ?? '') || i.labels['bake-run'])
      .map((i) => this.imageJson(i));
    return [200, { kind: 'compute#imageList', items }];
  }

  private imageByLink(link: string): Image | undefined {
    const m = /projects\/([^/]+)\/global\/images\/([^/]+)$/.exec(link);
    return m ? this.images.get(`${m[1]}/${m[2]}`) : undefined;
  }

  private async insertImage(
    project: string,
    b: any,
    opError?: Failure['opError'],
  ): Promise<[number, any]> {
    if (!/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(b?.name ?? ''))
      return this.err(400, 'invalid', `Invalid value for field 'resource.name': '${b?.name}'`);
    const key = `${project}/${b.name}`;
    if (this.images.has(key))
      return this.err(
        409,
        'alreadyExists',
        `The resource 'projects/${project}/global/images/${b.name}' already exists`,
      );
    const dm = /projects\/([^/]+)\/zones\/([^/]+)\/disks\/([^/]+)$/.exec(b.sourceDisk ?? '');
    const disk = dm ? this.disks.get(`${dm[1]}/${dm[2]}/${dm[3]}`) : undefined;
    if (!disk) return this.err(404, 'notFound', `The resource '${b.sourceDisk}' was not found`);
    if (disk.users.length)
      return this.err(
        400,
        'resourceInUseByAnotherResource',
        `The disk resource '${b.sourceDisk}' is already being used by '${disk.users[0]}'`,
      );
    const img: Image = {
      project,
      name: b.name,
      family: b.family,
      labels: b.labels ?? {},
      body: b,
      dockerImage: `gce-standin-${this.id}:${project}-${b.name}`,
      status: 'PENDING',
      created: new Date().toISOString(),
    };
    if (!opError) this.images.set(key, img);
    return this.operation(
      project,
      undefined,
      'insert',
      `projects/${project}/global/images/${b.name}`,
      async () => {
        if (!disk.container) throw { code: 'RESOURCE_NOT_READY', message: 'disk has no data' };
        await docker.getContainer(disk.container).commit({
          repo: `gce-standin-${this.id}`,
          tag: `${project}-${b.name}`,
        });
        this.dockerImages.add(img.dockerImage);
        img.status = 'READY';
      },
      opError,
    );
  }

  private async deleteImage(
    project: string,
    name: string,
    opError?: Failure['opError'],
  ): Promise<[number, any]> {
    const key = `${project}/${name}`;
    const img = this.images.get(key);
    if (!img)
      return this.err(
        404,
        'notFound',
        `The resource 'projects/${project}/global/images/${name}' was not found`,
      );
    return this.operation(
      project,
      undefined,
      'delete',
      `projects/${project}/global/images/${name}`,
      async () => {
        this.images.delete(key);
        if (!img.preexisting)
          await docker
            .getImage(img.dockerImage)
            .remove({ force: true })
            .catch(() => undefined);
      },
      opError,
    );
  }

  // ---- instances and disks ----

  private instanceJson(i: Instance): any {
    const nic = i.body.networkInterfaces?.[0] ?? {};
    return {
      kind: 'compute#instance',
      id: String(Math.abs(i.name.split('').reduce((a, ch) => (a * 31 + ch.charCodeAt(0)) | 0, 7))),
      name: i.name,
      status: i.status,
      zone: this.link(`projects/${i.project}/zones/${i.zone}`),
      selfLink: this.link(`projects/${i.project}/zones/${i.zone}/instances/${i.name}`),
      creationTimestamp: i.created,
      machineType: this.link(`projects/${i.project}/${i.body.machineType}`),
      labels: i.body.labels ?? {},
      scheduling: i.body.scheduling,
      metadata: i.body.metadata,
      tags: i.body.tags,
      disks: [
        {
          boot: true,
          autoDelete: i.autoDelete,
          source: this.link(`projects/${i.project}/zones/${i.zone}/disks/${i.disk.name}`),
        },
      ],
      networkInterfaces: [
        {
          network: nic.network,
          subnetwork: nic.subnetwork,
          ...(i.ip ? { networkIP: i.ip } : {}),
          accessConfigs: (nic.accessConfigs ?? []).map((a: any) => ({
            ...a,
            ...(i.ip ? { natIP: i.ip } : {}),
          })),
        },
      ],
    };
  }

  private getInstance(project: string, zone: string, name: string): [number, any] {
    const i = this.instances.get(`${project}/${zone}/${name}`);
    if (!i)
      return this.err(
        404,
        'notFound',
        `The resource 'projects/${project}/zones/${zone}/instances/${name}' was not found`,
      );
    return [200, this.instanceJson(i)];
  }

  private getDisk(project: string, zone: string, name: string): [number, any] {
    const d = this.disks.get(`${project}/${zone}/${name}`);
    if (!d)
      return this.err(
        404,
        'notFound',
        `The resource 'projects/${project}/zones/${zone}/disks/${name}' was not found`,
      );
    return [200, this.diskJson(d)];
  }

  private diskJson(d: Disk): any {
    return {
      kind: 'compute#disk',
      name: d.name,
      sizeGb: d.sizeGb,
      zone: this.link(`projects/${d.project}/zones/${d.zone}`),
      selfLink: this.link(`projects/${d.project}/zones/${d.zone}/disks/${d.name}`),
      labels: d.labels,
      sourceImage: d.sourceImage,
      users: d.users,
      status: 'READY',
      creationTimestamp: d.created,
      type: d.type,
    };
  }

  private aggregated(
    project: string,
    kind: 'instances' | 'disks',
    q: URLSearchParams,
  ): [number, any] {
    const bake = /labels\.bake-run:\*/.test(q.get('filter') ?? '');
    const items: Record<string, any> = {};
    const list =
      kind === 'instances'
        ? [...this.instances.values()].map((i) => [i, this.instanceJson(i)] as const)
        : [...this.disks.values()].map((d) => [d, this.diskJson(d)] as const);
    for (const [r, json] of list) {
      if (r.project !== project || (bake && !json.labels?.['bake-run'])) continue;
      (items[`zones/${r.zone}`] ??= { [kind]: [] })[kind].push(json);
    }
    return [
      200,
      { kind: `compute#${kind === 'instances' ? 'instance' : 'disk'}AggregatedList`, items },
    ];
  }

  private async insertInstance(
    project: string,
    zone: string,
    b: any,
    opError?: Failure['opError'],
  ): Promise<[number, any]> {
    const name = b?.name ?? '';
    if (!/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name))
      return this.err(400, 'invalid', `Invalid value for field 'resource.name': '${name}'`);
    const key = `${project}/${zone}/${name}`;
    if (this.instances.has(key))
      return this.err(
        409,
        'alreadyExists',
        `The resource 'projects/${project}/zones/${zone}/instances/${name}' already exists`,
      );
    const sch = b.scheduling ?? {};
    if (sch.maxRunDuration && sch.preemptible)
      return this.err(
        400,
        'invalid',
        "Invalid value for field 'resource.scheduling.maxRunDuration': preemptible instances are not supported",
      );
    if (
      (sch.preemptible || sch.provisioningModel === 'SPOT') &&
      (sch.onHostMaintenance ?? 'MIGRATE') !== 'TERMINATE'
    )
      return this.err(
        400,
        'invalid',
        `Invalid value for field 'resource.scheduling.onHostMaintenance': '${sch.onHostMaintenance ?? 'MIGRATE'}'. Scheduling must have preemptible be false when OnHostMaintenance isn't TERMINATE.`,
      );
    const sec = Number(sch.maxRunDuration?.seconds ?? 0);
    if (sch.maxRunDuration && (sec < 30 || sec > 120 * 86400))
      return this.err(
        400,
        'invalid',
        "Invalid value for field 'resource.scheduling.maxRunDuration'",
      );
    const boot = (b.disks ?? []).find((d: any) => d.boot);
    const init = boot?.initializeParams ?? {};
    const source = this.imageByLink(String(init.sourceImage ?? ''));
    if (!source)
      return this.err(404, 'notFound', `The resource '${init.sourceImage}' was not found`);
    const diskName = init.diskName ?? name;
    const diskKey = `${project}/${zone}/${diskName}`;
    // Extra disks: persistent ones are disks of their own; scratch (local SSD) ones are not.
    const extras: { disk: Disk; autoDelete: boolean }[] = [];
    for (const [i, d] of (b.disks ?? []).entries()) {
      if (d.boot) continue;
      const at = `resource.disks[${i}]`;
      if (d.type === 'SCRATCH') {
        if (!/\/diskTypes\/local-ssd$/.test(d.initializeParams?.diskType ?? ''))
          return this.err(
            400,
            'invalid',
            `Invalid value for field '${at}.initializeParams.diskType'`,
          );
        if (d.autoDelete === false)
          return this.err(
            400,
            'invalid',
            `Invalid value for field '${at}.autoDelete': scratch disks are always auto-deleted`,
          );
        continue;
      }
      const p = d.initializeParams ?? {};
      if (!p.diskName || !p.diskSizeGb)
        return this.err(400, 'invalid', `Invalid value for field '${at}.initializeParams'`);
      extras.push({
        autoDelete: d.autoDelete === true,
        disk: {
          project,
          zone,
          name: p.diskName,
          labels: p.labels ?? {},
          sizeGb: String(p.diskSizeGb),
          type: p.diskType,
          sourceImage: '',
          users: [],
          created: new Date().toISOString(),
        },
      });
    }
    const taken = [diskName, ...extras.map((e) => e.disk.name)].find((n) =>
      this.disks.has(`${project}/${zone}/${n}`),
    );
    if (taken)
      return this.operation(
        project,
        zone,
        'insert',
        `projects/${project}/zones/${zone}/instances/${name}`,
        async () => {
          throw {
            code: 'RESOURCE_ALREADY_EXISTS',
            message: `The resource 'projects/${project}/zones/${zone}/disks/${taken}' already exists`,
          };
        },
      );
    const disk: Disk = {
      project,
      zone,
      name: diskName,
      labels: init.labels ?? {},
      sizeGb: String(init.diskSizeGb ?? '10'),
      type: init.diskType,
      sourceImage: this.link(`projects/${source.project}/global/images/${source.name}`),
      users: [],
      created: new Date().toISOString(),
    };
    const inst: Instance = {
      project,
      zone,
      name,
      body: b,
      status: 'PROVISIONING',
      disk,
      autoDelete: boot?.autoDelete !== false,
      extras,
      created: new Date().toISOString(),
    };
    if (!opError) {
      this.instances.set(key, inst);
      this.disks.set(diskKey, disk);
      disk.users.push(this.link(`projects/${project}/zones/${zone}/instances/${name}`));
      for (const e of extras) {
        this.disks.set(`${project}/${zone}/${e.disk.name}`, e.disk);
        e.disk.users.push(this.link(`projects/${project}/zones/${zone}/instances/${name}`));
      }
    }
    return this.operation(
      project,
      zone,
      'insert',
      `projects/${project}/zones/${zone}/instances/${name}`,
      async () => {
        const items: { key: string; value: string }[] = b.metadata?.items ?? [];
        const meta = (k: string) => items.find((x) => x.key === k)?.value;
        const c = await docker.createContainer({
          name: `gce-standin-${this.id}-${name}`,
          Image: source.dockerImage,
          Cmd: ['/bin/bash', '-c', BOOT],
          Labels: { 'bake-gce-standin': this.id },
          Env: [
            // With OS Login on, the guest takes the profiles' keys and ignores ssh-keys.
            `SSH_KEYS=${
              /^true$/i.test(meta('enable-oslogin') ?? '')
                ? [...this.profiles.values()]
                    .flatMap((p) => [...p.keys.values()].map((k) => `${p.username}:${k.key}`))
                    .join('\n')
                : (meta('ssh-keys') ?? '')
            }`,
            `STARTUP_SCRIPT=${Buffer.from(meta('startup-script') ?? '').toString('base64')}`,
          ],
          HostConfig: { NetworkMode: this.network!.name },
        });
        this.containers.add(c.id);
        disk.container = c.id;
        await c.start();
        inst.container = c.id;
        inst.ip = (await c.inspect()).NetworkSettings.Networks[this.network!.name]?.IPAddress;
        inst.status = 'RUNNING';
      },
      opError,
    );
  }

  private async deleteInstance(
    project: string,
    zone: string,
    name: string,
    opError?: Failure['opError'],
  ): Promise<[number, any]> {
    const key = `${project}/${zone}/${name}`;
    const inst = this.instances.get(key);
    if (!inst)
      return this.err(
        404,
        'notFound',
        `The resource 'projects/${project}/zones/${zone}/instances/${name}' was not found`,
      );
    return this.operation(
      project,
      zone,
      'delete',
      `projects/${project}/zones/${zone}/instances/${name}`,
      async () => {
        inst.status = 'STOPPING';
        if (inst.container)
          await docker
            .getContainer(inst.container)
            .kill()
            .catch(() => undefined);
        this.instances.delete(key);
        inst.disk.users = [];
        if (inst.autoDelete) await this.removeDisk(inst.disk);
        for (const e of inst.extras) {
          e.disk.users = [];
          if (e.autoDelete) await this.removeDisk(e.disk);
        }
      },
      opError,
    );
  }

  private async removeDisk(d: Disk): Promise<void> {
    this.disks.delete(`${d.project}/${d.zone}/${d.name}`);
    if (d.container) {
      await docker
        .getContainer(d.container)
        .remove({ force: true })
        .catch(() => undefined);
      this.containers.delete(d.container);
    }
  }

  private async deleteDisk(
    project: string,
    zone: string,
    name: string,
    opError?: Failure['opError'],
  ): Promise<[number, any]> {
    const d = this.disks.get(`${project}/${zone}/${name}`);
    if (!d)
      return this.err(
        404,
        'notFound',
        `The resource 'projects/${project}/zones/${zone}/disks/${name}' was not found`,
      );
    if (d.users.length)
      return this.err(
        400,
        'resourceInUseByAnotherResource',
        `The disk resource 'projects/${project}/zones/${zone}/disks/${name}' is already being used by '${d.users[0]}'`,
      );
    return this.operation(
      project,
      zone,
      'delete',
      `projects/${project}/zones/${zone}/disks/${name}`,
      () => this.removeDisk(d),
      opError,
    );
  }

  private async serial(
    project: string,
    zone: string,
    name: string,
    q: URLSearchParams,
  ): Promise<[number, any]> {
    const inst = this.instances.get(`${project}/${zone}/${name}`);
    if (!inst)
      return this.err(
        404,
        'notFound',
        `The resource 'projects/${project}/zones/${zone}/instances/${name}' was not found`,
      );
    let text = 'SeaBIOS (version 1.8.2-google)\nBooting from Hard Disk 0...\n';
    if (inst.container) {
      const logs = (await docker
        .getContainer(inst.container)
        .logs({ stdout: true, stderr: true, follow: false })) as unknown as Buffer;
      text += demux(logs);
    }
    const start = Number(q.get('start') ?? 0);
    return [
      200,
      {
        kind: 'compute#serialPortOutput',
        contents: text.slice(start),
        start: String(start),
        next: String(text.length),
        selfLink: this.link(`projects/${project}/zones/${zone}/instances/${name}/serialPort`),
      },
    ];
  }
}

/** Docker's multiplexed log stream (no TTY) as text. */
function demux(b: Buffer): string {
  let out = '';
  for (let i = 0; i + 8 <= b.length;) {
    const len = b.readUInt32BE(i + 4);
    out += b.subarray(i + 8, i + 8 + len).toString();
    i += 8 + len;
  }
  return out;
}

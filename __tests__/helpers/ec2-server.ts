/* eslint-disable @typescript-eslint/no-explicit-any -- EC2 inputs and outputs, loosely typed on purpose */
/**
 * A small EC2 for the amazon-ebs tests: a local HTTP server speaking EC2's Query protocol
 * (SigV4-signed form posts in, EC2 XML out, EC2 error documents with real HTTP statuses), so
 * the SDK's own serializer, signer, HTTP handler, retries and XML parser all run. It holds
 * instances, key pairs, security groups, AMIs and snapshots in several regions (the region of
 * a call is the one its signature is scoped to), with the state changes a build waits for. It
 * also answers STS's DecodeAuthorizationMessage (awsQuery, XML).
 *
 * Requests are decoded and answers encoded from the SDK's own service schemas
 * (`DescribeImages$` and the like in @aws-sdk/client-ec2 and @aws-sdk/client-sts): form keys
 * follow the ec2QueryName / xmlName traits, XML elements the xmlName traits, so a call's
 * `input` here is shaped as the caller passed it to the SDK (numbers, booleans, Dates, lists
 * and nested structures), and handlers answer with SDK-shaped output.
 *
 * Launched "instances" are a real sshd container: the key pair named at launch lands in its
 * authorized_keys, as cloud-init does.
 *
 * One server serves the whole test file: the SDK fixes the endpoint from
 * AWS_ENDPOINT_URL_EC2 into a client on its first request, and bake keeps one client per
 * region for the process. Each test starts its own FakeEc2 (fresh state) on that server.
 */
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import * as EC2 from '@aws-sdk/client-ec2';
import * as STS from '@aws-sdk/client-sts';
import { NormalizedSchema } from '@smithy/core/schema';
import { docker } from './docker';

export interface Call {
  service: 'ec2' | 'sts';
  cmd: string;
  region: string;
  input: Record<string, any>;
  start: number;
  end: number;
  /** The HTTP status of the answer. */
  status?: number;
}

interface Thing {
  kind: 'instance' | 'key-pair' | 'security-group' | 'image' | 'snapshot';
  id: string;
  region: string;
  state: string;
  tags: Record<string, string>;
  /** Made before the test (a source AMI, an old AMI of the same name). */
  preexisting?: boolean;
  data: Record<string, unknown>;
}

/** An AWS error answer: its code and message, and the HTTP status it comes with. */
export class AwsErrorReply extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const THROTTLING = /^(RequestLimitExceeded|Throttling|ThrottlingException|RequestThrottled)$/;

/**
 * An error for `failures` or for a handler to throw. Throttling answers 503, as EC2 does, and
 * the SDK retries it with its backoff. Other codes answer 400 unless `status` says otherwise:
 * an injected failure (even InternalError, which EC2 sends as 500) reaches the build at once
 * instead of being retried away by the SDK.
 */
export function awsError(code: string, message = code, status?: number): AwsErrorReply {
  const byCode = THROTTLING.test(code)
    ? 503
    : code === 'UnauthorizedOperation' || code === 'AccessDenied'
      ? 403
      : code === 'AuthFailure'
        ? 401
        : 400;
  return new AwsErrorReply(code, message, status ?? byCode);
}

/** The credentials every client of the test process signs with. */
const ACCESS_KEY_ID = 'AKIAFAKEEC2LOCAL0001';
const SECRET_ACCESS_KEY = `local-ec2-${randomBytes(12).toString('hex')}`;

interface Service {
  module: Record<string, unknown>;
  version: string;
  xmlns: string;
  /** ec2Query (flattened lists, capitalized keys, no Result wrapper) or awsQuery. */
  ec2: boolean;
}

const SERVICES: Record<Call['service'], Service> = {
  ec2: {
    module: EC2 as unknown as Record<string, unknown>,
    version: '2016-11-15',
    xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/',
    ec2: true,
  },
  sts: {
    module: STS as unknown as Record<string, unknown>,
    version: '2011-06-15',
    xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/',
    ec2: false,
  },
};

/** The input and output schemas of an operation, from the client's `<Name>$` export. */
function operation(service: Service, action: string) {
  const op = service.module[`${action}$`];
  if (!Array.isArray(op) || op[0] !== 9) return undefined;
  return { input: NormalizedSchema.of(op[4]), output: NormalizedSchema.of(op[5]) };
}

// --- the Query codec: form keys in, XML out -------------------------------------------------

type FormNode = string | { [key: string]: FormNode };

/** The form as a tree of its dotted keys: Filter.1.Value.2 is tree.Filter[1].Value[2]. */
function formTree(form: URLSearchParams): { [key: string]: FormNode } {
  const root: { [key: string]: FormNode } = Object.create(null);
  for (const [key, value] of form) {
    const parts = key.split('.');
    let node = root;
    for (const p of parts.slice(0, -1)) {
      if (typeof node[p] !== 'object') node[p] = Object.create(null);
      node = node[p] as { [key: string]: FormNode };
    }
    const last = parts.at(-1)!;
    if (typeof node[last] !== 'object') node[last] = value;
  }
  return root;
}

/** The form key of a member, as the SDK's QueryShapeSerializer writes it. */
function queryKey(name: string, traits: Record<string, any>, ec2: boolean, struct: boolean) {
  if (ec2 && traits.ec2QueryName) return String(traits.ec2QueryName);
  const key = String(traits.xmlName ?? name);
  return ec2 && struct ? key[0].toUpperCase() + key.slice(1) : key;
}

const indexed = (node: FormNode | undefined): FormNode[] =>
  node && typeof node === 'object'
    ? Object.keys(node)
        .filter((k) => /^\d+$/.test(k))
        .sort((a, b) => Number(a) - Number(b))
        .map((k) => node[k])
    : [];

/** A request value back in the shape the caller gave the SDK. */
function fromQuery(ns: NormalizedSchema, node: FormNode | undefined, ec2: boolean): unknown {
  if (node === undefined) return undefined;
  if (ns.isListSchema()) {
    const member = ns.getValueSchema();
    const flat = ec2 || !!ns.getMergedTraits().xmlFlattened;
    const items =
      flat || typeof node !== 'object'
        ? node
        : node[queryKey('member', member.getMergedTraits(), ec2, false)];
    return indexed(items).map((v) => fromQuery(member, v, ec2));
  }
  if (ns.isMapSchema()) {
    const flat = !!ns.getMergedTraits().xmlFlattened;
    const keyNs = ns.getKeySchema();
    const valueNs = ns.getValueSchema();
    const k = queryKey('key', keyNs.getMergedTraits(), ec2, false);
    const v = queryKey('value', valueNs.getMergedTraits(), ec2, false);
    const entries = indexed(flat || typeof node !== 'object' ? node : node.entry);
    return Object.fromEntries(
      entries
        .filter((e): e is { [key: string]: FormNode } => typeof e === 'object')
        .map((e) => [fromQuery(keyNs, e[k], ec2), fromQuery(valueNs, e[v], ec2)]),
    );
  }
  if (ns.isStructSchema()) {
    const out: Record<string, unknown> = {};
    if (typeof node !== 'object') return out;
    for (const [name, member] of ns.structIterator()) {
      const value = fromQuery(
        member,
        node[queryKey(name, member.getMergedTraits(), ec2, true)],
        ec2,
      );
      if (value !== undefined) out[name] = value;
    }
    return out;
  }
  if (typeof node !== 'string') return undefined;
  if (ns.isBooleanSchema()) return node === 'true';
  if (ns.isNumericSchema()) return Number(node);
  if (ns.isBigIntegerSchema()) return BigInt(node);
  if (ns.isTimestampSchema())
    return new Date(/^\d+(\.\d+)?$/.test(node) ? Number(node) * 1000 : node);
  if (ns.isBlobSchema()) return Buffer.from(node, 'base64');
  return node;
}

const escapeXml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** An output value as the XML element `name`, as the SDK's XmlShapeDeserializer reads it. */
function toXml(ns: NormalizedSchema, value: unknown, name: string): string {
  if (value === undefined || value === null) return '';
  if (ns.isListSchema()) {
    const member = ns.getValueSchema();
    const items = (value as unknown[]).filter((v) => v !== undefined && v !== null);
    if (ns.getMergedTraits().xmlFlattened) return items.map((v) => toXml(member, v, name)).join('');
    const item = String(member.getMergedTraits().xmlName ?? 'member');
    return `<${name}>${items.map((v) => toXml(member, v, item)).join('')}</${name}>`;
  }
  if (ns.isMapSchema()) {
    const k = String(ns.getKeySchema().getMergedTraits().xmlName ?? 'key');
    const v = String(ns.getValueSchema().getMergedTraits().xmlName ?? 'value');
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([key, val]) => `${toXml(ns.getKeySchema(), key, k)}${toXml(ns.getValueSchema(), val, v)}`,
    );
    return ns.getMergedTraits().xmlFlattened
      ? entries.map((e) => `<${name}>${e}</${name}>`).join('')
      : `<${name}>${entries.map((e) => `<entry>${e}</entry>`).join('')}</${name}>`;
  }
  if (ns.isStructSchema()) return `<${name}>${structXml(ns, value)}</${name}>`;
  const text =
    value instanceof Date
      ? value.toISOString()
      : value instanceof Uint8Array
        ? Buffer.from(value).toString('base64')
        : String(value);
  return `<${name}>${escapeXml(text)}</${name}>`;
}

function structXml(ns: NormalizedSchema, value: unknown): string {
  const v = value as Record<string, unknown>;
  let out = '';
  for (const [name, member] of ns.structIterator())
    out += toXml(member, v[name], String(member.getMemberTraits().xmlName ?? name));
  return out;
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

function resultXml(service: Service, action: string, output: NormalizedSchema, value: unknown) {
  const requestId = randomUUID();
  const members = structXml(output, value ?? {});
  const body = service.ec2
    ? `<${action}Response xmlns="${service.xmlns}"><requestId>${requestId}</requestId>${members}</${action}Response>`
    : `<${action}Response xmlns="${service.xmlns}"><${action}Result>${members}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
  return { requestId, body: XML_DECL + body };
}

function errorXml(service: Service, e: AwsErrorReply) {
  const requestId = randomUUID();
  const code = escapeXml(e.code);
  const message = escapeXml(e.message);
  const body = service.ec2
    ? `<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`
    : `<ErrorResponse xmlns="${service.xmlns}"><Error><Type>${e.status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  return { requestId, body: XML_DECL + body };
}

// --- SigV4 ----------------------------------------------------------------------------------

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest();
const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

interface Signed {
  region: string;
  service: string;
}

/** Checks the request's SigV4 signature; the region and service it is scoped to. */
function verifySignature(req: IncomingMessage, url: URL, body: Buffer): Signed {
  const auth = req.headers.authorization ?? '';
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m)
    throw awsError('AuthFailure', 'AWS was not able to validate the provided access credentials');
  const [, keyId, date, region, service, signedHeaders, signature] = m;
  if (keyId !== ACCESS_KEY_ID)
    throw awsError('AuthFailure', 'AWS was not able to validate the provided access credentials');
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  const headers = signedHeaders.split(';');
  if (!amzDate.startsWith(date) || !headers.includes('host'))
    throw awsError('AuthFailure', 'the signature does not cover the date and host');
  const query = [...url.searchParams]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonical = [
    req.method,
    url.pathname,
    query,
    headers
      .map(
        (h) =>
          `${h}:${String(req.headers[h] ?? '')
            .trim()
            .replace(/\s+/g, ' ')}`,
      )
      .join('\n'),
    '',
    signedHeaders,
    sha256(body),
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  let key = hmac(`AWS4${SECRET_ACCESS_KEY}`, date);
  for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
  const expected = hmac(key, toSign);
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex')))
    throw awsError(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
      403,
    );
  return { region, service };
}

// --- the server all FakeEc2s of a test file share ------------------------------------------

let server: Server | undefined;
let serverUrl = '';
/** The handler of the FakeEc2 answering now (the current test's). */
let attached: ((...a: Parameters<FakeEc2['handle']>) => Promise<void>) | undefined;

async function serve(): Promise<string> {
  if (!server) {
    const s = createServer((req, res) => {
      answer(req, res).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500).end(String(e));
      });
    });
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    server = s;
    serverUrl = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  }
  return serverUrl;
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req
      .on('data', (c: Buffer) => chunks.push(c))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject);
  });

function send(res: ServerResponse, status: number, reply: { requestId: string; body: string }) {
  if (res.destroyed) return; // the caller gave up (its abort signal fired)
  res
    .writeHead(status, {
      'content-type': 'text/xml;charset=UTF-8',
      'x-amzn-requestid': reply.requestId,
    })
    .end(reply.body);
}

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const start = performance.now();
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const raw = await readBody(req);
  const form =
    req.method === 'POST' ? new URLSearchParams(raw.toString()) : new URLSearchParams(url.search);
  // Errors come in the format of the service the request is scoped to.
  const scoped = /\/(ec2|sts)\/aws4_request/.exec(req.headers.authorization ?? '')?.[1];
  const svc = SERVICES[(scoped as Call['service'] | undefined) ?? 'ec2'];
  let signed: Signed;
  try {
    signed = verifySignature(req, url, raw);
  } catch (e) {
    const err = e as AwsErrorReply;
    send(res, err.status, errorXml(svc, err));
    return;
  }
  const handle = attached;
  if (!scoped || !handle) {
    const err = awsError('InvalidAction', `nothing answers ${signed.service} in this test`);
    send(res, err.status, errorXml(svc, err));
    return;
  }
  await handle(scoped as Call['service'], signed.region, form, res, start);
}

type Handler = (input: any, region: string) => unknown;

export class FakeEc2 {
  calls: Call[] = [];
  things = new Map<string, Thing>();
  /** Fail the first call of this command (optionally in a region) with this error. */
  failures: { cmd: string; error: AwsErrorReply; region?: string; times?: number }[] = [];
  /** Called after each answered call, before its answer is sent: tests cancel here. */
  afterCall?: (cmd: string) => void;
  /** What a launched instance answers on (the sshd container). */
  sshIp = '127.0.0.1';
  sshContainer?: string;
  publicIp = true;
  /** How long each call takes at the server. */
  latencyMs = 5;
  sourceImages: { ImageId: string; Name: string; CreationDate: string }[] = [
    { ImageId: 'ami-0old', Name: 'debian-12-amd64-20240101', CreationDate: '2024-01-01T00:00:00Z' },
    { ImageId: 'ami-0new', Name: 'debian-12-amd64-20250101', CreationDate: '2025-01-01T00:00:00Z' },
  ];
  /**
   * What STS's DecodeAuthorizationMessage answers for an encoded message; unset, STS
   * refuses with AccessDenied, as it does for a caller without sts:DecodeAuthorizationMessage.
   */
  decodeAuthorizationMessage?: (encoded: string) => string;
  /** The server's address (what AWS_ENDPOINT_URL_EC2 and AWS_ENDPOINT_URL_STS point at). */
  url = '';
  private readonly handlers = new Map<string, Handler>();
  private readonly answering = (...a: Parameters<FakeEc2['handle']>) => this.handle(...a);
  private savedEnv?: Record<string, string | undefined>;

  constructor() {
    const on = (name: string, fn: Handler) => this.handlers.set(`ec2:${name}`, fn);
    const get = (kind: Thing['kind'], i: string, region: string, code: string) => {
      const t = this.things.get(i);
      if (!t || t.kind !== kind || t.region !== region || t.state === 'gone')
        throw awsError(code, `The ${kind} '${i}' does not exist`);
      return t;
    };
    const add = (t: Omit<Thing, 'data'> & { data?: Record<string, unknown> }) => {
      const thing = { data: {}, ...t };
      this.things.set(t.id, thing);
      return thing;
    };

    this.handlers.set('sts:DecodeAuthorizationMessage', (input) => {
      const decoded = this.decodeAuthorizationMessage?.(input.EncodedMessage);
      if (decoded === undefined)
        throw awsError(
          'AccessDenied',
          'User is not authorized to perform: sts:DecodeAuthorizationMessage',
        );
      return { DecodedMessage: decoded };
    });

    on('DescribeImages', (input, region) => {
      if (input.ImageIds) {
        return {
          Images: (input.ImageIds as string[]).flatMap((i): object[] => {
            const t = this.things.get(i);
            const source = this.sourceImages.find((x) => x.ImageId === i);
            if (!t && source) return [source];
            if (!t || t.region !== region || t.state === 'gone') return [];
            if (t.state === 'pending') t.state = 'available';
            return [this.image(t)];
          }),
        };
      }
      if ((input.Filters as any[])?.some((f) => f.Name === 'tag-key'))
        return {
          Images: tagged('image', region, input).map((t) => ({
            ...this.image(t),
            Tags: Object.entries(t.tags).map(([Key, Value]) => ({ Key, Value })),
          })),
        };
      const name = (input.Filters as any[])?.find((f) => f.Name === 'name')?.Values?.[0];
      if (input.Owners?.includes('self'))
        return {
          Images: [...this.things.values()]
            .filter((t) => t.kind === 'image' && t.region === region && t.state !== 'gone')
            .filter((t) => t.data.name === name)
            .map((t) => this.image(t)),
        };
      const re = new RegExp('^' + String(name).replace(/\*/g, '.*') + '$');
      return { Images: this.sourceImages.filter((i) => re.test(i.Name)) };
    });
    on('DescribeSubnets', (input) => ({
      Subnets: [
        {
          SubnetId: 'subnet-small',
          VpcId: 'vpc-1',
          AvailabilityZone: 'us-east-1a',
          AvailableIpAddressCount: 10,
        },
        {
          SubnetId: 'subnet-big',
          VpcId: 'vpc-1',
          AvailabilityZone: 'us-east-1b',
          AvailableIpAddressCount: 200,
        },
      ].filter((s) => !input.SubnetIds || input.SubnetIds.includes(s.SubnetId)),
    }));
    on('DescribeVpcs', () => ({
      Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.20.0.0/16', IsDefault: true }],
    }));
    on('ImportKeyPair', (input, region) => {
      const t = add({
        kind: 'key-pair',
        id: id('key'),
        region,
        state: 'present',
        tags: tagsOf(input, 'key-pair'),
        data: { name: input.KeyName, publicKey: Buffer.from(input.PublicKeyMaterial).toString() },
      });
      return { KeyName: input.KeyName, KeyPairId: t.id, KeyFingerprint: 'x' };
    });
    on('DeleteKeyPair', (input, region) => {
      const t = get('key-pair', input.KeyPairId, region, 'InvalidKeyPair.NotFound');
      t.state = 'gone';
      return {};
    });
    on('CreateSecurityGroup', (input, region) => {
      const t = add({
        kind: 'security-group',
        id: id('sg'),
        region,
        state: 'present',
        tags: tagsOf(input, 'security-group'),
        data: { vpc: input.VpcId, rules: [] },
      });
      return { GroupId: t.id };
    });
    on('AuthorizeSecurityGroupIngress', (input, region) => {
      const t = get('security-group', input.GroupId, region, 'InvalidGroup.NotFound');
      (t.data.rules as unknown[]).push(...input.IpPermissions);
      return { Return: true };
    });
    on('DeleteSecurityGroup', (input, region) => {
      const t = get('security-group', input.GroupId, region, 'InvalidGroup.NotFound');
      const holder = [...this.things.values()].find(
        (i) =>
          i.kind === 'instance' &&
          i.state !== 'terminated' &&
          (i.data.groups as string[]).includes(t.id),
      );
      if (holder) throw awsError('DependencyViolation', `resource ${t.id} has a dependent object`);
      t.state = 'gone';
      return { GroupId: t.id };
    });
    on('RunInstances', async (input, region) => {
      const key = [...this.things.values()].find(
        (k) => k.kind === 'key-pair' && k.data.name === input.KeyName && k.state !== 'gone',
      );
      if (key && this.sshContainer) {
        // cloud-init: the launch key becomes the login key.
        const exec = await docker.getContainer(this.sshContainer).exec({
          Cmd: ['sh', '-c', `echo '${key.data.publicKey}' >> /root/.ssh/authorized_keys`],
        });
        const stream = await exec.start({});
        await new Promise((r) => stream.on('end', r).resume());
      }
      const groups = input.SecurityGroupIds ?? input.NetworkInterfaces?.[0]?.Groups ?? [];
      const t = add({
        kind: 'instance',
        id: id('i'),
        region,
        state: 'pending',
        tags: tagsOf(input, 'instance'),
        data: { groups, input, volumeTags: tagsOf(input, 'volume') },
      });
      return { ReservationId: id('r'), Instances: [this.instance(t)] };
    });
    const tagged = (kind: Thing['kind'], region: string, input: any) =>
      [...this.things.values()].filter(
        (t) =>
          t.kind === kind &&
          t.region === region &&
          t.state !== 'gone' &&
          ((input.Filters ?? []) as any[]).every((f) =>
            f.Name === 'tag-key'
              ? f.Values.some((k: string) => k in t.tags)
              : f.Name === 'instance-state-name' || f.Name === 'state'
                ? f.Values.includes(t.state)
                : true,
          ),
      );
    on('DescribeSecurityGroups', (input, region) => ({
      SecurityGroups: tagged('security-group', region, input).map((t) => ({
        GroupId: t.id,
        GroupName: 'g-' + t.id,
        Tags: Object.entries(t.tags).map(([Key, Value]) => ({ Key, Value })),
      })),
    }));
    on('DescribeKeyPairs', (input, region) => ({
      KeyPairs: tagged('key-pair', region, input).map((t) => ({
        KeyPairId: t.id,
        KeyName: t.data.name as string,
        Tags: Object.entries(t.tags).map(([Key, Value]) => ({ Key, Value })),
      })),
    }));
    on('DescribeInstances', (input, region) => {
      if (!input.InstanceIds)
        return {
          Reservations: [
            { Instances: tagged('instance', region, input).map((t) => this.instance(t)) },
          ],
        };
      const t = get('instance', input.InstanceIds[0], region, 'InvalidInstanceID.NotFound');
      const next: Record<string, string> = {
        pending: 'running',
        stopping: 'stopped',
        'shutting-down': 'terminated',
      };
      t.state = next[t.state] ?? t.state;
      return { Reservations: [{ Instances: [this.instance(t)] }] };
    });
    on('StopInstances', (input, region) => {
      get('instance', input.InstanceIds[0], region, 'InvalidInstanceID.NotFound').state =
        'stopping';
      return {};
    });
    on('ModifyInstanceAttribute', () => ({}));
    on('TerminateInstances', (input, region) => {
      const t = get('instance', input.InstanceIds[0], region, 'InvalidInstanceID.NotFound');
      if (t.state !== 'terminated') t.state = 'shutting-down';
      return {};
    });
    on('CreateImage', (input, region) => {
      const inst = get('instance', input.InstanceId, region, 'InvalidInstanceID.NotFound');
      if (inst.state !== 'stopped' && !input.NoReboot)
        throw awsError('IncorrectInstanceState', 'the instance must be stopped');
      return { ImageId: this.newImage(region, input.Name, input, false).id };
    });
    on('CopyImage', (input, region) => {
      const src = get('image', input.SourceImageId, input.SourceRegion, 'InvalidAMIID.NotFound');
      return {
        ImageId: this.newImage(region, input.Name, input, !!input.Encrypted || !!src.data.encrypted)
          .id,
      };
    });
    on('DeregisterImage', (input, region) => {
      get('image', input.ImageId, region, 'InvalidAMIID.NotFound').state = 'gone';
      return {};
    });
    on('DeleteSnapshot', (input, region) => {
      const snap = get('snapshot', input.SnapshotId, region, 'InvalidSnapshot.NotFound');
      const user = [...this.things.values()].find(
        (i) => i.kind === 'image' && i.state !== 'gone' && i.data.snapshot === snap.id,
      );
      if (user) throw awsError('InvalidSnapshot.InUse', `snapshot in use by ${user.id}`);
      snap.state = 'gone';
      return {};
    });
    on('ModifyImageAttribute', (input, region) => {
      const t = get('image', input.ImageId, region, 'InvalidAMIID.NotFound');
      (t.data.attributes as unknown[]).push(input);
      return {};
    });
    on('ModifySnapshotAttribute', (input, region) => {
      get('snapshot', input.SnapshotId, region, 'InvalidSnapshot.NotFound').data.shared =
        input.UserIds;
      return {};
    });
    on('EnableImageDeprecation', (input, region) => {
      get('image', input.ImageId, region, 'InvalidAMIID.NotFound').data.deprecateAt =
        input.DeprecateAt;
      return { Return: true };
    });
  }

  /** A FakeEc2 with fresh state, answering on the test file's server. */
  static async start(): Promise<FakeEc2> {
    return new FakeEc2().start();
  }

  /** Stops the server (after the test file's last test). */
  static async stopServer(): Promise<void> {
    const s = server;
    server = undefined;
    attached = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }

  /**
   * Answers on the shared server from now on, and points the SDK at it: the endpoints, and
   * credentials it knows (whatever the environment held is put back by restore()).
   */
  async start(): Promise<this> {
    this.url = await serve();
    attached = this.answering;
    const env = {
      AWS_ENDPOINT_URL_EC2: this.url,
      AWS_ENDPOINT_URL_STS: this.url,
      AWS_ACCESS_KEY_ID: ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
      AWS_SESSION_TOKEN: undefined,
      AWS_PROFILE: undefined,
      AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: undefined,
    };
    this.savedEnv = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    for (const [k, v] of Object.entries(env))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    return this;
  }

  /** Stops answering and puts the environment back. The server stays for the next test. */
  async restore(): Promise<void> {
    if (attached === this.answering) attached = undefined;
    for (const [k, v] of Object.entries(this.savedEnv ?? {}))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    this.savedEnv = undefined;
  }

  /** One request, already authenticated: decode, record, answer. */
  async handle(
    service: Call['service'],
    region: string,
    form: URLSearchParams,
    res: ServerResponse,
    start: number,
  ): Promise<void> {
    const svc = SERVICES[service];
    const action = form.get('Action') ?? '';
    const op = operation(svc, action);
    const input = op
      ? (fromQuery(op.input, formTree(form), svc.ec2) as Record<string, any>)
      : Object.fromEntries([...form].filter(([k]) => k !== 'Action' && k !== 'Version'));
    const call: Call = { service, cmd: action, region, input, start, end: 0 };
    this.calls.push(call);
    await new Promise((r) => setTimeout(r, this.latencyMs));
    let status = 200;
    let reply: { requestId: string; body: string };
    try {
      const handler = this.handlers.get(`${service}:${action}`);
      if (form.get('Version') !== svc.version)
        throw awsError('InvalidParameterValue', `Version ${form.get('Version')} is not supported`);
      if (!op || !handler)
        throw awsError('InvalidAction', `The action ${action} is not valid for this web service.`);
      const f = this.failures.find(
        (x) => x.cmd === action && (!x.region || x.region === region) && (x.times ?? 1) > 0,
      );
      if (f) {
        f.times = (f.times ?? 1) - 1;
        throw f.error;
      }
      const out = ((await handler(input, region)) ?? {}) as Record<string, unknown>;
      // Calls that only act answer <return>true</return>.
      const hasReturn = [...op.output.structIterator()].some(([name]) => name === 'Return');
      reply = resultXml(svc, action, op.output, hasReturn ? { Return: true, ...out } : out);
    } catch (e) {
      const err =
        e instanceof AwsErrorReply
          ? e
          : awsError('InternalError', `fake EC2 failed: ${(e as Error).stack ?? String(e)}`);
      status = err.status;
      reply = errorXml(svc, err);
    } finally {
      call.end = performance.now();
      this.afterCall?.(action);
    }
    call.status = status;
    send(res, status, reply);
  }

  private newImage(region: string, name: string, input: any, encrypted: boolean): Thing {
    if (
      [...this.things.values()].some(
        (t) =>
          t.kind === 'image' && t.region === region && t.data.name === name && t.state !== 'gone',
      )
    )
      throw awsError('InvalidAMIName.Duplicate', `AMI name ${name} is already in use`);
    const snap: Thing = {
      kind: 'snapshot',
      id: id('snap'),
      region,
      state: 'completed',
      tags: tagsOf(input, 'snapshot'),
      data: {},
    };
    this.things.set(snap.id, snap);
    const img: Thing = {
      kind: 'image',
      id: id('ami'),
      region,
      state: 'pending',
      tags: tagsOf(input, 'image'),
      data: { name, snapshot: snap.id, encrypted, attributes: [] },
    };
    this.things.set(img.id, img);
    return img;
  }

  /** An AMI that exists before the build (for force_deregister). */
  existingImage(region: string, name: string): { image: string; snapshot: string } {
    const img = this.newImage(region, name, {}, false);
    img.state = 'available';
    img.preexisting = true;
    this.things.get(img.data.snapshot as string)!.preexisting = true;
    return { image: img.id, snapshot: img.data.snapshot as string };
  }

  private image(t: Thing) {
    return {
      ImageId: t.id,
      Name: t.data.name as string,
      State: t.state,
      BlockDeviceMappings: [
        { DeviceName: '/dev/xvda', Ebs: { SnapshotId: t.data.snapshot as string } },
      ],
    };
  }

  private instance(t: Thing) {
    return {
      InstanceId: t.id,
      State: { Name: t.state },
      PrivateIpAddress: this.sshIp,
      ...(this.publicIp ? { PublicIpAddress: this.sshIp } : {}),
      Tags: Object.entries(t.tags).map(([Key, Value]) => ({ Key, Value })),
    };
  }

  /** What the build made that still exists (instances not terminated count). */
  leftovers(): Thing[] {
    return [...this.things.values()].filter(
      (t) => !t.preexisting && t.state !== 'gone' && t.state !== 'terminated',
    );
  }

  made(kind: Thing['kind']): Thing[] {
    return [...this.things.values()].filter((t) => t.kind === kind && !t.preexisting);
  }

  count(cmd: string): number {
    return this.calls.filter((c) => c.cmd === cmd).length;
  }

  /**
   * The longest chain of calls where each started after the one before it ended: the
   * sequential round trips of the run (calls made side by side count once).
   */
  criticalPath(): string[] {
    const sorted = [...this.calls].sort((a, b) => a.start - b.start);
    const chain = new Map<Call, string[]>();
    for (const c of sorted) {
      let best: string[] = [];
      for (const p of sorted) {
        if (p === c || p.end > c.start) continue;
        const pc = chain.get(p);
        if (pc && pc.length > best.length) best = pc;
      }
      chain.set(c, [...best, c.cmd]);
    }
    return [...chain.values()].reduce((a, b) => (b.length > a.length ? b : a), []);
  }
}

const id = (prefix: string) => `${prefix}-${randomBytes(8).toString('hex').slice(0, 17)}`;

/** The tags a create call asked for on one resource type. */
const tagsOf = (input: any, type: string): Record<string, string> =>
  Object.fromEntries(
    ((input.TagSpecifications ?? []) as any[])
      .filter((t) => t.ResourceType === type)
      .flatMap((t) => t.Tags ?? [])
      .map((t: any) => [t.Key, t.Value]),
  );

/**
 * The EC2 client bake builds, talking to a local HTTP server that speaks EC2's query
 * protocol (signed form posts in, XML out): throttling is retried by the SDK with backoff,
 * and AWS error codes come through to the user with their hints.
 */
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { awsError, ec2 } from '../src/plugins/builders/amazon-ebs/aws';

interface Seen {
  action: string | null;
  authorization?: string;
  form: URLSearchParams;
  token?: string;
}

let server: Server;
const seen: Seen[] = [];
let answers: { status: number; body: string }[] = [];
const saved = { ...process.env };

const errorXml = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>req-1</RequestID></Response>`;

const imagesXml = `<?xml version="1.0" encoding="UTF-8"?>
<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>req-2</requestId>
  <imagesSet>
    <item><imageId>ami-0abc</imageId><name>debian-12-amd64</name><imageState>available</imageState><creationDate>2025-01-01T00:00:00.000Z</creationDate></item>
  </imagesSet>
</DescribeImagesResponse>`;

const body = (req: IncomingMessage) =>
  new Promise<string>((res) => {
    const chunks: Buffer[] = [];
    req
      .on('data', (c: Buffer) => chunks.push(c))
      .on('end', () => res(Buffer.concat(chunks).toString()));
  });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const form = new URLSearchParams(await body(req));
    seen.push({
      action: form.get('Action'),
      authorization: req.headers.authorization,
      form,
      token: req.headers['x-amz-security-token'] as string | undefined,
    });
    const a = answers.shift() ?? {
      status: 500,
      body: errorXml('InternalError', 'no answer queued'),
    };
    res.writeHead(a.status, { 'content-type': 'text/xml' }).end(a.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_EC2: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  });
});
afterAll(async () => {
  process.env = saved;
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  seen.length = 0;
});

it('retries throttling with backoff and then succeeds', async () => {
  answers = [
    { status: 503, body: errorXml('RequestLimitExceeded', 'Request limit exceeded.') },
    { status: 503, body: errorXml('RequestLimitExceeded', 'Request limit exceeded.') },
    { status: 200, body: imagesXml },
  ];
  const out = await ec2('us-test-1').send(
    new DescribeImagesCommand({
      Owners: ['self'],
      Filters: [{ Name: 'name', Values: ['debian-12-*'] }],
    }),
  );
  expect(out.Images?.map((i) => [i.ImageId, i.State])).toEqual([['ami-0abc', 'available']]);
  expect(seen.map((s) => s.action)).toEqual(['DescribeImages', 'DescribeImages', 'DescribeImages']);
  // Signed with the credentials of the default chain (here: the environment).
  expect(seen[0].authorization).toMatch(
    /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-test-1\/ec2\//,
  );
});

it('an AWS error keeps its code, and the user gets a hint', async () => {
  answers = [
    {
      status: 400,
      body: errorXml('InvalidAMIID.NotFound', "The image id '[ami-0nope]' does not exist"),
    },
  ];
  const e = await ec2('us-test-2')
    .send(new DescribeImagesCommand({ ImageIds: ['ami-0nope'] }))
    .catch((x: unknown) => x);
  const err = awsError(e, 'looking up ami-0nope', 'us-test-2') as Error & { hint?: string };
  expect(err.message).toBe(
    "looking up ami-0nope in us-test-2 failed: InvalidAMIID.NotFound: The image id '[ami-0nope]' does not exist",
  );
  expect(err.hint).toContain('exists in this region');
  expect(seen).toHaveLength(1); // a client error is not retried
});

it("assume_role: EC2 calls are signed with the assumed role's credentials", async () => {
  answers = [
    {
      status: 200,
      body: `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <Credentials>
      <AccessKeyId>ASIAASSUMEDROLE</AccessKeyId>
      <SecretAccessKey>assumed-secret-key</SecretAccessKey>
      <SessionToken>assumed-session-token</SessionToken>
      <Expiration>2099-01-01T00:00:00Z</Expiration>
    </Credentials>
    <AssumedRoleUser><Arn>arn:aws:sts::111111111111:assumed-role/builder/ci</Arn><AssumedRoleId>AROAEXAMPLE:ci</AssumedRoleId></AssumedRoleUser>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>req-3</RequestId></ResponseMetadata>
</AssumeRoleResponse>`,
    },
    { status: 200, body: imagesXml },
  ];
  const role = {
    role_arn: 'arn:aws:iam::111111111111:role/builder',
    session_name: 'ci',
    external_id: 'ext-1',
  };
  await ec2('us-test-3', role).send(new DescribeImagesCommand({ ImageIds: ['ami-0abc'] }));
  expect(seen.map((s) => s.action)).toEqual(['AssumeRole', 'DescribeImages']);
  expect(
    Object.fromEntries(
      ['RoleArn', 'RoleSessionName', 'ExternalId'].map((k) => [k, seen[0].form.get(k)]),
    ),
  ).toEqual({
    RoleArn: role.role_arn,
    RoleSessionName: 'ci',
    ExternalId: 'ext-1',
  });
  // STS itself was called with the default chain; EC2 with the role.
  expect(seen[0].authorization).toContain('Credential=AKIDEXAMPLE/');
  expect(seen[1].authorization).toContain('Credential=ASIAASSUMEDROLE/');
  expect(seen[1].token).toBe('assumed-session-token');
});

it('custom_endpoint_ec2: the client calls the address given, whatever the environment says', async () => {
  const url = process.env.AWS_ENDPOINT_URL_EC2!;
  process.env.AWS_ENDPOINT_URL_EC2 = 'http://127.0.0.1:9';
  try {
    answers = [{ status: 200, body: imagesXml }];
    const out = await ec2('us-test-3', undefined, url).send(
      new DescribeImagesCommand({ ImageIds: ['ami-0abc'] }),
    );
    expect(out.Images?.[0]?.ImageId).toBe('ami-0abc');
    expect(seen.map((s) => [s.action, s.form.get('ImageId.1')])).toEqual([
      ['DescribeImages', 'ami-0abc'],
    ]);
  } finally {
    process.env.AWS_ENDPOINT_URL_EC2 = url;
  }
});

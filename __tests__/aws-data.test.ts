/**
 * Packer's amazon-parameterstore, amazon-secretsmanager and amazon-ami data sources, and
 * bake's aws_parameter() / aws_secret() / aws_secretsmanager() / aws_ami(): the SDK's SSM and
 * Secrets Manager clients talking to a local server that speaks their JSON protocol (signed
 * POSTs with an X-Amz-Target, JSON in and out, errors by __type), and its EC2 client talking
 * to the EC2 Query-protocol server of the amazon-ebs tests.
 */
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { openSpec } from '../src/plugins/external';
import { Plan, resolvePlanWithData } from '../src/spec/resolve';
import { SpecError } from '../src/spec/errors';
import { redact } from '../src/util/redact';
import { tempProject } from './helpers/spec';
import { FakeEc2 } from './helpers/ec2-server';

interface Call {
  target: string;
  region?: string;
  signed: boolean;
  input: Record<string, unknown>;
}

let server: Server;
const calls: Call[] = [];
const saved = { ...process.env };

const PARAMETERS: Record<string, { Type: string; Value: string; Version: number }> = {
  '/base/debian/ami': { Type: 'String', Value: 'ami-0debian12', Version: 7 },
  '/base/db/password': { Type: 'SecureString', Value: 'AQICAHencrypted', Version: 2 },
};
const DECRYPTED: Record<string, string> = { '/base/db/password': 'pa55-w0rd-db' };
const SECRETS: Record<string, string> = {
  'ci/registry': JSON.stringify({ username: 'robot', password: 's3cr3t-registry-pw' }),
  'ci/plain': 'just-a-token-1234',
};

const body = (req: IncomingMessage) =>
  new Promise<string>((res) => {
    const chunks: Buffer[] = [];
    req
      .on('data', (c: Buffer) => chunks.push(c))
      .on('end', () => res(Buffer.concat(chunks).toString()));
  });

function answer(target: string, input: Record<string, unknown>): [number, unknown] {
  if (target === 'AmazonSSM.GetParameter') {
    const name = String(input.Name);
    const p = PARAMETERS[name];
    if (!p) return [400, { __type: 'ParameterNotFound', message: `Parameter ${name} not found.` }];
    const value = input.WithDecryption && DECRYPTED[name] ? DECRYPTED[name] : p.Value;
    return [
      200,
      {
        Parameter: {
          Name: name,
          Type: p.Type,
          Value: value,
          Version: p.Version,
          ARN: `arn:aws:ssm:eu-west-1:123456789012:parameter${name}`,
        },
      },
    ];
  }
  if (target === 'secretsmanager.GetSecretValue') {
    const id = String(input.SecretId);
    if (!(id in SECRETS))
      return [
        400,
        {
          __type: 'ResourceNotFoundException',
          message: "Secrets Manager can't find the specified secret.",
        },
      ];
    return [
      200,
      {
        ARN: `arn:aws:secretsmanager:eu-west-1:123456789012:secret:${id}-AbCdEf`,
        Name: id,
        VersionId: 'v-1111',
        SecretString: SECRETS[id],
        VersionStages: [input.VersionStage ?? 'AWSCURRENT'],
        CreatedDate: 1.7e9,
      },
    ];
  }
  return [400, { __type: 'UnknownOperationException', message: target }];
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const input = JSON.parse((await body(req)) || '{}') as Record<string, unknown>;
    const target = String(req.headers['x-amz-target']);
    const auth = String(req.headers.authorization ?? '');
    calls.push({
      target,
      region: /Credential=[^/]+\/\d+\/([^/]+)\//.exec(auth)?.[1],
      signed: auth.startsWith('AWS4-HMAC-SHA256 '),
      input,
    });
    const [status, out] = answer(target, input);
    res
      .writeHead(status, { 'content-type': 'application/x-amz-json-1.1' })
      .end(JSON.stringify(out));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SSM: url,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: url,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  });
});
afterAll(async () => {
  process.env = saved;
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  calls.length = 0;
});

const SOURCE = `source "amazon-ebs" "vm" {
  region        = "eu-west-1"
  source_ami    = data.amazon-parameterstore.ami.value
  instance_type = "t3.micro"
  ssh_username  = "admin"
  ami_name      = "golden-\${data.amazon-parameterstore.ami.version}"
}`;

async function planOfHcl(text: string, env: NodeJS.ProcessEnv = {}): Promise<Plan> {
  const dir = tempProject({ 'main.pkr.hcl': text });
  return resolvePlanWithData(await openSpec(join(dir, 'main.pkr.hcl')), { env });
}

async function problemsOfHcl(text: string) {
  try {
    await planOfHcl(text);
  } catch (e) {
    if (e instanceof SpecError) return e.problems;
    throw e;
  }
  throw new Error('expected the template to be rejected');
}

test('data "amazon-parameterstore": the value and version, asked for once, signed, in the region given', async () => {
  const plan = await planOfHcl(`data "amazon-parameterstore" "ami" {
  name   = "/base/debian/ami"
  region = "eu-west-1"
}
${SOURCE}
build {
  sources = ["source.amazon-ebs.vm"]
}
`);
  expect(plan.instances[0].config.source_ami).toBe('ami-0debian12');
  expect(plan.instances[0].config.ami_name).toBe('golden-7');
  expect(calls).toEqual([
    {
      target: 'AmazonSSM.GetParameter',
      region: 'eu-west-1',
      signed: true,
      input: { Name: '/base/debian/ami', WithDecryption: false },
    },
  ]);
});

test('a decrypted SecureString and a Secrets Manager secret (whole, and one key) are sensitive', async () => {
  const plan = await planOfHcl(
    `data "amazon-parameterstore" "db" {
  name            = "/base/db/password"
  with_decryption = true
  region          = "eu-west-1"
}
data "amazon-secretsmanager" "registry" {
  name   = "ci/registry"
  key    = "password"
  region = "eu-west-1"
}
data "amazon-secretsmanager" "plain" {
  name   = "ci/plain"
  region = "eu-west-1"
}
locals {
  auth = "\${data.amazon-secretsmanager.registry.value}:\${data.amazon-secretsmanager.plain.value}"
}
source "docker" "app" {
  image  = "debian:bookworm"
  commit = true
}
build {
  sources = ["source.docker.app"]
  provisioner "shell" {
    environment_vars = ["DB=\${data.amazon-parameterstore.db.value}", "AUTH=\${local.auth}", "KEY=\${aws_secretsmanager("ci/registry", "username")}"]
    inline           = ["true"]
  }
}
`,
    { AWS_REGION: 'eu-west-1' },
  );
  const env = plan.instances[0].provisioners[0].config.environment_vars as string[];
  expect(env).toEqual([
    'DB=pa55-w0rd-db',
    'AUTH=s3cr3t-registry-pw:just-a-token-1234',
    'KEY=robot',
  ]);
  // Every one of them, and what is computed from them, is masked wherever bake writes it.
  expect(redact(env.join(' '))).toBe('*** *** ***');
  for (const secret of ['pa55-w0rd-db', 's3cr3t-registry-pw', 'just-a-token-1234', 'robot'])
    expect(redact(`x ${secret} y`)).toBe('x *** y');
  expect(plan.shownLocals?.auth).toBe('***');
  expect(calls.map((c) => c.target).sort()).toEqual([
    'AmazonSSM.GetParameter',
    'secretsmanager.GetSecretValue',
    'secretsmanager.GetSecretValue',
  ]);
});

test('the region comes from AWS_REGION when the data source has none', async () => {
  const plan = await planOfHcl(
    `data "amazon-parameterstore" "ami" {
  name = "/base/debian/ami"
}
${SOURCE}
build {
  sources = ["source.amazon-ebs.vm"]
}
`,
    { AWS_REGION: 'ap-south-1' },
  );
  expect(plan.instances[0].config.source_ami).toBe('ami-0debian12');
  expect(calls.map((c) => c.region)).toEqual(['ap-south-1']);
});

test('a parameter or secret that is not there is an error at its line, with the code AWS gave', async () => {
  const ps = await problemsOfHcl(`data "amazon-parameterstore" "ami" {
  name   = "/base/nope"
  region = "eu-west-1"
}
${SOURCE}
build {
  sources = ["source.amazon-ebs.vm"]
}
`);
  expect(ps.map((p) => [p.message, p.pos?.line])).toEqual([
    [
      'reading parameter /base/nope in eu-west-1 failed: ParameterNotFound: Parameter /base/nope not found.',
      2,
    ],
  ]);
  const missingKey = await problemsOfHcl(`data "amazon-secretsmanager" "registry" {
  name   = "ci/registry"
  key    = "token"
  region = "eu-west-1"
}
source "docker" "app" {
  image  = "debian:\${data.amazon-secretsmanager.registry.value}"
  commit = true
}
build {
  sources = ["source.docker.app"]
}
`);
  expect(missingKey.map((p) => [p.message, p.hint, p.pos?.line])).toEqual([
    ['secret ci/registry has no key "token"', 'its keys: username, password', 2],
  ]);
  // What the secret holds is named by its keys, never by its values.
  expect(JSON.stringify(missingKey)).not.toContain('s3cr3t');
});

test('credentials in the template are refused with where bake takes them from', async () => {
  const ps = await problemsOfHcl(`data "amazon-parameterstore" "ami" {
  name       = "/base/debian/ami"
  access_key = "AKIA..."
}
${SOURCE}
build {
  sources = ["source.amazon-ebs.vm"]
}
`);
  expect(ps.map((p) => [p.message, p.pos?.line])).toEqual([
    ['data "amazon-parameterstore" takes name, with_decryption, region, not "access_key"', 3],
  ]);
  expect(ps[0].hint).toMatch(/AWS credentials from the environment/);
  expect(calls).toEqual([]);
});

test('in a bake.yml: aws_parameter() and aws_secret() read the same, and a plan that needs none asks nothing', async () => {
  const dir = tempProject({
    'bake.yml': `locals:
  ami: '\${aws_parameter({name = "/base/debian/ami", region = "eu-west-1"}).value}'
  token: '\${aws_secret({name = "ci/plain", region = "eu-west-1"}).value}'
sources:
  app: {type: docker, image: 'debian:\${local.ami}', commit: true}
builds:
  main: {sources: [app]}
`,
    'plain.yml': `sources:
  app: {type: docker, image: debian:bookworm, commit: true}
builds:
  main: {sources: [app]}
`,
  });
  const plan = await resolvePlanWithData(await openSpec(join(dir, 'bake.yml')), { env: {} });
  expect(plan.instances[0].config.image).toBe('debian:ami-0debian12');
  expect(plan.shownLocals).toEqual({ ami: 'ami-0debian12', token: '***' });
  calls.length = 0;
  await resolvePlanWithData(await openSpec(join(dir, 'plain.yml')), { env: {} });
  expect(calls).toEqual([]);
});

describe('data "amazon-ami" read as more than a source_ami: aws_ami() asks EC2 when the plan is made', () => {
  let ec2: FakeEc2;
  const image = (id: string, date: string) => ({
    ImageId: id,
    Name: `debian-12-amd64-${date.slice(0, 10).replace(/-/g, '')}`,
    CreationDate: date,
    OwnerId: '136693071363',
    ImageOwnerAlias: 'amazon',
    Description: `Debian 12 (${date.slice(0, 10)})`,
    Architecture: 'x86_64',
    Tags: [{ Key: 'os', Value: 'debian' }],
  });
  beforeEach(async () => {
    ec2 = await FakeEc2.start();
    ec2.sourceImages = [
      image('ami-0old', '2024-01-01T00:00:00.000Z'),
      image('ami-0new', '2025-01-01T00:00:00.000Z'),
    ];
  });
  afterEach(() => ec2.restore());
  afterAll(() => FakeEc2.stopServer());

  const template = (lookup: string) => `data "amazon-ami" "base" {
${lookup}
  region  = "eu-west-1"
}
locals {
  base_owner = data.amazon-ami.base.owner
}
source "amazon-ebs" "vm" {
  region          = "eu-west-1"
  source_ami      = data.amazon-ami.base.id
  instance_type   = "t3.micro"
  ssh_username    = "admin"
  ami_name        = "golden"
  ami_description = "from \${data.amazon-ami.base.name} (\${data.amazon-ami.base.id}, \${data.amazon-ami.base.creation_date})"
  tags            = data.amazon-ami.base.tags
}
build {
  sources = ["source.amazon-ebs.vm"]
}
`;
  const NEWEST = `  filters = {
    name                  = "debian-12-amd64-*"
    "virtualization-type" = "hvm"
  }
  owners      = ["136693071363"]
  most_recent = true`;

  test('the newest match gives id, name, creation_date, owner and tags, and the source builds from that very AMI', async () => {
    const plan = await planOfHcl(template(NEWEST));
    const c = plan.instances[0].config;
    expect(c.ami_description).toBe(
      'from debian-12-amd64-20250101 (ami-0new, 2025-01-01T00:00:00.000Z)',
    );
    expect(c.tags).toEqual({ os: 'debian' });
    expect(plan.locals.base_owner).toBe('136693071363');
    // source_ami = data.amazon-ami.base.id is the AMI the description names: one lookup, not
    // a second filter at build time that could find a newer one.
    expect(c.source_ami).toBe('ami-0new');
    expect(c).not.toHaveProperty('source_ami_filter');
    // One question, in the region given, with the filters and owners as EC2 takes them.
    const asked = ec2.calls.filter((x) => x.cmd === 'DescribeImages');
    expect(asked.map((x) => [x.region, x.input])).toEqual([
      [
        'eu-west-1',
        {
          Filters: [
            { Name: 'name', Values: ['debian-12-amd64-*'] },
            { Name: 'virtualization-type', Values: ['hvm'] },
          ],
          Owners: ['136693071363'],
        },
      ],
    ]);
  });

  test('several matches without most_recent, or none, is one error at the data block that says what to do', async () => {
    const several = await problemsOfHcl(
      template(`  filters = { name = "debian-12-amd64-*" }\n  owners  = ["136693071363"]`),
    );
    expect(several.map((p) => [p.message, p.hint, p.pos?.line])).toEqual([
      [
        '2 AMIs in eu-west-1 match name=debian-12-amd64-*, owners 136693071363',
        'set most_recent = true to take the newest, or narrow the filters',
        2,
      ],
    ]);
    const none = await problemsOfHcl(
      template(`  filters = { name = "ubuntu-*" }\n  owners  = ["099720109477"]`),
    );
    expect(none.map((p) => [p.message, p.pos?.line])).toEqual([
      ['no AMI in eu-west-1 matches name=ubuntu-*, owners 099720109477', 2],
    ]);
  });

  test('a lookup without owners is refused before EC2 is asked, as Packer refuses it', async () => {
    const problems = await problemsOfHcl(template(`  filters = { name = "debian-12-amd64-*" }`));
    expect(problems.map((p) => [p.message.split(':')[0], p.pos?.line])).toEqual([
      ['aws_ami() needs owners', 2],
    ]);
    // An owner-id filter pins the owner as well.
    const plan = await planOfHcl(
      template(
        `  filters = {\n    name       = "debian-12-amd64-*"\n    "owner-id" = "136693071363"\n  }\n  most_recent = true`,
      ),
    );
    expect(plan.instances[0].config.source_ami).toBe('ami-0new');
    expect(ec2.calls.filter((x) => x.cmd === 'DescribeImages')).toHaveLength(1);
  });
});

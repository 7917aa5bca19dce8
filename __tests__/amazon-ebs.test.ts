/* eslint-disable @typescript-eslint/no-explicit-any -- EC2 inputs and outputs, loosely typed on purpose */
/**
 * The amazon-ebs builder with the real SDK clients talking to a local EC2 (and STS) that
 * speaks the Query protocol on the wire (helpers/ec2-server.ts), and provisioning over the
 * real SSH communicator into an sshd container that stands in for the instance.
 */
import { builtInRegistry } from '../src/plugins/registry';
import { createServer } from 'node:http';
import { AddressInfo, connect } from 'node:net';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { directoryCache } from '../src/engine/reuse';
import { cleanupLedger } from '../src/engine/run';
import { docker, pendingOf, requireDocker } from './helpers/docker';
import { startSshd, Sshd } from './helpers/sshd';
import { planOf, problemsOf, tempProject } from './helpers/spec';
import { bakeIn } from './helpers/run';
import { awsError, FakeEc2 } from './helpers/ec2-server';
import {
  backoffDelays,
  explainUnauthorized,
  isAwsEndpoint,
} from '../src/plugins/builders/amazon-ebs/aws';

let sshd: Sshd;
let ec2: FakeEc2;

beforeAll(async () => {
  await requireDocker();
  sshd = await startSshd();
  // Launches append to authorized_keys; wait until the container has written its own.
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((res) => {
      const s = connect(22, sshd.ip, () => (s.destroy(), res(true)));
      s.on('error', () => res(false));
    });
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
});
afterAll(async () => {
  await FakeEc2.stopServer();
  await sshd?.remove();
});
beforeEach(async () => {
  ec2 = await FakeEc2.start();
  ec2.sshIp = sshd.ip;
  ec2.sshContainer = sshd.id;
});
afterEach(() => ec2.restore());

const SOURCE = `
    type: amazon-ebs
    region: us-east-1
    source_ami_filter:
      filters: {name: debian-12-amd64-*, virtualization-type: hvm}
      owners: ['136693071363']
      most_recent: true
    instance_type: t3.micro
    ssh_username: root
    ssh_timeout: 30s
    temporary_security_group_source_cidrs: [203.0.113.7/32]
    aws_polling: {delay_seconds: 0.01, max_attempts: 20}
    tags: {Team: platform}
    snapshot_tags: {Team: platform}
`;

/** The spec with `extra` (YAML) merged over the source's settings; null removes a key. */
function spec(
  extra = '',
  provisioners = "[{type: shell, inline: ['echo baked > /root/baked', 'uname -s']}]",
) {
  const source = { ...(parse(SOURCE) as object), ...((parse(extra) as object | null) ?? {}) };
  const kept = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== null));
  return `sources:
  golden:
${stringify(kept).replace(/^/gm, '    ')}
builds:
  base:
    sources: [golden]
    provisioners: ${provisioners}
`;
}

async function build(
  yaml: string,
  o: { signal?: AbortSignal; files?: Record<string, string> } = {},
) {
  return bakeIn(tempProject({ 'bake.yml': yaml, ...o.files }), { signal: o.signal });
}

async function sshdHas(path: string): Promise<string> {
  const exec = await docker.getContainer(sshd.id).exec({
    Cmd: ['cat', path],
    AttachStdout: true,
    AttachStderr: true,
    Tty: true,
  });
  const stream = await exec.start({});
  const chunks: Buffer[] = [];
  await new Promise((r) => stream.on('data', (d: Buffer) => chunks.push(d)).on('end', r));
  return Buffer.concat(chunks).toString();
}

describe('amazon-ebs happy path', () => {
  it('bakes an AMI in one region, provisioning over real SSH, and leaves only the AMI', async () => {
    // A round trip longer than the client takes to send a dozen calls at once, so that calls
    // made side by side overlap at the server and the critical path counts them once.
    ec2.latencyMs = 25;
    const name = `golden-${Date.now()}`;
    const { result, ledger, output } = await build(spec(`ami_name: ${name}`));
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('succeeded');
    const [ami] = ec2.made('image');
    expect(result.artifact?.id).toBe(`us-east-1:${ami.id}`);
    expect(result.artifact?.regions).toEqual({ 'us-east-1': ami.id });
    // Provisioned for real over SSH with the temporary key the fake cloud-init installed.
    expect(await sshdHas('/root/baked')).toContain('baked');
    expect(output).toContain('Linux');
    // The newest match of the filter was the source.
    expect((ec2.made('instance')[0].data.input as any).ImageId).toBe('ami-0new');
    // Tagged at creation, no CreateTags calls.
    const instance = ec2.made('instance')[0];
    expect(instance.tags).toMatchObject({
      'bake:build': 'base.golden',
      Name: expect.stringMatching(/^bake-base-golden-/),
    });
    expect(instance.data.volumeTags).toMatchObject({ 'bake:build': 'base.golden' });
    expect(ami.tags).toMatchObject({ Team: 'platform', 'bake:build': 'base.golden' });
    expect(ec2.made('snapshot')[0].tags).toMatchObject({ Team: 'platform' });
    expect(ec2.made('key-pair')[0].tags['bake:run']).toBe(instance.tags['bake:run']);
    expect(ec2.count('CreateTags')).toBe(0);
    // IMDSv2 required by default; the group opens only SSH to the given range.
    expect((instance.data.input as any).MetadataOptions).toMatchObject({ HttpTokens: 'required' });
    const group = ec2.made('security-group')[0];
    expect(group.data.rules).toEqual([
      {
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
        IpRanges: [{ CidrIp: '203.0.113.7/32', Description: 'bake SSH' }],
      },
    ]);
    // Everything but the AMI and its snapshot is gone; the ledger is closed.
    expect(
      ec2
        .leftovers()
        .map((t) => t.kind)
        .sort(),
    ).toEqual(['image', 'snapshot']);
    expect(pendingOf(ledger)).toEqual([]);
    expect(instance.state).toBe('terminated');
    // No call was made twice where once does (no redundant describes).
    expect(ec2.count('DescribeImages')).toBe(3); // name check, source filter, wait available
    const path = ec2.criticalPath();
    console.log(
      `amazon-ebs critical path, one region: ${path.length} sequential calls: ${path.join(' → ')}`,
    );
    expect(path.length).toBeLessThanOrEqual(11);
  });

  it("gives provisioners the build's fields: the source AMI by ID, its name, the host and the region", async () => {
    const { result } = await build(
      spec(
        `{ami_name: fields-${Date.now()}, source_ami: ami-0old, source_ami_filter: null}`,
        '[{type: shell, inline: [\'echo "${build.SourceAMI} ${build.SourceAMIName} ${build.BuildRegion} ${build.User}@${build.Host}" > /root/fields\']}]',
      ),
    );
    expect(result.error).toBeUndefined();
    // (the exec's output comes after its 8-byte stream header, with a terminal's line end)
    expect((await sshdHas('/root/fields')).slice(8).trimEnd()).toBe(
      `ami-0old debian-12-amd64-20240101 us-east-1 root@${sshd.ip}`,
    );
    expect((ec2.made('instance')[0].data.input as any).ImageId).toBe('ami-0old');
  });

  it('tags, run tags and the description may name the source AMI and region: filled in when used', async () => {
    const { result } = await build(
      spec(
        `{ami_name: tagged-${Date.now()}, ami_description: 'from \${build.SourceAMIName}', tags: {Source: '\${build.SourceAMI}', Region: '\${build.BuildRegion}'}, snapshot_tags: {Source: '\${build.SourceAMI}'}, run_tags: {From: '\${build.SourceAMIName}'}}`,
      ),
    );
    expect(result.error).toBeUndefined();
    const [ami] = ec2.made('image');
    expect(ami.tags).toMatchObject({ Source: 'ami-0new', Region: 'us-east-1' });
    expect(ec2.made('snapshot')[0].tags).toMatchObject({ Source: 'ami-0new' });
    expect(ec2.made('instance')[0].tags).toMatchObject({ From: 'debian-12-amd64-20250101' });
    const create = ec2.calls.find((c) => c.cmd === 'CreateImage')!;
    expect((create.input as { Description?: string }).Description).toBe(
      'from debian-12-amd64-20250101',
    );
  });

  it('a build field a tag names that the build does not know there stops it, and nothing stays', async () => {
    const { result, ledger } = await build(
      spec(`{ami_name: badtag-${Date.now()}, run_tags: {Host: '\${build.Host}'}}`),
    );
    expect(result.status).toBe('failed');
    expect(result.error).toBe(
      'run_tags uses build.Host, which the amazon-ebs builder does not give',
    );
    expect(result.hint).toMatch(/^it gives: .*build\.SourceAMI\b/);
    expect(ec2.leftovers()).toEqual([]);
    expect(pendingOf(ledger)).toEqual([]);
  });

  it('a source_ami that does not exist in the region stops the build before anything is made', async () => {
    const { result, ledger } = await build(
      spec(`{ami_name: missing-${Date.now()}, source_ami: ami-0gone, source_ami_filter: null}`),
    );
    expect(result.status).toBe('failed');
    expect(result.error).toBe('source_ami ami-0gone does not exist in us-east-1');
    expect(result.hint).toMatch(/differ from region to region/);
    expect(ec2.leftovers()).toEqual([]);
    expect(pendingOf(ledger)).toEqual([]);
  });

  it('copies to three regions in parallel and shares, deprecates and sets IMDSv2 on every copy', async () => {
    ec2.latencyMs = 25; // as above: side-by-side calls overlap at the server
    const { result } = await build(
      spec(`ami_name: multi-${Date.now()}
ami_regions: [us-east-1, us-west-2, eu-west-1]
ami_users: ['123456789012']
ami_groups: [all]
snapshot_users: ['123456789012']
deprecate_at: '2030-01-01T00:00:00Z'
imds_support: v2.0
region_kms_key_ids: {eu-west-1: alias/eu}`),
    );
    expect(result.error).toBeUndefined();
    const images = ec2.made('image');
    expect(images.map((i) => i.region).sort()).toEqual(['eu-west-1', 'us-east-1', 'us-west-2']);
    const byRegion = Object.fromEntries(images.map((i) => [i.region, i.id]));
    expect(result.artifact?.regions).toEqual(byRegion);
    expect(result.artifact?.id).toBe(
      `us-east-1:${byRegion['us-east-1']},us-west-2:${byRegion['us-west-2']},eu-west-1:${byRegion['eu-west-1']}`,
    );
    for (const img of images) {
      expect(img.data.deprecateAt).toEqual(new Date('2030-01-01T00:00:00Z'));
      expect(img.data.attributes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            LaunchPermission: { Add: [{ UserId: '123456789012' }, { Group: 'all' }] },
          }),
          expect.objectContaining({ ImdsSupport: { Value: 'v2.0' } }),
        ]),
      );
      expect(ec2.things.get(img.data.snapshot as string)!.data.shared).toEqual(['123456789012']);
    }
    // Two copies in flight at once: their calls overlap.
    const copies = ec2.calls.filter((c) => c.cmd === 'CopyImage');
    expect(copies).toHaveLength(2);
    expect(copies[1].start).toBeLessThan(copies[0].end);
    const path = ec2.criticalPath();
    console.log(
      `amazon-ebs critical path, three regions: ${path.length} sequential calls: ${path.join(' → ')}`,
    );
    expect(path.length).toBeLessThanOrEqual(14);
  });

  it('encrypt_boot: encrypted copies everywhere, the unencrypted original removed', async () => {
    const { result } = await build(
      spec(`ami_name: enc-${Date.now()}\nencrypt_boot: true\nkms_key_id: alias/build`),
    );
    expect(result.error).toBeUndefined();
    const live = ec2.leftovers().filter((t) => t.kind === 'image');
    expect(live).toHaveLength(1);
    expect(live[0].data.encrypted).toBe(true);
    expect(result.artifact?.id).toBe(`us-east-1:${live[0].id}`);
    expect(ec2.calls.find((c) => c.cmd === 'CopyImage')!.input).toMatchObject({
      Encrypted: true,
      KmsKeyId: 'alias/build',
    });
    expect(ec2.leftovers().filter((t) => t.kind === 'snapshot')).toHaveLength(1);
  });

  it('force_deregister replaces an AMI of the same name and force_delete_snapshot its snapshot', async () => {
    const name = `same-${Date.now()}`;
    const old = ec2.existingImage('us-east-1', name);
    const { result } = await build(
      spec(`ami_name: ${name}\nforce_deregister: true\nforce_delete_snapshot: true`),
    );
    expect(result.error).toBeUndefined();
    expect(ec2.things.get(old.image)!.state).toBe('gone');
    expect(ec2.things.get(old.snapshot)!.state).toBe('gone');
  });

  it('refuses a taken AMI name before creating anything', async () => {
    const name = `taken-${Date.now()}`;
    const old = ec2.existingImage('us-east-1', name);
    const { result } = await build(spec(`ami_name: ${name}`));
    expect(result.status).toBe('failed');
    expect(result.error).toContain(
      `an AMI named "${name}" already exists in us-east-1: ${old.image}`,
    );
    expect(result.hint).toContain('force_deregister');
    expect(
      ec2.count('RunInstances') + ec2.count('ImportKeyPair') + ec2.count('CreateSecurityGroup'),
    ).toBe(0);
  });

  it('finds the subnet with most free addresses and puts the group in its VPC', async () => {
    ec2.publicIp = false;
    const { result } = await build(
      spec(`ami_name: sub-${Date.now()}
subnet_filter: {filters: {'tag:Tier': build}}
ssh_interface: private_ip
temporary_security_group_source_cidrs: null`),
    );
    expect(result.error).toBeUndefined();
    const input = ec2.made('instance')[0].data.input as any;
    expect(input.SubnetId).toBe('subnet-big');
    expect(ec2.made('security-group')[0].data.vpc).toBe('vpc-1');
    // Reached privately: the group allows the VPC's range, not the world.
    expect((ec2.made('security-group')[0].data.rules as any)[0].IpRanges[0].CidrIp).toBe(
      '10.20.0.0/16',
    );
  });
});

describe('amazon-ebs launch settings', () => {
  it("opens SSH to this runner's public address as a checker reports it, and passes launch settings through", async () => {
    const checker = createServer((_req, res) => res.end('198.51.100.23\n'));
    await new Promise<void>((r) => checker.listen(0, '127.0.0.1', r));
    process.env.BAKE_CHECKIP_URL = `http://127.0.0.1:${(checker.address() as AddressInfo).port}/`;
    try {
      const { result, dir } = await build(
        spec(`ami_name: ip-${Date.now()}
temporary_security_group_source_cidrs: null
user_data_file: boot.sh
iam_instance_profile: builder
launch_block_device_mappings: [{device_name: /dev/xvda, volume_size: 20, volume_type: gp3, throughput: 250}]
ami_block_device_mappings: [{device_name: /dev/sdf, no_device: true}]
metadata_options: {http_put_response_hop_limit: 2}
run_tags: {Purpose: build}
disable_stop_instance: true`),
        { files: { 'boot.sh': '#!/bin/sh\necho hello\n' } },
      );
      expect(result.error).toBeUndefined();
      expect(dir).toBeTruthy();
      const rules = ec2.made('security-group')[0].data.rules as any[];
      expect(rules[0].IpRanges).toEqual([{ CidrIp: '198.51.100.23/32', Description: 'bake SSH' }]);
      const input = ec2.made('instance')[0].data.input as any;
      expect(Buffer.from(input.UserData, 'base64').toString()).toBe('#!/bin/sh\necho hello\n');
      expect(input.IamInstanceProfile).toEqual({ Name: 'builder' });
      expect(input.BlockDeviceMappings).toEqual([
        {
          DeviceName: '/dev/xvda',
          Ebs: expect.objectContaining({
            VolumeSize: 20,
            VolumeType: 'gp3',
            Throughput: 250,
            DeleteOnTermination: true,
          }),
        },
      ]);
      expect(input.MetadataOptions).toEqual({
        HttpEndpoint: 'enabled',
        HttpTokens: 'required',
        HttpPutResponseHopLimit: 2,
      });
      expect(ec2.made('instance')[0].tags).toMatchObject({ Purpose: 'build' });
      // disable_stop_instance: no stop; the image is taken from the running instance.
      expect(ec2.count('StopInstances')).toBe(0);
      const create = ec2.calls.find((c) => c.cmd === 'CreateImage')!.input as any;
      expect(create.NoReboot).toBe(true);
      expect(create.BlockDeviceMappings).toEqual([{ DeviceName: '/dev/sdf', NoDevice: '' }]);
    } finally {
      delete process.env.BAKE_CHECKIP_URL;
      checker.close();
    }
  });

  it('without a way to learn its address, opens SSH to the world and says so', async () => {
    process.env.BAKE_CHECKIP_URL = 'http://127.0.0.1:9/';
    try {
      const { result, output } = await build(
        spec(`ami_name: open-${Date.now()}\ntemporary_security_group_source_cidrs: null`),
      );
      expect(result.error).toBeUndefined();
      expect((ec2.made('security-group')[0].data.rules as any)[0].IpRanges[0].CidrIp).toBe(
        '0.0.0.0/0',
      );
      expect(output).toContain('warning: could not find where SSH will come from');
    } finally {
      delete process.env.BAKE_CHECKIP_URL;
    }
  });
});

describe('amazon-ebs failures leave nothing behind', () => {
  const steps = [
    'DescribeImages',
    'ImportKeyPair',
    'CreateSecurityGroup',
    'AuthorizeSecurityGroupIngress',
    'RunInstances',
    'DescribeInstances',
    'StopInstances',
    'CreateImage',
    'CopyImage',
    'ModifyImageAttribute',
  ];
  it.each(steps)('a failure in %s deletes exactly what was created', async (cmd) => {
    ec2.failures.push({ cmd, error: awsError('InternalError', `injected failure in ${cmd}`) });
    const { result, ledger } = await build(
      spec(
        `ami_name: fail-${cmd}-${Date.now()}\nami_regions: [us-west-2]\nami_users: ['123456789012']`,
      ),
    );
    expect(result.status).toBe('failed');
    expect(result.error).toContain(`InternalError: injected failure in ${cmd}`);
    expect(ec2.leftovers()).toEqual([]);
    // Each thing made got its delete call: instances terminated, groups and keys deleted,
    // AMIs deregistered and their snapshots deleted.
    const deletes: Record<string, string> = {
      instance: 'TerminateInstances',
      'key-pair': 'DeleteKeyPair',
      'security-group': 'DeleteSecurityGroup',
      image: 'DeregisterImage',
      snapshot: 'DeleteSnapshot',
    };
    for (const t of ec2.things.values()) {
      if (t.preexisting) continue;
      const key = {
        instance: 'InstanceIds',
        'key-pair': 'KeyPairId',
        'security-group': 'GroupId',
        image: 'ImageId',
        snapshot: 'SnapshotId',
      }[t.kind];
      const calls = ec2.calls.filter(
        (c) => c.cmd === deletes[t.kind] && JSON.stringify(c.input[key]).includes(t.id),
      );
      expect(calls.length).toBeGreaterThanOrEqual(1);
    }
    expect(pendingOf(ledger)).toEqual([]);
  });

  it.each(['CopyImage', 'ModifyImageAttribute'])(
    'encrypt_boot: a failure in %s removes the original and every encrypted copy',
    async (cmd) => {
      ec2.failures.push({
        cmd,
        error: awsError('InternalError', `injected failure in ${cmd}`),
        region: 'eu-west-1',
      });
      const { result, ledger } = await build(
        spec(
          `ami_name: encfail-${Date.now()}\nencrypt_boot: true\nami_regions: [eu-west-1]\nami_users: ['123456789012']`,
        ),
      );
      expect(result.status).toBe('failed');
      expect(ec2.made('image').length).toBeGreaterThanOrEqual(2);
      expect(ec2.leftovers()).toEqual([]);
      expect(pendingOf(ledger)).toEqual([]);
    },
  );

  const cancelAt = [
    'ImportKeyPair',
    'RunInstances',
    'DescribeInstances',
    'StopInstances',
    'CreateImage',
    'CopyImage',
  ];
  it.each(cancelAt)('cancelled right after %s: cancelled, and everything removed', async (cmd) => {
    const ctl = new AbortController();
    ec2.afterCall = (c) => {
      if (c === cmd) ctl.abort();
    };
    const { result, ledger } = await build(
      spec(`ami_name: cancel-${cmd}-${Date.now()}\nami_regions: [eu-west-1]`),
      {
        signal: ctl.signal,
      },
    );
    expect(result.status).toBe('cancelled');
    expect(ec2.leftovers()).toEqual([]);
    expect(pendingOf(ledger)).toEqual([]);
  });

  it('waits through the brief not-found and throttling that follow a create', async () => {
    // The new instance is not found at first; the first look at the new AMI is throttled.
    ec2.failures.push({ cmd: 'DescribeInstances', error: awsError('InvalidInstanceID.NotFound') });
    ec2.afterCall = (cmd) => {
      if (cmd === 'CreateImage')
        ec2.failures.push({ cmd: 'DescribeImages', error: awsError('RequestLimitExceeded') });
    };
    const { result } = await build(spec(`ami_name: late-${Date.now()}`));
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('succeeded');
    expect(ec2.failures.every((f) => (f.times ?? 1) === 0)).toBe(true);
    // The throttled look was answered 503 and tried again; the not-found one was a 400.
    const statuses = (cmd: string) => ec2.calls.filter((c) => c.cmd === cmd).map((c) => c.status);
    expect(statuses('DescribeImages').join(' ')).toContain('503 200');
    expect(statuses('DescribeInstances')[0]).toBe(400);
  });

  it('capacity errors name the code and suggest spot_instance_types or another subnet', async () => {
    ec2.failures.push({
      cmd: 'RunInstances',
      error: awsError(
        'InsufficientInstanceCapacity',
        'We currently do not have sufficient t3.micro capacity',
      ),
    });
    const { result } = await build(spec(`ami_name: cap-${Date.now()}`));
    expect(result.error).toContain('InsufficientInstanceCapacity');
    expect(result.failedStep).toBe('launch instance');
    expect(result.hint).toMatch(/spot_instance_types.*subnet/);
    expect(ec2.leftovers()).toEqual([]);
  });

  it('spot: falls back to the next type when one has no capacity', async () => {
    ec2.failures.push({ cmd: 'RunInstances', error: awsError('InsufficientInstanceCapacity') });
    const { result, output } = await build(
      spec(
        `ami_name: spot-${Date.now()}\nspot_price: auto\nspot_instance_types: [t3.micro, t3a.micro]\ninstance_type: null`,
      ),
    );
    expect(result.error).toBeUndefined();
    const runs = ec2.calls.filter((c) => c.cmd === 'RunInstances');
    expect(runs.map((r) => r.input.InstanceType)).toEqual(['t3.micro', 't3a.micro']);
    expect(runs[1].input.InstanceMarketOptions).toMatchObject({ MarketType: 'spot' });
    expect(output).toContain('no spot capacity for t3.micro');
  });

  it('a user_data_file that is not there: says which, at its line, and where paths start, before any call', async () => {
    // Found by validation now, before the build starts.
    const p = problemsOf(spec(`ami_name: ud-${Date.now()}\nuser_data_file: missing.sh`));
    expect(p.map((x) => [x.path, x.message])).toEqual([
      ['sources.golden.user_data_file', '"missing.sh" does not exist'],
    ]);
    expect(p[0].hint).toContain("relative to the spec's directory");
    expect(ec2.calls).toEqual([]);
    expect(ec2.leftovers()).toEqual([]);
  });

  it('an instance without a public IP: says so, and where to look', async () => {
    ec2.publicIp = false;
    const { result } = await build(spec(`ami_name: noip-${Date.now()}`));
    expect(result.failedStep).toBe('connect');
    expect(result.error).toContain('has no public ip');
    expect(result.hint).toContain('associate_public_ip_address');
    expect(ec2.leftovers()).toEqual([]);
  });

  it('an SSH login that is refused points at ssh_username', async () => {
    const { result } = await build(
      spec(`ami_name: user-${Date.now()}\nssh_username: ec2-user\nssh_handshake_attempts: 1`),
    );
    expect(result.failedStep).toBe('connect');
    expect(result.hint).toContain('ssh_username ("ec2-user"');
    expect(ec2.leftovers()).toEqual([]);
  });

  it("ssh_clear_authorized_keys takes the launch key's line out of authorized_keys before the AMI, and leaves the others", async () => {
    const other =
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOtherKeyOfTheTeamOtherKeyOfTheTeam0000 team@ops';
    const inline = [`echo '${other}' >> /root/.ssh/authorized_keys`];
    const { result } = await build(
      spec(
        `ami_name: cleared-${Date.now()}\nssh_clear_authorized_keys: true`,
        JSON.stringify([{ type: 'shell', inline }]),
      ),
    );
    expect(result.error).toBeUndefined();
    const launchKey = String(ec2.made('key-pair')[0].data.publicKey).split(/\s+/)[1];
    expect(launchKey).toMatch(/^AAAA[\w+/=]{40,}$/);
    const keys = await sshdHas('/root/.ssh/authorized_keys');
    expect(keys).toContain(other);
    expect(keys).not.toContain(launchKey);
  });

  it('UnauthorizedOperation is decoded through STS when allowed', async () => {
    ec2.decodeAuthorizationMessage = () =>
      JSON.stringify({
        context: { action: 'ec2:RunInstances', resource: 'arn:aws:ec2:us-east-1:1:instance/*' },
      });
    ec2.failures.push({
      cmd: 'RunInstances',
      error: awsError(
        'UnauthorizedOperation',
        'You are not authorized to perform this operation. Encoded authorization failure message: AbC123xyz',
      ),
    });
    const { result } = await build(spec(`ami_name: auth-${Date.now()}`));
    expect(result.error).toContain(
      'denied: ec2:RunInstances on arn:aws:ec2:us-east-1:1:instance/*',
    );
    expect(result.error).not.toContain('AbC123xyz');
    expect(result.hint).toContain('allow ec2:RunInstances');
    // Asked of STS in the build's region, with the encoded message the error carried.
    const decode = ec2.calls.filter((c) => c.service === 'sts');
    expect(decode.map((c) => [c.cmd, c.region, c.input])).toEqual([
      ['DecodeAuthorizationMessage', 'us-east-1', { EncodedMessage: 'AbC123xyz' }],
    ]);
  });

  it("with custom_endpoint_ec2, UnauthorizedOperation is not sent to AWS's STS to decode", async () => {
    ec2.decodeAuthorizationMessage = () => JSON.stringify({ context: { action: 'x' } });
    ec2.failures.push({
      cmd: 'RunInstances',
      error: awsError(
        'UnauthorizedOperation',
        'You are not authorized to perform this operation. Encoded authorization failure message: AbC123xyz',
      ),
    });
    const { result } = await build(
      spec(`ami_name: other-cloud-${Date.now()}\ncustom_endpoint_ec2: ${ec2.url}`),
    );
    expect(result.status).toBe('failed');
    expect(result.error).toContain('UnauthorizedOperation');
    expect(result.hint).toContain(`lack a permission at ${ec2.url}`);
    expect(ec2.calls.filter((c) => c.service === 'sts')).toEqual([]);
    // The build's own calls went to the address given.
    expect(ec2.count('RunInstances')).toBe(1);
    expect(ec2.leftovers()).toEqual([]);
  });

  it("AWS's own addresses as custom_endpoint_ec2 (a VPC endpoint) are still decoded by STS", async () => {
    ec2.decodeAuthorizationMessage = () =>
      JSON.stringify({ context: { action: 'ec2:CreateImage', resource: 'arn:aws:ec2:x' } });
    const denied = new Error(
      'UnauthorizedOperation: You are not authorized to perform this operation. Encoded authorization failure message: Zz9',
    );
    for (const endpoint of [
      'https://vpce-0abc-1234.ec2.eu-west-1.vpce.amazonaws.com',
      'ec2.cn-north-1.amazonaws.com.cn',
    ]) {
      const e = await explainUnauthorized(denied, 'eu-west-1', undefined, endpoint);
      expect(e.message).toContain('denied: ec2:CreateImage on arn:aws:ec2:x');
      expect(e.message).not.toContain('Zz9');
    }
    expect(ec2.calls.filter((c) => c.service === 'sts')).toHaveLength(2);
    // A host that only looks like AWS's is another cloud.
    for (const other of ['https://amazonaws.com.example.org', 'https://evilamazonaws.com'])
      expect(isAwsEndpoint(other)).toBe(false);
  });

  it('bake cleanup removes what a run with on-error=abort left for debugging', async () => {
    ec2.failures.push({ cmd: 'StopInstances', error: awsError('InternalError') });
    const { ledger: ledgerFile, result } = await bakeIn(
      tempProject({ 'bake.yml': spec(`ami_name: kept-${Date.now()}`) }),
      { onError: 'abort' },
    );
    expect(result.leftRunning).toContain('bake cleanup --ledger');
    const open = pendingOf(ledgerFile);
    expect(open.map((e) => e.kind).sort()).toEqual([
      'aws-instance',
      'aws-key-pair',
      'aws-security-group',
    ]);
    expect(ec2.leftovers().length).toBe(3);
    const out: string[] = [];
    expect(await cleanupLedger(ledgerFile, builtInRegistry(), (t) => out.push(t))).toBe(0);
    expect(ec2.leftovers()).toEqual([]);
    expect(pendingOf(ledgerFile)).toEqual([]);
    // Idempotent: a second pass has nothing to do.
    expect(await cleanupLedger(ledgerFile, builtInRegistry(), () => undefined)).toBe(0);
  });
});

describe('amazon-ebs spec checks', () => {
  it('needs exactly one of source_ami and source_ami_filter, with a position', () => {
    const p = problemsOf(`sources:
  x:
    type: amazon-ebs
    instance_type: t3.micro
    ssh_username: admin
    ami_name: my-ami
builds:
  b:
    sources: [x]
`);
    expect(p[0].message).toBe('set exactly one of source_ami and source_ami_filter');
    expect(p[0].pos?.line).toBe(3);
  });

  it('a source_ami_filter without owners is refused at the filter; an owner-id filter pins it too', () => {
    const spec = (filter: string) => `sources:
  x:
    type: amazon-ebs
    source_ami_filter:
${filter}
    instance_type: t3.micro
    ssh_username: admin
    ami_name: my-ami
builds:
  b:
    sources: [x]
`;
    const p = problemsOf(spec('      filters: {name: debian-12-amd64-*}\n      most_recent: true'));
    expect(p.map((x) => [x.message.split(':')[0], x.pos?.line])).toEqual([
      ['source_ami_filter needs owners', 5],
    ]);
    expect(p[0].hint).toMatch(/owners: \["136693071363"\]/);
    const plan = planOf(spec('      filters: {name: debian-12-amd64-*, owner-id: "136693071363"}'));
    expect(plan.instances[0].config.source_ami_filter).toMatchObject({
      filters: { 'owner-id': '136693071363' },
    });
  });

  it('rejects an AMI name AWS would refuse and a deprecate_at that is not a time', () => {
    const p = problemsOf(`sources:
  x:
    type: amazon-ebs
    source_ami: ami-1
    instance_type: t3.micro
    ssh_username: admin
    ami_name: "my ami <1>"
    deprecate_at: next year
builds:
  b:
    sources: [x]
`);
    expect(p.map((x) => [x.message, x.pos?.line])).toEqual(
      expect.arrayContaining([
        ['deprecate_at "next year" is not a time', 8],
        ['ami_name "my ami <1>" is not a valid AMI name', 7],
      ]),
    );
    expect(p).toHaveLength(2);
  });

  it('the default wait backoff starts at 1 s and grows to 15 s', () => {
    const d = backoffDelays(60_000);
    expect(d.slice(0, 4)).toEqual([1000, 1500, 2250, 3375]);
    expect(Math.max(...d)).toBe(15_000);
    expect(d.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(60_000);
  });
});

describe('bake sweep', () => {
  it('lists old resources of bake runs in a dry run, deletes them with --delete, and spares young ones', async () => {
    const { sweep } = await import('../src/plugins/builders/amazon-ebs/sweep');
    // A run that failed with on-error=abort leaves an instance, a key pair and a group.
    ec2.failures.push({ cmd: 'StopInstances', error: awsError('InternalError') });
    await bakeIn(tempProject({ 'bake.yml': spec(`ami_name: swept-${Date.now()}`) }), {
      onError: 'abort',
    });
    // And something bake did not make, which sweep must never touch.
    const foreign = ec2.existingImage('us-east-1', 'not-ours');
    expect(
      ec2
        .leftovers()
        .map((t) => t.kind)
        .sort(),
    ).toEqual(['instance', 'key-pair', 'security-group']);

    const young: string[] = [];
    expect(
      await sweep({
        regions: ['us-east-1'],
        olderThanMs: 6 * 3_600_000,
        delete: true,
        write: (l) => young.push(l),
      }),
    ).toBe(0);
    expect(young).toEqual(['nothing older than 6h in us-east-1']);
    expect(ec2.leftovers()).toHaveLength(3);

    const later = Date.now() + 7 * 3_600_000;
    const dry: string[] = [];
    expect(
      await sweep({
        regions: ['us-east-1', 'eu-west-1'],
        olderThanMs: 6 * 3_600_000,
        delete: false,
        write: (l) => dry.push(l),
        now: later,
      }),
    ).toBe(0);
    expect(dry.filter((l) => l.startsWith('would delete'))).toHaveLength(3);
    expect(dry.at(-1)).toContain('--delete');
    expect(ec2.leftovers()).toHaveLength(3);

    const out: string[] = [];
    expect(
      await sweep({
        regions: ['us-east-1'],
        olderThanMs: 6 * 3_600_000,
        delete: true,
        write: (l) => out.push(l),
        now: later,
      }),
    ).toBe(0);
    expect(out.filter((l) => l.startsWith('deleted'))).toHaveLength(3);
    expect(ec2.leftovers()).toEqual([]);
    expect(ec2.things.get(foreign.image)!.state).toBe('available');
  });
});

describe('bake sweep and available AMIs', () => {
  it("removes the available AMI of a run that never finished, and never a finished run's", async () => {
    const { sweep } = await import('../src/plugins/builders/amazon-ebs/sweep');
    // A finished run: its AMI is the result, left on purpose.
    const done = await bakeIn(tempProject({ 'bake.yml': spec(`ami_name: kept-${Date.now()}`) }));
    expect(done.result.status).toBe('succeeded');
    const finishedAmi = done.result.artifact!.regions!['us-east-1'];
    // A run killed after its AMI became available (on-error=abort keeps everything).
    ec2.failures.push({ cmd: 'CopyImage', error: awsError('InternalError') });
    await bakeIn(
      tempProject({
        'bake.yml': spec(`ami_name: killed-${Date.now()}\nami_regions: [us-west-2]`),
      }),
      { onError: 'abort' },
    );
    const finishedRun = ec2.things.get(finishedAmi)!.tags['bake:run'];
    const killed = ec2
      .leftovers()
      .filter((t) => t.kind === 'image' && t.tags['bake:run'] !== finishedRun);
    expect(killed.map((t) => t.state)).toEqual(['available']);
    const out: string[] = [];
    await sweep({
      regions: ['us-east-1'],
      olderThanMs: 6 * 3_600_000,
      delete: true,
      write: (l) => out.push(l),
      now: Date.now() + 7 * 3_600_000,
    });
    expect(out.filter((l) => l.startsWith('deleted') && l.includes('AMI'))).toHaveLength(1);
    expect(ec2.things.get(finishedAmi)!.state).toBe('available');
    expect(
      ec2.leftovers().filter((t) => t.kind !== 'snapshot' && t.tags['bake:run'] !== finishedRun),
    ).toEqual([]);
  });
});

describe('amazon-ebs with skip-unchanged', () => {
  it('reuses an AMI while the source AMI and the spec are the same and the AMI exists', async () => {
    const dir = tempProject({
      'bake.yml': spec('ami_name: reuse-${formatdate("YYYYMMDDhhmmss", timestamp())}'),
    });
    const cache = directoryCache(join(dir, 'cache'));
    const run = async () => {
      const { result, output } = await bakeIn(dir, { cache });
      return { r: result, output };
    };
    const first = await run();
    expect(first.r.status).toBe('succeeded');
    const launches = () => ec2.count('RunInstances');
    expect(launches()).toBe(1);

    await new Promise((r) => setTimeout(r, 1100)); // another timestamp(), so another ami_name
    const second = await run();
    expect(second.r).toMatchObject({ status: 'succeeded', reused: true });
    expect(second.r.artifact?.regions).toEqual(first.r.artifact?.regions);
    expect(launches()).toBe(1);

    // A newer source AMI matches the filter: another base, so another build.
    ec2.sourceImages.push({
      ImageId: 'ami-0newer',
      Name: 'debian-12-amd64-20260101',
      CreationDate: '2026-01-01T00:00:00Z',
    });
    const third = await run();
    expect(third.r.reused).toBeUndefined();
    expect(launches()).toBe(2);
    expect((ec2.made('instance')[1].data.input as any).ImageId).toBe('ami-0newer');

    // The cached AMI was deregistered: built again.
    const id = Object.values(third.r.artifact!.regions!)[0];
    ec2.things.get(id)!.state = 'gone';
    const fourth = await run();
    expect(fourth.output).toContain(`unchanged, but us-east-1:${id} no longer exists`);
    expect(launches()).toBe(3);
  });
});

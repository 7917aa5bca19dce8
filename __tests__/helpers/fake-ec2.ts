/* eslint-disable @typescript-eslint/no-explicit-any -- EC2 inputs and outputs, loosely typed on purpose */
/**
 * A small EC2 for the amazon-ebs tests, installed under the real SDK client with
 * aws-sdk-client-mock: instances, key pairs, security groups, AMIs and snapshots in several
 * regions, with the state changes a build waits for. Launched "instances" are a real sshd
 * container: the key pair named at launch lands in its authorized_keys, as cloud-init does.
 */
import { randomBytes } from 'node:crypto';
import { mockClient } from 'aws-sdk-client-mock';
import * as EC2 from '@aws-sdk/client-ec2';
import { docker } from './docker';

const { EC2Client, EC2ServiceException } = EC2;

export interface Call {
  cmd: string;
  region: string;
  input: Record<string, unknown>;
  start: number;
  end: number;
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

export function awsError(code: string, message = code): Error {
  return new EC2ServiceException({
    name: code,
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
    message,
  });
}

const id = (prefix: string) => `${prefix}-${randomBytes(8).toString('hex').slice(0, 17)}`;

/** The tags a create call asked for on one resource type. */
const tagsOf = (input: any, type: string): Record<string, string> =>
  Object.fromEntries(
    ((input.TagSpecifications ?? []) as any[])
      .filter((t) => t.ResourceType === type)
      .flatMap((t) => t.Tags)
      .map((t: any) => [t.Key, t.Value]),
  );

export class FakeEc2 {
  calls: Call[] = [];
  things = new Map<string, Thing>();
  /** Fail the first call of this command (optionally in a region) with this error. */
  failures: { cmd: string; error: Error; region?: string; times?: number }[] = [];
  /** Called after each answered call: tests cancel here. */
  afterCall?: (cmd: string) => void;
  /** What a launched instance answers on (the sshd container). */
  sshIp = '127.0.0.1';
  sshContainer?: string;
  publicIp = true;
  latencyMs = 5;
  sourceImages: { ImageId: string; Name: string; CreationDate: string }[] = [
    { ImageId: 'ami-0old', Name: 'debian-12-amd64-20240101', CreationDate: '2024-01-01T00:00:00Z' },
    { ImageId: 'ami-0new', Name: 'debian-12-amd64-20250101', CreationDate: '2025-01-01T00:00:00Z' },
  ];
  readonly mock = mockClient(EC2Client);

  constructor() {
    const on = (name: string, fn: (input: any, region: string) => unknown | Promise<unknown>) => {
      const Cmd = (EC2 as unknown as Record<string, new (i: unknown) => unknown>)[`${name}Command`];
      this.mock.on(Cmd as never).callsFake(async (input: any, getClient: () => any) => {
        const region = await getClient().config.region();
        const call: Call = { cmd: name, region, input, start: performance.now(), end: 0 };
        this.calls.push(call);
        await new Promise((r) => setTimeout(r, this.latencyMs));
        try {
          const f = this.failures.find(
            (x) => x.cmd === name && (!x.region || x.region === region) && (x.times ?? 1) > 0,
          );
          if (f) {
            f.times = (f.times ?? 1) - 1;
            throw f.error;
          }
          return await fn(input, region);
        } finally {
          call.end = performance.now();
          this.afterCall?.(name);
        }
      });
    };
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
      return {};
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
      return { Instances: [this.instance(t)] };
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
      State: { Name: t.state as never },
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

  restore(): void {
    this.mock.restore();
  }
}

/**
 * The amazon-ebs builder's steps: find the source AMI and network, create a temporary key
 * pair and security group, launch, connect, provision, stop, create the AMI, copy it,
 * share it. Every resource is tagged at creation and written to the ledger the moment it
 * exists; creating calls are never raced against cancellation (a late answer would leak
 * what it made), they are awaited, ledgered, and then the build stops.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { clearAuthorizedKey } from '../../../communicators/clear-key';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  AuthorizeSecurityGroupIngressCommand,
  BlockDeviceMapping,
  CopyImageCommand,
  CreateImageCommand,
  CreateSecurityGroupCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EnableImageDeprecationCommand,
  Filter,
  Image,
  ImportKeyPairCommand,
  Instance,
  ModifyImageAttributeCommand,
  ModifyInstanceAttributeCommand,
  ModifySnapshotAttributeCommand,
  RunInstancesCommand,
  RunInstancesCommandInput,
  StopInstancesCommand,
  Tag,
} from '@aws-sdk/client-ec2';
import { SshCommunicator } from '../../../communicators/ssh';
import { temporaryKeyPair } from '../../../communicators/ssh-config';
import { BuildEnv, BuildError, BuildState, withBuildFields } from '../../../engine/context';
import { LedgerEntry } from '../../../engine/ledger';
import { Step, throwIfCancelled, withTimeout } from '../../../engine/steps';
import { AssumeRole, awsFailure, codeOf, ec2, Polling, regionOf, tagList, waitFor } from './aws';
import {
  deleteKeyPair,
  deleteSecurityGroup,
  deregisterImage,
  terminateInstance,
} from './resources';
import { connectSsh } from '../../ssh-connect';

type Config = Record<string, unknown>;

interface Made {
  id: string;
  entry: LedgerEntry;
}

interface EbsState extends BuildState {
  ssh?: SshCommunicator;
  sourceAmi?: string;
  vpcId?: string;
  subnetId?: string;
  availabilityZone?: string;
  cidrs?: string[];
  key?: Made & { name: string; privateKey: string; deleted?: boolean };
  group?: Made;
  instance?: Made & { info?: Instance };
  /** Every AMI made and not yet removed, in the order they were made. */
  made: { region: string; image: Made & { snapshots: string[] } }[];
  finished?: boolean;
  userData?: Buffer;
}

const CAPACITY =
  /^(InsufficientInstanceCapacity|InsufficientCapacity|SpotMaxPriceTooLow|Unsupported|InsufficientFreeAddressesInSubnet)$/;

export function filterList(m: unknown): Filter[] {
  return Object.entries((m ?? {}) as Record<string, unknown>).map(([Name, v]) => ({
    Name,
    Values: Array.isArray(v) ? v.map(String) : [String(v)],
  }));
}

function devices(list: unknown): BlockDeviceMapping[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return (list as Config[]).map((d) => ({
    DeviceName: String(d.device_name),
    ...(d.virtual_name ? { VirtualName: String(d.virtual_name) } : {}),
    ...(d.no_device ? { NoDevice: '' } : {}),
    ...(d.no_device || d.virtual_name
      ? {}
      : {
          Ebs: {
            VolumeSize: d.volume_size as number | undefined,
            VolumeType: d.volume_type as never,
            Iops: d.iops as number | undefined,
            Throughput: d.throughput as number | undefined,
            DeleteOnTermination: (d.delete_on_termination as boolean | undefined) ?? true,
            Encrypted: d.encrypted as boolean | undefined,
            KmsKeyId: d.kms_key_id as string | undefined,
            SnapshotId: d.snapshot_id as string | undefined,
          },
        }),
  }));
}

/** The runner's public address as others see it, or undefined within 3 s. */
async function publicIp(): Promise<string | undefined> {
  const url = process.env.BAKE_CHECKIP_URL ?? 'https://checkip.amazonaws.com/';
  const t = withTimeout(undefined, 3000);
  try {
    const r = await fetch(url, { signal: t.signal });
    const text = (await r.text()).trim();
    return r.ok && /^\d{1,3}(\.\d{1,3}){3}$/.test(text) ? text : undefined;
  } catch {
    return undefined;
  } finally {
    t.clear();
  }
}

/** Settles every promise, then throws the first failure: nothing created is left unledgered. */
async function allOrFirstError(ps: Promise<unknown>[]): Promise<void> {
  const r = await Promise.allSettled(ps);
  const failed = r.find((x): x is PromiseRejectedResult => x.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The AMI a build starts from: source_ami, or the match of source_ami_filter. */
/** The source AMI's ID: source_ami as given, or what source_ami_filter finds. */
export async function findSourceAmi(
  c: Config,
  region: string,
  role?: AssumeRole,
  signal?: AbortSignal,
): Promise<string> {
  if (typeof c.source_ami === 'string') return c.source_ami;
  return (await sourceAmiImage(c, region, role, signal)).ImageId!;
}

/**
 * The source AMI itself (its name, owner and date are build.SourceAMIName and the like): the
 * one source_ami names, which must exist in the region, or what source_ami_filter finds.
 */
export async function sourceAmiImage(
  c: Config,
  region: string,
  role?: AssumeRole,
  signal?: AbortSignal,
): Promise<Image> {
  const f = c.source_ami_filter as Config | undefined;
  const byId = typeof c.source_ami === 'string';
  const filters = byId ? [] : filterList(f!.filters);
  const owners = byId ? [] : ((f!.owners as string[] | undefined) ?? []);
  const r = await ec2(region, role, c.custom_endpoint_ec2 as string | undefined)
    .send(
      new DescribeImagesCommand(
        byId
          ? { ImageIds: [c.source_ami as string] }
          : { Filters: filters, ...(owners.length ? { Owners: owners } : {}) },
      ),
      { abortSignal: signal },
    )
    .catch(async (e) => {
      throw await awsFailure(
        e,
        byId ? `looking up source_ami ${String(c.source_ami)}` : 'looking up source_ami_filter',
        region,
        role,
        c.custom_endpoint_ec2 as string | undefined,
      );
    });
  if (byId) {
    const found = r.Images?.[0];
    if (!found)
      throw new BuildError(
        `source_ami ${String(c.source_ami)} does not exist in ${region}`,
        'AMI IDs differ from region to region: check the ID and region, or use source_ami_filter',
      );
    return found;
  }
  const images = (r.Images ?? []).sort((a, b) =>
    String(b.CreationDate ?? '').localeCompare(String(a.CreationDate ?? '')),
  );
  const shown = `filters ${JSON.stringify(f!.filters ?? {})}${owners.length ? `, owners ${JSON.stringify(owners)}` : ''}`;
  if (!images.length)
    throw new BuildError(
      `source_ami_filter matched no AMI in ${region} (${shown})`,
      'check the names and wildcards (*) and the owners; "aws ec2 describe-images --owners <owner> --filters Name=name,Values=<pattern>" lists what matches',
    );
  if (images.length > 1 && f!.most_recent !== true)
    throw new BuildError(
      `source_ami_filter matched ${images.length} AMIs in ${region} (${shown}): ${images
        .slice(0, 5)
        .map((i) => `${i.ImageId} ${i.Name ?? ''}`.trim())
        .join(', ')}${images.length > 5 ? ', ...' : ''}`,
      'set most_recent: true, or narrow the filters',
    );
  return images[0];
}

export function ebsSteps(env: BuildEnv, provision: Step<BuildState>): Step<EbsState>[] {
  const c = env.instance.config;
  const region = regionOf(c);
  const role = c.assume_role as AssumeRole | undefined;
  const endpoint = c.custom_endpoint_ec2 as string | undefined;
  const client = (r = region) => ec2(r, role, endpoint);
  const polling: Polling = {
    delayMs:
      (c.aws_polling as Config | undefined)?.delay_seconds !== undefined
        ? Number((c.aws_polling as Config).delay_seconds) * 1000
        : undefined,
    maxAttempts: (c.aws_polling as Config | undefined)?.max_attempts as number | undefined,
  };
  const amiName = String(c.ami_name);
  const copyRegions = [...new Set(((c.ami_regions as string[]) ?? []).filter((r) => r !== region))];
  const targetRegions = [region, ...copyRegions];
  const safeName = env.instance.name.replace(/[^A-Za-z0-9-]/g, '-');
  const resourceName = `bake-${safeName}-${env.runUuid.slice(0, 8)}`;
  const created = new Date().toISOString();
  const bakeTags = {
    'bake:run': env.runUuid,
    'bake:build': env.instance.name,
    'bake:created': created,
  };
  const runTags: Tag[] = tagList({ Name: resourceName }, bakeTags);
  /** A setting that may use build.SourceAMI and the like, filled in now. */
  const filled = (k: string) => withBuildFields(c[k], env, k) as Config | undefined;
  const imageTagSpecs = () => [
    { ResourceType: 'image' as const, Tags: tagList(filled('tags'), bakeTags) },
    { ResourceType: 'snapshot' as const, Tags: tagList(filled('snapshot_tags'), bakeTags) },
  ];
  /** The AMI of each target region, in ami_regions order: the newest made there. */
  const finalImages = (s: EbsState) =>
    targetRegions.map((r) => [r, s.made.filter((m) => m.region === r).at(-1)!.image] as const);
  // What `bake cleanup` needs to reach the resource later with the same role.
  const ledgerRef = (r: string, extra: Record<string, string>) => ({
    region: r,
    ...extra,
    ...(role ? { role_arn: role.role_arn } : {}),
    ...(role?.external_id ? { external_id: role.external_id } : {}),
    ...(endpoint ? { endpoint } : {}),
  });
  const sshInterface = String(c.ssh_interface ?? 'public_ip');
  const sshPort = Number(c.ssh_port ?? 22);
  const needGroup = c.security_group_ids === undefined;
  const needKey =
    c.ssh_keypair_name === undefined &&
    c.ssh_private_key_file === undefined &&
    c.ssh_private_key === undefined &&
    c.ssh_agent_auth !== true &&
    c.ssh_password === undefined;
  const reachedPrivately =
    sshInterface.startsWith('private') || typeof c.ssh_bastion_host === 'string';
  const fail = async (e: unknown, what: string, r = region): Promise<never> => {
    throw await awsFailure(e, what, r, role, endpoint);
  };
  // Every AWS failure reaches the user through here, once: inside waitFor the raw error
  // must stay raw, so that waitFor can tell a brief not-found or throttling from a failure.
  const call = <T>(p: Promise<T>, what: string, r = region): Promise<T> =>
    p.catch((e) => fail(e, what, r));
  const describeInstance = async (id: string, signal: AbortSignal) =>
    (
      await client().send(new DescribeInstancesCommand({ InstanceIds: [id] }), {
        abortSignal: signal,
      })
    ).Reservations?.[0]?.Instances?.[0];

  const nameCheck = async (r: string, signal: AbortSignal) => {
    const found = await call(
      client(r).send(
        new DescribeImagesCommand({
          Owners: ['self'],
          Filters: [{ Name: 'name', Values: [amiName] }],
        }),
        { abortSignal: signal },
      ),
      `looking for an AMI named "${amiName}"`,
      r,
    );
    return found.Images ?? [];
  };

  const network = async (s: EbsState, signal: AbortSignal) => {
    s.vpcId = c.vpc_id as string | undefined;
    s.subnetId = c.subnet_id as string | undefined;
    s.availabilityZone = c.availability_zone as string | undefined;
    if (c.vpc_filter) {
      const filters = filterList((c.vpc_filter as Config).filters);
      const r = await call(
        client().send(new DescribeVpcsCommand({ Filters: filters }), { abortSignal: signal }),
        'looking up vpc_filter',
      );
      const vpcs = r.Vpcs ?? [];
      if (vpcs.length !== 1)
        throw new BuildError(
          `vpc_filter matched ${vpcs.length} VPCs in ${region} (${JSON.stringify((c.vpc_filter as Config).filters)})${vpcs.length ? ': ' + vpcs.map((v) => v.VpcId).join(', ') : ''}`,
          'the filter must match exactly one VPC',
        );
      s.vpcId = vpcs[0].VpcId;
    }
    if (c.subnet_filter || (s.vpcId && !s.subnetId)) {
      const sf = (c.subnet_filter ?? {}) as Config;
      const filters = [
        ...filterList(sf.filters),
        ...(s.vpcId ? [{ Name: 'vpc-id', Values: [s.vpcId] }] : []),
        ...(s.availabilityZone
          ? [{ Name: 'availability-zone', Values: [s.availabilityZone] }]
          : []),
      ];
      const r = await call(
        client().send(new DescribeSubnetsCommand({ Filters: filters }), { abortSignal: signal }),
        'looking up the subnet',
      );
      const subnets = (r.Subnets ?? []).sort(
        (a, b) => (b.AvailableIpAddressCount ?? 0) - (a.AvailableIpAddressCount ?? 0),
      );
      if (!subnets.length)
        throw new BuildError(
          `no subnet in ${region} matches ${JSON.stringify(filters)}`,
          'check subnet_filter (and vpc_id / availability_zone)',
        );
      if (subnets.length > 1 && sf.most_free === false)
        throw new BuildError(
          `subnet_filter matched ${subnets.length} subnets: ${subnets.map((x) => x.SubnetId).join(', ')}`,
          'narrow the filter, or set most_free: true to take the one with most free addresses',
        );
      s.subnetId = subnets[0].SubnetId;
      s.vpcId = subnets[0].VpcId;
      s.availabilityZone = subnets[0].AvailabilityZone;
    } else if (s.subnetId && !s.vpcId && needGroup) {
      const r = await call(
        client().send(new DescribeSubnetsCommand({ SubnetIds: [s.subnetId] }), {
          abortSignal: signal,
        }),
        `looking up subnet ${s.subnetId}`,
      );
      s.vpcId = r.Subnets?.[0]?.VpcId;
    }
  };

  const sourceCidrs = async (s: EbsState, ip: Promise<string | undefined>, signal: AbortSignal) => {
    if (!needGroup) return undefined;
    if (Array.isArray(c.temporary_security_group_source_cidrs))
      return (c.temporary_security_group_source_cidrs as string[]).map(String);
    if (reachedPrivately) {
      // Reached from inside the VPC (or through a bastion): allow the VPC's own range.
      const r = await call(
        client().send(
          new DescribeVpcsCommand(
            s.vpcId
              ? { VpcIds: [s.vpcId] }
              : { Filters: [{ Name: 'isDefault', Values: ['true'] }] },
          ),
          { abortSignal: signal },
        ),
        'looking up the VPC range',
      );
      const cidr = r.Vpcs?.[0]?.CidrBlock;
      if (cidr) return [cidr];
    } else {
      const found = await ip;
      if (found) return [`${found}/32`];
    }
    env.out(
      'stderr',
      'warning: could not find where SSH will come from; the temporary security group opens port ' +
        `${sshPort} to 0.0.0.0/0. Set temporary_security_group_source_cidrs to narrow it.`,
    );
    return ['0.0.0.0/0'];
  };

  const addressOf = (i: Instance | undefined): string | undefined =>
    ({
      public_ip: i?.PublicIpAddress,
      private_ip: i?.PrivateIpAddress,
      public_dns: i?.PublicDnsName || undefined,
      private_dns: i?.PrivateDnsName || undefined,
    })[sshInterface];

  const readUserData = (): Buffer | undefined => {
    if (typeof c.user_data === 'string') return Buffer.from(c.user_data);
    if (typeof c.user_data_file !== 'string') return undefined;
    try {
      return readFileSync(resolve(env.specDir, c.user_data_file));
    } catch (e) {
      throw new BuildError(
        `user_data_file ${c.user_data_file} cannot be read: ${(e as NodeJS.ErrnoException).code}`,
        `paths are relative to the spec's directory (${env.specDir})`,
      );
    }
  };

  const launch = async (s: EbsState): Promise<void> => {
    const spot = c.spot_price !== undefined || c.spot_instance_types !== undefined;
    const types = (c.spot_instance_types as string[] | undefined) ?? [String(c.instance_type)];
    const userData = s.userData;
    const mo = (c.metadata_options ?? {}) as Config;
    const groups = needGroup ? [s.group!.id] : (c.security_group_ids as string[]);
    const nic = c.associate_public_ip_address !== undefined;
    const base: RunInstancesCommandInput = {
      ImageId: s.sourceAmi,
      MinCount: 1,
      MaxCount: 1,
      ...(s.key
        ? { KeyName: s.key.name }
        : c.ssh_keypair_name
          ? { KeyName: String(c.ssh_keypair_name) }
          : {}),
      ...(nic
        ? {
            NetworkInterfaces: [
              {
                DeviceIndex: 0,
                AssociatePublicIpAddress: c.associate_public_ip_address as boolean,
                SubnetId: s.subnetId,
                Groups: groups,
                DeleteOnTermination: true,
              },
            ],
          }
        : { SecurityGroupIds: groups, ...(s.subnetId ? { SubnetId: s.subnetId } : {}) }),
      ...(s.availabilityZone && !s.subnetId
        ? { Placement: { AvailabilityZone: s.availabilityZone } }
        : {}),
      ...(c.iam_instance_profile
        ? { IamInstanceProfile: { Name: String(c.iam_instance_profile) } }
        : {}),
      ...(userData ? { UserData: userData.toString('base64') } : {}),
      BlockDeviceMappings: devices(c.launch_block_device_mappings),
      MetadataOptions: {
        HttpEndpoint: (mo.http_endpoint as never) ?? 'enabled',
        HttpTokens: (mo.http_tokens as never) ?? 'required',
        ...(mo.http_put_response_hop_limit !== undefined
          ? { HttpPutResponseHopLimit: mo.http_put_response_hop_limit as number }
          : {}),
        ...(mo.instance_metadata_tags
          ? { InstanceMetadataTags: mo.instance_metadata_tags as never }
          : {}),
      },
      TagSpecifications: [
        {
          ResourceType: 'instance',
          Tags: tagList(filled('run_tags'), { Name: resourceName }, bakeTags),
        },
        {
          ResourceType: 'volume',
          Tags: tagList(filled('run_volume_tags'), { Name: resourceName }, bakeTags),
        },
      ],
      ...(spot
        ? {
            InstanceMarketOptions: {
              MarketType: 'spot',
              SpotOptions: {
                ...(c.spot_price && c.spot_price !== 'auto'
                  ? { MaxPrice: String(c.spot_price) }
                  : {}),
                SpotInstanceType: 'one-time',
                InstanceInterruptionBehavior: 'terminate',
              },
            },
          }
        : {}),
    };
    let last: unknown;
    for (const [i, type] of types.entries()) {
      try {
        // The client token makes the SDK's own retries of this call launch one instance.
        const r = await client().send(
          new RunInstancesCommand({
            ...base,
            InstanceType: type as never,
            ClientToken: randomUUID(),
          }),
        );
        const inst = r.Instances![0];
        const entry = env.ledger.add(
          env.instance.name,
          'aws-instance',
          ledgerRef(region, { id: inst.InstanceId! }),
          `EC2 instance ${inst.InstanceId} (${region})`,
        );
        s.instance = { id: inst.InstanceId!, entry, info: inst };
        env.out(
          'info',
          `launched ${inst.InstanceId} (${type}${spot ? ', spot' : ''}) from ${s.sourceAmi}`,
        );
        return;
      } catch (e) {
        last = e;
        if (!spot || !CAPACITY.test(codeOf(e) ?? '') || i === types.length - 1) break;
        env.out('info', `no spot capacity for ${type} (${codeOf(e)}); trying ${types[i + 1]}`);
      }
    }
    await fail(last, `launching a ${types.join(' / ')} instance`);
  };

  const sshHint = (s: EbsState, err: BuildError): string => {
    const i = s.instance?.info;
    if (/authentication/i.test(err.message))
      return `sshd answered but refused the login: check ssh_username ("${String(c.ssh_username)}"; Amazon Linux uses ec2-user, Ubuntu ubuntu, Debian admin)${s.key ? '' : ' and the key'}`;
    if (sshInterface.startsWith('public') && !i?.PublicIpAddress)
      return 'the instance has no public IP: set associate_public_ip_address: true or use a subnet that assigns public IPs, or connect with ssh_interface: private_ip from inside the VPC';
    const causes = [
      needGroup
        ? `the temporary security group allows port ${sshPort} from ${(s.cidrs ?? []).join(', ')}; if this runner reaches AWS from another address, set temporary_security_group_source_cidrs`
        : `security_group_ids must allow port ${sshPort} from this runner`,
      `the route table of ${s.subnetId ?? 'the default subnet'} needs a route to an internet gateway (or a NAT for private_ip)`,
      'the AMI must start sshd (some take minutes on first boot: raise ssh_timeout)',
    ];
    return causes.join('; ');
  };

  return [
    {
      name: 'prepare',
      async run(s, ctx) {
        s.made = [];
        // Local inputs first: nothing is created in AWS for a build that cannot start.
        s.userData = readUserData();
        const ip =
          needGroup && !reachedPrivately && !Array.isArray(c.temporary_security_group_source_cidrs)
            ? publicIp()
            : Promise.resolve(undefined);
        const checks =
          c.force_deregister === true ? [] : targetRegions.map((r) => nameCheck(r, ctx.signal));
        const [existing, ami] = await Promise.all([
          Promise.all(checks),
          sourceAmiImage(c, region, role, ctx.signal),
          network(s, ctx.signal),
        ]);
        existing.forEach((images, i) => {
          if (images.length)
            throw new BuildError(
              `an AMI named "${amiName}" already exists in ${targetRegions[i]}: ${images[0].ImageId}`,
              'set force_deregister: true to replace it, or make ami_name unique (e.g. with formatdate("YYYYMMDDhhmm", timestamp()))',
            );
        });
        s.sourceAmi = ami.ImageId!;
        s.cidrs = await sourceCidrs(s, ip, ctx.signal);
        Object.assign(env.generated, {
          SourceAMI: ami.ImageId!,
          SourceAMIName: ami.Name ?? '',
          SourceAMIOwner: ami.OwnerId ?? '',
          SourceAMIOwnerName: ami.ImageOwnerAlias ?? '',
          SourceAMICreationDate: ami.CreationDate ?? '',
          BuildRegion: region,
        });
        ctx.log(
          `source ${ami} in ${region}${s.subnetId ? `, subnet ${s.subnetId}` : ', default VPC'}`,
        );
      },
    },
    {
      name: 'key pair and security group',
      async run(s, ctx) {
        const makeKey = async () => {
          const kp = temporaryKeyPair(
            (c.temporary_key_pair_type as 'ed25519' | 'rsa') ?? 'ed25519',
            resourceName,
          );
          const r = await call(
            client().send(
              new ImportKeyPairCommand({
                KeyName: resourceName,
                PublicKeyMaterial: Buffer.from(kp.publicKey),
                TagSpecifications: [{ ResourceType: 'key-pair', Tags: runTags }],
              }),
            ),
            'importing the temporary key pair',
          );
          const entry = env.ledger.add(
            env.instance.name,
            'aws-key-pair',
            ledgerRef(region, { name: resourceName, id: r.KeyPairId ?? '' }),
            `EC2 key pair ${resourceName} (${region})`,
          );
          s.key = {
            id: r.KeyPairId ?? resourceName,
            name: resourceName,
            privateKey: kp.privateKey,
            entry,
          };
          env.generated.SSHPublicKey = kp.publicKey;
        };
        const makeGroup = async () => {
          const r = await call(
            client().send(
              new CreateSecurityGroupCommand({
                GroupName: `${resourceName}-${randomBytes(3).toString('hex')}`,
                Description: `bake build ${env.instance.name}: SSH for the build instance`,
                ...(s.vpcId ? { VpcId: s.vpcId } : {}),
                TagSpecifications: [{ ResourceType: 'security-group', Tags: runTags }],
              }),
            ),
            'creating the temporary security group',
          );
          const entry = env.ledger.add(
            env.instance.name,
            'aws-security-group',
            ledgerRef(region, { id: r.GroupId! }),
            `EC2 security group ${r.GroupId} (${region})`,
          );
          s.group = { id: r.GroupId!, entry };
        };
        await allOrFirstError(
          [needKey && makeKey(), needGroup && makeGroup()].filter((p) => p) as Promise<void>[],
        );
        throwIfCancelled(ctx.signal);
      },
      async cleanup(s) {
        await allOrFirstError([
          (async () => {
            if (!s.key || s.key.deleted) return;
            await deleteKeyPair(region, { id: s.key.id, name: s.key.name }, role, endpoint);
            env.ledger.done(s.key.entry);
          })(),
          (async () => {
            if (!s.group) return;
            await deleteSecurityGroup(region, s.group.id, { role, endpoint });
            env.ledger.done(s.group.entry);
          })(),
        ]);
      },
      cleanupBudgetMs: 6 * 60_000,
    },
    {
      name: 'launch instance',
      async run(s, ctx) {
        const authorize = async () => {
          if (!s.group) return;
          await call(
            client().send(
              new AuthorizeSecurityGroupIngressCommand({
                GroupId: s.group.id,
                IpPermissions: [
                  {
                    IpProtocol: 'tcp',
                    FromPort: sshPort,
                    ToPort: sshPort,
                    IpRanges: (s.cidrs ?? []).map((CidrIp) => ({
                      CidrIp,
                      Description: 'bake SSH',
                    })),
                  },
                ],
              }),
            ),
            `opening port ${sshPort} on ${s.group.id}`,
          );
        };
        // The rule and the launch are independent: the instance boots while the rule lands.
        await allOrFirstError([authorize(), launch(s)]);
        throwIfCancelled(ctx.signal);
        const id = s.instance!.id;
        s.instance!.info = await call(
          waitFor(
            `instance ${id} to run`,
            async () => {
              const i = await describeInstance(id, ctx.signal);
              const state = i?.State?.Name;
              if (state === 'running') return i;
              if (state === 'terminated' || state === 'shutting-down' || state === 'stopped')
                throw new BuildError(
                  `instance ${id} stopped while starting: ${i?.StateReason?.Message ?? state}`,
                  /KMS|key/i.test(i?.StateReason?.Message ?? '')
                    ? "the role cannot use the KMS key of the source AMI's volumes"
                    : 'spot capacity may have been reclaimed; try again or use another instance type',
                );
              return undefined;
            },
            polling,
            10 * 60_000,
            ctx.signal,
          ),
          `describing ${id}`,
        );
        env.generated.ID = id;
        ctx.log(`${id} is running`);
      },
      async cleanup(s, ctx) {
        if (!s.instance) return;
        const key = s.key;
        await allOrFirstError([
          (async () => {
            ctx.log(`terminating ${s.instance!.id}`);
            await terminateInstance(region, s.instance!.id, { role, endpoint, polling });
            env.ledger.done(s.instance!.entry);
          })(),
          // The key is not needed to terminate: delete it alongside.
          (async () => {
            if (!key || key.deleted) return;
            await deleteKeyPair(region, { id: key.id, name: key.name }, role, endpoint);
            key.deleted = true;
            env.ledger.done(key.entry);
          })(),
        ]);
      },
      cleanupBudgetMs: 15 * 60_000,
    },
    {
      name: 'connect',
      async run(s, ctx) {
        const host = addressOf(s.instance!.info);
        if (!host)
          throw new BuildError(
            `instance ${s.instance!.id} has no ${sshInterface.replace('_', ' ')}`,
            sshInterface.startsWith('public')
              ? 'set associate_public_ip_address: true, or use ssh_interface: private_ip from inside the VPC'
              : 'use ssh_interface: private_ip',
          );
        await connectSsh(
          env,
          c,
          { host, ...(s.key ? { privateKey: s.key.privateKey } : {}) },
          s,
          ctx,
          (e) => ({ hint: sshHint(s, e) }),
        );
      },
      async cleanup(s) {
        s.ssh?.close();
      },
      cleanupBudgetMs: 2000,
    },
    provision as Step<EbsState>,
    {
      name: c.disable_stop_instance === true ? 'prepare image' : 'stop instance',
      async run(s, ctx) {
        // The launch key pair's line; a key of the user's own (ssh_keypair_name) stays.
        await clearAuthorizedKey(c, s.ssh, s.key && env.generated.SSHPublicKey, ctx);
        s.ssh?.close();
        const id = s.instance!.id;
        if (c.disable_stop_instance !== true) {
          await call(
            client().send(new StopInstancesCommand({ InstanceIds: [id] })),
            `stopping ${id}`,
          );
          await call(
            waitFor(
              `instance ${id} to stop`,
              async () =>
                (await describeInstance(id, ctx.signal))?.State?.Name === 'stopped'
                  ? true
                  : undefined,
              polling,
              10 * 60_000,
              ctx.signal,
            ),
            `describing ${id}`,
          );
        }
        if (c.ena_support !== undefined)
          await call(
            client().send(
              new ModifyInstanceAttributeCommand({
                InstanceId: id,
                EnaSupport: { Value: c.ena_support as boolean },
              }),
            ),
            'setting ena_support',
          );
        if (c.sriov_support === true)
          await call(
            client().send(
              new ModifyInstanceAttributeCommand({
                InstanceId: id,
                SriovNetSupport: { Value: 'simple' },
              }),
            ),
            'setting sriov_support',
          );
      },
    },
    {
      name: 'create image',
      async run(s, ctx) {
        if (c.force_deregister === true) {
          await Promise.all(
            targetRegions.map(async (r) => {
              for (const old of await nameCheck(r, ctx.signal)) {
                ctx.log(`force_deregister: removing ${old.ImageId} in ${r}`);
                await deregisterImage(r, old.ImageId!, {
                  role,
                  endpoint,
                  snapshots: c.force_delete_snapshot === true,
                });
              }
            }),
          );
        }
        throwIfCancelled(ctx.signal);
        const r = await call(
          client().send(
            new CreateImageCommand({
              InstanceId: s.instance!.id,
              // With encrypt_boot this one is an intermediate: the encrypted copy takes the name.
              Name: c.encrypt_boot === true ? `${resourceName}-unencrypted` : amiName,
              Description: filled('ami_description') as string | undefined,
              BlockDeviceMappings: devices(c.ami_block_device_mappings),
              NoReboot: c.disable_stop_instance === true,
              TagSpecifications: imageTagSpecs(),
            }),
          ),
          `creating AMI "${amiName}"`,
        );
        const id = r.ImageId!;
        const entry = env.ledger.add(
          env.instance.name,
          'aws-ami',
          ledgerRef(region, { id }),
          `AMI ${id} (${region})`,
        );
        const img = { id, entry, snapshots: [] as string[] };
        s.made.push({ region, image: img });
        ctx.log(`creating ${id}; waiting until it is available`);
        throwIfCancelled(ctx.signal);
        img.snapshots = snapshotsOf(await waitAvailable(region, id, ctx.signal));
      },
      async cleanup(s, ctx) {
        if (s.finished) return;
        // The build did not finish: no AMI of it may stay, in any region.
        await allOrFirstError(
          s.made.map(async ({ region: r, image: img }) => {
            ctx.log(`deregistering ${img.id} in ${r} and deleting its snapshots`);
            await deregisterImage(r, img.id, {
              role,
              endpoint,
              snapshotIds: img.snapshots.length ? img.snapshots : undefined,
            });
            env.ledger.done(img.entry);
          }),
        );
      },
      cleanupBudgetMs: 5 * 60_000,
    },
    {
      name: 'copy and share',
      async run(s, ctx) {
        const source = s.made[0].image;
        const encrypt = c.encrypt_boot === true;
        const kms = (r: string) =>
          ((c.region_kms_key_ids as Record<string, string> | undefined)?.[r] ??
            (r === region ? c.kms_key_id : undefined)) as string | undefined;
        // With encrypt_boot the build region gets an encrypted copy too, and the
        // unencrypted original goes once every copy exists.
        const copyTo = encrypt ? targetRegions : copyRegions;
        await allOrFirstError(
          copyTo.map(async (r) => {
            const out = await call(
              client(r).send(
                new CopyImageCommand({
                  SourceRegion: region,
                  SourceImageId: source.id,
                  Name: amiName,
                  Description: filled('ami_description') as string | undefined,
                  ...(encrypt ? { Encrypted: true, ...(kms(r) ? { KmsKeyId: kms(r) } : {}) } : {}),
                  TagSpecifications: imageTagSpecs(),
                }),
              ),
              `copying ${source.id} to ${r}`,
              r,
            );
            const id = out.ImageId!;
            const entry = env.ledger.add(
              env.instance.name,
              'aws-ami',
              ledgerRef(r, { id }),
              `AMI ${id} (${r})`,
            );
            const made = { id, entry, snapshots: [] as string[] };
            s.made.push({ region: r, image: made });
            ctx.log(`copying to ${r} as ${id}`);
            made.snapshots = snapshotsOf(await waitAvailable(r, id, ctx.signal));
          }),
        );
        if (encrypt) {
          // Every region now has its encrypted copy; the unencrypted original goes.
          await deregisterImage(region, source.id, {
            role,
            endpoint,
            snapshotIds: source.snapshots,
          });
          env.ledger.done(source.entry);
          s.made = s.made.filter((m) => m.image !== source);
        }
        const images = finalImages(s);
        await allOrFirstError(images.map(([r, img]) => share(r, img)));
        s.artifact = {
          id: images.map(([r, img]) => `${r}:${img.id}`).join(','),
          builderType: 'amazon-ebs',
          regions: Object.fromEntries(images.map(([r, img]) => [r, img.id])),
          description: amiName,
          destroy: async () => {
            await Promise.all(
              images.map(([r, img]) =>
                deregisterImage(r, img.id, { role, endpoint, snapshotIds: img.snapshots }),
              ),
            );
          },
          ledgerEntries: images.map(([, img]) => img.entry),
        };
        s.finished = true;
        for (const [r, img] of images) ctx.log(`AMI ${img.id} is available in ${r}`);
      },
    },
  ];

  function snapshotsOf(img: Image): string[] {
    return (img.BlockDeviceMappings ?? [])
      .map((m) => m.Ebs?.SnapshotId)
      .filter((x): x is string => !!x);
  }

  async function waitAvailable(r: string, id: string, signal: AbortSignal): Promise<Image> {
    const available = waitFor(
      `AMI ${id} in ${r} to become available`,
      async () => {
        const out = await client(r).send(new DescribeImagesCommand({ ImageIds: [id] }), {
          abortSignal: signal,
        });
        const img = out.Images?.[0];
        if (img?.State === 'available') return img;
        if (img && ['failed', 'error', 'invalid', 'deregistered'].includes(String(img.State)))
          throw new BuildError(
            `AMI ${id} in ${r} ended ${img.State}: ${img.StateReason?.Message ?? 'no reason given'}`,
          );
        return undefined;
      },
      polling,
      30 * 60_000,
      signal,
    );
    return call(available, `describing ${id}`, r);
  }

  /** Launch and volume permissions, deprecation and IMDS settings: only what is configured. */
  async function share(r: string, img: { id: string; snapshots: string[] }): Promise<void> {
    const list = (k: string) => ((c[k] as string[] | undefined) ?? []).map(String);
    const launch = [
      ...list('ami_users').map((UserId) => ({ UserId })),
      ...list('ami_groups').map((Group) => ({ Group: Group as never })),
      ...list('ami_org_arns').map((OrganizationArn) => ({ OrganizationArn })),
    ];
    const calls: Promise<unknown>[] = [];
    if (launch.length)
      calls.push(
        call(
          client(r).send(
            new ModifyImageAttributeCommand({ ImageId: img.id, LaunchPermission: { Add: launch } }),
          ),
          `sharing ${img.id}`,
          r,
        ),
      );
    if (list('snapshot_users').length)
      for (const snap of img.snapshots)
        calls.push(
          call(
            client(r).send(
              new ModifySnapshotAttributeCommand({
                SnapshotId: snap,
                Attribute: 'createVolumePermission',
                OperationType: 'add',
                UserIds: list('snapshot_users'),
              }),
            ),
            `sharing snapshot ${snap}`,
            r,
          ),
        );
    if (typeof c.deprecate_at === 'string')
      calls.push(
        call(
          client(r).send(
            new EnableImageDeprecationCommand({
              ImageId: img.id,
              DeprecateAt: new Date(c.deprecate_at),
            }),
          ),
          `setting deprecate_at on ${img.id}`,
          r,
        ),
      );
    if (c.imds_support === 'v2.0')
      calls.push(
        call(
          client(r).send(
            new ModifyImageAttributeCommand({ ImageId: img.id, ImdsSupport: { Value: 'v2.0' } }),
          ),
          `setting imds_support on ${img.id}`,
          r,
        ),
      );
    await allOrFirstError(calls);
  }
}

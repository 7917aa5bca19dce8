/**
 * amazon-ebs settings, with Packer's names. Loaded by `bake validate`, so nothing here may
 * import the AWS SDK.
 */
import { Field, opt, req, s } from '../../../spec/schema';
import { amiOwnerPinned } from '../../../spec/data';
import { clearKeyField, sshFields } from '../../../communicators/ssh-schema';

const filters = opt(s.map(s.string()), 'EC2 API filters, name: value (e.g. "tag:Team": infra)');

const blockDevice = s.object({
  device_name: req(s.string(), 'e.g. /dev/xvda'),
  volume_size: opt(s.int(1, 65536), 'GiB'),
  volume_type: opt(
    s.enum(['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard']),
    'EBS volume type',
  ),
  iops: opt(s.int(100, 256000), 'provisioned IOPS (io1, io2, gp3)'),
  throughput: opt(s.int(125, 1000), 'MiB/s (gp3)'),
  delete_on_termination: opt(s.bool(), 'delete the volume when the instance ends', true),
  encrypted: opt(s.bool(), 'encrypt the volume'),
  kms_key_id: opt(s.string(), 'KMS key for an encrypted volume'),
  snapshot_id: opt(s.string(), 'snapshot to create the volume from'),
  virtual_name: opt(s.string(), 'ephemeral0 ...'),
  no_device: opt(s.bool(), 'suppress this device of the source AMI'),
});

const { ssh_host: _host, ...ssh } = sshFields;
void _host;

export const amazonEbsSchema = s.object({
  region: opt(s.string(), 'region to build in (default: AWS_REGION)'),
  assume_role: opt(
    s.object({
      role_arn: req(
        s.string(),
        'the role to assume',
        'arn:aws:iam::123456789012:role/image-builder',
      ),
      session_name: opt(s.string(), 'name of the role session (shown in CloudTrail)', 'bake'),
      external_id: opt(s.string(), "external id the role's trust policy requires"),
      duration_seconds: opt(s.int(900, 43200), 'lifetime of the role credentials', 3600),
    }),
    'role to assume on top of the default credential chain',
  ),

  source_ami: opt(
    s.string(),
    'AMI to start from (or source_ami_filter)',
    undefined,
    'ami-0123456789abcdef0',
  ),
  source_ami_filter: opt(
    s.object({
      filters,
      owners: opt(s.list(s.string()), 'account ids, self, amazon, aws-marketplace'),
      most_recent: opt(s.bool(), 'take the newest of several matches', false),
    }),
    'find the AMI to start from',
  ),

  custom_endpoint_ec2: opt(
    s.string(),
    "the EC2 API's address (a VPC endpoint, an AWS-compatible cloud); default: the region's",
    undefined,
    'https://ec2.eu-west-1.amazonaws.com',
  ),
  instance_type: opt(s.string(), 'EC2 instance type of the build instance', undefined, 't3.micro'),
  spot_price: opt(s.string(), 'maximum spot price in USD, or "auto" for the on-demand price'),
  spot_instance_types: opt(
    s.list(s.string()),
    'spot instance types, tried in order when one has no capacity',
  ),
  iam_instance_profile: opt(s.string(), 'instance profile name for the build instance'),
  user_data: opt(s.string(), 'user data passed to the build instance (cloud-init)'),
  user_data_file: opt(s.string(), 'file whose content is the user data'),
  availability_zone: opt(s.string(), 'zone to launch in, e.g. eu-west-1a'),
  vpc_id: opt(s.string(), 'VPC to launch in (default: the default VPC)'),
  vpc_filter: opt(s.object({ filters }), 'find the VPC'),
  subnet_id: opt(s.string(), 'subnet to launch in'),
  subnet_filter: opt(
    s.object({
      filters,
      most_free: opt(s.bool(), 'take the subnet with the most free addresses', true),
    }),
    'find the subnet',
  ),
  security_group_ids: opt(
    s.list(s.string(), { single: true }),
    'use these groups instead of a temporary one',
  ),
  associate_public_ip_address: opt(s.bool(), 'give the build instance a public IP address'),
  launch_block_device_mappings: opt(s.list(blockDevice), 'volumes of the build instance'),
  run_tags: opt(s.map(s.string()), 'tags of the build instance'),
  run_volume_tags: opt(s.map(s.string()), 'tags of its volumes'),
  metadata_options: opt(
    s.object({
      http_endpoint: opt(s.enum(['enabled', 'disabled']), 'the metadata service is on', 'enabled'),
      http_tokens: opt(s.enum(['required', 'optional']), 'required = IMDSv2 only', 'required'),
      http_put_response_hop_limit: opt(
        s.int(1, 64),
        'network hops a metadata token may travel (2 for containers)',
        1,
      ),
      instance_metadata_tags: opt(
        s.enum(['enabled', 'disabled']),
        'instance tags readable from the metadata service',
      ),
    }),
    'instance metadata service of the build instance (IMDSv2 required by default)',
  ),

  ssh_interface: opt(
    s.enum(['public_ip', 'private_ip', 'public_dns', 'private_dns']),
    'which address to connect to',
    'public_ip',
  ),
  ssh_keypair_name: opt(s.string(), 'existing key pair (with ssh_private_key_file)'),
  temporary_key_pair_type: opt(
    s.enum(['ed25519', 'rsa']),
    'type of the temporary SSH key pair',
    'ed25519',
  ),
  temporary_security_group_source_cidrs: opt(
    s.list(s.string()),
    "who may reach SSH on the temporary group (default: this runner's public IP /32)",
  ),

  disable_stop_instance: opt(s.bool(), 'create the image from the running instance', false),
  ami_name: req(
    s.string(),
    'name of the new AMI; must be unique in the account and region',
    'golden-${formatdate("YYYYMMDDhhmm", timestamp())}',
  ),
  ami_description: opt(s.string(), 'description of the new AMI'),
  ami_regions: opt(s.list(s.string()), 'copy the AMI to these regions as well'),
  ami_block_device_mappings: opt(s.list(blockDevice), 'volumes of the AMI'),
  ami_users: opt(s.list(s.string()), 'account ids allowed to launch the AMI'),
  ami_groups: opt(s.list(s.enum(['all'])), '"all" makes the AMI public'),
  ami_org_arns: opt(s.list(s.string()), 'organizations allowed to launch the AMI'),
  snapshot_users: opt(s.list(s.string()), 'account ids allowed to create volumes'),
  tags: opt(s.map(s.string()), 'tags of the AMI'),
  snapshot_tags: opt(s.map(s.string()), 'tags of its snapshots'),
  force_deregister: opt(s.bool(), 'replace an AMI of the same name', false),
  force_delete_snapshot: opt(s.bool(), 'and delete its snapshots', false),
  encrypt_boot: opt(s.bool(), "encrypt the AMI's snapshots"),
  kms_key_id: opt(s.string(), 'KMS key for encrypt_boot'),
  region_kms_key_ids: opt(s.map(s.string()), 'region: KMS key, for the copies'),
  ena_support: opt(s.bool(), 'mark the AMI as supporting ENA networking'),
  sriov_support: opt(s.bool(), 'mark the AMI as supporting SR-IOV (simple) networking'),
  imds_support: opt(s.enum(['v2.0']), 'instances launched from the AMI require IMDSv2'),
  deprecate_at: opt(s.string(), 'RFC 3339 time when the AMI is deprecated'),
  aws_polling: opt(
    s.object({
      delay_seconds: opt(s.number({ min: 0 }), 'fixed delay between checks'),
      max_attempts: opt(s.int(1), 'checks before giving up'),
    }),
    'how waits poll (default: start at 1 s, grow to 15 s, up to 30 minutes for an AMI)',
  ),

  ...ssh,
  ...clearKeyField,
  ssh_username: { ...sshFields.ssh_username, required: true },
  runs_on: opt(s.string(), 'runner label for this source in the reusable workflow'),
} satisfies Record<string, Field>);

/** Rules across fields, checked by validate with the spec's positions. */
export function refineAmazonEbs(
  c: Record<string, unknown>,
): { key: string; message: string; hint?: string }[] {
  const out: { key: string; message: string; hint?: string }[] = [];
  if ((c.source_ami === undefined) === (c.source_ami_filter === undefined))
    out.push({
      key: c.source_ami === undefined ? '' : 'source_ami',
      message: 'set exactly one of source_ami and source_ami_filter',
      hint: 'source_ami: ami-0123... or source_ami_filter: {filters: {name: "debian-12-amd64-*"}, owners: ["136693071363"], most_recent: true}',
    });
  const f = c.source_ami_filter as
    { owners?: string[]; filters?: Record<string, unknown> } | undefined;
  if (f && !amiOwnerPinned(f.owners, f.filters))
    out.push({
      key: 'source_ami_filter',
      message:
        'source_ami_filter needs owners: without them an AMI any account publishes under a matching name can be the one built from',
      hint: 'add owners: ["136693071363"] (the account that publishes the image; self for your own), or an owner-id or owner-alias filter',
    });
  if (c.instance_type === undefined && c.spot_instance_types === undefined)
    out.push({
      key: '',
      message: 'no instance type',
      hint: 'set instance_type (e.g. t3.micro), or spot_instance_types',
    });
  if (c.user_data !== undefined && c.user_data_file !== undefined)
    out.push({ key: 'user_data_file', message: 'set only one of user_data and user_data_file' });
  if (c.subnet_id !== undefined && c.subnet_filter !== undefined)
    out.push({ key: 'subnet_filter', message: 'set only one of subnet_id and subnet_filter' });
  if (c.vpc_id !== undefined && c.vpc_filter !== undefined)
    out.push({ key: 'vpc_filter', message: 'set only one of vpc_id and vpc_filter' });
  if (
    c.ssh_keypair_name !== undefined &&
    c.ssh_private_key_file === undefined &&
    c.ssh_agent_auth !== true
  )
    out.push({
      key: 'ssh_keypair_name',
      message: 'ssh_keypair_name needs the private half',
      hint: 'set ssh_private_key_file (or ssh_agent_auth: true)',
    });
  if (c.force_delete_snapshot === true && c.force_deregister !== true)
    out.push({
      key: 'force_delete_snapshot',
      message: 'force_delete_snapshot only applies with force_deregister: true',
    });
  if (typeof c.deprecate_at === 'string' && Number.isNaN(Date.parse(c.deprecate_at)))
    out.push({
      key: 'deprecate_at',
      message: `deprecate_at "${c.deprecate_at}" is not a time`,
      hint: 'use RFC 3339, e.g. 2027-06-01T00:00:00Z, or timeadd(timestamp(), "2160h")',
    });
  if (
    c.spot_price !== undefined &&
    c.spot_price !== 'auto' &&
    !/^\d+(\.\d+)?$/.test(String(c.spot_price))
  )
    out.push({
      key: 'spot_price',
      message: `spot_price "${c.spot_price}" is not a price`,
      hint: 'a price in USD per hour such as "0.05", or "auto"',
    });
  if (typeof c.ami_name === 'string' && !/^[A-Za-z0-9()[\]./\-'@_ ]{3,128}$/.test(c.ami_name))
    out.push({
      key: 'ami_name',
      message: `ami_name "${c.ami_name}" is not a valid AMI name`,
      hint: "3 to 128 of letters, digits, spaces and ( ) [ ] . / - ' @ _ (use clean_resource_name())",
    });
  return out;
}

/**
 * azure-arm settings, with Packer's names. Loaded by `bake validate`, so nothing here may
 * import the Azure SDK.
 */
import { Field, opt, refused, req, s } from '../../../spec/schema';
import { clearKeyField, sshFields } from '../../../communicators/ssh-schema';
import type { RuleProblem } from '../../api';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d+\.\d+\.\d+$/;
/** Packer's names for the clouds, and the short ones. */
export const CLOUDS: Record<string, 'Public' | 'China' | 'USGovernment'> = {
  Public: 'Public',
  AzurePublicCloud: 'Public',
  China: 'China',
  AzureChinaCloud: 'China',
  USGovernment: 'USGovernment',
  AzureUSGovernmentCloud: 'USGovernment',
};

const STORAGE_TYPES = ['Standard_LRS', 'Standard_ZRS', 'Premium_LRS'];

const gallerySource = s.object({
  subscription: opt(
    s.string(),
    'subscription of the gallery (default: subscription_id)',
    undefined,
    '00000000-0000-0000-0000-000000000000',
  ),
  resource_group: req(s.string(), 'resource group of the gallery', 'images-rg'),
  gallery_name: req(s.string(), 'name of the Azure Compute Gallery', 'golden_images'),
  image_name: req(s.string(), 'the image definition to start from', 'debian-12'),
  image_version: opt(
    s.string(),
    'the version to start from: N.N.N, or latest (the newest)',
    'latest',
    '1.0.42',
  ),
});

const galleryDestination = s.object({
  subscription: opt(
    s.string(),
    'subscription of the gallery (default: subscription_id)',
    undefined,
    '00000000-0000-0000-0000-000000000000',
  ),
  resource_group: req(s.string(), 'resource group of the gallery', 'images-rg'),
  gallery_name: req(
    s.string(),
    'name of the Azure Compute Gallery (letters, digits, . and _)',
    'golden_images',
  ),
  image_name: req(s.string(), 'the image definition (it must exist)', 'debian-12'),
  image_version: req(s.string(), 'the new version: N.N.N, not yet taken', '1.0.42'),
  target_region: opt(
    s.list(
      s.object({
        name: req(s.string(), 'region to replicate to', 'westeurope'),
        replicas: opt(s.int(1, 100), 'number of replicas in that region', 1),
        storage_account_type: opt(
          s.enum(STORAGE_TYPES),
          "storage of the replicas in that region (default: the version's storage_account_type)",
        ),
      }),
    ),
    'regions to replicate to (default: location only)',
    undefined,
    [{ name: 'westeurope' }, { name: 'northeurope', replicas: 2 }],
  ),
  storage_account_type: opt(s.enum(STORAGE_TYPES), 'storage of the replicas', 'Standard_LRS'),
  specialized: opt(s.bool(), 'the image definition is Specialized: no generalize', false),
  exclude_from_latest: opt(
    s.bool(),
    'keep this version from being picked as "latest" of the definition',
    false,
  ),
  end_of_life_date: opt(
    s.string(),
    'when the version reaches end of life (RFC 3339 time)',
    undefined,
    '2027-06-01T00:00:00Z',
  ),
});

const VHD =
  'bake makes managed images and gallery versions, not VHDs in a storage account; use managed_image_name';
const TRUSTED_LAUNCH = 'the VM is created without trusted launch';
const SNAPSHOTS = 'bake makes no disk snapshots; make them from the image after the build';

const { ssh_host: _host, ...ssh } = sshFields;
void _host;

export const azureArmSchema = s.object({
  // Credentials
  subscription_id: opt(s.string(), 'subscription to build in (default: AZURE_SUBSCRIPTION_ID)'),
  tenant_id: opt(s.string(), 'Microsoft Entra tenant (default: AZURE_TENANT_ID)'),
  client_id: opt(s.string(), 'app registration or managed identity (default: AZURE_CLIENT_ID)'),
  client_secret: opt(s.string(), 'use a sensitive variable (default: AZURE_CLIENT_SECRET)'),
  client_cert_path: opt(s.string(), 'PEM file with the certificate and its private key'),
  client_cert_password: opt(
    s.string(),
    'password of client_cert_path, if it is encrypted; use a sensitive variable (default: AZURE_CLIENT_CERTIFICATE_PASSWORD)',
  ),
  client_jwt: opt(
    s.string(),
    'a signed client assertion (used as it is: it must outlive the build)',
  ),
  oidc_request_url: opt(s.string(), 'GitHub OIDC (default: ACTIONS_ID_TOKEN_REQUEST_URL)'),
  oidc_request_token: opt(s.string(), 'default: ACTIONS_ID_TOKEN_REQUEST_TOKEN'),
  use_azure_cli_auth: opt(s.bool(), "use the Azure CLI's login (after azure/login)", false),
  cloud_environment_name: opt(
    s.enum(Object.keys(CLOUDS)),
    "the Azure cloud: Public, China or USGovernment (Packer's AzurePublicCloud, AzureChinaCloud and AzureUSGovernmentCloud too)",
    'Public',
  ),

  // Where
  location: opt(s.string(), 'region of the build VM, e.g. westeurope'),
  temp_resource_group_name: opt(s.string(), 'default: a generated bake-... name'),
  build_resource_group_name: opt(
    s.string(),
    'an existing group to build in (nothing else is deleted)',
  ),
  temp_compute_name: opt(s.string(), 'name of the build VM (default: generated)'),
  virtual_network_name: opt(s.string(), 'an existing virtual network'),
  virtual_network_subnet_name: opt(s.string(), 'subnet of virtual_network_name to put the VM in'),
  virtual_network_resource_group_name: opt(
    s.string(),
    'resource group of virtual_network_name (default: build_resource_group_name)',
  ),
  private_virtual_network_with_public_ip: opt(
    s.bool(),
    'with an existing network: give the VM a public IP',
    true,
  ),
  allowed_inbound_ip_addresses: opt(
    s.list(s.string(), { single: true }),
    "who may reach SSH (default: this runner's public IP /32)",
  ),

  // The VM
  vm_size: opt(s.string(), 'size of the build VM', 'Standard_B2s', 'Standard_D2s_v5'),
  image_publisher: opt(
    s.string(),
    'publisher of the marketplace source image',
    undefined,
    'Debian',
  ),
  image_offer: opt(s.string(), 'offer of the marketplace source image', undefined, 'debian-12'),
  image_sku: opt(s.string(), 'SKU of the marketplace source image', undefined, '12-gen2'),
  image_version: opt(s.string(), 'version of the marketplace source image', 'latest'),
  custom_managed_image_name: opt(s.string(), 'start from this managed image'),
  custom_managed_image_resource_group_name: opt(
    s.string(),
    'resource group of custom_managed_image_name',
  ),
  shared_image_gallery: opt(gallerySource, 'start from a gallery image version'),
  os_disk_size_gb: opt(
    s.int(1, 4095),
    'size of the OS disk in GB (default: the size of the source image)',
    undefined,
    64,
  ),
  custom_data: opt(s.string(), 'cloud-init data (plain text; bake encodes it)'),
  custom_data_file: opt(s.string(), 'file with the cloud-init data (instead of custom_data)'),
  azure_tags: opt(s.map(s.string()), 'tags of everything the build creates'),

  // The image
  managed_image_name: opt(
    s.string(),
    'name of the managed image to make (with managed_image_resource_group_name)',
    undefined,
    'golden-debian-12',
  ),
  managed_image_resource_group_name: opt(
    s.string(),
    'an existing resource group for the managed image',
  ),
  managed_image_storage_account_type: opt(
    s.enum(['Standard_LRS', 'Premium_LRS']),
    'storage of the managed image',
    'Standard_LRS',
  ),
  shared_image_gallery_destination: opt(galleryDestination, 'publish a gallery image version'),
  shared_image_gallery_timeout: opt(s.duration(), 'how long replication may take', '60m'),
  force: opt(s.bool(), 'replace a managed image or gallery version of the same name', false),
  async_resourcegroup_delete: opt(
    s.bool(),
    'only send the delete of the temporary group; the post step checks it finished',
    false,
  ),
  polling_duration_timeout: opt(s.duration(), 'how long one Azure operation may take', '15m'),
  polling_interval: opt(s.duration(), 'first wait between operation polls', '1s'),

  ...ssh,
  ...clearKeyField,
  ssh_username: opt(s.string(), 'admin user of the VM', 'packer'),
  ssh_password: refused(
    'the VM gets an SSH key (the temporary one, or the public half of ssh_private_key_file), never a password',
  ),
  ssh_agent_auth: refused('the VM needs a public key bake can install; use ssh_private_key_file'),
  runs_on: opt(s.string(), 'runner label for this source in the reusable workflow'),

  // Packer settings with a value bake does anyway; the others are refused in refine.
  os_type: opt(s.string(), 'only Linux is supported (Windows needs WinRM)', 'Linux'),
  communicator: opt(s.enum(['ssh', 'winrm', 'none']), 'only ssh is supported', 'ssh'),
  skip_create_image: opt(s.bool(), 'only false: a build always makes an image', false),

  // Packer settings bake refuses.
  capture_container_name: refused(VHD),
  capture_name_prefix: refused(VHD),
  storage_account: refused(VHD),
  resource_group_name: refused('bake makes no VHDs; use managed_image_resource_group_name'),
  image_url: refused('a VHD cannot be a source; use image_publisher or custom_managed_image_name'),
  plan_info: refused('images with a marketplace plan cannot be a source'),
  spot: refused('the build VM is a regular (not Spot) VM'),
  disk_encryption_set_id: refused('the OS disk uses platform-managed keys'),
  build_key_vault_name: refused('key vaults are only needed for WinRM, which is not supported'),
  user_data: refused('use custom_data'),
  user_data_file: refused('use custom_data_file'),
  managed_image_os_disk_snapshot_name: refused(SNAPSHOTS),
  managed_image_data_disk_snapshot_prefix: refused(SNAPSHOTS),
  managed_image_zone_resilient: refused('the managed image is made without zone redundancy'),
  disk_additional_size: refused('the VM has only its OS disk; provision data onto it'),
  virtual_network_subnet_id: refused('use virtual_network_name and virtual_network_subnet_name'),
  shared_gallery_image_version_exclude_from_latest: refused(
    'set exclude_from_latest inside shared_image_gallery_destination',
  ),
  secure_boot_enabled: refused(TRUSTED_LAUNCH),
  vtpm_enabled: refused(TRUSTED_LAUNCH),
  security_type: refused(TRUSTED_LAUNCH),
} satisfies Record<string, Field>);

const RESERVED_USERS = new Set([
  'administrator',
  'admin',
  'user',
  'user1',
  'test',
  'user2',
  'test1',
  'user3',
  'admin1',
  '1',
  '123',
  'a',
  'actuser',
  'adm',
  'admin2',
  'aspnet',
  'backup',
  'console',
  'david',
  'guest',
  'john',
  'owner',
  'root',
  'server',
  'sql',
  'support',
  'support_388945a0',
  'sys',
  'test2',
  'test3',
  'user4',
  'user5',
]);

/** Rules across fields, checked by validate with the spec's positions. */
export function refineAzureArm(c: Record<string, unknown>, packer = false): RuleProblem[] {
  const out: RuleProblem[] = [];
  const has = (k: string) => c[k] !== undefined;
  if (typeof c.os_type === 'string' && c.os_type.toLowerCase() !== 'linux')
    out.push(
      c.os_type.toLowerCase() === 'windows'
        ? { key: 'os_type', message: 'os_type is not supported: only Linux (Windows needs WinRM)' }
        : {
            key: 'os_type',
            message: `os_type "${c.os_type}" is not an OS type`,
            hint: 'os_type: Linux (the only one supported)',
          },
    );
  if (has('communicator') && c.communicator !== 'ssh')
    out.push({
      key: 'communicator',
      message: `communicator ${String(c.communicator)} is not supported: only ssh`,
    });
  if (c.skip_create_image === true)
    out.push({
      key: 'skip_create_image',
      message: 'skip_create_image is not supported: a build always makes an image',
      hint: 'to try provisioners without a cloud, use the null or docker builder',
    });

  const sources = [
    has('image_publisher') || has('image_offer') || has('image_sku'),
    has('custom_managed_image_name'),
    has('shared_image_gallery'),
  ].filter(Boolean).length;
  if (sources !== 1)
    out.push({
      key: '',
      message:
        sources === 0
          ? 'no source image'
          : 'set only one source: image_publisher/image_offer/image_sku, custom_managed_image_name or shared_image_gallery',
      hint: 'e.g. image_publisher: Debian, image_offer: debian-12, image_sku: 12-gen2',
    });
  if (has('image_publisher') || has('image_offer') || has('image_sku'))
    for (const k of ['image_publisher', 'image_offer', 'image_sku'])
      if (!has(k))
        out.push({
          key: '',
          message: `${k} is missing: a marketplace source needs image_publisher, image_offer and image_sku`,
        });
  if (has('custom_managed_image_name') !== has('custom_managed_image_resource_group_name'))
    out.push({
      key: has('custom_managed_image_name')
        ? 'custom_managed_image_name'
        : 'custom_managed_image_resource_group_name',
      message: 'custom_managed_image_name and custom_managed_image_resource_group_name go together',
    });

  if (!has('managed_image_name') && !has('shared_image_gallery_destination'))
    out.push({
      key: '',
      message: 'no image to make',
      hint: 'set managed_image_name + managed_image_resource_group_name, and/or shared_image_gallery_destination',
    });
  if (has('managed_image_name') !== has('managed_image_resource_group_name'))
    out.push({
      key: has('managed_image_name') ? 'managed_image_name' : 'managed_image_resource_group_name',
      message: 'managed_image_name and managed_image_resource_group_name go together',
    });
  if (
    typeof c.managed_image_name === 'string' &&
    !/^[A-Za-z0-9][A-Za-z0-9._-]{0,78}[A-Za-z0-9_]$/.test(c.managed_image_name)
  )
    out.push({
      key: 'managed_image_name',
      message: `managed_image_name "${c.managed_image_name}" is not a valid image name`,
      hint: '1 to 80 letters, digits, _ . -; starts with a letter or digit, ends with a letter, digit or _',
    });

  if (has('temp_resource_group_name') && has('build_resource_group_name'))
    out.push({
      key: 'temp_resource_group_name',
      message: 'set only one of temp_resource_group_name and build_resource_group_name',
    });
  if (!has('build_resource_group_name') && !has('location'))
    out.push({
      key: '',
      message: 'no location',
      hint: 'set location (e.g. westeurope), or build in an existing group with build_resource_group_name',
    });
  if (has('build_resource_group_name') && has('location'))
    out.push({
      key: 'location',
      message: 'location comes from build_resource_group_name; set only one of them',
    });
  if (
    has('virtual_network_name') !== has('virtual_network_subnet_name') &&
    has('virtual_network_name')
  )
    out.push({
      key: 'virtual_network_name',
      message: 'an existing network needs virtual_network_subnet_name too',
    });
  if (
    has('virtual_network_name') &&
    !has('virtual_network_resource_group_name') &&
    !has('build_resource_group_name')
  )
    out.push({
      key: 'virtual_network_name',
      message: 'an existing network needs its resource group',
      hint: 'set virtual_network_resource_group_name (or build in that group with build_resource_group_name)',
    });
  if (
    !has('virtual_network_name') &&
    (has('virtual_network_subnet_name') || has('virtual_network_resource_group_name'))
  )
    out.push({
      key: has('virtual_network_subnet_name')
        ? 'virtual_network_subnet_name'
        : 'virtual_network_resource_group_name',
      message: 'set virtual_network_name with it',
    });
  // In a Packer template false is also the setting's zero value, which means nothing here.
  if (c.private_virtual_network_with_public_ip === false && !has('virtual_network_name') && !packer)
    out.push({
      key: 'private_virtual_network_with_public_ip',
      message:
        'private_virtual_network_with_public_ip: false only applies with an existing virtual_network_name',
    });
  if (has('custom_data') && has('custom_data_file'))
    out.push({
      key: 'custom_data_file',
      message: 'set only one of custom_data and custom_data_file',
    });

  for (const k of ['subscription_id', 'tenant_id', 'client_id'])
    if (typeof c[k] === 'string' && !GUID.test(c[k] as string))
      out.push({
        key: k,
        message: `${k} "${c[k]}" is not a GUID`,
        hint: 'it looks like 00000000-0000-0000-0000-000000000000 (az account show)',
      });
  if (has('client_secret') && has('client_cert_path'))
    out.push({
      key: 'client_cert_path',
      message: 'set only one of client_secret and client_cert_path',
    });
  if (
    c.use_azure_cli_auth === true &&
    (has('client_secret') || has('client_cert_path') || has('client_jwt'))
  )
    out.push({
      key: 'use_azure_cli_auth',
      message: 'use_azure_cli_auth takes no client_secret, client_cert_path or client_jwt',
    });
  if (typeof c.ssh_username === 'string' && RESERVED_USERS.has(c.ssh_username.toLowerCase()))
    out.push({
      key: 'ssh_username',
      message: `Azure refuses "${c.ssh_username}" as an admin user name`,
      hint: 'use another name, e.g. packer or azureuser',
    });

  const src = c.shared_image_gallery as Record<string, unknown> | undefined;
  if (
    typeof src?.image_version === 'string' &&
    src.image_version !== 'latest' &&
    !VERSION.test(src.image_version)
  )
    out.push({
      key: 'shared_image_gallery.image_version',
      message: `image_version "${src.image_version}" is not N.N.N`,
    });
  const dst = c.shared_image_gallery_destination as Record<string, unknown> | undefined;
  if (dst) {
    if (typeof dst.image_version === 'string' && !VERSION.test(dst.image_version))
      out.push({
        key: 'shared_image_gallery_destination.image_version',
        message: `image_version "${dst.image_version}" is not N.N.N`,
        hint: 'gallery versions are three integers, e.g. 1.0.42',
      });
    if (
      typeof dst.gallery_name === 'string' &&
      !/^[A-Za-z0-9][A-Za-z0-9._]{0,78}[A-Za-z0-9]$/.test(dst.gallery_name)
    )
      out.push({
        key: 'shared_image_gallery_destination.gallery_name',
        message: `gallery_name "${dst.gallery_name}" is not a gallery name`,
        hint: 'letters, digits, . and _ (no hyphens)',
      });
    if (dst.specialized === true && has('managed_image_name'))
      out.push({
        key: 'shared_image_gallery_destination.specialized',
        message:
          'a specialized version cannot come with a managed image (a managed image needs a generalized VM)',
      });
    if (typeof dst.end_of_life_date === 'string' && Number.isNaN(Date.parse(dst.end_of_life_date)))
      out.push({
        key: 'shared_image_gallery_destination.end_of_life_date',
        message: `end_of_life_date "${dst.end_of_life_date}" is not a time`,
        hint: 'RFC 3339, e.g. 2027-06-01T00:00:00Z',
      });
  }
  return out;
}

/**
 * googlecompute settings, with Packer's names. Loaded by `bake validate`, so nothing here
 * may import the Google client libraries.
 */
import { Field, opt, parseDuration, refused, req, s } from '../../../spec/schema';
import { clearKeyField, sshFields } from '../../../communicators/ssh-schema';

const NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const LABEL_KEY = /^[a-z][-_a-z0-9]{0,62}$/;
const LABEL_VALUE = /^[-_a-z0-9]{0,63}$/;

const encryptionKey = s.object({
  kmsKeyName: opt(s.string(), 'projects/P/locations/L/keyRings/R/cryptoKeys/K'),
  rawKey: opt(s.string(), 'a 256-bit customer-supplied key, base64 (use a sensitive variable)'),
});

const VOLUME_TYPES = [
  'pd-standard',
  'pd-balanced',
  'pd-ssd',
  'pd-extreme',
  'hyperdisk-balanced',
  'hyperdisk-throughput',
  'hyperdisk-extreme',
  'scratch',
] as const;

/** An extra disk (Packer's disk_attachment block): made with the instance, deleted with it. */
const diskAttachment = s.object({
  volume_type: req(
    s.enum(VOLUME_TYPES),
    'the disk type; scratch is a local SSD (375 GB, NVME or SCSI)',
    'pd-ssd',
  ),
  volume_size: opt(
    s.int(1, 65536),
    'GB (required except for scratch, which is 375)',
    undefined,
    100,
  ),
  disk_name: opt(s.string(), 'the disk name (default: the instance name and the disk number)'),
  device_name: opt(
    s.string(),
    'the name the guest sees under /dev/disk/by-id/google-NAME (default: GCE picks one)',
  ),
  interface_type: opt(s.enum(['SCSI', 'NVME']), 'how the disk is attached', 'SCSI'),
  attachment_mode: opt(
    s.enum(['READ_WRITE', 'READ_ONLY']),
    'how the guest may use it',
    'READ_WRITE',
  ),
  keep_device: refused(
    'extra disks are deleted with the instance; the image is made from the boot disk',
  ),
  create_image: refused('the image is made from the boot disk only'),
  source_volume: refused('extra disks start empty'),
  replica_zones: refused('extra disks are zonal, in the instance zone'),
  zone: refused('extra disks are in the instance zone'),
  disk_encryption_key: refused('extra disks use Google-managed encryption'),
});

const IAP = 'bake opens no IAP tunnel (see use_iap)';
const USE_IAP_WHY =
  'no maintained library opens an IAP TCP tunnel without gcloud; reach the instance with use_internal_ip from a runner inside the VPC, or through ssh_bastion_host';

const { ssh_host: _host, ...ssh } = sshFields;
void _host;

export const googlecomputeSchema = s.object({
  project_id: opt(
    s.string(),
    'project to build in (default: GOOGLE_CLOUD_PROJECT or CLOUDSDK_CORE_PROJECT)',
  ),
  zone: req(s.string(), 'zone of the build instance, e.g. europe-west1-b'),
  region: opt(s.string(), 'region of subnetwork (default: from zone)'),

  credentials_file: opt(
    s.string(),
    'service account key or external_account file (default: Application Default Credentials)',
  ),
  credentials_json: opt(s.string(), 'the same as JSON text, from a sensitive variable'),
  access_token: opt(s.string(), 'an OAuth2 access token, from a sensitive variable'),
  impersonate_service_account: opt(s.string(), 'service account to act as'),

  source_image: opt(s.string(), 'image name or URL to start from (or source_image_family)'),
  source_image_family: opt(s.string(), 'image family whose newest image to start from'),
  source_image_project_id: opt(
    s.list(s.string(), { single: true }),
    'projects to look for the source image in, in order (default: project_id, then the public image projects)',
  ),

  instance_name: opt(s.string(), 'name of the build instance (default: bake-<build>-<run>)'),
  machine_type: opt(
    s.string(),
    'machine type of the build instance',
    'e2-standard-2',
    'n2-standard-4',
  ),
  min_cpu_platform: opt(s.string(), 'e.g. Intel Ice Lake'),
  accelerator_type: opt(s.string(), 'e.g. nvidia-tesla-t4, or a full URL'),
  accelerator_count: opt(s.int(1, 16), 'number of accelerator_type GPUs to attach', undefined, 1),
  on_host_maintenance: opt(
    s.enum(['MIGRATE', 'TERMINATE']),
    "what GCE does at host maintenance: live-migrate or stop the instance (default: GCE's, MIGRATE; always TERMINATE with accelerators or preemptible)",
  ),
  preemptible: opt(s.bool(), 'a Spot VM (cheaper; may be reclaimed)', false),
  max_run_duration: opt(
    s.duration(),
    'the instance deletes itself after this long, even if bake is killed (default: the build timeout + 30m, else 4h)',
  ),
  max_run_duration_in_seconds: opt(s.int(30, 120 * 86_400), "Packer's name of max_run_duration"),
  instance_termination_action: opt(
    s.enum(['DELETE']),
    'what max_run_duration does (only DELETE)',
    'DELETE',
  ),
  disk_name: opt(s.string(), 'name of the boot disk (default: the instance name)'),
  disk_size: opt(s.int(10, 65536), 'GB', 20),
  disk_type: opt(
    s.string(),
    'pd-standard, pd-balanced, pd-ssd, hyperdisk-balanced ...',
    'pd-standard',
  ),
  disk_encryption_key: opt(encryptionKey, 'key of the boot disk'),
  disk_attachment: opt(
    s.list(diskAttachment),
    'extra disks for the build (scratch space, a data volume): made with the instance with autoDelete, so they go with it even if bake cannot clean up',
  ),
  network: opt(s.string(), 'network name or URL', 'default'),
  subnetwork: opt(s.string(), 'subnetwork name or URL'),
  network_project_id: opt(s.string(), 'project of a shared VPC (default: project_id)'),
  omit_external_ip: opt(s.bool(), 'no external address (needs use_internal_ip)', false),
  use_internal_ip: opt(s.bool(), 'connect to the internal address', false),
  tags: opt(s.list(s.string()), 'network tags (firewall rules match them)'),
  labels: opt(s.map(s.string()), 'labels of the instance and its disk'),
  metadata: opt(s.map(s.string()), 'instance metadata'),
  metadata_files: opt(s.map(s.string()), 'instance metadata read from files'),
  startup_script_file: opt(s.string(), 'script the instance runs at boot; the build waits for it'),
  startup_script_timeout: opt(s.duration(), 'how long the startup script may run', '10m'),
  service_account_email: opt(
    s.string(),
    'service account of the instance (default: the default one)',
  ),
  disable_default_service_account: opt(s.bool(), 'no service account at all', false),
  scopes: opt(s.list(s.string()), 'OAuth scopes of the instance service account'),
  enable_secure_boot: opt(
    s.bool(),
    "Shielded VM: boot only signed code (needs a UEFI image; GCE's default: off). Setting any of the three Shielded VM settings sends all three, the unset ones as false",
  ),
  enable_vtpm: opt(
    s.bool(),
    "Shielded VM: a virtual TPM (GCE's default: on for Shielded VM images; false when only another Shielded VM setting is given)",
  ),
  enable_integrity_monitoring: opt(
    s.bool(),
    "Shielded VM: check each boot against a baseline, needs enable_vtpm (GCE's default: on for Shielded VM images; false when only another Shielded VM setting is given)",
  ),
  enable_nested_virtualization: opt(
    s.bool(),
    'allow VMs inside the build instance (Intel machine types only)',
    false,
  ),

  image_name: req(s.string(), 'name of the new image; must be unused in image_project_id'),
  image_project_id: opt(s.string(), 'project to store the image in (default: project_id)'),
  image_family: opt(
    s.string(),
    'family of the new image: users of the family get the newest image in it',
    undefined,
    'golden-debian-12',
  ),
  image_description: opt(s.string(), 'description of the new image'),
  image_labels: opt(s.map(s.string()), 'labels of the new image', undefined, { team: 'platform' }),
  image_storage_locations: opt(s.list(s.string(), { single: true }), 'one region or multi-region'),
  image_licenses: opt(s.list(s.string()), 'license URLs to attach to the image', undefined, [
    'projects/vm-options/global/licenses/enable-vmx',
  ]),
  image_guest_os_features: opt(s.list(s.string()), 'e.g. UEFI_COMPATIBLE, GVNIC'),
  image_architecture: opt(
    s.enum(['X86_64', 'ARM64', 'x86_64', 'arm64']),
    'architecture of the new image (default: that of the disk)',
  ),
  image_encryption_key: opt(encryptionKey, 'key of the image'),
  force: opt(s.bool(), 'replace an image of the same name', false),

  state_timeout: opt(s.duration(), "caps every wait (Packer's single timeout)"),
  create_instance_timeout: opt(s.duration(), 'instance creation', '10m'),
  image_timeout: opt(s.duration(), 'image creation', '60m'),
  delete_timeout: opt(s.duration(), 'deleting the instance and the disk', '10m'),

  ...ssh,
  ...clearKeyField,
  ssh_username: {
    ...sshFields.ssh_username,
    description: `${sshFields.ssh_username.description} (required, unless use_os_login picks the OS Login user)`,
  },
  temporary_key_pair_type: opt(
    s.enum(['ed25519', 'rsa']),
    'type of the temporary SSH key (when no ssh_private_key_file is given)',
    'ed25519',
  ),
  runs_on: opt(s.string(), 'runner label for this source in the reusable workflow'),

  // Packer settings with a value bake does anyway; the other values are refused in refine.
  use_iap: opt(s.bool(), `only false: ${USE_IAP_WHY}`, false),
  use_os_login: opt(
    s.bool(),
    "import the temporary key into the OS Login profile of the account the build runs as (and delete it after) instead of the instance metadata; SSH logs in as that profile's POSIX user",
    false,
  ),
  os_login_ssh_username: opt(
    s.string(),
    "with use_os_login, the user to log in as: __auto__ (the profile's POSIX user), __external__ (that name with ext_ before it, for accounts from another organization) or a name",
    '__auto__',
  ),
  skip_create_image: opt(s.bool(), 'only false: a build always makes an image', false),
  wrap_startup_script: opt(
    s.bool(),
    'only true: the startup script is always wrapped so that its end can be read from the serial port',
    true,
  ),
  communicator: opt(s.enum(['ssh', 'winrm', 'none']), 'only ssh is supported', 'ssh'),

  // Packer settings bake refuses.
  iap_localhost_port: refused(IAP),
  iap_hashbang: refused(IAP),
  iap_ext: refused(IAP),
  iap_tunnel_launch_wait: refused(IAP),
  address: refused('the instance gets an ephemeral external address, not a reserved one'),
  node_affinity: refused('the instance does not run on sole-tenant nodes'),
  windows_password_timeout: refused('only Linux instances are built'),
  vault_gcp_oauth_engine: refused('use access_token with a token from Vault instead'),
  wait_to_add_ssh_keys: refused(
    'not needed: the key is in the metadata the instance is created with',
  ),
  enable_proxy: refused('the instance is reached directly, or through ssh_bastion_host'),
  image_deprecate: refused('the image is made active; deprecate older images after the build'),
} satisfies Record<string, Field>);

type Problem = { key: string; message: string; hint?: string };

function labelProblems(key: string, m: unknown, out: Problem[]) {
  for (const [k, v] of Object.entries((m ?? {}) as Record<string, unknown>)) {
    if (!LABEL_KEY.test(k))
      out.push({
        key: `${key}.${k}`,
        message: `label key "${k}" is not valid in GCP`,
        hint: 'lowercase letters, digits, - and _, starting with a letter, at most 63',
      });
    if (!LABEL_VALUE.test(String(v)))
      out.push({
        key: `${key}.${k}`,
        message: `label value "${String(v)}" is not valid in GCP`,
        hint: 'lowercase letters, digits, - and _, at most 63 (use lower() and replace())',
      });
  }
}

/** Rules across fields, checked by validate with the spec's positions. */
export function refineGooglecompute(c: Record<string, unknown>): Problem[] {
  const out: Problem[] = [];
  const only = (k: string, bad: boolean, message: string, hint?: string) => {
    if (bad) out.push({ key: k, message, hint });
  };
  only('use_iap', c.use_iap === true, 'use_iap is not supported', USE_IAP_WHY);
  const osLogin = c.use_os_login === true;
  only(
    'ssh_username',
    !osLogin && c.ssh_username === undefined,
    'missing required key "ssh_username"',
    'the user SSH logs in as (e.g. packer; the guest environment creates it from the key in the metadata)',
  );
  only(
    'ssh_username',
    osLogin && c.ssh_username !== undefined,
    "ssh_username is not used with use_os_login: SSH logs in as the OS Login profile's user",
    'leave ssh_username out, or name the user in os_login_ssh_username',
  );
  only(
    'os_login_ssh_username',
    !osLogin && c.os_login_ssh_username !== undefined,
    'os_login_ssh_username needs use_os_login: true',
    'set use_os_login: true, or use ssh_username',
  );
  for (const k of ['ssh_private_key_file', 'ssh_private_key', 'ssh_password', 'ssh_agent_auth'])
    only(
      k,
      osLogin && c[k] !== undefined && c[k] !== false,
      `${k} cannot be used with use_os_login: OS Login takes bake's temporary key`,
      'for a key already in your OS Login profile, leave use_os_login out and set metadata: {enable-oslogin: "TRUE"} with ssh_username',
    );
  only(
    'skip_create_image',
    c.skip_create_image === true,
    'skip_create_image is not supported: a build always makes an image',
    'to try provisioners without a cloud, use the null or docker builder',
  );
  only(
    'wrap_startup_script',
    c.wrap_startup_script === false,
    'wrap_startup_script: false is not supported',
    'the startup script is always wrapped so that its end can be read from the serial port',
  );
  only(
    'communicator',
    c.communicator !== undefined && c.communicator !== 'ssh',
    `communicator ${String(c.communicator)} is not supported: only ssh (Linux only)`,
  );
  if (c.source_image === undefined && c.source_image_family === undefined)
    out.push({
      key: '',
      message: 'set source_image or source_image_family',
      hint: 'e.g. source_image_family: debian-12 with source_image_project_id: [debian-cloud]',
    });
  if (c.source_image !== undefined && c.source_image_family !== undefined)
    out.push({
      key: 'source_image_family',
      message: 'set only one of source_image and source_image_family',
    });
  const name = (k: string) => {
    if (typeof c[k] === 'string' && !NAME.test(c[k] as string))
      out.push({
        key: k,
        message: `${k} "${c[k] as string}" is not a valid GCE name`,
        hint: '1 to 63 lowercase letters, digits and -, starting with a letter, not ending with - (use clean_resource_name())',
      });
  };
  for (const k of ['image_name', 'image_family', 'instance_name', 'disk_name']) name(k);
  labelProblems('labels', c.labels, out);
  labelProblems('image_labels', c.image_labels, out);
  if (c.omit_external_ip === true && c.use_internal_ip !== true)
    out.push({
      key: 'omit_external_ip',
      message: 'omit_external_ip needs use_internal_ip: true',
      hint: 'without an external address the instance is reached on its internal one',
    });
  if ((c.accelerator_type === undefined) !== (c.accelerator_count === undefined))
    out.push({
      key: c.accelerator_type === undefined ? 'accelerator_count' : 'accelerator_type',
      message: 'set accelerator_type and accelerator_count together',
    });
  if (c.accelerator_type !== undefined && c.on_host_maintenance === 'MIGRATE')
    out.push({
      key: 'on_host_maintenance',
      message: 'instances with accelerators cannot live-migrate',
      hint: 'on_host_maintenance: TERMINATE (the default with accelerators)',
    });
  if (c.preemptible === true && c.on_host_maintenance === 'MIGRATE')
    out.push({
      key: 'on_host_maintenance',
      message: 'a preemptible (Spot) instance cannot live-migrate',
      hint: 'on_host_maintenance: TERMINATE',
    });
  if (c.max_run_duration !== undefined && c.max_run_duration_in_seconds !== undefined)
    out.push({
      key: 'max_run_duration_in_seconds',
      message: 'set only one of max_run_duration and max_run_duration_in_seconds',
    });
  const mrd = parseDuration(c.max_run_duration);
  if (mrd !== undefined && (mrd < 30_000 || mrd > 120 * 86_400_000))
    out.push({
      key: 'max_run_duration',
      message: 'max_run_duration must be between 30s and 120 days',
    });
  if (c.disable_default_service_account === true && c.service_account_email !== undefined)
    out.push({
      key: 'disable_default_service_account',
      message: 'set only one of disable_default_service_account and service_account_email',
    });
  const sources = ['access_token', 'credentials_json', 'credentials_file'].filter(
    (k) => c[k] !== undefined,
  );
  if (sources.length > 1)
    out.push({
      key: sources[1],
      message: `set only one of ${sources.join(', ')}`,
    });
  const locs = c.image_storage_locations;
  if (Array.isArray(locs) && locs.length > 1)
    out.push({
      key: 'image_storage_locations',
      message: 'image_storage_locations takes one location',
      hint: 'a region (us-east1) or a multi-region (us)',
    });
  for (const [i, d] of ((c.disk_attachment ?? []) as Record<string, unknown>[]).entries()) {
    const at = `disk_attachment[${i}]`;
    if (d.volume_type === 'scratch') {
      if (d.volume_size !== undefined && d.volume_size !== 375)
        out.push({
          key: `${at}.volume_size`,
          message: 'a scratch disk (local SSD) is 375 GB',
          hint: 'leave volume_size out, or add more scratch disks',
        });
      for (const k of ['disk_name', 'attachment_mode'] as const)
        if (d[k] !== undefined)
          out.push({
            key: `${at}.${k}`,
            message: `${k} does not apply to a scratch disk`,
            hint: 'a local SSD has no name of its own and is always read-write',
          });
    } else if (d.volume_size === undefined)
      out.push({
        key: `${at}.volume_size`,
        message: `missing required key "volume_size" for a ${String(d.volume_type)} disk`,
        hint: 'the size in GB, e.g. volume_size: 100',
      });
  }
  for (const k of ['image_encryption_key', 'disk_encryption_key']) {
    const key = c[k] as Record<string, unknown> | undefined;
    if (key && (key.kmsKeyName === undefined) === (key.rawKey === undefined))
      out.push({ key: k, message: `${k} takes exactly one of kmsKeyName and rawKey` });
  }
  return out;
}

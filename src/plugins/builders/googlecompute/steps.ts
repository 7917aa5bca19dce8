/**
 * The googlecompute builder's steps: check the image name and find the source image, create
 * the instance (temporary key in its metadata, a dead-man's switch in its scheduling), wait
 * for its startup script, connect, provision, delete the instance (its boot disk stays),
 * create the image from the disk, delete the disk. Names are known before each create, so
 * each resource is in the ledger before the call that makes it; creating calls are never
 * raced against cancellation, they are awaited, and then the build stops.
 */
import { clearAuthorizedKey } from '../../../communicators/clear-key';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ssh2 from 'ssh2';
import type { protos } from '@google-cloud/compute';
import { SshCommunicator } from '../../../communicators/ssh';
import { sshOptions, temporaryKeyPair } from '../../../communicators/ssh-config';
import { BuildEnv, BuildError, BuildState } from '../../../engine/context';
import type { LedgerEntry } from '../../../engine/ledger';
import { sleep, Step, throwIfCancelled } from '../../../engine/steps';
import { parseDuration } from '../../../spec/schema';
import { addSecret } from '../../../util/redact';
import {
  Credentials,
  gce,
  Gce,
  gceError,
  isNotFound,
  Operation,
  OperationError,
  operationOf,
  projectOf,
  retrying,
  waitOperation,
} from './gce';
import { deleteKey, importKey, loginName } from './oslogin';
import { deleteDisk, deleteImage, deleteInstance } from './resources';
import { connectSsh } from '../../ssh-connect';

type Config = Record<string, unknown>;
type Instance = protos.google.cloud.compute.v1.IInstance;
type Image = protos.google.cloud.compute.v1.IImage;

/** Where Google publishes its Linux images: searched after project_id by default. */
export const PUBLIC_IMAGE_PROJECTS = [
  'debian-cloud',
  'ubuntu-os-cloud',
  'ubuntu-os-pro-cloud',
  'centos-cloud',
  'rhel-cloud',
  'rocky-linux-cloud',
  'cos-cloud',
  'fedora-coreos-cloud',
  'opensuse-cloud',
  'suse-cloud',
];

const DEFAULT_SCOPES = [
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/compute',
  'https://www.googleapis.com/auth/devstorage.full_control',
];

interface Made {
  name: string;
  entry: LedgerEntry;
  op?: Operation;
  deleted?: boolean;
}

interface GceState extends BuildState {
  g?: Gce;
  /** Clients for image_project_id (the same as g when it is project_id). */
  gi?: Gce;
  sourceImage?: string;
  key?: { privateKey?: string; publicKey: string };
  metadata?: { key: string; value: string }[];
  startupNonce?: string;
  instance?: Made & { info?: Instance };
  disk?: Made;
  /** disk_attachment's persistent disks: autoDelete, so they go with the instance. */
  extra?: Made[];
  /** The temporary key in an OS Login profile, and the user it logs in as. */
  osLogin?: Made & { account: string; fingerprint: string; username?: string };
  image?: Made;
  ssh?: SshCommunicator;
  finished?: boolean;
}

const bool = (v: unknown) => v === true || v === 'true';
const isUrl = (v: string) => v.includes('/');

/** A GCE name (lowercase, digits, -; at most 63) made of `parts`. */
export function gceName(...parts: string[]): string {
  const n = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-');
  return n.slice(0, 63).replace(/-+$/, '');
}

const labelValue = (v: string) =>
  v
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .slice(0, 63);

function readLocal(specDir: string, file: string, setting: string): string {
  try {
    return readFileSync(resolve(specDir, file), 'utf8');
  } catch (e) {
    throw new BuildError(
      `${setting} ${file} cannot be read: ${(e as NodeJS.ErrnoException).code}`,
      `paths are relative to the spec's directory (${specDir})`,
    );
  }
}

/** The user's startup script, wrapped so that its end and exit status reach the serial port. */
export function wrapStartupScript(script: string, nonce: string): string {
  const body = script.endsWith('\n') ? script : `${script}\n`;
  return `#!/bin/bash
# bake: runs the startup script below, then reports its exit status on the serial console.
script=$(mktemp /tmp/bake-startup.XXXXXX)
cat > "$script" <<'BAKE_STARTUP_SCRIPT_${nonce}'
${body}BAKE_STARTUP_SCRIPT_${nonce}
chmod +x "$script"
if [ "$(head -c2 "$script")" = '#!' ]; then "$script"; else /bin/bash "$script"; fi
rc=$?
msg="bake-startup-script ${nonce} exit $rc"
echo "$msg"
{ echo "$msg" > /dev/ttyS0; } 2>/dev/null || true
rm -f "$script"
exit $rc
`;
}

export function credentialsOf(c: Config): Credentials {
  return {
    ...(typeof c.credentials_file === 'string' ? { credentials_file: c.credentials_file } : {}),
    ...(typeof c.credentials_json === 'string' ? { credentials_json: c.credentials_json } : {}),
    ...(typeof c.access_token === 'string' ? { access_token: c.access_token } : {}),
    ...(typeof c.impersonate_service_account === 'string'
      ? { impersonate_service_account: c.impersonate_service_account }
      : {}),
  };
}

/**
 * The source image's self link: source_image (a URL as it is, a name looked up) or the
 * newest of source_image_family, in the first project of source_image_project_id that has
 * it. The projects are asked at once; the order decides.
 */
export async function findSourceImage(g: Gce, c: Config, signal?: AbortSignal): Promise<string> {
  const image = c.source_image as string | undefined;
  if (image && isUrl(image)) return image;
  const family = c.source_image_family as string | undefined;
  const listed = c.source_image_project_id;
  const projects =
    listed === undefined
      ? [...new Set([g.project, ...PUBLIC_IMAGE_PROJECTS])]
      : (Array.isArray(listed) ? listed : [listed]).map(String);
  const answers = await Promise.allSettled(
    projects.map(
      async (project) =>
        (
          await retrying(
            () =>
              family
                ? g.images.getFromFamily({ project, family })
                : g.images.get({ project, image: image! }),
            signal,
          )
        )[0] as Image,
    ),
  );
  for (const [i, a] of answers.entries()) {
    if (a.status === 'fulfilled')
      return a.value.selfLink ?? `projects/${projects[i]}/global/images/${a.value.name}`;
    if (!isNotFound(a.reason))
      throw gceError(
        a.reason,
        `looking up ${family ? `image family ${family}` : `image ${image}`} in ${projects[i]}`,
        g.principal,
      );
  }
  throw new BuildError(
    `${family ? `source_image_family "${family}"` : `source_image "${image}"`} was not found in ${projects.join(', ')}`,
    family
      ? 'check the family name and set source_image_project_id to the project that publishes it (e.g. debian-cloud for debian-12); "gcloud compute images list --filter=family:NAME" shows where it lives'
      : 'check the name, or give the project in source_image_project_id or a URL (projects/P/global/images/NAME)',
  );
}

export function gceSteps(env: BuildEnv, provision: Step<BuildState>): Step<GceState>[] {
  const c = env.instance.config;
  const zone = String(c.zone);
  const region = (c.region as string | undefined) ?? zone.replace(/-[a-z]$/, '');
  const creds = credentialsOf(c);
  const imageName = String(c.image_name);
  const resourceName = gceName('bake', env.instance.name.slice(0, 40), env.runUuid.slice(0, 8));
  const instanceName = (c.instance_name as string | undefined) ?? resourceName;
  const diskName = (c.disk_name as string | undefined) ?? instanceName;
  const extraDisks = ((c.disk_attachment ?? []) as Config[]).map((d, i) => ({
    scratch: d.volume_type === 'scratch',
    type: String(d.volume_type),
    size: Number(d.volume_size ?? 375),
    name: (d.disk_name as string | undefined) ?? gceName(instanceName.slice(0, 58), String(i + 1)),
    device: d.device_name as string | undefined,
    interface: d.interface_type as string | undefined,
    mode: d.attachment_mode as string | undefined,
  }));
  const persistentDisks = extraDisks.filter((d) => !d.scratch);
  const bakeLabels = {
    'bake-run': labelValue(env.runUuid),
    'bake-build': labelValue(env.instance.name),
    'bake-created': String(Math.floor(Date.now() / 1000)),
  };
  const stateTimeout = parseDuration(c.state_timeout);
  const limit = (setting: string, dflt: number) =>
    Math.min(parseDuration(c[setting]) ?? dflt, stateTimeout ?? Infinity);
  const createLimit = limit('create_instance_timeout', 10 * 60_000);
  const imageLimit = limit('image_timeout', 60 * 60_000);
  const deleteLimit = limit('delete_timeout', 10 * 60_000);
  const startupLimit = limit('startup_script_timeout', 10 * 60_000);
  const pollMs = Number(process.env.BAKE_GCE_POLL_MS ?? 2000);
  const maxRunSeconds = Math.round(
    c.max_run_duration_in_seconds !== undefined
      ? Number(c.max_run_duration_in_seconds)
      : (parseDuration(c.max_run_duration) ??
          (env.instance.timeoutMs ? env.instance.timeoutMs + 30 * 60_000 : 4 * 3_600_000)) / 1000,
  );
  const sshPort = Number(c.ssh_port ?? 22);
  const userKey =
    typeof c.ssh_private_key_file === 'string' || typeof c.ssh_private_key === 'string';
  const needKey = !userKey && c.ssh_password === undefined && !bool(c.ssh_agent_auth);
  const osLogin = bool(c.use_os_login);
  /** The user SSH logs in as: the OS Login profile's once the key is imported. */
  const sshUser = (s: GceState) => s.osLogin?.username ?? String(c.ssh_username);
  const ledgerRef = (project: string, name: string, extra: Record<string, string> = {}) => ({
    project,
    name,
    ...extra,
    ...(creds.credentials_file
      ? { credentials_file: resolve(env.specDir, creds.credentials_file) }
      : {}),
    ...(creds.impersonate_service_account
      ? { impersonate_service_account: creds.impersonate_service_account }
      : {}),
  });
  const call = async <T>(g: Gce, what: string, fn: () => Promise<T>, signal?: AbortSignal) => {
    try {
      return await retrying(fn, signal);
    } catch (e) {
      throw gceError(e, what, g.principal);
    }
  };

  const buildMetadata = (s: GceState): { key: string; value: string }[] => {
    const items = new Map<string, string>();
    for (const [k, v] of Object.entries((c.metadata ?? {}) as Config)) items.set(k, String(v));
    for (const [k, f] of Object.entries((c.metadata_files ?? {}) as Config))
      items.set(k, readLocal(env.specDir, String(f), `metadata_files.${k}`));
    const script =
      typeof c.startup_script_file === 'string'
        ? readLocal(env.specDir, c.startup_script_file, 'startup_script_file')
        : items.get('startup-script');
    if (script !== undefined) {
      s.startupNonce = randomBytes(8).toString('hex');
      items.set('startup-script', wrapStartupScript(script, s.startupNonce));
    }
    // With OS Login the guest ignores ssh-keys metadata: the key is in the login profile.
    if (osLogin) items.set('enable-oslogin', 'TRUE');
    else if (s.key) {
      const line = `${String(c.ssh_username)}:${s.key.publicKey.trim()}`;
      const had = items.get('ssh-keys');
      items.set('ssh-keys', had ? `${had.trimEnd()}\n${line}` : line);
    }
    return [...items].map(([key, value]) => ({ key, value }));
  };

  const instanceResource = (s: GceState): Instance => {
    const netProject = (c.network_project_id as string | undefined) ?? s.g!.project;
    const network = String(c.network ?? 'default');
    const subnet = c.subnetwork as string | undefined;
    const preemptible = bool(c.preemptible);
    const accel = c.accelerator_type as string | undefined;
    const mt = String(c.machine_type ?? 'e2-standard-2');
    const dt = String(c.disk_type ?? 'pd-standard');
    const key = (k: Config | undefined) =>
      k
        ? {
            ...(k.kmsKeyName ? { kmsKeyName: String(k.kmsKeyName) } : { rawKey: String(k.rawKey) }),
          }
        : undefined;
    const diskKey = key(c.disk_encryption_key as Config | undefined);
    const shielded =
      c.enable_secure_boot !== undefined ||
      c.enable_vtpm !== undefined ||
      c.enable_integrity_monitoring !== undefined;
    return {
      name: instanceName,
      description: `bake build ${env.instance.name}`,
      machineType: isUrl(mt) ? mt : `zones/${zone}/machineTypes/${mt}`,
      labels: { ...((c.labels ?? {}) as Record<string, string>), ...bakeLabels },
      ...(Array.isArray(c.tags) ? { tags: { items: c.tags.map(String) } } : {}),
      metadata: { items: s.metadata },
      disks: [
        {
          boot: true,
          // The image is made from this disk once the instance is gone.
          autoDelete: false,
          initializeParams: {
            diskName,
            sourceImage: s.sourceImage,
            diskSizeGb: String(c.disk_size ?? 20),
            diskType: isUrl(dt) ? dt : `zones/${zone}/diskTypes/${dt}`,
            labels: { ...((c.labels ?? {}) as Record<string, string>), ...bakeLabels },
          },
          ...(diskKey ? { diskEncryptionKey: diskKey } : {}),
        },
        ...extraDisks.map((d) =>
          d.scratch
            ? {
                type: 'SCRATCH',
                autoDelete: true,
                interface: d.interface ?? 'NVME',
                ...(d.device ? { deviceName: d.device } : {}),
                initializeParams: { diskType: `zones/${zone}/diskTypes/local-ssd` },
              }
            : {
                type: 'PERSISTENT',
                // Deleted with the instance, even when nothing of bake's is left to do it.
                autoDelete: true,
                mode: d.mode ?? 'READ_WRITE',
                ...(d.interface ? { interface: d.interface } : {}),
                ...(d.device ? { deviceName: d.device } : {}),
                initializeParams: {
                  diskName: d.name,
                  diskSizeGb: String(d.size),
                  diskType: `zones/${zone}/diskTypes/${d.type}`,
                  labels: { ...((c.labels ?? {}) as Record<string, string>), ...bakeLabels },
                },
              },
        ),
      ],
      networkInterfaces: [
        {
          ...(subnet
            ? {
                subnetwork: isUrl(subnet)
                  ? subnet
                  : `projects/${netProject}/regions/${region}/subnetworks/${subnet}`,
              }
            : {
                network: isUrl(network)
                  ? network
                  : `projects/${netProject}/global/networks/${network}`,
              }),
          accessConfigs: bool(c.omit_external_ip)
            ? []
            : [{ name: 'External NAT', type: 'ONE_TO_ONE_NAT' }],
        },
      ],
      serviceAccounts: bool(c.disable_default_service_account)
        ? []
        : [
            {
              email: (c.service_account_email as string | undefined) ?? 'default',
              scopes: ((c.scopes as string[] | undefined) ?? DEFAULT_SCOPES).map(String),
            },
          ],
      scheduling: {
        // The dead-man's switch: the instance deletes itself even if this process is killed.
        provisioningModel: preemptible ? 'SPOT' : 'STANDARD',
        instanceTerminationAction: 'DELETE',
        maxRunDuration: { seconds: String(maxRunSeconds) },
        ...(preemptible || accel
          ? { automaticRestart: false, onHostMaintenance: 'TERMINATE' }
          : c.on_host_maintenance
            ? { onHostMaintenance: String(c.on_host_maintenance) }
            : {}),
      },
      ...(accel
        ? {
            guestAccelerators: [
              {
                acceleratorType: isUrl(accel)
                  ? accel
                  : `projects/${s.g!.project}/zones/${zone}/acceleratorTypes/${accel}`,
                acceleratorCount: Number(c.accelerator_count),
              },
            ],
          }
        : {}),
      ...(c.min_cpu_platform ? { minCpuPlatform: String(c.min_cpu_platform) } : {}),
      ...(shielded
        ? {
            shieldedInstanceConfig: {
              enableSecureBoot: bool(c.enable_secure_boot),
              enableVtpm: bool(c.enable_vtpm),
              enableIntegrityMonitoring: bool(c.enable_integrity_monitoring),
            },
          }
        : {}),
      ...(c.enable_nested_virtualization !== undefined
        ? {
            advancedMachineFeatures: {
              enableNestedVirtualization: bool(c.enable_nested_virtualization),
            },
          }
        : {}),
    };
  };

  const serial = async (
    s: GceState,
    start?: string,
  ): Promise<{ contents: string; next?: string }> => {
    const [out] = await retrying(() =>
      s.g!.instances.getSerialPortOutput({
        project: s.g!.project,
        zone,
        instance: instanceName,
        port: 1,
        ...(start !== undefined ? { start } : {}),
      }),
    );
    return { contents: out.contents ?? '', next: out.next ? String(out.next) : undefined };
  };
  const serialTail = async (s: GceState, lines = 20): Promise<string[]> => {
    try {
      const out = await serial(s);
      return out.contents.split(/\r?\n/).filter(Boolean).slice(-lines);
    } catch {
      return [];
    }
  };

  const addressOf = (i: Instance | undefined) => {
    const nic = i?.networkInterfaces?.[0];
    return bool(c.use_internal_ip)
      ? (nic?.networkIP ?? undefined)
      : (nic?.accessConfigs?.find((a) => a.natIP)?.natIP ?? undefined);
  };

  const sshHint = (s: GceState, err: BuildError): string => {
    if (/authentication/i.test(err.message))
      return s.osLogin
        ? `sshd answered but refused the login of "${sshUser(s)}": the temporary key is in the OS Login profile of ${s.osLogin.account}; that account needs roles/compute.osAdminLogin (or osLogin) on the project, and the image must run the guest environment with OS Login`
        : `sshd answered but refused the login: check ssh_username ("${String(c.ssh_username)}")${s.key ? ' (the temporary key is in the instance metadata for that user; an image without the guest agent ignores it, and OS Login enforced on the project refuses metadata keys: then set use_os_login: true)' : ' and the key'}`;
    return [
      `a firewall rule must allow TCP ${sshPort} from this runner to the instance (network ${String(c.subnetwork ?? c.network ?? 'default')}${Array.isArray(c.tags) ? `, tags ${c.tags.join(', ')}` : ''})`,
      bool(c.use_internal_ip)
        ? 'use_internal_ip: this runner must be inside the VPC (or set ssh_bastion_host)'
        : 'the external IP must be reachable from this runner (or use use_internal_ip from inside the VPC)',
      `the image must start sshd and accept "${sshUser(s)}" (raise ssh_timeout for slow first boots); the serial console tail is below`,
    ].join('; ');
  };

  /** Waits out a create whose answer came (so that a delete is not refused as too early). */
  const settle = async (g: Gce, op: Operation | undefined, limitMs: number) => {
    if (!op) return;
    await waitOperation(g, op, { what: 'the create to settle', limitMs }).catch(() => undefined);
  };

  return [
    {
      name: 'prepare',
      async run(s, ctx) {
        const project = projectOf(c);
        const imageProject = (c.image_project_id as string | undefined) ?? project;
        if (needKey) {
          s.key = temporaryKeyPair(
            (c.temporary_key_pair_type as 'ed25519' | 'rsa' | undefined) ?? 'ed25519',
            resourceName,
          );
          env.generated.SSHPublicKey = s.key.publicKey;
        } else if (userKey) {
          const opts = sshOptions(c, env.specDir, { host: 'unused' });
          const parsed = ssh2.utils.parseKey(opts.privateKey!, opts.passphrase);
          const k = Array.isArray(parsed) ? parsed[0] : parsed;
          if (!(k instanceof Error))
            s.key = {
              publicKey: `${k.type} ${k.getPublicSSH().toString('base64')} ${resourceName}`,
            };
        }
        // Local inputs first: nothing is asked of GCP for a build that cannot start.
        s.metadata = buildMetadata(s);
        for (const k of ['image_encryption_key', 'disk_encryption_key'])
          addSecret((c[k] as Config | undefined)?.rawKey);
        s.g = await gce(project, creds, env.specDir);
        s.gi = imageProject === project ? s.g : await gce(imageProject, creds, env.specDir);
        const gi = s.gi;
        const nameCheck = async () => {
          if (bool(c.force)) return;
          try {
            await retrying(
              () => gi.images.get({ project: imageProject, image: imageName }),
              ctx.signal,
            );
          } catch (e) {
            if (isNotFound(e)) return;
            throw gceError(e, `looking for an image named "${imageName}"`, gi.principal);
          }
          throw new BuildError(
            `an image named "${imageName}" already exists in ${imageProject}`,
            'set force: true to replace it, or make image_name unique (e.g. with formatdate("YYYYMMDDhhmmss", timestamp()))',
          );
        };
        const [, source] = await Promise.all([nameCheck(), findSourceImage(s.g, c, ctx.signal)]);
        s.sourceImage = source;
        env.generated.SourceImage = source;
        env.generated.ProjectId = project;
        env.generated.Zone = zone;
        ctx.log(`source ${source}; building in ${project}/${zone}`);
      },
    },
    ...(osLogin
      ? [
          {
            name: 'import OS Login key',
            async run(s: GceState, ctx: { signal: AbortSignal; log: (l: string) => void }) {
              const g = s.g!;
              // The key expires with the instance's own deadline, even if no cleanup runs.
              const expiresAt = Date.now() + (maxRunSeconds + 600) * 1000;
              const k = await importKey(
                creds,
                env.specDir,
                g.project,
                s.key!.publicKey,
                expiresAt,
                ctx.signal,
              );
              s.osLogin = {
                ...k,
                name: k.fingerprint,
                entry: env.ledger.add(
                  env.instance.name,
                  'gce-oslogin-key',
                  ledgerRef(g.project, k.fingerprint, { account: k.account }),
                  `SSH key ${k.fingerprint.slice(0, 12)}… in the OS Login profile of ${k.account}`,
                ),
              };
              if (!k.username && !c.os_login_ssh_username)
                throw new BuildError(
                  `the OS Login profile of ${k.account} has no POSIX account`,
                  'grant the account roles/compute.osAdminLogin (or osLogin) on the project, or name the user in os_login_ssh_username',
                );
              s.osLogin.username = loginName(k.username ?? '', c.os_login_ssh_username);
              ctx.log(
                `the temporary key is in the OS Login profile of ${k.account}; logging in as ${s.osLogin.username}`,
              );
            },
            async cleanup(s: GceState, ctx: { log: (l: string) => void }) {
              const k = s.osLogin;
              if (!k || k.deleted) return;
              ctx.log(`deleting the temporary key from the OS Login profile of ${k.account}`);
              await deleteKey(creds, env.specDir, k.account, k.fingerprint);
              k.deleted = true;
              env.ledger.done(k.entry);
            },
            cleanupBudgetMs: 60_000,
          } satisfies Step<GceState>,
        ]
      : []),
    {
      name: 'create instance',
      async run(s, ctx) {
        const g = s.g!;
        const resource = instanceResource(s);
        const requestId = randomUUID();
        // A create answered is a create under way: ledgered at once. (A refused one, such as
        // a name already taken, made nothing of ours and must not be deleted by cleanup.)
        const op = operationOf(
          await call(g, `creating instance ${instanceName}`, () =>
            g.instances.insert({ project: g.project, zone, requestId, instanceResource: resource }),
          ),
        );
        // The disk first: cleanup goes in reverse, and an attached disk cannot be deleted.
        s.disk = {
          name: diskName,
          entry: env.ledger.add(
            env.instance.name,
            'gce-disk',
            ledgerRef(g.project, diskName, { zone }),
            `GCE disk ${diskName} (${g.project}/${zone})`,
          ),
        };
        s.extra = persistentDisks.map((d) => ({
          name: d.name,
          entry: env.ledger.add(
            env.instance.name,
            'gce-disk',
            ledgerRef(g.project, d.name, { zone }),
            `GCE disk ${d.name} (${g.project}/${zone}; deleted with the instance)`,
          ),
        }));
        s.instance = {
          name: instanceName,
          op,
          entry: env.ledger.add(
            env.instance.name,
            'gce-instance',
            ledgerRef(g.project, instanceName, { zone }),
            `GCE instance ${instanceName} (${g.project}/${zone})`,
          ),
        };
        throwIfCancelled(ctx.signal);
        try {
          await waitOperation(g, op, {
            what: `creating instance ${instanceName}`,
            limitMs: createLimit,
            signal: ctx.signal,
            timeoutSetting: 'create_instance_timeout',
          });
        } catch (e) {
          if (e instanceof OperationError && e.code === 'RESOURCE_ALREADY_EXISTS') {
            // Someone else's instance or disk of that name: not ours to delete.
            for (const m of [s.instance, s.disk, ...(s.extra ?? [])]) {
              m.deleted = true;
              env.ledger.done(m.entry);
            }
            throw new BuildError(
              e.message,
              'set another instance_name / disk_name, or leave them unset',
            );
          }
          throw e;
        }
        s.instance.op = undefined;
        const [info] = await call(g, `reading instance ${instanceName}`, () =>
          g.instances.get({ project: g.project, zone, instance: instanceName }),
        );
        s.instance.info = info;
        env.generated.ID = instanceName;
        ctx.log(
          `instance ${instanceName} is ${String(info.status ?? 'created')}; it deletes itself after ${maxRunSeconds}s at the latest`,
        );
      },
      async cleanup(s, ctx) {
        const g = s.g!;
        if (s.instance && !s.instance.deleted) {
          await settle(g, s.instance.op, createLimit);
          ctx.log(`deleting instance ${instanceName}`);
          await deleteInstance(g, zone, instanceName, { limitMs: deleteLimit });
          s.instance.deleted = true;
          env.ledger.done(s.instance.entry);
        }
        // Extra disks go with the instance (autoDelete); one that did not is deleted here.
        for (const d of s.extra ?? []) {
          if (d.deleted) continue;
          await deleteDisk(g, zone, d.name, { limitMs: deleteLimit });
          d.deleted = true;
          env.ledger.done(d.entry);
        }
        if (s.disk && !s.disk.deleted) {
          ctx.log(`deleting disk ${diskName}`);
          await deleteDisk(g, zone, diskName, { limitMs: deleteLimit });
          s.disk.deleted = true;
          env.ledger.done(s.disk.entry);
        }
      },
      cleanupBudgetMs: 2 * deleteLimit + 60_000,
    },
    ...(c.startup_script_file !== undefined ||
    (c.metadata as Config | undefined)?.['startup-script'] !== undefined ||
    (c.metadata_files as Config | undefined)?.['startup-script'] !== undefined
      ? [
          {
            name: 'wait for startup script',
            async run(s: GceState, ctx: { signal: AbortSignal; log: (l: string) => void }) {
              const marker = new RegExp(`bake-startup-script ${s.startupNonce} exit (\\d+)`);
              const deadline = Date.now() + startupLimit;
              let next: string | undefined;
              let seen = '';
              for (;;) {
                let out;
                try {
                  out = await serial(s, next);
                } catch (e) {
                  throw gceError(e, `reading the serial port of ${instanceName}`, s.g!.principal);
                }
                next = out.next ?? next;
                seen += out.contents;
                for (const line of out.contents.split(/\r?\n/))
                  if (/startup-script/.test(line) && !marker.test(line)) ctx.log(line.trim());
                const m = marker.exec(seen);
                if (m) {
                  if (m[1] !== '0')
                    throw new BuildError(
                      `the startup script ended with exit status ${m[1]}`,
                      'the serial console tail is below',
                      seen.split(/\r?\n/).filter(Boolean).slice(-20),
                    );
                  ctx.log('the startup script finished');
                  return;
                }
                if (Date.now() >= deadline)
                  throw new BuildError(
                    `the startup script did not finish within ${Math.round(startupLimit / 1000)}s`,
                    'raise startup_script_timeout (or state_timeout); the serial console tail is below',
                    seen.split(/\r?\n/).filter(Boolean).slice(-20),
                  );
                seen = seen.slice(-64 * 1024);
                await sleep(pollMs, ctx.signal);
              }
            },
          } satisfies Step<GceState>,
        ]
      : []),
    {
      name: 'connect',
      async run(s, ctx) {
        const host = addressOf(s.instance!.info);
        if (!host)
          throw new BuildError(
            `instance ${instanceName} has no ${bool(c.use_internal_ip) ? 'internal' : 'external'} IP`,
            bool(c.use_internal_ip)
              ? 'check network / subnetwork'
              : 'do not set omit_external_ip, or connect with use_internal_ip: true from inside the VPC',
          );
        await connectSsh(
          env,
          s.osLogin ? { ...c, ssh_username: sshUser(s) } : c,
          { host, ...(s.key?.privateKey ? { privateKey: s.key.privateKey } : {}) },
          s,
          ctx,
          async (e) => ({ hint: sshHint(s, e), tail: await serialTail(s) }),
        );
      },
      async cleanup(s) {
        s.ssh?.close();
      },
      cleanupBudgetMs: 2000,
    },
    provision as Step<GceState>,
    {
      name: 'delete instance',
      async run(s, ctx) {
        await clearAuthorizedKey(c, s.ssh, s.key?.publicKey, ctx);
        s.ssh?.close();
        ctx.log(`deleting instance ${instanceName}; its boot disk ${diskName} stays for the image`);
        await deleteInstance(s.g!, zone, instanceName, {
          limitMs: deleteLimit,
          signal: ctx.signal,
        });
        s.instance!.deleted = true;
        env.ledger.done(s.instance!.entry);
        // The instance's delete operation removed its autoDelete disks with it.
        for (const d of s.extra ?? []) {
          d.deleted = true;
          env.ledger.done(d.entry);
        }
      },
    },
    {
      name: 'create image',
      async run(s, ctx) {
        const g = s.g!;
        const gi = s.gi!;
        const imageProject = gi.project;
        if (bool(c.force)) {
          const old = await retrying(
            () => gi.images.get({ project: imageProject, image: imageName }),
            ctx.signal,
          ).catch((e) => {
            if (isNotFound(e)) return undefined;
            throw gceError(e, `looking for an image named "${imageName}"`, gi.principal);
          });
          if (old) {
            ctx.log(`force: deleting the image ${imageName} it replaces`);
            await deleteImage(gi, imageName, { limitMs: deleteLimit, signal: ctx.signal });
          }
        }
        throwIfCancelled(ctx.signal);
        const key = (k: Config | undefined) =>
          k
            ? k.kmsKeyName
              ? { kmsKeyName: String(k.kmsKeyName) }
              : { rawKey: String(k.rawKey) }
            : undefined;
        const imageKey = key(c.image_encryption_key as Config | undefined);
        const diskKey = key(c.disk_encryption_key as Config | undefined);
        const locs = c.image_storage_locations;
        const imageResource: Image = {
          name: imageName,
          sourceDisk: `projects/${g.project}/zones/${zone}/disks/${diskName}`,
          labels: { ...((c.image_labels ?? {}) as Record<string, string>), ...bakeLabels },
          ...(c.image_family ? { family: String(c.image_family) } : {}),
          ...(c.image_description ? { description: String(c.image_description) } : {}),
          ...(locs !== undefined
            ? { storageLocations: (Array.isArray(locs) ? locs : [locs]).map(String) }
            : {}),
          ...(Array.isArray(c.image_licenses) ? { licenses: c.image_licenses.map(String) } : {}),
          ...(Array.isArray(c.image_guest_os_features)
            ? { guestOsFeatures: c.image_guest_os_features.map((type) => ({ type: String(type) })) }
            : {}),
          ...(c.image_architecture
            ? { architecture: String(c.image_architecture).toUpperCase() }
            : {}),
          ...(imageKey ? { imageEncryptionKey: imageKey } : {}),
          ...(diskKey ? { sourceDiskEncryptionKey: diskKey } : {}),
        };
        const requestId = randomUUID();
        const op = operationOf(
          await call(gi, `creating image ${imageName}`, () =>
            gi.images.insert({ project: imageProject, requestId, imageResource }),
          ),
        );
        s.image = {
          name: imageName,
          entry: env.ledger.add(
            env.instance.name,
            'gce-image',
            ledgerRef(imageProject, imageName),
            `GCE image ${imageName} (${imageProject})`,
          ),
        };
        s.image.op = op;
        ctx.log(`creating image ${imageName} from disk ${diskName}`);
        throwIfCancelled(ctx.signal);
        try {
          await waitOperation(gi, op, {
            what: `creating image ${imageName}`,
            limitMs: imageLimit,
            signal: ctx.signal,
            timeoutSetting: 'image_timeout',
          });
        } catch (e) {
          if (e instanceof OperationError && e.code === 'RESOURCE_ALREADY_EXISTS') {
            // Made by someone else meanwhile: not ours to delete.
            s.image.deleted = true;
            env.ledger.done(s.image.entry);
          }
          throw e;
        }
        s.image.op = undefined;
        // The disk has served its purpose; read the image meanwhile.
        const [[img]] = await Promise.all([
          call(gi, `reading image ${imageName}`, () =>
            gi.images.get({ project: imageProject, image: imageName }),
          ),
          (async () => {
            await deleteDisk(g, zone, diskName, { limitMs: deleteLimit, signal: ctx.signal });
            s.disk!.deleted = true;
            env.ledger.done(s.disk!.entry);
          })(),
        ]);
        const id = `projects/${imageProject}/global/images/${imageName}`;
        Object.assign(env.generated, {
          ImageName: imageName,
          ImageProject: imageProject,
          ImageSelfLink: img.selfLink ?? id,
          ...(img.family ? { ImageFamily: img.family } : {}),
        });
        const entry = s.image.entry;
        s.artifact = {
          id,
          builderType: 'googlecompute',
          description: `${imageName}${img.family ? ` (family ${img.family})` : ''}: ${img.selfLink ?? id}`,
          properties: {
            image_name: imageName,
            project: String(imageProject),
            ...(img.selfLink ? { self_link: img.selfLink } : {}),
            ...(img.family ? { family: img.family } : {}),
            ...Object.fromEntries(
              Object.entries(img.labels ?? {}).map(([k, v]) => [`label.${k}`, String(v)]),
            ),
          },
          destroy: () => deleteImage(gi, imageName),
          ledgerEntries: [entry],
        };
        s.finished = true;
        ctx.log(`image ${id} is ${String(img.status ?? 'READY')}`);
      },
      async cleanup(s, ctx) {
        if (s.finished || !s.image || s.image.deleted) return;
        await settle(s.gi!, s.image.op, imageLimit);
        ctx.log(`deleting the unfinished image ${imageName}`);
        await deleteImage(s.gi!, imageName, { limitMs: deleteLimit });
        env.ledger.done(s.image.entry);
      },
      cleanupBudgetMs: imageLimit + deleteLimit,
    },
  ];
}

/** skip-unchanged: the resolved source image is the base. */
export async function imageBase(c: Config): Promise<string> {
  const g = await gce(projectOf(c), credentialsOf(c));
  return `gce:${await findSourceImage(g, c)}`;
}

/** The image is still there and READY. */
export async function imageExists(c: Config, id: string): Promise<boolean> {
  const m = /^projects\/([^/]+)\/global\/images\/([^/]+)$/.exec(id);
  if (!m) return false;
  const g = await gce(m[1], credentialsOf(c));
  try {
    const [img] = await g.images.get({ project: m[1], image: m[2] });
    return img.status === 'READY';
  } catch {
    return false;
  }
}

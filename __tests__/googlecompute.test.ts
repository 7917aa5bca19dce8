/* eslint-disable @typescript-eslint/no-explicit-any -- Compute JSON, loosely typed on purpose */
/**
 * The googlecompute builder with the real @google-cloud/compute client and
 * google-auth-library against a local HTTPS Compute API (helpers/gce-server.ts) whose
 * instances are real sshd containers and whose images are `docker commit`s of their disks.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { builtInRegistry } from '../src/plugins/registry';
import { cleanupLedger } from '../src/engine/run';
import { pendingOf, requireDocker, runIn } from './helpers/docker';
import { planOf, problemsOf, tempProject } from './helpers/spec';
import { bakeIn } from './helpers/run';
import { directoryCache } from '../src/engine/reuse';
import { GceServer } from './helpers/gce-server';

let gce: GceServer;
let keyFile: string;
const saved = { ...process.env };

beforeAll(async () => {
  await requireDocker();
  gce = await GceServer.start();
  gce.addImage('debian-cloud', 'debian-12-bookworm-v20250101', { family: 'debian-12' });
  keyFile = join(tempProject({}), 'key.json');
  writeFileSync(keyFile, JSON.stringify(gce.serviceAccountKey()));
  process.env.CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE = `${gce.url}/compute/v1/`;
  process.env.CLOUDSDK_API_ENDPOINT_OVERRIDES_OSLOGIN = `${gce.url}/oslogin/v1/`;
  process.env.BAKE_GCE_RETRY_MS = '20';
  process.env.BAKE_GCE_POLL_MS = '200';
});
afterAll(async () => {
  process.env = saved;
  await (await import('../src/plugins/builders/googlecompute/gce')).closeClients();
  await gce?.close();
});
beforeEach(() => gce.reset());

const SOURCE = `
    type: googlecompute
    project_id: proj-1
    zone: europe-west1-b
    source_image_family: debian-12
    source_image_project_id: [debian-cloud]
    machine_type: e2-small
    ssh_username: root
    ssh_timeout: 30s
    image_family: golden
    image_labels: {team: platform}
`;

function spec(
  extra = '',
  provisioners = "[{type: shell, inline: ['echo baked > /root/baked', 'uname -s']}]",
) {
  const source = {
    ...(parse(SOURCE) as object),
    credentials_file: keyFile,
    ...((parse(extra) as object | null) ?? {}),
  };
  const kept = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== null));
  return `sources:
  golden:
${stringify(kept).replace(/^/gm, '    ')}
builds:
  base:
    sources: [golden]
    timeout: 20m
    provisioners: ${provisioners}
`;
}

const build = (yaml: string, o: { signal?: AbortSignal; files?: Record<string, string> } = {}) =>
  bakeIn(tempProject({ 'bake.yml': yaml, ...o.files }), { signal: o.signal });

let n = 0;
const unique = (p: string) => `${p}-${Date.now().toString(36)}-${n++}`;

describe('googlecompute happy path', () => {
  it('bakes an image from a real instance, with the dead-man switch set, and leaves only the image', async () => {
    const name = unique('golden');
    const { result, ledger, output } = await build(spec(`image_name: ${name}`));
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('succeeded');
    expect(result.artifact).toMatchObject({
      id: `projects/proj-1/global/images/${name}`,
      builderType: 'googlecompute',
    });
    expect(result.artifact?.description).toContain('family golden');
    // The outputs and the manifest carry the image's self link and family by name.
    expect(result.artifact?.properties).toMatchObject({
      image_name: name,
      project: 'proj-1',
      family: 'golden',
      self_link: expect.stringMatching(new RegExp(`/projects/proj-1/global/images/${name}$`)),
    });
    expect(output).toContain('Linux');
    // The image is the provisioned disk.
    const img = gce.images.get(`proj-1/${name}`)!;
    expect(img.status).toBe('READY');
    expect((await runIn(img.dockerImage, ['cat', '/root/baked'])).out).toContain('baked');
    expect(img.labels).toMatchObject({ team: 'platform', 'bake-build': 'base-golden' });
    expect(img.family).toBe('golden');
    // The instance as inserted: the dead-man's switch, a kept boot disk, the temporary key.
    const insert = gce.calls.find((c) => c.name === 'instances.insert')!.body;
    expect(insert.scheduling).toEqual({
      provisioningModel: 'STANDARD',
      instanceTerminationAction: 'DELETE',
      maxRunDuration: { seconds: String(20 * 60 + 30 * 60) },
    });
    expect(insert.disks[0]).toMatchObject({ boot: true, autoDelete: false });
    expect(insert.disks[0].initializeParams).toMatchObject({
      diskSizeGb: '20',
      sourceImage: `${gce.url}/compute/v1/projects/debian-cloud/global/images/debian-12-bookworm-v20250101`,
    });
    expect(insert.labels['bake-run']).toMatch(/^[0-9a-f-]{36}$/);
    const keys = insert.metadata.items.find((i: any) => i.key === 'ssh-keys').value;
    expect(keys).toMatch(/^root:ssh-ed25519 AAAA/);
    expect(insert.networkInterfaces[0]).toEqual({
      network: 'projects/proj-1/global/networks/default',
      accessConfigs: [{ name: 'External NAT', type: 'ONE_TO_ONE_NAT' }],
    });
    // The service account key signed its own token for the Compute API.
    expect(gce.tokensSeen).toContain('jwt:builder@proj-1.iam.gserviceaccount.com');
    // Nothing else is left, in the API or in the ledger.
    expect(gce.leftovers()).toEqual([`image ${name}`]);
    expect(pendingOf(ledger)).toEqual([]);
    // Mutations carry a request id.
    for (const c of gce.calls.filter((x) => /insert|delete/.test(x.name)))
      expect(c.query.get('requestId')).toMatch(/^[0-9a-f-]{36}$/);
    const seq = gce.sequential();
    console.log(
      `googlecompute happy path: ${gce.calls.length} calls, ${seq.length} sequential: ${seq.map((g) => g.join(' + ')).join(' → ')}`,
    );
    expect(seq.length).toBeLessThanOrEqual(12);
  });

  it('preemptible: true makes a Spot instance that stops (not migrates) at host maintenance', async () => {
    const { result } = await build(
      spec(`image_name: ${unique('spot')}\npreemptible: true\nmachine_type: e2-micro`),
    );
    // The stand-in refuses Spot with MIGRATE, as GCE does.
    expect(result.error).toBeUndefined();
    const insert = gce.calls.find((c) => c.name === 'instances.insert')!.body;
    expect(insert.scheduling).toMatchObject({
      provisioningModel: 'SPOT',
      onHostMaintenance: 'TERMINATE',
      automaticRestart: false,
      instanceTerminationAction: 'DELETE',
    });
    expect(insert.machineType).toBe('zones/europe-west1-b/machineTypes/e2-micro');
  });

  it('waits for the startup script, reading its end from the serial port', async () => {
    const { result, output } = await build(
      spec(`image_name: ${unique('startup')}\nstartup_script_file: boot.sh`),
      {
        files: {
          'boot.sh': '#!/bin/sh\necho preparing\nsleep 1\necho from-startup > /root/startup-ran\n',
        },
      },
    );
    expect(result.error).toBeUndefined();
    expect(output).toContain('startup-script: preparing');
    expect(output).toContain('the startup script finished');
    const img = [...gce.images.values()].find((i) => i.name.startsWith('startup-'))!;
    expect((await runIn(img.dockerImage, ['cat', '/root/startup-ran'])).out).toContain(
      'from-startup',
    );
  });

  it('a startup script that fails stops the build with its exit status and the serial tail', async () => {
    const { result, ledger } = await build(
      spec(`image_name: ${unique('badstart')}\nstartup_script_file: boot.sh`),
      { files: { 'boot.sh': 'echo about to fail\nexit 3\n' } },
    );
    expect(result.status).toBe('failed');
    expect(result.failedStep).toBe('wait for startup script');
    expect(result.error).toBe('the startup script ended with exit status 3');
    expect(result.tail?.join('\n')).toContain('startup-script: about to fail');
    expect(gce.leftovers()).toEqual([]);
    expect(pendingOf(ledger)).toEqual([]);
  });

  it('force replaces an image of the same name; without it the name check refuses before creating anything', async () => {
    const name = unique('same');
    expect((await build(spec(`image_name: ${name}`))).result.status).toBe('succeeded');
    gce.reset();
    const refused = await build(spec(`image_name: ${name}`));
    expect(refused.result.error).toBe(`an image named "${name}" already exists in proj-1`);
    expect(refused.result.hint).toContain('force: true');
    expect(gce.count('instances.insert')).toBe(0);
    gce.reset();
    const forced = await build(spec(`image_name: ${name}\nforce: true`));
    expect(forced.result.error).toBeUndefined();
    // The old image went only after the new disk was ready (the instance was gone).
    const names = gce.calls.map((c) => c.name);
    expect(names.indexOf('images.delete')).toBeGreaterThan(names.indexOf('instances.delete'));
    expect(gce.leftovers()).toEqual([`image ${name}`]);
  });
});

describe('googlecompute ssh_clear_authorized_keys', () => {
  it("the image keeps the machine's other keys and not bake's", async () => {
    const other =
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOtherKeyOfTheTeamOtherKeyOfTheTeam0000 team@ops';
    const inline = [
      `echo '${other}' >> ~/.ssh/authorized_keys`,
      'echo keys before: $(wc -l < ~/.ssh/authorized_keys)',
    ];
    const name = `cleared-${Date.now()}`;
    const { result, output } = await build(
      spec(
        `image_name: ${name}\nssh_clear_authorized_keys: true`,
        JSON.stringify([{ type: 'shell', inline }]),
      ),
    );
    expect(result.error).toBeUndefined();
    expect(output).toContain('keys before: 2');
    const img = gce.images.get(`proj-1/${name}`)!;
    const after = await runIn(img.dockerImage, ['cat', '/root/.ssh/authorized_keys']);
    expect(
      after.out
        .trim()
        .split('\n')
        .map((l) => l.trimEnd()),
    ).toEqual([other]);
  });
});

describe('googlecompute failures and cancellation leave nothing behind', () => {
  const failAt: [string, { status?: number; opError?: { code: string; message: string } }][] = [
    ['instances.insert', { status: 400 }],
    [
      'instances.insert',
      {
        opError: {
          code: 'QUOTA_EXCEEDED',
          message: "Quota 'CPUS' exceeded. Limit: 8.0 in region europe-west1.",
        },
      },
    ],
    ['instances.get', { status: 400 }],
    ['instances.delete', { opError: { code: 'INTERNAL_ERROR', message: 'injected' } }],
    ['images.insert', { opError: { code: 'INTERNAL_ERROR', message: 'image creation failed' } }],
    ['disks.delete', { status: 400 }],
  ];
  it.each(failAt)('a failure in %s (%j) deletes what was created', async (call, f) => {
    gce.failures.push({ call, ...f, times: 1 });
    const { result, ledger } = await build(spec(`image_name: ${unique('fail')}`));
    expect(result.status).toBe('failed');
    if (f.opError) expect(result.error).toContain(`${f.opError.code}: ${f.opError.message}`);
    else expect(result.error).toContain(`injected failure in ${call}`);
    if (f.opError?.code === 'QUOTA_EXCEEDED') expect(result.hint).toContain('another zone');
    expect(gce.leftovers()).toEqual([]);
    expect(pendingOf(ledger)).toEqual([]);
  });

  it.each(['instances.insert', 'zoneOperations.wait', 'instances.get', 'images.insert'])(
    'cancelled right after %s: cancelled, and everything removed',
    async (call) => {
      const ctl = new AbortController();
      gce.afterCall = (c) => {
        if (c === call) ctl.abort();
      };
      const { result, ledger } = await build(spec(`image_name: ${unique('cancel')}`), {
        signal: ctl.signal,
      });
      expect(result.status).toBe('cancelled');
      expect(gce.leftovers()).toEqual([]);
      expect(pendingOf(ledger)).toEqual([]);
    },
  );

  it('cancelled while provisioning: the instance and its disk are removed', async () => {
    const ctl = new AbortController();
    const t = setInterval(() => {
      if (gce.count('instances.get') > 0) setTimeout(() => ctl.abort(), 1500);
    }, 100);
    try {
      const { result, ledger } = await build(
        spec(`image_name: ${unique('cancelprov')}`, "[{type: shell, inline: ['sleep 30']}]"),
        { signal: ctl.signal },
      );
      expect(result.status).toBe('cancelled');
      expect(gce.leftovers()).toEqual([]);
      expect(pendingOf(ledger)).toEqual([]);
    } finally {
      clearInterval(t);
    }
  });

  it('retries throttled calls (429) with the same requestId', async () => {
    gce.failures.push({
      call: 'instances.insert',
      status: 429,
      reason: 'rateLimitExceeded',
      times: 2,
    });
    gce.failures.push({ call: 'images.get', status: 429, reason: 'rateLimitExceeded', times: 1 });
    const { result } = await build(spec(`image_name: ${unique('throttle')}`));
    expect(result.error).toBeUndefined();
    const inserts = gce.calls.filter((c) => c.name === 'instances.insert');
    expect(inserts.map((c) => c.status)).toEqual([429, 429, 200]);
    expect(new Set(inserts.map((c) => c.query.get('requestId'))).size).toBe(1);
  });

  it('a missing IAM permission is named in the hint', async () => {
    gce.failures.push({
      call: 'instances.insert',
      status: 403,
      reason: 'forbidden',
      message:
        "Required 'compute.instances.create' permission for 'projects/proj-1/zones/europe-west1-b/instances/x'",
    });
    const { result } = await build(spec(`image_name: ${unique('iam')}`));
    expect(result.error).toContain('403 forbidden');
    expect(result.hint).toContain('lack compute.instances.create');
    expect(result.hint).toContain('builder@proj-1.iam.gserviceaccount.com');
  });

  it('an unknown image family lists the projects it tried', async () => {
    const { result } = await build(
      spec(
        `image_name: ${unique('fam')}\nsource_image_family: debian-99\nsource_image_project_id: [proj-1, debian-cloud]`,
      ),
    );
    expect(result.error).toBe(
      'source_image_family "debian-99" was not found in proj-1, debian-cloud',
    );
    expect(result.failedStep).toBe('prepare');
    expect(gce.count('instances.insert')).toBe(0);
  });

  it('an SSH timeout names the likely causes and shows the serial console', async () => {
    // Long enough for the instance to boot on a busy machine, so that its log has sshd's line.
    const { result } = await build(
      spec(`image_name: ${unique('ssh')}\nssh_port: 2222\nssh_timeout: 6s`),
    );
    expect(result.failedStep).toBe('connect');
    expect(result.hint).toContain('firewall rule must allow TCP 2222');
    expect(result.tail?.join('\n')).toContain('Started ssh.service');
    expect(gce.leftovers()).toEqual([]);
  });

  it('bake cleanup removes what a run with on-error=abort left, from the ledger alone', async () => {
    gce.failures.push({ call: 'instances.delete', status: 400, times: 1 });
    const { ledger, result } = await bakeIn(
      tempProject({ 'bake.yml': spec(`image_name: ${unique('kept')}`) }),
      { onError: 'abort' },
    );
    expect(result.leftRunning).toContain('bake cleanup --ledger');
    expect(
      pendingOf(ledger)
        .map((e) => e.kind)
        .sort(),
    ).toEqual(['gce-disk', 'gce-instance']);
    expect(gce.leftovers()).toHaveLength(2);
    expect(await cleanupLedger(ledger, builtInRegistry(), () => undefined)).toBe(0);
    expect(gce.leftovers()).toEqual([]);
    expect(await cleanupLedger(ledger, builtInRegistry(), () => undefined)).toBe(0);
  });
});

describe('googlecompute with skip-unchanged', () => {
  it('reuses the image while the source family and the settings stay; builds again when the family moves or the image is gone', async () => {
    gce.addImage('reuse-proj', 'base-v1', { family: 'reuse-base' });
    const name = unique('reused');
    const dir = tempProject({
      'bake.yml': spec(
        `image_name: ${name}\nforce: true\nsource_image_family: reuse-base\nsource_image_project_id: [reuse-proj]`,
      ),
    });
    const cache = directoryCache(join(dir, 'cache'));
    const inserts = () => gce.count('instances.insert');

    const first = await bakeIn(dir, { cache });
    expect(first.result.status).toBe('succeeded');
    expect(inserts()).toBe(1);
    const second = await bakeIn(dir, { cache });
    expect(second.result).toMatchObject({ status: 'succeeded', reused: true });
    expect(second.result.artifact?.id).toBe(`projects/proj-1/global/images/${name}`);
    expect(inserts()).toBe(1);

    // A newer image in the source family: another base, another build.
    await new Promise((r) => setTimeout(r, 5));
    gce.addImage('reuse-proj', 'base-v2', { family: 'reuse-base' });
    const third = await bakeIn(dir, { cache });
    expect(third.result.reused).toBeUndefined();
    expect(inserts()).toBe(2);
    expect(
      gce.calls.filter((c) => c.name === 'instances.insert')[1].body.disks[0].initializeParams
        .sourceImage,
    ).toMatch(/base-v2$/);

    // The image was deleted behind bake's back: built again though nothing changed.
    gce.images.delete(`proj-1/${name}`);
    const fourth = await bakeIn(dir, { cache });
    expect(fourth.output).toContain('no longer exists');
    expect(fourth.result.reused).toBeUndefined();
    expect(inserts()).toBe(3);
    expect(gce.leftovers()).toEqual([`image ${name}`]);
  });
});

describe('googlecompute extra disks (disk_attachment)', () => {
  const withDisks = (name: string) =>
    spec(`image_name: ${name}
disk_attachment:
  - {volume_type: pd-ssd, volume_size: 50, device_name: data}
  - {volume_type: scratch, interface_type: NVME}`);

  it('are made with the instance, autoDelete, and gone with it', async () => {
    const name = unique('disks');
    let during: string[] = [];
    gce.afterCall = (c) => {
      if (c === 'instances.get') during = [...gce.disks.values()].map((d) => d.name);
    };
    const { result, ledger } = await build(withDisks(name));
    expect(result.error).toBeUndefined();
    const insert = gce.calls.find((c) => c.name === 'instances.insert')!.body;
    const instance = insert.name as string;
    expect(insert.disks.slice(1)).toMatchObject([
      {
        type: 'PERSISTENT',
        autoDelete: true,
        mode: 'READ_WRITE',
        deviceName: 'data',
        initializeParams: {
          diskName: `${instance}-1`,
          diskSizeGb: '50',
          diskType: 'zones/europe-west1-b/diskTypes/pd-ssd',
          labels: expect.objectContaining({ 'bake-build': 'base-golden' }),
        },
      },
      {
        type: 'SCRATCH',
        autoDelete: true,
        interface: 'NVME',
        initializeParams: { diskType: 'zones/europe-west1-b/diskTypes/local-ssd' },
      },
    ]);
    expect(during.sort()).toEqual([instance, `${instance}-1`].sort());
    // The instance's delete took the extra disk with it: only the boot disk is deleted by name.
    expect(gce.calls.filter((c) => c.name === 'disks.delete').map((c) => c.path)).toEqual([
      expect.stringMatching(new RegExp(`/disks/${instance}$`)),
    ]);
    expect(gce.leftovers()).toEqual([`image ${name}`]);
    expect(pendingOf(ledger)).toEqual([]);
  });

  it('a failure before the image leaves no extra disk', async () => {
    gce.failures.push({ call: 'instances.get', status: 400, times: 1 });
    const { result, ledger } = await build(withDisks(unique('disksfail')));
    expect(result.status).toBe('failed');
    expect(gce.leftovers()).toEqual([]);
    expect(pendingOf(ledger)).toEqual([]);
  });
});

describe('googlecompute with OS Login', () => {
  const ACCOUNT = 'builder@proj-1.iam.gserviceaccount.com';
  const osLogin = (name: string, extra = '') =>
    spec(
      `image_name: ${name}\nuse_os_login: true\nssh_username: null\n${extra}`,
      "[{type: shell, inline: ['whoami > /tmp/who', 'sudo cp /tmp/who /root/who']}]",
    );

  it('imports the temporary key into the profile, logs in as its POSIX user, and deletes the key', async () => {
    const name = unique('oslogin');
    const { result, ledger, output } = await build(osLogin(name));
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('succeeded');
    const user = gce.profile(ACCOUNT).username;
    expect(user).toMatch(/^sa_\d{20}$/);
    expect(output).toContain(`logging in as ${user}`);
    // The provisioner ran as the OS Login user: the guest knew only the profile's key.
    const img = gce.images.get(`proj-1/${name}`)!;
    expect((await runIn(img.dockerImage, ['cat', '/root/who'])).out.trim()).toBe(user);
    // OS Login on the instance, and no key in its metadata.
    const insert = gce.calls.find((c) => c.name === 'instances.insert')!.body;
    const meta = Object.fromEntries(insert.metadata.items.map((i: any) => [i.key, i.value]));
    expect(meta['enable-oslogin']).toBe('TRUE');
    expect(meta['ssh-keys']).toBeUndefined();
    // The import: for the build's own project, with the key expiring after the instance's deadline.
    const imp = gce.calls.find((c) => c.name === 'oslogin.importSshPublicKey')!;
    expect(imp.path).toBe(`/oslogin/v1/users/${encodeURIComponent(ACCOUNT)}:importSshPublicKey`);
    expect(imp.query.get('projectId')).toBe('proj-1');
    expect(imp.body.key).toMatch(/^ssh-ed25519 AAAA/);
    const expires = Number(imp.body.expirationTimeUsec) / 1000;
    expect(expires).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(expires).toBeLessThan(Date.now() + 70 * 60_000);
    // Imported before the instance exists, deleted once the image is made.
    const order = gce.calls.map((c) => c.name);
    expect(order.indexOf('oslogin.importSshPublicKey')).toBeLessThan(
      order.indexOf('instances.insert'),
    );
    expect(order.indexOf('oslogin.deleteSshPublicKey')).toBeGreaterThan(
      order.indexOf('images.insert'),
    );
    expect(gce.profile(ACCOUNT).keys.size).toBe(0);
    expect(gce.leftovers()).toEqual([`image ${name}`]);
    expect(pendingOf(ledger)).toEqual([]);
  });

  it('a failure after the import deletes the key with the instance', async () => {
    gce.failures.push({ call: 'instances.get', status: 400, times: 1 });
    const { result, ledger } = await build(osLogin(unique('oslfail')));
    expect(result.status).toBe('failed');
    expect(gce.count('oslogin.deleteSshPublicKey')).toBe(1);
    expect(gce.leftovers()).toEqual([]);
    expect(pendingOf(ledger)).toEqual([]);
  });

  it('an account that may not import keys gets the role to grant, and nothing is created', async () => {
    gce.failures.push({ call: 'oslogin.importSshPublicKey', status: 403, times: 1 });
    const { result } = await build(osLogin(unique('osl403')));
    expect(result.status).toBe('failed');
    expect(result.error).toContain(`OS Login profile of ${ACCOUNT}`);
    expect(result.hint).toContain('roles/compute.osAdminLogin');
    expect(gce.count('instances.insert')).toBe(0);
    expect(gce.leftovers()).toEqual([]);
  });

  it('bake cleanup deletes a key that an aborted run left, from the ledger alone', async () => {
    gce.failures.push({ call: 'instances.delete', status: 400, times: 1 });
    const { ledger } = await bakeIn(tempProject({ 'bake.yml': osLogin(unique('oslkept')) }), {
      onError: 'abort',
    });
    expect(
      pendingOf(ledger)
        .map((e) => e.kind)
        .sort(),
    ).toEqual(['gce-disk', 'gce-instance', 'gce-oslogin-key']);
    expect(gce.profile(ACCOUNT).keys.size).toBe(1);
    expect(await cleanupLedger(ledger, builtInRegistry(), () => undefined)).toBe(0);
    expect(gce.profile(ACCOUNT).keys.size).toBe(0);
    expect(gce.leftovers()).toEqual([]);
  });

  it("os_login_ssh_username picks the user as Packer's does", async () => {
    const { loginName } = await import('../src/plugins/builders/googlecompute/oslogin');
    expect(loginName('sa_123', undefined)).toBe('sa_123');
    expect(loginName('sa_123', '__auto__')).toBe('sa_123');
    expect(loginName('sa_123', '__external__')).toBe('sa_123');
    expect(loginName('jane_example_com', '__external__')).toBe('ext_jane_example_com');
    expect(loginName('sa_123', 'deploy')).toBe('deploy');
    expect(loginName(`sa_${'9'.repeat(40)}`, undefined)).toHaveLength(32);
  });
});

describe('googlecompute credentials', () => {
  it('Workload Identity Federation: the external_account file in GOOGLE_APPLICATION_CREDENTIALS, with impersonation', async () => {
    const dir = tempProject({ 'oidc-token': gce.subjectToken() });
    const ext = join(dir, 'gha-creds.json');
    writeFileSync(
      ext,
      JSON.stringify({
        type: 'external_account',
        audience:
          '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/gh/providers/gh',
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        token_url: `${gce.url}/sts/v1/token`,
        credential_source: { file: join(dir, 'oidc-token') },
        service_account_impersonation_url: `${gce.url}/iam/v1/projects/-/serviceAccounts/baker@proj-1.iam.gserviceaccount.com:generateAccessToken`,
      }),
    );
    process.env.GOOGLE_APPLICATION_CREDENTIALS = ext;
    try {
      const { result } = await build(
        spec(`image_name: ${unique('wif')}\ncredentials_file: null\nproject_id: null`),
        {},
      ).catch((e) => ({ result: { error: String(e) } as any }));
      // project_id comes from the environment when not set.
      expect(result.error).toContain('no GCP project');
      process.env.GOOGLE_CLOUD_PROJECT = 'proj-1';
      const ok = await build(
        spec(`image_name: ${unique('wif')}\ncredentials_file: null\nproject_id: null`),
      );
      expect(ok.result.error).toBeUndefined();
      const used = [...gce.impersonated].filter(([t]) => gce.tokensSeen.has(t)).map(([, sa]) => sa);
      expect(used).toContain('baker@proj-1.iam.gserviceaccount.com');
    } finally {
      delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
      delete process.env.GOOGLE_CLOUD_PROJECT;
    }
  });

  it('access_token is used and never shown; a refused token gets a hint', async () => {
    const token = gce.accessToken();
    const ok = await build(
      spec(`image_name: ${unique('tok')}\ncredentials_file: null\naccess_token: ${token}`),
    );
    expect(ok.result.error).toBeUndefined();
    expect(gce.tokensSeen).toContain(token);
    expect(ok.output).not.toContain(token);
    const bad = await build(
      spec(
        `image_name: ${unique('tok')}\ncredentials_file: null\naccess_token: ya29.not-valid-here`,
      ),
    );
    expect(bad.result.error).toContain('401');
    expect(bad.result.hint).toContain('credentials were refused');
    expect(JSON.stringify(bad.result)).not.toContain('ya29.not-valid-here');
  });
});

describe('googlecompute sweep', () => {
  it('finds old bake-labelled leftovers and deletes them with --delete', async () => {
    const { sweep } = await import('../src/plugins/builders/googlecompute/sweep');
    gce.failures.push({ call: 'instances.delete', status: 400, times: 1 });
    await bakeIn(tempProject({ 'bake.yml': spec(`image_name: ${unique('swept')}`) }), {
      onError: 'abort',
    });
    gce.addImage('proj-1', 'not-ours');
    expect(gce.leftovers()).toHaveLength(2);
    const later = Date.now() + 7 * 3_600_000;
    process.env.GOOGLE_APPLICATION_CREDENTIALS = keyFile;
    try {
      const young: string[] = [];
      expect(
        await sweep({
          projects: ['proj-1'],
          olderThanMs: 6 * 3_600_000,
          delete: true,
          write: (l) => young.push(l),
        }),
      ).toBe(0);
      expect(young).toEqual(['nothing older than 6h in proj-1']);
      const out: string[] = [];
      expect(
        await sweep({
          projects: ['proj-1'],
          olderThanMs: 6 * 3_600_000,
          delete: true,
          write: (l) => out.push(l),
          now: later,
        }),
      ).toBe(0);
      expect(out.filter((l) => l.startsWith('deleted'))).toHaveLength(2);
      expect(gce.leftovers()).toEqual([]);
      expect(gce.images.has('proj-1/not-ours')).toBe(true);
    } finally {
      delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    }
  });
});

describe('googlecompute spec checks', () => {
  const base = (extra: string) => `sources:
  x:
    type: googlecompute
    project_id: p
    zone: us-central1-a
    ssh_username: admin
${extra.replace(/^/gm, '    ')}
builds:
  b:
    sources: [x]
`;
  it('refuses what it does not do, saying so', () => {
    const p = problemsOf(base('source_image_family: debian-12\nimage_name: ok\nuse_iap: true'));
    expect(p.map((x) => x.message)).toEqual(['use_iap is not supported']);
    expect(p.find((x) => x.message.startsWith('use_iap'))!.hint).toContain('use_internal_ip');
    // A refused setting is an error of its own, at its key's line.
    const refused = problemsOf(
      base(
        'source_image_family: debian-12\nimage_name: ok\ndisk_attachment: [{volume_type: pd-ssd, volume_size: 10, keep_device: true}]\naddress: a',
      ),
    );
    expect(refused.map((x) => [x.message, x.pos?.line])).toEqual([
      [
        'keep_device is not supported: extra disks are deleted with the instance; the image is made from the boot disk',
        9,
      ],
      [
        'address is not supported: the instance gets an ephemeral external address, not a reserved one',
        10,
      ],
    ]);
  });

  it('accepts the values of Packer settings that ask for what bake does, refuses the others', () => {
    const doesAnyway =
      'source_image_family: debian-12\nimage_name: ok\nuse_iap: false\nuse_os_login: false\nskip_create_image: false\nwrap_startup_script: true\ncommunicator: ssh';
    // The only problem is the one added on purpose: the settings themselves pass.
    expect(problemsOf(base(`${doesAnyway}\nimage_family: Bad`)).map((x) => x.message)).toEqual([
      'image_family "Bad" is not a valid GCE name',
    ]);
    const p = problemsOf(
      base(
        'source_image_family: debian-12\nimage_name: ok\nwrap_startup_script: false\ncommunicator: winrm\nskip_create_image: true',
      ),
    );
    expect(p.map((x) => x.message).sort()).toEqual([
      'communicator winrm is not supported: only ssh (Linux only)',
      'skip_create_image is not supported: a build always makes an image',
      'wrap_startup_script: false is not supported',
    ]);
  });

  it('disk_attachment: a size for persistent disks, 375 GB and no name for scratch ones', () => {
    const p = problemsOf(
      base(`source_image_family: debian-12
image_name: ok
disk_attachment:
  - {volume_type: pd-balanced}
  - {volume_type: scratch, volume_size: 100, disk_name: x}`),
    );
    expect(p.map((x) => [x.message, x.pos?.line])).toEqual([
      ['missing required key "volume_size" for a pd-balanced disk', 10],
      ['a scratch disk (local SSD) is 375 GB', 11],
      ['disk_name does not apply to a scratch disk', 11],
    ]);
    const t = problemsOf(
      base('source_image_family: debian-12\nimage_name: ok\ndisk_attachment: [{volume_type: gp3}]'),
    );
    expect(t).toHaveLength(1);
    expect(t[0].message).toContain('gp3');
    expect(t[0].pos?.line).toBe(9);
  });

  it('OS Login: the user comes from the profile, and only the temporary key can be imported', () => {
    const img = 'source_image_family: debian-12\nimage_name: ok';
    const noUser = (extra: string) => base(extra).replace('    ssh_username: admin\n', '');
    expect(problemsOf(noUser(img)).map((x) => x.message)).toEqual([
      'missing required key "ssh_username"',
    ]);
    expect(planOf(noUser(`${img}\nuse_os_login: true`)).instances[0].config).toMatchObject({
      use_os_login: true,
    });
    const both = problemsOf(base(`${img}\nuse_os_login: true`));
    expect(both.map((x) => [x.message, x.pos?.line])).toEqual([
      ["ssh_username is not used with use_os_login: SSH logs in as the OS Login profile's user", 6],
    ]);
    expect(both[0].hint).toContain('os_login_ssh_username');
    expect(problemsOf(base(`${img}\nos_login_ssh_username: deploy`)).map((x) => x.message)).toEqual(
      ['os_login_ssh_username needs use_os_login: true'],
    );
    const pw = problemsOf(noUser(`${img}\nuse_os_login: true\nssh_password: secret`));
    expect(pw.map((x) => x.message)).toEqual([
      "ssh_password cannot be used with use_os_login: OS Login takes bake's temporary key",
    ]);
    expect(pw[0].hint).toContain('enable-oslogin');
  });

  it('refuses live migration for Spot (preemptible) instances and instances with accelerators', () => {
    const spot = problemsOf(
      base(
        'source_image_family: debian-12\nimage_name: ok\npreemptible: true\non_host_maintenance: MIGRATE',
      ),
    );
    expect(spot).toEqual([
      expect.objectContaining({
        message: 'a preemptible (Spot) instance cannot live-migrate',
        hint: 'on_host_maintenance: TERMINATE',
        path: expect.stringContaining('on_host_maintenance'),
      }),
    ]);
    const gpu = problemsOf(
      base(
        'source_image_family: debian-12\nimage_name: ok\naccelerator_type: nvidia-tesla-t4\naccelerator_count: 1\non_host_maintenance: MIGRATE',
      ),
    );
    expect(gpu.map((x) => x.message)).toEqual(['instances with accelerators cannot live-migrate']);
  });

  it('needs a source and a valid image name, and checks labels and pairs of settings', () => {
    const p = problemsOf(
      base(
        'image_name: My_Image\nimage_labels: {Team: x}\nomit_external_ip: true\nmax_run_duration: 10s',
      ),
    );
    expect(p.map((x) => x.message)).toEqual(
      expect.arrayContaining([
        'set source_image or source_image_family',
        'image_name "My_Image" is not a valid GCE name',
        'label key "Team" is not valid in GCP',
        'omit_external_ip needs use_internal_ip: true',
        'max_run_duration must be between 30s and 120 days',
      ]),
    );
  });
});

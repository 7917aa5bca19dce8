/**
 * The azure-arm builder with the real @azure SDK clients and @azure/identity against an
 * HTTPS stand-in for ARM and the login endpoints; VMs are real sshd containers, captured
 * images are `docker commit`s of them, provisioning goes over the real SSH communicator.
 */
import { parse, stringify } from 'yaml';
import { builtInRegistry } from '../src/plugins/registry';
import { cleanupLedger } from '../src/engine/run';
import { pendingOf, requireDocker, runIn } from './helpers/docker';
import { problemsOf, tempProject } from './helpers/spec';
import { join } from 'node:path';
import { bakeIn } from './helpers/run';
import { directoryCache } from '../src/engine/reuse';
import { ArmStandIn, CLIENT, TENANT } from './helpers/azure-arm-server';
import { credentialOf, targetOf } from '../src/plugins/builders/azure-arm/azure';

let arm: ArmStandIn;
const saved = { ...process.env };

function useEnv(vars: Record<string, string>) {
  for (const k of Object.keys(process.env))
    if (/^(AZURE_|ACTIONS_ID_TOKEN|BAKE_CHECKIP)/.test(k)) delete process.env[k];
  Object.assign(process.env, vars);
}

beforeAll(async () => {
  await requireDocker();
  arm = await new ArmStandIn().start();
  arm.seedGroup('images-rg', 'westeurope');
  arm.seedGroup('build-rg', 'northeurope');
  arm.seedGroup('gallery-rg', 'westeurope');
  arm.seedGallery('gallery-rg', 'acmegallery', 'golden');
  arm.seedGallery('gallery-rg', 'acmegallery', 'golden-special', { osState: 'Specialized' });
});
afterAll(async () => {
  process.env = saved;
  await arm?.close();
});
beforeEach(() => {
  arm.reset();
  useEnv(arm.env('secret'));
});

const SOURCE = `
  type: azure-arm
  location: westeurope
  image_publisher: Debian
  image_offer: debian-12
  image_sku: 12-gen2
  vm_size: Standard_B2s
  ssh_username: packer
  ssh_timeout: 40s
  polling_interval: 50ms
  azure_tags: {team: platform}
`;

function spec(
  extra = '',
  provisioners = "[{type: shell, inline: ['echo baked | sudo tee /etc/baked', 'uname -s']}]",
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
  o: { signal?: AbortSignal; onError?: 'cleanup' | 'abort' } = {},
) {
  return bakeIn(tempProject({ 'bake.yml': yaml }), o);
}

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

describe('azure-arm happy path', () => {
  it('bakes a managed image and a gallery version over OIDC, provisioned over real SSH, leaving only the images', async () => {
    useEnv(arm.env('oidc'));
    // GitHub ID tokens live 1.5 s and Azure tokens are always near expiry: a build that
    // kept one assertion would be refused several times over.
    arm.githubTokenMs = 1500;
    arm.azureTokenSeconds = 60;
    arm.vmDelayMs = 2000;
    const n = unique();
    const t0 = Date.now();
    const { result, ledger, output } = await build(
      spec(`managed_image_name: golden-${n}
managed_image_resource_group_name: images-rg
custom_data: "#cloud-config\\nhello: azure"
shared_image_gallery_destination:
  resource_group: gallery-rg
  gallery_name: acmegallery
  image_name: golden
  image_version: 1.0.${n.length}${Date.now() % 1000}
  target_region: [{name: westeurope}, {name: northeurope, replicas: 2}]`),
    );
    arm.githubTokenMs = 60_000;
    arm.azureTokenSeconds = 3600;
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('succeeded');
    const [image] = arm.made('images');
    const [version] = arm.made('versions');
    expect(result.artifact?.id).toBe(image.id);
    expect(result.artifact?.regions).toEqual({ westeurope: image.id, northeurope: version.id });
    expect(result.artifact?.properties).toEqual({
      location: 'westeurope',
      managed_image_id: image.id,
      gallery_image_version_id: version.id,
    });
    expect(result.artifact?.description).toContain(version.id);
    // The captured image holds what was provisioned, and so does the gallery version.
    expect((await runIn(image.dockerImage!, ['cat', '/etc/baked'])).out).toContain('baked');
    expect(
      (await runIn(version.dockerImage!, ['cat', '/var/lib/waagent/CustomData'])).out,
    ).toContain('hello: azure');
    expect(output).toContain('Linux');
    // The version came from the managed image; tags on everything.
    expect(version.body.properties.storageProfile.source.id).toBe(image.id);
    expect(version.body.properties.publishingProfile.targetRegions).toEqual([
      { name: 'westeurope', regionalReplicaCount: 1 },
      { name: 'northeurope', regionalReplicaCount: 2 },
    ]);
    expect(image.body.tags).toMatchObject({
      team: 'platform',
      'bake:build': 'base.golden',
      Name: expect.stringMatching(/^bake-base-golden-/),
    });
    // Only the two images are left; the temporary group is gone; the ledger is closed.
    expect(arm.leftovers().sort()).toEqual([image.id, version.id].sort());
    expect(pendingOf(ledger)).toEqual([]);
    // A fresh GitHub token for every Azure token, none refused, over a build that outlived many.
    const seconds = (Date.now() - t0) / 1000;
    expect(arm.github.expiredRefused).toBe(0);
    expect(arm.github.reused).toBe(0);
    expect(arm.azure.byAssertion).toBeGreaterThan(seconds / 1.5);
    expect(arm.azure.bySecret).toBe(0);
    const path = arm.criticalPath();
    const calls = path.filter((c) => !/^GET (operation|location)$/.test(c));
    console.log(
      `azure-arm critical path: ${path.length} sequential ARM calls (incl. polls): ${path.join(' → ')}; ${arm.calls.filter((c) => !/token|checkip/.test(c.op)).length} ARM calls in all; ${seconds.toFixed(1)} s; ${arm.github.issued} GitHub tokens`,
    );
    console.log(`azure-arm critical path without polls: ${calls.length}: ${calls.join(' → ')}`);
    expect(calls.length).toBeLessThanOrEqual(24);
  });
});

const IMAGE = (n: string) =>
  `managed_image_name: img-${n}\nmanaged_image_resource_group_name: images-rg\n`;
const GALLERY = (n: string) => `shared_image_gallery_destination:
  resource_group: gallery-rg
  gallery_name: acmegallery
  image_name: golden
  image_version: 2.${Date.now() % 100000}.${n.length}${Math.floor(Math.random() * 1000)}
  target_region: [{name: westeurope}, {name: eastus}]
`;

describe('azure-arm failures leave nothing behind', () => {
  const cases: [string, Partial<import('./helpers/azure-arm-server').Failure>, RegExp | null][] = [
    [
      'PUT resourceGroups',
      {
        status: 403,
        code: 'AuthorizationFailed',
        message: `The client '${CLIENT}' with object id '${CLIENT}' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/write' over scope '/subscriptions/x/resourcegroups/bake-x' or the scope is invalid.`,
      },
      /Microsoft\.Resources\/subscriptions\/resourcegroups\/write on \/subscriptions\/x\/resourcegroups\/bake-x/,
    ],
    ['PUT networkSecurityGroups', { code: 'InternalServerError', message: 'injected' }, null],
    [
      'PUT virtualMachines',
      {
        lro: true,
        code: 'SkuNotAvailable',
        message:
          'The requested size for resource is currently not available in location westeurope.',
        details: [{ code: 'OSProvisioningTimedOut', message: 'inner detail kept' }],
      },
      /another vm_size or location/,
    ],
    ['POST deallocate', { lro: true, code: 'InternalExecutionError', message: 'injected' }, null],
    [
      'PUT images',
      {
        lro: true,
        code: 'InternalExecutionError',
        message: 'capture failed',
        details: [{ code: 'DiskError', message: 'inner capture detail' }],
      },
      null,
    ],
  ];
  it.each(cases)('a failure in %s deletes exactly what was created', async (op, f, hint) => {
    arm.failures.push({ op, code: 'X', message: 'x', ...f } as never);
    const n = unique();
    const { result, ledger } = await build(spec(IMAGE(n) + GALLERY(n)));
    expect(result.status).toBe('failed');
    expect(result.error).toContain(`${f.code}: ${f.message}`);
    for (const d of f.details ?? []) expect(result.error).toContain(`${d.code}: ${d.message}`);
    if (hint) expect(result.hint ?? '').toMatch(hint);
    expect(arm.leftovers()).toEqual([]);
    expect(pendingOf(ledger)).toEqual([]);
  });

  it('a failed gallery replication shows each region, and removes the managed image and the version', async () => {
    arm.failRegion = 'eastus';
    const n = unique();
    const { result, ledger } = await build(spec(IMAGE(n) + GALLERY(n)));
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(
      /ReplicationJobsNotCompleted.*replication: westeurope: Completed, eastus: Failed \(Replication job failed/,
    );
    expect(arm.made('images')).toEqual([]);
    expect(arm.leftovers()).toEqual([]);
    expect(pendingOf(ledger)).toEqual([]);
  });

  it.each(['PUT virtualNetworks', 'PUT virtualMachines', 'POST deallocate', 'PUT images'])(
    'cancelled right after %s: cancelled, and everything removed',
    async (op) => {
      const ctl = new AbortController();
      arm.afterCall = (o) => {
        if (o === op) ctl.abort();
      };
      const n = unique();
      const { result, ledger } = await build(spec(IMAGE(n)), { signal: ctl.signal });
      expect(result.status).toBe('cancelled');
      expect(arm.leftovers()).toEqual([]);
      expect(pendingOf(ledger)).toEqual([]);
    },
  );
});

describe('azure-arm in an existing group and network', () => {
  it('builds in build_resource_group_name over the private address, deletes each resource, keeps the group and the network', async () => {
    arm.seedNetwork('build-rg', 'shared-vnet', 'default');
    const n = unique();
    const { result, ledger } = await build(
      spec(`location: null
build_resource_group_name: build-rg
virtual_network_name: shared-vnet
virtual_network_subnet_name: default
private_virtual_network_with_public_ip: false
${GALLERY(n)}`),
    );
    expect(result.error).toBeUndefined();
    const [version] = arm.made('versions');
    // No managed image asked for: the version is made from the VM itself.
    expect(result.artifact?.id).toBe(version.id);
    expect(version.body.properties.storageProfile.source.id).toMatch(
      /virtualMachines\/bake-base-golden-/,
    );
    expect(version.body.location).toBe('westeurope');
    expect((await runIn(version.dockerImage!, ['cat', '/etc/baked'])).out).toContain('baked');
    expect(arm.made('publicIPAddresses')).toEqual([]);
    expect(arm.leftovers()).toEqual([version.id]);
    expect(arm.groups.has('build-rg')).toBe(true);
    expect(
      arm.get(arm.rid('build-rg', 'Microsoft.Network/virtualNetworks', 'shared-vnet')),
    ).toBeDefined();
    // Deleted one by one, VM before its NIC, never the group.
    const deletes = arm.calls.filter((c) => c.method === 'DELETE').map((c) => c.op);
    expect(deletes).not.toContain('DELETE resourceGroups');
    expect(deletes.indexOf('DELETE virtualMachines')).toBeLessThan(
      deletes.indexOf('DELETE networkInterfaces'),
    );
    expect(pendingOf(ledger)).toEqual([]);
  });
});

describe('azure-arm ssh_clear_authorized_keys', () => {
  it("the image made holds no trace of bake's key: the user's file and root's keep only their other keys", async () => {
    const other =
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOtherKeyOfTheTeamOtherKeyOfTheTeam0000 team@ops';
    const inline = [
      `echo '${other}' >> ~/.ssh/authorized_keys`,
      'sudo mkdir -p /root/.ssh',
      'sudo sh -c "cat $HOME/.ssh/authorized_keys > /root/.ssh/authorized_keys"',
      'echo keys before: $(wc -l < ~/.ssh/authorized_keys) $(sudo cat /root/.ssh/authorized_keys | wc -l)',
    ];
    const provisioners = JSON.stringify([{ type: 'shell', inline }]);
    const { result, output } = await build(
      spec(
        `ssh_clear_authorized_keys: true
managed_image_name: cleared-${unique()}
managed_image_resource_group_name: images-rg`,
        provisioners,
      ),
    );
    expect(result.error).toBeUndefined();
    expect(output).toContain('keys before: 2 2');
    const [image] = arm.made('images');
    const after = await runIn(image.dockerImage!, [
      'sh',
      '-c',
      'cat /home/packer/.ssh/authorized_keys; echo ---; cat /root/.ssh/authorized_keys',
    ]);
    expect(
      after.out
        .trim()
        .split('\n')
        .map((l) => l.trimEnd()),
    ).toEqual([other, '---', other]);
  });
});

describe('azure-arm throttling and asynchronous group delete', () => {
  it('waits out 429s with Retry-After; with async_resourcegroup_delete the ledger keeps the group until cleanup finds it gone', async () => {
    arm.throttles.push({ op: 'PUT networkInterfaces', times: 2, retryAfter: 1 });
    const n = unique();
    const { result, ledger } = await build(spec(IMAGE(n) + 'async_resourcegroup_delete: true\n'));
    expect(result.error).toBeUndefined();
    expect(arm.throttled).toBe(2);
    expect(arm.calls.filter((c) => c.op === 'PUT networkInterfaces').map((c) => c.status)).toEqual([
      429, 429, 201,
    ]);
    const open = pendingOf(ledger);
    expect(open.map((e) => e.kind)).toContain('azure-resource-group');
    expect(await cleanupLedger(ledger, builtInRegistry(), () => undefined)).toBe(0);
    expect(pendingOf(ledger)).toEqual([]);
    expect(arm.leftovers()).toEqual([arm.made('images')[0].id]);
  });
});

describe('azure-arm with skip-unchanged', () => {
  it('reuses the images while the marketplace version "latest" names stays; builds again when it moves or the image is gone', async () => {
    arm.marketplace.set('debian/debian-12/12-gen2', ['0.20250101.1', '0.20241201.3']);
    const n = unique();
    const dir = tempProject({ 'bake.yml': spec(`${IMAGE(n)}\nforce: true`) });
    const cache = directoryCache(join(dir, 'cache'));
    const vms = () => arm.count('PUT virtualMachines');

    const first = await bakeIn(dir, { cache });
    expect(first.result.error).toBeUndefined();
    const id = first.result.artifact!.id;
    expect(id).toMatch(new RegExp(`/images/img-${n}$`));
    const builtVms = vms();
    expect(builtVms).toBeGreaterThan(0);

    const second = await bakeIn(dir, { cache });
    expect(second.result).toMatchObject({ status: 'succeeded', reused: true });
    expect(second.result.artifact?.id).toBe(id);
    expect(vms()).toBe(builtVms);

    // A newer marketplace version: "latest" is another base now.
    arm.marketplace.set('debian/debian-12/12-gen2', ['0.20250101.1', '0.20250215.2']);
    const third = await bakeIn(dir, { cache });
    expect(third.result.error).toBeUndefined();
    expect(third.result.reused).toBeUndefined();
    expect(vms()).toBe(2 * builtVms);

    // The managed image was deleted behind bake's back: built again.
    arm.resources.delete(id.toLowerCase());
    const fourth = await bakeIn(dir, { cache });
    expect(fourth.output).toContain('no longer exists');
    expect(fourth.result.reused).toBeUndefined();
    expect(vms()).toBe(3 * builtVms);
    expect(arm.leftovers()).toEqual([id]);
  });

  it('a gallery source\'s "latest" is its newest version not excluded from latest', async () => {
    arm.seedGallery('gallery-rg', 'acmegallery', 'reuse-src');
    for (const v of ['1.9.0', '1.10.0', '1.2.7'])
      arm.seedVersion('gallery-rg', 'acmegallery', 'reuse-src', v);
    arm.seedVersion('gallery-rg', 'acmegallery', 'reuse-src', '2.0.0', { excludeFromLatest: true });
    const { azureArm } = await import('../src/plugins/builders/azure-arm');
    const config = {
      ...(parse(SOURCE) as Record<string, unknown>),
      image_publisher: undefined,
      shared_image_gallery: {
        resource_group: 'gallery-rg',
        gallery_name: 'acmegallery',
        image_name: 'reuse-src',
      },
    };
    const base = (c: Record<string, unknown>) => azureArm.reuse!.base(c, {} as never);
    expect(await base(config)).toBe('azure:gallery:gallery-rg/acmegallery/reuse-src/1.10.0');
    arm.seedVersion('gallery-rg', 'acmegallery', 'reuse-src', '1.11.0');
    expect(await base(config)).toBe('azure:gallery:gallery-rg/acmegallery/reuse-src/1.11.0');
    // A pinned version is that version.
    expect(
      await base({
        ...config,
        shared_image_gallery: { ...config.shared_image_gallery, image_version: '1.2.7' },
      }),
    ).toBe('azure:gallery:gallery-rg/acmegallery/reuse-src/1.2.7');
  });
});

describe('azure-arm sweep', () => {
  it("finds what aborted runs left (a temporary group whole, loose resources in an existing group), never a finished build's image", async () => {
    const { sweep } = await import('../src/plugins/builders/azure-arm/sweep');
    const before = new Set(arm.leftovers());
    // Two runs that never finished: one in its own temporary group, one in build-rg.
    arm.failures.push({ op: 'PUT images', code: 'InternalError', message: 'injected' });
    const temp = await build(spec(IMAGE(unique())), { onError: 'abort' });
    expect(temp.result.status).toBe('failed');
    arm.seedNetwork('build-rg', 'sweep-vnet', 'default');
    arm.failures.push({ op: 'PUT images', nth: 2, code: 'InternalError', message: 'injected' });
    const inGroup = await build(
      spec(`location: null
build_resource_group_name: build-rg
virtual_network_name: sweep-vnet
virtual_network_subnet_name: default
${IMAGE(unique())}`),
      { onError: 'abort' },
    );
    expect(inGroup.result.status).toBe('failed');
    const left = arm.leftovers().filter((l) => !before.has(l));
    expect(left.some((l) => l.startsWith('resourceGroup bake-base-golden-'))).toBe(true);
    expect(left.some((l) => /\/resourceGroups\/build-rg\/.*virtualMachines\//.test(l))).toBe(true);

    const sub = process.env.AZURE_SUBSCRIPTION_ID!;
    const young: string[] = [];
    expect(
      await sweep({
        subscriptions: [sub],
        olderThanMs: 3_600_000,
        delete: true,
        write: (l) => young.push(l),
      }),
    ).toBe(0);
    expect(young).toEqual([`nothing older than 1h in subscription ${sub}`]);

    const later = Date.now() + 2 * 3_600_000;
    const dry: string[] = [];
    await sweep({
      subscriptions: [sub],
      olderThanMs: 3_600_000,
      delete: false,
      write: (l) => dry.push(l),
      now: later,
    });
    expect(dry.at(-1)).toMatch(/resource\(s\); run again with --delete/);
    expect(dry.filter((l) => l.includes('resource group bake-base-golden-'))).toHaveLength(1);
    expect(arm.leftovers().filter((l) => !before.has(l))).toEqual(left);

    const out: string[] = [];
    expect(
      await sweep({
        subscriptions: [sub],
        olderThanMs: 3_600_000,
        delete: true,
        write: (l) => out.push(l),
        now: later,
      }),
    ).toBe(0);
    expect(out.every((l) => l.startsWith('deleted '))).toBe(true);
    // Gone: all that the two runs left; kept: build-rg and its network, earlier builds' images.
    expect(arm.leftovers().filter((l) => !before.has(l))).toEqual([]);
    expect([...before].filter((l) => !arm.leftovers().includes(l))).toEqual([]);
    expect(arm.groups.has('build-rg')).toBe(true);
    expect(
      arm.get(arm.rid('build-rg', 'Microsoft.Network/virtualNetworks', 'sweep-vnet')),
    ).toBeDefined();
    // VMs before the NICs they hold.
    const deletes = arm.calls.filter((c) => c.method === 'DELETE').map((c) => c.op);
    expect(deletes.indexOf('DELETE virtualMachines')).toBeLessThan(
      deletes.indexOf('DELETE networkInterfaces'),
    );
  });
});

describe('azure-arm credentials', () => {
  it('an assertion fetched once expires: the token endpoint refuses it, which is why OIDC asks GitHub every time', async () => {
    arm.githubTokenMs = 300;
    const r = await fetch(`${arm.url}/github/token?audience=api://AzureADTokenExchange`, {
      headers: { Authorization: `Bearer ${arm.githubRequestToken}` },
    });
    const jwt = ((await r.json()) as { value: string }).value;
    arm.githubTokenMs = 60_000;
    await new Promise((res) => setTimeout(res, 1100));
    const cfg = { client_jwt: jwt, tenant_id: TENANT, client_id: CLIENT };
    useEnv({ AZURE_AUTHORITY_HOST: arm.url, AZURE_SUBSCRIPTION_ID: 'x' });
    await expect(
      credentialOf(cfg, targetOf(cfg)).getToken('https://management.azure.com/.default'),
    ).rejects.toThrow(/AADSTS700024/);
  });
});

describe('azure-arm spec checks', () => {
  it('rejects what it does not implement, and what Azure would refuse, with positions', () => {
    const probs = problemsOf(
      spec(`os_type: Windows
ssh_username: admin
managed_image_name: -bad
managed_image_resource_group_name: images-rg
shared_image_gallery_destination: {resource_group: g, gallery_name: my-gallery, image_name: i, image_version: '1.0'}`),
    );
    const text = probs.map((p) => p.message).join('\n');
    expect(text).toMatch(/os_type is not supported: only Linux/);
    // A refused setting is an error of its own, at its key's line.
    const yaml = spec(`capture_container_name: images\nspot: {eviction_policy: Delete}`);
    const refused = problemsOf(yaml);
    expect(refused.map((p) => [p.message, p.pos?.line])).toEqual([
      [
        'capture_container_name is not supported: bake makes managed images and gallery versions, not VHDs in a storage account; use managed_image_name',
        yaml.split('\n').findIndex((l) => l.includes('capture_container_name:')) + 1,
      ],
      [
        'spot is not supported: the build VM is a regular (not Spot) VM',
        yaml.split('\n').findIndex((l) => l.includes('spot:')) + 1,
      ],
    ]);
    expect(text).toMatch(/Azure refuses "admin"/);
    expect(text).toMatch(/managed_image_name "-bad" is not a valid image name/);
    expect(text).toMatch(/gallery_name "my-gallery" is not a gallery name/);
    expect(text).toMatch(/image_version "1.0" is not N.N.N/);
    const none = problemsOf(spec('image_publisher: null\nimage_offer: null\nimage_sku: null'));
    expect(none.map((p) => p.message).join('\n')).toMatch(/no source image[\s\S]*no image to make/);
  });

  it('accepts the values of Packer settings that ask for what bake does, refuses the others', () => {
    const image = 'managed_image_name: ok\nmanaged_image_resource_group_name: images-rg';
    // The only problem is the one added on purpose: the settings themselves pass.
    const fine = problemsOf(
      spec(
        `${image}\nos_type: linux\ncommunicator: ssh\nskip_create_image: false\nssh_username: root`,
      ),
    );
    expect(fine.map((p) => p.message)).toEqual(['Azure refuses "root" as an admin user name']);
  });

  it('refuses the values and settings it does not do', () => {
    const probs = problemsOf(
      spec(`managed_image_name: ok
managed_image_resource_group_name: images-rg
os_type: BeOS
communicator: winrm
skip_create_image: true
virtual_network_name: shared-vnet
virtual_network_subnet_name: default`),
    );
    expect(probs.map((p) => p.message).sort()).toEqual([
      'an existing network needs its resource group',
      'communicator winrm is not supported: only ssh',
      'os_type "BeOS" is not an OS type',
      'skip_create_image is not supported: a build always makes an image',
    ]);
    expect(
      problemsOf(spec('managed_image_name: ok\nssh_password: secret')).map((p) => p.message),
    ).toEqual([
      'ssh_password is not supported: the VM gets an SSH key (the temporary one, or the public half of ssh_private_key_file), never a password',
    ]);
  });
});

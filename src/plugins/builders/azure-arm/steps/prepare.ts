/**
 * Before anything is created: the names the build will take are free, the groups, network,
 * source image and gallery definition it names exist. Fails fast with the exact name.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ssh2 from 'ssh2';
import { temporaryKeyPair } from '../../../../communicators/ssh-config';
import { BuildError } from '../../../../engine/context';
import type { Step } from '../../../../engine/steps';
import { withTimeout } from '../../../../engine/steps';
import { addSecret } from '../../../../util/redact';
import { orMissing } from '../azure';
import type { AzureState, Config, Ctx } from './context';

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

function readCustomData(x: Ctx): string | undefined {
  const { c, env } = x;
  if (typeof c.custom_data === 'string') return Buffer.from(c.custom_data).toString('base64');
  if (typeof c.custom_data_file !== 'string') return undefined;
  try {
    return readFileSync(resolve(env.specDir, c.custom_data_file)).toString('base64');
  } catch (e) {
    throw new BuildError(
      `custom_data_file ${c.custom_data_file} cannot be read: ${(e as NodeJS.ErrnoException).code}`,
      `paths are relative to the spec's directory (${env.specDir})`,
    );
  }
}

/** The key the VM trusts: the public half of ssh_private_key(_file), or a temporary ed25519 key. */
function keyOf(x: Ctx): { privateKey: string; publicKey: string } {
  const { c, env } = x;
  let priv: string | undefined = c.ssh_private_key as string | undefined;
  if (priv === undefined && typeof c.ssh_private_key_file === 'string') {
    try {
      priv = readFileSync(resolve(env.specDir, c.ssh_private_key_file), 'utf8');
    } catch (e) {
      throw new BuildError(
        `ssh_private_key_file ${c.ssh_private_key_file} cannot be read: ${(e as NodeJS.ErrnoException).code}`,
        `paths are relative to the spec's directory (${env.specDir})`,
      );
    }
  }
  if (priv === undefined) return temporaryKeyPair('ed25519', x.base);
  addSecret(priv);
  const parsed = ssh2.utils.parseKey(priv, c.ssh_private_key_passphrase as string | undefined);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (key instanceof Error)
    throw new BuildError(
      `the SSH private key is not usable: ${key.message}`,
      'use an OpenSSH or PEM private key',
    );
  return { privateKey: priv, publicKey: `${key.type} ${key.getPublicSSH().toString('base64')}` };
}

export function prepareStep(x: Ctx): Step<AzureState> {
  const { c, clients, env } = x;
  const force = c.force === true;
  const call = <T>(
    what: string,
    f: (o: { abortSignal: AbortSignal; updateIntervalInMs: number }) => PromiseLike<T>,
    signal: AbortSignal,
  ) => x.call(what, f, { polling: x.polling, signal });
  const groupMissing = (what: string, name: string) =>
    new BuildError(
      `${what} "${name}" does not exist in subscription ${x.target.subscription}`,
      'create it first, or check the name and subscription_id',
    );

  return {
    name: 'prepare',
    async run(s, ctx) {
      // Local inputs first: nothing is asked of Azure for a build that cannot start.
      s.customData = readCustomData(x);
      s.key = keyOf(x);
      const sig = ctx.signal;
      const needIp = !Array.isArray(c.allowed_inbound_ip_addresses);
      const ip = needIp ? publicIp() : Promise.resolve(undefined);
      const group = async (name: string, what: string) => {
        const g = await call(
          `looking up ${what} ${name}`,
          (o) => orMissing(clients.resources.resourceGroups.get(name, o)),
          sig,
        );
        if (!g) throw groupMissing(what, name);
        return g;
      };
      const checks: Promise<unknown>[] = [];
      if (typeof c.build_resource_group_name === 'string')
        checks.push(
          group(c.build_resource_group_name, 'build_resource_group_name').then((g) => {
            s.location = g.location;
          }),
        );
      else {
        s.location = String(c.location);
        const name =
          typeof c.temp_resource_group_name === 'string' ? c.temp_resource_group_name : x.base;
        checks.push(
          call(
            `looking up resource group ${name}`,
            (o) => clients.resources.resourceGroups.checkExistence(name, o),
            sig,
          ).then((r) => {
            if (r.body)
              throw new BuildError(
                `the temporary resource group "${name}" already exists`,
                'bake deletes the temporary group after the build: name one that does not exist, or build in an existing group with build_resource_group_name',
              );
          }),
        );
      }
      if (typeof c.managed_image_name === 'string') {
        const rg = String(c.managed_image_resource_group_name);
        checks.push(
          group(rg, 'managed_image_resource_group_name').then(async () => {
            const old = await call(
              `looking up managed image ${c.managed_image_name}`,
              (o) => orMissing(clients.compute.images.get(rg, String(c.managed_image_name), o)),
              sig,
            );
            if (old && !force)
              throw new BuildError(
                `a managed image named "${c.managed_image_name}" already exists in ${rg}: ${old.id}`,
                'set force: true to replace it, or make managed_image_name unique (e.g. with formatdate("YYYYMMDDhhmm", timestamp()))',
              );
          }),
        );
      }
      const dst = c.shared_image_gallery_destination as Config | undefined;
      if (dst) {
        const gc = x.clientsIn(dst.subscription as string | undefined).compute;
        const [rg, g, i, v] = [
          dst.resource_group,
          dst.gallery_name,
          dst.image_name,
          dst.image_version,
        ].map(String);
        checks.push(
          (async () => {
            const def = await call(
              `looking up gallery image ${g}/${i}`,
              (o) => orMissing(gc.galleryImages.get(rg, g, i, o)),
              sig,
            );
            if (!def)
              throw new BuildError(
                `the gallery image definition "${i}" does not exist in gallery "${g}" (resource group ${rg})`,
                'create the image definition first (az sig image-definition create), or check the names',
              );
            const state = String(def.osState ?? 'Generalized');
            if ((state === 'Specialized') !== (dst.specialized === true))
              throw new BuildError(
                `the gallery image definition "${i}" is ${state}, but specialized is ${dst.specialized === true}`,
                `set shared_image_gallery_destination.specialized: ${state === 'Specialized'}`,
              );
            s.galleryLocation = def.location;
            const old = await call(
              `looking up gallery version ${i}/${v}`,
              (o) => orMissing(gc.galleryImageVersions.get(rg, g, i, v, o)),
              sig,
            );
            if (old && !force)
              throw new BuildError(
                `gallery image version ${g}/${i}/${v} already exists`,
                'raise image_version, or set force: true to replace it',
              );
          })(),
        );
      }
      if (typeof c.virtual_network_name === 'string') {
        const rg = String(
          c.virtual_network_resource_group_name ?? c.build_resource_group_name ?? '',
        );
        if (!rg)
          throw new BuildError(
            'an existing virtual network needs its group',
            'set virtual_network_resource_group_name',
          );
        checks.push(
          call(
            `looking up subnet ${c.virtual_network_name}/${c.virtual_network_subnet_name}`,
            (o) =>
              orMissing(
                clients.network.subnets.get(
                  rg,
                  String(c.virtual_network_name),
                  String(c.virtual_network_subnet_name),
                  o,
                ),
              ),
            sig,
          ).then((sub) => {
            if (!sub)
              throw new BuildError(
                `subnet "${c.virtual_network_subnet_name}" of virtual network "${c.virtual_network_name}" (resource group ${rg}) does not exist`,
                'check virtual_network_name, virtual_network_subnet_name and virtual_network_resource_group_name',
              );
            s.subnetId = sub.id;
          }),
        );
      }
      if (typeof c.custom_managed_image_name === 'string') {
        const rg = String(c.custom_managed_image_resource_group_name);
        checks.push(
          call(
            `looking up managed image ${c.custom_managed_image_name}`,
            (o) =>
              orMissing(clients.compute.images.get(rg, String(c.custom_managed_image_name), o)),
            sig,
          ).then((img) => {
            if (!img)
              throw new BuildError(
                `custom_managed_image_name "${c.custom_managed_image_name}" does not exist in ${rg}`,
              );
            s.sourceImageId = img.id;
          }),
        );
      }
      const src = c.shared_image_gallery as Config | undefined;
      if (src) {
        const gc = x.clientsIn(src.subscription as string | undefined).compute;
        const [rg, g, i] = [src.resource_group, src.gallery_name, src.image_name].map(String);
        const v = String(src.image_version ?? 'latest');
        checks.push(
          (async () => {
            const found =
              v === 'latest'
                ? await call(
                    `looking up gallery image ${g}/${i}`,
                    (o) => orMissing(gc.galleryImages.get(rg, g, i, o)),
                    sig,
                  )
                : await call(
                    `looking up gallery version ${g}/${i}/${v}`,
                    (o) => orMissing(gc.galleryImageVersions.get(rg, g, i, v, o)),
                    sig,
                  );
            if (!found)
              throw new BuildError(
                `shared_image_gallery ${g}/${i}/${v} does not exist (resource group ${rg})`,
              );
            s.sourceImageId = found.id;
          })(),
        );
      }
      const settled = await Promise.allSettled(checks);
      const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      const found = await ip;
      if (Array.isArray(c.allowed_inbound_ip_addresses))
        s.sourceCidrs = (c.allowed_inbound_ip_addresses as string[]).map(String);
      else if (found) s.sourceCidrs = [`${found}/32`];
      else {
        env.out(
          'stderr',
          `warning: could not find this runner's public address; the network security group opens SSH to any address. Set allowed_inbound_ip_addresses to narrow it.`,
        );
        s.sourceCidrs = ['*'];
      }
      env.generated.BuildLocation = s.location ?? '';
      env.generated.SSHPublicKey = s.key.publicKey;
      ctx.log(
        `building in ${s.location}${c.build_resource_group_name ? `, group ${c.build_resource_group_name}` : ''}`,
      );
    },
  };
}

/** What every azure-arm step shares: the settings read once, names, tags, clients, state. */
import type { BuildEnv, BuildState } from '../../../../engine/context';
import type { LedgerEntry } from '../../../../engine/ledger';
import type { SshCommunicator } from '../../../../communicators/ssh';
import { parseDuration } from '../../../../spec/schema';
import {
  arm,
  clientsFor,
  Clients,
  Polling,
  resourceId,
  targetOf,
  AzureTarget,
  targetRef,
} from '../azure';

export type Config = Record<string, unknown>;

export interface Made {
  id: string;
  entry: LedgerEntry;
}

export interface AzureState extends BuildState {
  ssh?: SshCommunicator;
  location?: string;
  /** The group the build VM lives in, and whether bake created it. */
  group?: { name: string; temporary: boolean; entry?: LedgerEntry; deleting?: boolean };
  subnetId?: string;
  publicIp?: Made;
  nsg?: Made;
  vnet?: Made;
  nic?: Made;
  vm?: Made & { disk?: Made };
  host?: string;
  sourceCidrs?: string[];
  key?: { privateKey: string; publicKey: string };
  customData?: string;
  /** A managed image or gallery (version) id the VM starts from. */
  sourceImageId?: string;
  image?: Made;
  version?: Made;
  /** The gallery image definition's location. */
  galleryLocation?: string;
  finished?: boolean;
}

export interface Ctx {
  env: BuildEnv;
  c: Config;
  target: AzureTarget;
  clients: Clients;
  /** Clients for another subscription (gallery settings may name one). */
  clientsIn(subscription?: string): Clients;
  polling: Polling;
  base: string;
  names: {
    vm: string;
    nic: string;
    ip: string;
    nsg: string;
    vnet: string;
    subnet: string;
    disk: string;
  };
  tags: Record<string, string>;
  /** Writes a resource to the ledger before it is asked for: a cancelled create leaves no orphan. */
  ledger(
    kind: 'azure-resource' | 'azure-image' | 'azure-gallery-version',
    id: string,
    what: string,
  ): LedgerEntry;
  ledgerGroup(name: string): LedgerEntry;
  /** Entries of resources inside the build's group, closed when a temporary group is gone. */
  inGroup: LedgerEntry[];
  done(m: { entry?: LedgerEntry } | undefined): void;
  id(group: string, provider: string, ...path: string[]): string;
  call: typeof arm;
}

/** Azure names: letters, digits, hyphens; at most `max` characters. */
const clean = (s: string, max: number) =>
  s
    .replace(/[^A-Za-z0-9-]/g, '-')
    .replace(/-+/g, '-')
    .slice(0, max)
    .replace(/-$/, '');

export function contextOf(env: BuildEnv): Ctx {
  const c = env.instance.config;
  const target = targetOf(c);
  const clients = clientsFor(c, target);
  const base = clean(`bake-${env.instance.name}-${env.runUuid.slice(0, 8)}`, 50);
  const vm = typeof c.temp_compute_name === 'string' ? c.temp_compute_name : base;
  const ref = targetRef(target);
  const inGroup: LedgerEntry[] = [];
  const groupOf = (id: string) => /\/resourceGroups\/([^/]+)\//i.exec(id)?.[1]?.toLowerCase();
  const buildGroup = String(
    c.build_resource_group_name ?? c.temp_resource_group_name ?? base,
  ).toLowerCase();
  return {
    inGroup,
    env,
    c,
    target,
    clients,
    clientsIn: (sub) => (sub && sub !== target.subscription ? clientsFor(c, target, sub) : clients),
    polling: {
      intervalMs: parseDuration(c.polling_interval ?? '1s') ?? 1000,
      timeoutMs: parseDuration(c.polling_duration_timeout ?? '15m') ?? 900_000,
    },
    base,
    names: {
      vm,
      nic: `${vm}-nic`,
      ip: `${vm}-ip`,
      nsg: `${vm}-nsg`,
      vnet: `${vm}-vnet`,
      subnet: `${vm}-subnet`,
      disk: `${vm}-osdisk`,
    },
    tags: {
      ...((c.azure_tags as Record<string, string> | undefined) ?? {}),
      'bake:run': env.runUuid,
      'bake:build': env.instance.name,
      'bake:created': new Date().toISOString(),
      Name: base,
    },
    ledger: (kind, id, what) => {
      const entry = env.ledger.add(env.instance.name, kind, { ...ref, id }, `${what} ${id}`);
      if (kind === 'azure-resource' && groupOf(id) === buildGroup) inGroup.push(entry);
      return entry;
    },
    ledgerGroup: (name) =>
      env.ledger.add(
        env.instance.name,
        'azure-resource-group',
        { ...ref, name },
        `Azure resource group ${name} (holds every resource of the build VM)`,
      ),
    done: (m) => {
      if (m?.entry) env.ledger.done(m.entry);
    },
    id: (group, provider, ...path) => resourceId(target.subscription, group, provider, ...path),
    call: arm,
  };
}

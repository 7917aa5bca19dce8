/**
 * The one list of plugins. A built-in is its folder plus one line below; a spec's
 * `plugins:` adds its own to a copy of this registry. A type is registered once per kind
 * and a ledger kind once in all, so two plugins can never fight over a name or a resource.
 */
import type { Cleaner, Descriptor, DescriptorOf, Origin, PluginKind, PluginSet } from './api';
import { amazonEbs } from './builders/amazon-ebs';
import { azureArm } from './builders/azure-arm';
import { docker } from './builders/docker';
import { nullBuilder } from './builders/null';
import { googlecompute } from './builders/googlecompute';
import { qemu } from './builders/qemu';
import { shellProvisioner } from './provisioners/shell';
import { fileProvisioner } from './provisioners/file';
import { shellLocalProvisioner } from './provisioners/shell-local';
import { restartProvisioner } from './provisioners/restart';
import { ansibleProvisioner } from './provisioners/ansible';
import { ansibleLocalProvisioner } from './provisioners/ansible-local';
import { dockerTagPostProcessor } from './post-processors/docker-tag';
import { dockerPushPostProcessor } from './post-processors/docker-push';
import { dockerSavePostProcessor } from './post-processors/docker-save';
import { manifestPostProcessor } from './post-processors/manifest';
import { checksumPostProcessor } from './post-processors/checksum';
import { compressPostProcessor } from './post-processors/compress';
import { vmExportPostProcessor } from './post-processors/vm-export';
import { vagrantPostProcessor } from './post-processors/vagrant';
import { shellLocalPostProcessor } from './post-processors/shell-local';
import { dockerImportPostProcessor } from './post-processors/docker-import';
import { artificePostProcessor } from './post-processors/artifice';

const BUILT_IN: Descriptor[] = [
  nullBuilder,
  docker,
  amazonEbs,
  azureArm,
  googlecompute,
  qemu,
  shellProvisioner,
  fileProvisioner,
  shellLocalProvisioner,
  restartProvisioner,
  ansibleProvisioner,
  ansibleLocalProvisioner,
  dockerTagPostProcessor,
  dockerPushPostProcessor,
  dockerSavePostProcessor,
  manifestPostProcessor,
  checksumPostProcessor,
  compressPostProcessor,
  vmExportPostProcessor,
  vagrantPostProcessor,
  shellLocalPostProcessor,
  dockerImportPostProcessor,
  artificePostProcessor,
];

export type { Origin } from './api';

export class RegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

export class Registry implements PluginSet {
  private readonly byKind: Record<PluginKind, Map<string, Descriptor>> = {
    builder: new Map(),
    provisioner: new Map(),
    'post-processor': new Map(),
  };
  private readonly origins = new Map<Descriptor, Origin>();
  private readonly owners = new Map<string, Descriptor>();

  constructor(list: Descriptor[] = [], origin: Origin = {}) {
    for (const d of list) this.add(d, origin);
  }

  /** Refuses a type or a ledger kind that is taken. */
  add(d: Descriptor, origin: Origin = {}): void {
    const taken = this.byKind[d.kind].get(d.type);
    if (taken)
      throw new RegistryError(
        `${d.kind} type "${d.type}" is already ${this.describeOrigin(taken)}`,
      );
    for (const kind of Object.keys(d.cleaners ?? {})) {
      const owner = this.owners.get(kind);
      if (owner)
        throw new RegistryError(
          `ledger kind "${kind}" of ${d.kind} "${d.type}" already belongs to ${owner.kind} "${owner.type}" (${this.describeOrigin(owner)})`,
        );
    }
    this.byKind[d.kind].set(d.type, d);
    this.origins.set(d, origin);
    for (const kind of Object.keys(d.cleaners ?? {})) this.owners.set(kind, d);
  }

  get<K extends PluginKind>(kind: K, type: string): DescriptorOf<K> | undefined {
    return this.byKind[kind].get(type) as DescriptorOf<K> | undefined;
  }

  /** The descriptor of a type the spec checks have already accepted. */
  must<K extends PluginKind>(kind: K, type: string): DescriptorOf<K> {
    const d = this.get(kind, type);
    if (!d) throw new RegistryError(`internal error: no ${kind} "${type}" is registered`);
    return d;
  }

  types(kind: PluginKind): string[] {
    return [...this.byKind[kind].keys()];
  }

  all<K extends PluginKind>(kind: K): DescriptorOf<K>[] {
    return [...this.byKind[kind].values()] as DescriptorOf<K>[];
  }

  /** The plugin that creates ledger entries of this kind, and its cleaner. */
  ownerOf(
    ledgerKind: string,
  ): { descriptor: Descriptor; cleaner: Cleaner; origin: Origin } | undefined {
    const d = this.owners.get(ledgerKind);
    if (!d) return undefined;
    return { descriptor: d, cleaner: d.cleaners![ledgerKind], origin: this.origins.get(d) ?? {} };
  }

  originOf(d: Descriptor): Origin {
    return this.origins.get(d) ?? {};
  }

  /** A copy that the spec's own plugins can be added to without touching this one. */
  copy(): Registry {
    const r = new Registry();
    for (const kind of Object.keys(this.byKind) as PluginKind[])
      for (const d of this.byKind[kind].values()) r.add(d, this.origins.get(d));
    return r;
  }

  private describeOrigin(d: Descriptor): string {
    const o = this.origins.get(d);
    return o?.module ? `defined by plugin ${o.name ?? o.module}` : 'a built-in';
  }
}

let builtIns: Registry | undefined;

/** The built-in plugins; callers that add their own take a copy. */
export function builtInRegistry(): Registry {
  builtIns ??= new Registry(BUILT_IN);
  return builtIns;
}

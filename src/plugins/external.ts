/**
 * Plugins from outside bake. A spec lists them under `plugins:` (a module path relative to
 * the spec, or an npm package installed beside it); each module exports descriptors with
 * the same contract as the built-ins. Nothing is downloaded: packages come from the user's
 * own `npm ci`. The ledger records the module a resource's plugin came from, so
 * `bake cleanup` can load it again with no spec at hand.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Descriptor, PluginKind } from './api';
import { builtInRegistry, Registry, RegistryError } from './registry';
import { kit, PluginKit } from './kit';
import { Problem, SpecError } from '../spec/errors';
import { joinPath, LoadedFile, loadYamlFile } from '../spec/load';
import { positionOf } from '../spec/schema';
import { loadSpec, RawSpec } from '../spec/spec';
import { loadPackerTemplate, packerKind } from '../packer/open';
import type { LedgerEntry } from '../engine/ledger';

const KINDS: PluginKind[] = ['builder', 'provisioner', 'post-processor'];
const TYPE_RE = /^[a-z][a-z0-9-]*$/;

/** A plugin module that cannot be used; the message names the module and what is wrong. */
export class PluginError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'PluginError';
  }
}

/** Where a module named in a spec lives: a file for a path, else an npm package's entry. */
export function resolvePluginModule(name: string, specDir: string): string {
  if (name.startsWith('.') || isAbsolute(name)) {
    const file = resolve(specDir, name);
    if (!existsSync(file))
      throw new PluginError(
        `plugin module ${name} does not exist (looked for ${file})`,
        'paths are relative to the spec file',
      );
    return file;
  }
  const req = createRequire(join(resolve(specDir), 'package.json'));
  try {
    return req.resolve(name);
  } catch (e) {
    // An ESM-only package has no "require" entry: read its "import" entry instead.
    const pkgDir = findPackageDir(name, specDir);
    if (pkgDir) {
      const entry = esmEntry(pkgDir);
      if (entry) return entry;
    }
    if ((e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' || !pkgDir)
      throw new PluginError(
        `plugin package ${name} is not installed (looked in node_modules from ${resolve(specDir)} up)`,
        `install it before bake runs, e.g. "npm install ${name}" beside the spec, then "npm ci" in CI`,
      );
    throw new PluginError(`plugin package ${name} cannot be resolved: ${(e as Error).message}`);
  }
}

function findPackageDir(name: string, from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function esmEntry(pkgDir: string): string | undefined {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
    exports?: unknown;
    module?: string;
    main?: string;
  };
  const pick = (x: unknown): string | undefined => {
    if (typeof x === 'string') return x;
    if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      for (const k of ['.', 'import', 'node', 'default']) {
        const v = o[k] !== undefined ? pick(o[k]) : undefined;
        if (v) return v;
      }
    }
    return undefined;
  };
  const rel = pick(pkg.exports) ?? pkg.module ?? pkg.main ?? 'index.js';
  const file = resolve(pkgDir, rel);
  return existsSync(file) ? file : undefined;
}

/** Imports a plugin module and checks what it exports. */
export async function importPlugin(file: string, label: string): Promise<Descriptor[]> {
  let mod: Record<string, unknown>;
  try {
    // Kept as Node's own import(): the bundler must not try to resolve a user's module.
    mod = (await import(/* webpackIgnore: true */ pathToFileURL(file).href)) as Record<
      string,
      unknown
    >;
  } catch (e) {
    const err = e as Error;
    throw new PluginError(
      `plugin ${label} failed to load: ${err.message.split('\n')[0]}`,
      'run it with node to see the whole error, e.g. node --input-type=module -e "import(\'' +
        pathToFileURL(file).href +
        '\')"',
    );
  }
  let exported: unknown = mod.default ?? mod.plugins ?? mod.descriptors;
  if (typeof exported === 'function') {
    try {
      exported = await (exported as (k: PluginKit) => unknown)(kit);
    } catch (e) {
      throw new PluginError(`plugin ${label}: its default export threw: ${(e as Error).message}`);
    }
  }
  const list = Array.isArray(exported) ? exported : exported ? [exported] : [];
  if (!list.length)
    throw new PluginError(
      `plugin ${label} exports no descriptors`,
      'export default a descriptor, a list of them, or a function (kit) => descriptors; see docs/plugins.md',
    );
  return list.map((d, i) =>
    checkDescriptor(d, `${label}${list.length > 1 ? ` (export ${i + 1})` : ''}`),
  );
}

/** The shape checks a module must pass before anything uses it. */
function checkDescriptor(d: unknown, label: string): Descriptor {
  const bad = (what: string): never => {
    throw new PluginError(
      `plugin ${label}: ${what}`,
      'see docs/plugins.md for the descriptor fields',
    );
  };
  if (!d || typeof d !== 'object') return bad('an export is not a descriptor object');
  const o = d as Record<string, unknown>;
  if (!KINDS.includes(o.kind as PluginKind))
    bad(`kind must be one of ${KINDS.join(', ')} (got ${JSON.stringify(o.kind)})`);
  if (typeof o.type !== 'string' || !TYPE_RE.test(o.type))
    bad(`type must be lowercase letters, digits and - (got ${JSON.stringify(o.type)})`);
  if (typeof o.description !== 'string' || !o.description)
    bad(`${o.type}: description must be a non-empty string`);
  const schema = o.schema as { kind?: unknown; fields?: unknown } | undefined;
  if (!schema || schema.kind !== 'object' || !schema.fields || typeof schema.fields !== 'object')
    bad(
      `${o.type}: schema must be an object schema ({kind: 'object', fields: {...}}), e.g. kit.s.object({...})`,
    );
  if (typeof o.load !== 'function')
    bad(`${o.type}: load must be a function returning the implementation`);
  if (o.refine !== undefined && typeof o.refine !== 'function')
    bad(`${o.type}: refine must be a function`);
  if (o.cleaners !== undefined) {
    if (!o.cleaners || typeof o.cleaners !== 'object') bad(`${o.type}: cleaners must be an object`);
    for (const [k, c] of Object.entries(o.cleaners as object))
      if (typeof c !== 'function') bad(`${o.type}: cleaner for "${k}" must be a function`);
  }
  const kinds = ['docker-image', 'machine-image', 'files', 'none'];
  if (o.kind === 'builder') {
    if (typeof o.artifact !== 'function' && !kinds.includes(o.artifact as string))
      bad(`${o.type}: artifact must be one of ${kinds.join(', ')} or a function of the settings`);
  }
  if (o.kind === 'post-processor') {
    const acc = o.accepts;
    if (acc !== 'any' && !(Array.isArray(acc) && acc.every((k) => kinds.includes(k))))
      bad(`${o.type}: accepts must be 'any' or a list of ${kinds.join(', ')}`);
    if (o.produces !== 'same' && !kinds.includes(o.produces as string))
      bad(`${o.type}: produces must be 'same' or one of ${kinds.join(', ')}`);
  }
  return d as Descriptor;
}

/** Adds one module's descriptors to `registry`. */
export async function addPluginModule(
  registry: Registry,
  name: string,
  specDir: string,
): Promise<void> {
  const file = resolvePluginModule(name, specDir);
  for (const d of await importPlugin(file, name)) {
    try {
      registry.add(d, { module: file, name });
    } catch (e) {
      if (e instanceof RegistryError)
        throw new PluginError(`plugin ${name}: ${e.message}`, 'give the plugin a type of its own');
      throw e;
    }
  }
}

/**
 * Loads a spec with its plugins: the file once, the modules its `plugins:` names, then the
 * checks against the built-ins plus those. Each unusable plugin is one error at its line.
 */
export async function openSpec(path: string, base: Registry = builtInRegistry()): Promise<RawSpec> {
  if (packerKind(path)) {
    const template = await loadPackerTemplate(path, base);
    const todos = template.todos.filter((t) => !t.note);
    if (todos.length) throw new SpecError(todos.map(({ anchor: _anchor, ...p }) => p));
    return loadSpec(path, base, template);
  }
  const file: LoadedFile = loadYamlFile(path, 'spec');
  const top = file.value;
  const list =
    top && typeof top === 'object' && !Array.isArray(top)
      ? (top as Record<string, unknown>).plugins
      : undefined;
  if (!Array.isArray(list) || !list.length) return loadSpec(path, base, file);
  const registry = base.copy();
  const problems: Problem[] = [];
  const specDir = dirname(resolve(path));
  for (const [i, name] of list.entries()) {
    if (typeof name !== 'string') continue; // the schema check reports it
    const at = joinPath('plugins', i);
    try {
      await addPluginModule(registry, name, specDir);
    } catch (e) {
      if (!(e instanceof PluginError)) throw e;
      problems.push({ message: e.message, path: at, pos: positionOf(file, at), hint: e.hint });
    }
  }
  if (problems.length) throw new SpecError(problems);
  return loadSpec(path, registry, file);
}

/**
 * The registry a ledger needs for cleaning: the built-ins, plus every outside module its
 * entries name (loaded again from the path recorded when the resource was made).
 */
export async function registryForLedger(
  entries: LedgerEntry[],
  warn: (line: string) => void,
): Promise<Registry> {
  const modules = [...new Set(entries.map((e) => e.module).filter((m): m is string => !!m))];
  if (!modules.length) return builtInRegistry();
  const registry = builtInRegistry().copy();
  for (const file of modules) {
    try {
      for (const d of await importPlugin(file, file)) {
        // The same plugin can be named twice in one ledger only by the same module.
        if (!registry.get(d.kind, d.type)) registry.add(d, { module: file });
      }
    } catch (e) {
      warn(`cannot load plugin ${file} to clean its resources: ${(e as Error).message}`);
    }
  }
  return registry;
}

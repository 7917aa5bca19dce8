/**
 * The spec's shape: top-level keys, and the checks that need the whole file (references
 * between sources and builds, plugin types). Everything here runs before anything is built.
 */
import { dirname } from 'node:path';
import { didYouMean, Problem, SpecError } from './errors';
import { LoadedFile, joinPath, loadYamlFile } from './load';
import { check, Field, opt, positionOf, req, s, Schema } from './schema';
import { parseVarType } from './types';
import type { PluginSet } from '../plugins/api';
import { postProcessorCommon, provisionerCommon, sourceCommon } from './plugin-common';
import { hasTemplate, parseTemplate, ExprError } from './expr';
import type { Expr } from './expr';
import { packerActionsIn } from '../packer/go-template';
import { someString } from '../util/deep';
import { checkTrustBlocks, trustBuildFields } from '../trust/spec';

export const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export const variableSchema = s.object({
  type: opt(s.string(), 'string, number, bool, any, object, list(T) or map(T)', 'string'),
  default: opt(
    s.any(),
    'value used when nothing else sets one; without it the variable is required',
  ),
  description: opt(s.string(), 'what the variable is for, shown by bake inspect'),
  sensitive: opt(s.bool(), 'redact the value from logs, outputs, manifests and comments', false),
  nullable: opt(s.bool(), 'allow null as a value', false),
  validation: opt(
    s.list(
      s.object({
        condition: req(
          s.string(),
          'an expression that must be true, e.g. ${length(var.region) > 0}',
        ),
        error_message: req(s.string(), 'shown when the condition is false'),
      }),
    ),
    'rules the value must pass: a condition and the error shown when it is false',
  ),
});

export const buildFields: Record<string, Field> = {
  description: opt(s.string(), 'what the build makes, for people reading the spec'),
  sources: req(s.list(s.string(), { minItems: 1 }), 'names of the sources this build runs'),
  provisioners: opt(s.list(s.any()), 'steps that configure the machine, in order'),
  'post-processors': opt(s.list(s.any()), 'what happens to the artifact; a nested list is a chain'),
  'error-cleanup-provisioner': opt(
    s.any(),
    'runs when a provisioner fails, before the machine is removed',
  ),
  timeout: opt(s.duration(), 'fail the whole build when it runs longer'),
  ...trustBuildFields,
};

export const topSchema = s.object({
  plugins: opt(
    s.list(s.string()),
    'plugins from outside bake: module paths relative to the spec, or npm packages installed beside it',
  ),
  variables: opt(s.map(s.any()), 'inputs of the spec'),
  locals: opt(s.map(s.any()), 'named values computed from variables and functions'),
  sources: req(s.map(s.any()), 'machines to build from: name → {type, ...}'),
  builds: req(s.map(s.any()), 'what to build: name → {sources, provisioners, post-processors}'),
});

export interface RawSpec {
  file: LoadedFile;
  path: string;
  dir: string;
  variables: Record<string, Record<string, unknown>>;
  locals: Record<string, unknown>;
  sources: Record<string, Record<string, unknown>>;
  builds: Record<string, Record<string, unknown>>;
  /** The plugins this spec is checked against: the built-ins and the spec's own. */
  registry: PluginSet;
}

/** A plugin's own schema plus `type` and the options every plugin of its kind takes. */
export function pluginSchema(own: Schema, common: Record<string, Field>): Schema {
  if (own.kind !== 'object') return own;
  return { ...own, fields: { type: req(s.string()), ...common, ...own.fields } };
}

/**
 * Loads a spec file and checks everything that can be checked without evaluating it, against
 * the plugins in `registry` (which already holds the spec's own `plugins:`).
 */
export function loadSpec(
  path: string,
  registry: PluginSet,
  file: LoadedFile = loadYamlFile(path, 'spec'),
): RawSpec {
  const problems: Problem[] = [];
  const ctx = { file, problems, phase: 'raw' as const };
  if (file.value === null || file.value === undefined) {
    throw new SpecError({
      message: `${path} is empty`,
      pos: { file: path, line: 1, col: 1 },
      hint: 'a spec needs at least `sources:` and `builds:`; see examples/ for a starting point',
    });
  }
  notASpec(file, path);
  check(file.value, topSchema, '', ctx);
  if (problems.length) throw new SpecError(problems);
  const top = file.value as Record<string, Record<string, unknown>>;
  for (const k of ['sources', 'builds'] as const)
    if (Object.keys(top[k] ?? {}).length === 0)
      problems.push({
        message: `the spec has no ${k}, so it would build nothing`,
        path: k,
        pos: at0(file, k),
        hint:
          k === 'sources'
            ? 'define a source, e.g. sources: {app: {type: docker, image: debian:bookworm}}'
            : 'define a build, e.g. builds: {app: {sources: [app]}}',
      });
  if (problems.length) throw new SpecError(problems);
  const spec: RawSpec = {
    file,
    path,
    dir: file.dir ?? dirname(path),
    variables: (top.variables ?? {}) as RawSpec['variables'],
    locals: top.locals ?? {},
    sources: (top.sources ?? {}) as RawSpec['sources'],
    builds: (top.builds ?? {}) as RawSpec['builds'],
    registry,
  };
  const at = (p: string, key = false) => positionOf(file, p, key);

  for (const [name, decl] of Object.entries(spec.variables)) {
    const p = joinPath('variables', name);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      problems.push({
        message: `variable name "${name}" is not valid`,
        path: p,
        pos: at(p, true),
        hint: 'use letters, digits and _ (it is referenced as var.NAME)',
      });
    }
    check(decl, variableSchema, p, ctx);
    // A variable is an input: what it is cannot be computed (locals compute values).
    if (decl && typeof decl === 'object')
      for (const k of ['type', 'default', 'sensitive', 'nullable', 'description'] as const) {
        const v = (decl as Record<string, unknown>)[k];
        // Packer's one exception: env() in a default reads the environment.
        if (k === 'default' && envOnly(v)) continue;
        if (containsTemplate(v))
          problems.push({
            message: `an expression is not allowed in a variable's ${k}`,
            path: joinPath(p, k),
            pos: at(joinPath(p, k)),
            hint:
              k === 'default'
                ? 'write the default out (env("NAME") is the one function a default may call), or compute the value in locals from the variable'
                : `write ${k} out`,
          });
      }
    const t = decl && typeof decl === 'object' ? decl.type : undefined;
    if (typeof t === 'string' && !parseVarType(t)) {
      problems.push({
        message: `unknown variable type "${t}"`,
        path: joinPath(p, 'type'),
        pos: at(joinPath(p, 'type')),
        hint: 'use string, number, bool, any, object, list(T) or map(T)',
      });
    }
  }
  for (const name of Object.keys(spec.locals)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      const p = joinPath('locals', name);
      problems.push({
        message: `local name "${name}" is not valid`,
        path: p,
        pos: at(p, true),
        hint: 'use letters, digits and _ (it is referenced as local.NAME)',
      });
    }
  }
  for (const [name, src] of Object.entries(spec.sources)) {
    const p = joinPath('sources', name);
    if (!NAME_RE.test(name))
      problems.push({
        message: `source name "${name}" is not valid`,
        path: p,
        pos: at(p, true),
        hint: 'use letters, digits, - and _',
      });
    if (!src || typeof src !== 'object' || Array.isArray(src)) {
      problems.push({
        message: 'a source is a mapping with a type, e.g. {type: docker, image: debian:bookworm}',
        path: p,
        pos: at(p),
      });
      continue;
    }
    // `type: null` is YAML's null, and can only mean Packer's null builder.
    if ('type' in src && src.type === null) src.type = 'null';
    const type = src.type;
    if (typeof type !== 'string') {
      problems.push({
        message: 'missing required key "type"',
        path: p,
        pos: at(p),
        hint: `builder types: ${registry.types('builder').join(', ')}`,
      });
      continue;
    }
    const info = registry.get('builder', type);
    if (!info) {
      const near = didYouMean(type, registry.types('builder'));
      problems.push({
        message: `unknown builder type "${type}"`,
        path: joinPath(p, 'type'),
        pos: at(joinPath(p, 'type')),
        hint: near
          ? `did you mean "${near}"?`
          : `builder types: ${registry.types('builder').join(', ')}`,
      });
      continue;
    }
    check(src, pluginSchema(info.schema, sourceCommon), p, ctx);
    if (src.name !== undefined && src.for_each === undefined)
      problems.push({
        message: 'name is for a source with for_each; a source is named by its key',
        path: joinPath(p, 'name'),
        pos: at(joinPath(p, 'name'), true),
        hint: `remove name, or add for_each to make one instance per element`,
      });
  }
  for (const [name, build] of Object.entries(spec.builds)) {
    const p = joinPath('builds', name);
    if (!NAME_RE.test(name))
      problems.push({
        message: `build name "${name}" is not valid`,
        path: p,
        pos: at(p, true),
        hint: 'use letters, digits, - and _',
      });
    check(build, s.object(buildFields), p, ctx);
    if (!build || typeof build !== 'object' || Array.isArray(build)) continue;
    const srcNames = Array.isArray(build.sources) ? build.sources.map(String) : [];
    srcNames.forEach((sn, i) => {
      if (!(sn in spec.sources)) {
        const sp = joinPath(joinPath(p, 'sources'), i);
        const near = didYouMean(sn, Object.keys(spec.sources));
        problems.push({
          message: `build "${name}" uses source "${sn}", which is not defined`,
          path: sp,
          pos: at(sp),
          hint: near
            ? `did you mean "${near}"?`
            : `defined sources: ${Object.keys(spec.sources).join(', ') || 'none'}`,
        });
      }
    });
    const provs = Array.isArray(build.provisioners) ? (build.provisioners as unknown[]) : [];
    provs.forEach((pv, i) =>
      checkPlugin(pv, joinPath(joinPath(p, 'provisioners'), i), 'provisioner', registry, ctx),
    );
    if (build['error-cleanup-provisioner'] !== undefined)
      checkPlugin(
        build['error-cleanup-provisioner'],
        joinPath(p, 'error-cleanup-provisioner'),
        'provisioner',
        registry,
        ctx,
      );
    const pps = Array.isArray(build['post-processors'])
      ? (build['post-processors'] as unknown[])
      : [];
    pps.forEach((pp, i) => {
      const pp0 = joinPath(joinPath(p, 'post-processors'), i);
      if (Array.isArray(pp))
        pp.forEach((x, j) => checkPlugin(x, joinPath(pp0, j), 'post-processor', registry, ctx));
      else checkPlugin(pp, pp0, 'post-processor', registry, ctx);
    });
    checkTrustBlocks(build, p, ctx);
  }
  checkExpressions(file.value, '', ctx.problems, file);
  if (problems.length) throw new SpecError(problems);
  return spec;
}

function at0(file: LoadedFile, p: string) {
  return positionOf(file, p, true);
}

/** A file whose top level is not a mapping is not a spec, whatever it parsed as. */
function notASpec(file: LoadedFile, path: string): void {
  const v = file.value;
  if (v && typeof v === 'object' && !Array.isArray(v)) return;
  const text = typeof v === 'string' ? v : '';
  const hcl = /(^|\n)\s*(source|build|variable|packer|locals)\s*("[^"]*"\s*)*\{/.test(text);
  throw new SpecError({
    message: `${path} is not a spec: its top level is ${Array.isArray(v) ? 'a list' : typeof v === 'string' ? 'a string' : `the ${typeof v} ${String(v)}`}, not a mapping of sources and builds`,
    pos: file.positions.get('') ?? { file: path, line: 1, col: 1 },
    hint: hcl
      ? 'this looks like a Packer HCL template: name it *.pkr.hcl (or pass its directory) and bake reads it as one'
      : 'a spec is a YAML mapping with `sources:` and `builds:`; see examples/ for a starting point',
  });
}

function checkPlugin(
  value: unknown,
  path: string,
  kind: 'provisioner' | 'post-processor',
  registry: PluginSet,
  ctx: { file: LoadedFile; problems: Problem[]; phase: 'raw' },
): void {
  const common = kind === 'provisioner' ? provisionerCommon : postProcessorCommon;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    ctx.problems.push({
      message: `a ${kind} is a mapping with a type, e.g. {type: shell, inline: [...]}`,
      path,
      pos: positionOf(ctx.file, path),
    });
    return;
  }
  const type = (value as Record<string, unknown>).type;
  if (typeof type !== 'string') {
    ctx.problems.push({
      message: `missing required key "type"`,
      path,
      pos: positionOf(ctx.file, path),
      hint: `${kind} types: ${registry.types(kind).join(', ')}`,
    });
    return;
  }
  const info = registry.get(kind, type);
  if (!info) {
    const near = didYouMean(type, registry.types(kind));
    const tp = joinPath(path, 'type');
    ctx.problems.push({
      message: `unknown ${kind} type "${type}"`,
      path: tp,
      pos: positionOf(ctx.file, tp),
      hint: near ? `did you mean "${near}"?` : `${kind} types: ${registry.types(kind).join(', ')}`,
    });
    return;
  }
  check(value, pluginSchema(info.schema, common), path, ctx);
}

/** A value whose expressions call env() on literals and nothing else (no var., no local.). */
export function envOnly(v: unknown): boolean {
  if (!containsTemplate(v)) return false;
  const ok = (e: Expr): boolean => {
    switch (e.t) {
      case 'lit':
        return true;
      case 'tpl':
        return e.parts.every((p) => typeof p === 'string' || ok(p));
      case 'call':
        return e.name === 'env' && e.args.every(ok);
      case 'bin':
        return ok(e.l) && ok(e.r);
      case 'un':
        return ok(e.e);
      case 'cond':
        return ok(e.c) && ok(e.a) && ok(e.b);
      case 'list':
        return e.items.every(ok);
      case 'obj':
        return e.entries.every(([a, b]) => ok(a) && ok(b));
      default:
        return false;
    }
  };
  const walk = (x: unknown): boolean => {
    if (typeof x === 'string') {
      if (!hasTemplate(x)) return true;
      try {
        return ok(parseTemplate(x));
      } catch {
        return false;
      }
    }
    if (Array.isArray(x)) return x.every(walk);
    if (x && typeof x === 'object') return Object.values(x).every(walk);
    return true;
  };
  return walk(v);
}

function containsTemplate(v: unknown): boolean {
  return someString(v, hasTemplate);
}

/** Parses every `${...}` once up front so that syntax errors are reported with the rest. */
function checkExpressions(
  value: unknown,
  path: string,
  problems: Problem[],
  file: LoadedFile,
): void {
  if (typeof value === 'string') {
    // cd_content's files are named by their keys: the setting is the map around them.
    const key = /\.cd_content(\.[\w-]+|\[".*"\])$/.test(path)
      ? 'cd_content'
      : (/([A-Za-z0-9_-]+)(\[\d+\])*$/.exec(path)?.[1] ?? '');
    for (const a of packerActionsIn(value, key))
      problems.push({
        message: `${a.text} is Packer's template syntax, which bake does not expand (it would stay as text)`,
        path,
        pos: positionOf(file, path),
        hint: a.expr
          ? `write \${${a.expr}} instead`
          : `${a.error ?? 'it has no bake equivalent'}; see docs/coming-from-packer.md`,
      });
    if (!hasTemplate(value)) return;
    try {
      parseTemplate(value);
    } catch (e) {
      if (!(e instanceof ExprError)) throw e;
      problems.push({
        message: `${e.message} in ${JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value)} at offset ${e.at}`,
        path,
        pos: positionOf(file, path),
        hint: e.hint,
      });
    }
    return;
  }
  if (Array.isArray(value))
    value.forEach((v, i) => checkExpressions(v, joinPath(path, i), problems, file));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value))
      checkExpressions(v, joinPath(path, k), problems, file);
}

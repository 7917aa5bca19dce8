/**
 * From a checked spec and the user's inputs to a Plan: variables get their values, locals
 * are computed, and every build × source becomes one fully evaluated build instance.
 */
import { randomUuid } from '../util/random';
import { existsSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { minimatch } from 'minimatch';
import { didYouMean, Position, Problem, SpecError } from './errors';
import {
  Expr,
  ExprError,
  Marked,
  Sensitive,
  Value,
  evaluate,
  evaluateMarked,
  reveal,
  hasTemplate,
  parseExpression,
  parseTemplate,
  Scope,
  sensitive,
  toText,
  typeName,
  unmark,
  isSet,
} from './expr';
import { callFunction, FunctionContext } from './functions';
import { LoadedFile, joinPath } from './load';
import { loadVarFile } from '../packer/open';
import { translateString } from '../packer/go-template';
import { check, parseDuration, positionOf, Schema } from './schema';
import { NAME_RE, RawSpec, pluginSchema } from './spec';
import { postProcessorCommon, provisionerCommon } from './plugin-common';
import { convertToType, parseVarType, showVarType, VarType } from './types';
import { artifactKindOf, ArtifactKind, Descriptor } from '../plugins/api';
import type { PluginSet } from '../plugins/api';
import { addSecret, REDACTED } from '../util/redact';
import { LATE_FIELD, lateField } from './late';
import { pendingRequests, ServiceError, settle } from './data';
import { fetchHttpData } from '../util/http-data';
import pkg from '../../package.json';
import { resolveTrust, TrustPlan } from '../trust/plan';

/** One run of a step with for_each: its scope (each bound) and what its label gets. */
interface StepEach {
  scope: Scope;
  label: string;
}

export interface ResolveOptions {
  /** `--var k=v` / the action's `vars` input, highest precedence. */
  vars?: Record<string, string>;
  /** `--var-file` paths, in order. */
  varFiles?: string[];
  env?: NodeJS.ProcessEnv;
  now?: Date;
  /**
   * Resolve for a fingerprint: timestamp() and uuidv4() give fixed values, so what changes
   * on every run does not make a build look changed.
   */
  stable?: boolean;
  only?: string[];
  except?: string[];
  cwd?: string;
  /** Ask no service (http_request() and the AWS data functions are left unanswered). */
  offline?: boolean;
}

export interface PluginUse {
  type: string;
  /** Label for logs: name, else type. */
  label: string;
  /** Key path in the spec, for errors at run time. */
  path: string;
  /** Where it is written: file:line:col. */
  at?: string;
  config: Record<string, unknown>;
}

export interface ProvisionerUse extends PluginUse {
  pauseBeforeMs: number;
  maxRetries: number;
  timeoutMs?: number;
}

export interface PostProcessorUse extends PluginUse {
  keepInputArtifact?: boolean;
}

export interface BuildInstance {
  /** `<build>.<source>` */
  name: string;
  build: string;
  source: string;
  /** The source a for_each instance is one of; --only and --except answer to it too. */
  of?: string;
  type: string;
  /** The kind of artifact its builder makes with this config. */
  artifact?: ArtifactKind;
  config: Record<string, unknown>;
  provisioners: ProvisionerUse[];
  errorCleanupProvisioner?: ProvisionerUse;
  /** Chains of post-processors; each chain starts from the build's artifact. */
  postProcessors: PostProcessorUse[][];
  timeoutMs?: number;
  runsOn?: string;
  /** Local files the build reads (scripts, uploads, file()), for fingerprints. */
  files: string[];
  /** Where its source is written: file:line:col. */
  at?: string;
  /** tests, sbom and scan: what proves the machine before it is captured. */
  trust?: TrustPlan;
}

export interface ResolvedVariable {
  name: string;
  type: string;
  value: unknown;
  sensitive: boolean;
  source: string;
  description?: string;
}

export interface Plan {
  specPath: string;
  specDir: string;
  runUuid: string;
  now: Date;
  variables: ResolvedVariable[];
  locals: Record<string, unknown>;
  /** The locals as they may be shown: every part computed from a sensitive value is ***. */
  shownLocals?: Record<string, unknown>;
  instances: BuildInstance[];
  /** Every instance name, before --only / --except. */
  allNames: string[];
  /** The plugins this spec was checked against: the built-ins and the spec's own. */
  registry: PluginSet;
  /** What is worth saying and is no error: a Packer setting left out, a var file's extra name. */
  notes: Problem[];
}

interface Assigned {
  value: unknown;
  source: string;
  pos?: Position;
  fromText: boolean;
}

const ENV_PREFIXES = ['BAKE_VAR_', 'PKR_VAR_'];

function varFileNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.auto\.bakevars\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

function githubContext(env: NodeJS.ProcessEnv, cwd: string): Record<string, () => Value> {
  let sha: string | undefined;
  return {
    sha: () => {
      if (env.GITHUB_SHA) return env.GITHUB_SHA;
      if (sha !== undefined) return sha;
      let why: string;
      try {
        sha = execFileSync('git', ['rev-parse', 'HEAD'], {
          cwd,
          stdio: ['ignore', 'pipe', 'pipe'],
          timeout: 5000,
        })
          .toString()
          .trim();
        if (sha) return sha;
        why = 'git rev-parse HEAD printed nothing';
      } catch (e) {
        const err = e as { stderr?: Buffer; message: string };
        why = `git rev-parse HEAD failed: ${(err.stderr?.toString().trim() || err.message).split('\n')[0]}`;
      }
      // An empty sha would quietly name images "app-"; say why there is none instead.
      throw new ExprError(
        `github.sha is not known (GITHUB_SHA is not set and ${why})`,
        0,
        'run bake inside a git checkout, or set GITHUB_SHA',
      );
    },
    ref_name: () => env.GITHUB_REF_NAME ?? '',
    run_id: () => env.GITHUB_RUN_ID ?? '',
    run_attempt: () => env.GITHUB_RUN_ATTEMPT ?? '',
    repository: () => env.GITHUB_REPOSITORY ?? '',
    actor: () => env.GITHUB_ACTOR ?? '',
    event_name: () => env.GITHUB_EVENT_NAME ?? '',
    pr: () => {
      const m = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? '');
      return m ? m[1] : '';
    },
  };
}

/**
 * resolvePlan, with the values the plan reads from services (http_request(), aws_parameter(),
 * aws_secret())
 * fetched between passes: a pass that needs an answer not yet here records it and fails; the
 * answers are fetched together and the plan is resolved again. A plan that needs none
 * resolves once, and loads no client.
 */
export async function resolvePlanWithData(spec: RawSpec, opts: ResolveOptions = {}): Promise<Plan> {
  // Each pass can only ask for what the answers before it made computable.
  for (let pass = 0; ; pass++) {
    try {
      return resolvePlan(spec, opts);
    } catch (e) {
      const wanted = pendingRequests();
      if (!(e instanceof SpecError) || !wanted.length || pass >= 10) throw e;
      await Promise.all(
        wanted.map(async (r) =>
          settle(
            r,
            r.kind === 'http'
              ? await fetchHttpData(r)
              : await (await import('../plugins/data/aws')).fetchAwsData(r),
          ),
        ),
      );
    }
  }
}

export function resolvePlan(spec: RawSpec, opts: ResolveOptions = {}): Plan {
  const env = opts.env ?? process.env;
  const now = opts.stable ? new Date(0) : (opts.now ?? new Date());
  const cwd = opts.cwd ?? process.cwd();
  const problems: Problem[] = [];
  const file = spec.file;
  const at = (p: string, key = false) => positionOf(file, p, key);
  const fctx: FunctionContext = {
    now,
    baseDir: resolve(spec.dir),
    env,
    ...(opts.stable ? { fixedUuid: '00000000-0000-4000-8000-000000000000' } : {}),
    ...(opts.offline ? { offline: true } : {}),
  };
  const github = githubContext(env, spec.dir);

  // ---- variables: default < env < var files (auto, then given) < --var
  const decls = new Map<
    string,
    {
      type: VarType;
      sensitive: boolean;
      nullable: boolean;
      path: string;
      description?: string;
      hasDefault: boolean;
    }
  >();
  for (const [name, d] of Object.entries(spec.variables)) {
    const decl = d ?? {};
    decls.set(name, {
      type: parseVarType(String(decl.type ?? 'string')) ?? { k: 'any' },
      sensitive: decl.sensitive === true || decl.sensitive === 'true',
      nullable: decl.nullable === true || decl.nullable === 'true',
      path: joinPath('variables', name),
      description: typeof decl.description === 'string' ? decl.description : undefined,
      hasDefault: 'default' in decl,
    });
  }
  const assigned = new Map<string, Assigned>();
  const notes: Problem[] = [...(file.notes ?? [])];
  const declaredList = () => [...decls.keys()].join(', ') || 'none';
  const assign = (name: string, a: Assigned, where: string, pos?: Position) => {
    if (!decls.has(name)) {
      const near = didYouMean(name, decls.keys());
      // Packer passes over a var file's undeclared names (shared var files have them) and
      // says so; a --var that names nothing is an error in both.
      if (file.packer && a.source.startsWith('var file ')) {
        notes.push({
          message: `${where} sets "${name}", which no variable declares; left out`,
          pos,
          ...(near ? { hint: `did you mean "${near}"?` } : {}),
        });
        return;
      }
      problems.push({
        message: `${where} sets variable "${name}", which the spec does not declare`,
        pos,
        hint: near ? `did you mean "${near}"?` : `declared variables: ${declaredList()}`,
      });
      return;
    }
    assigned.set(name, a);
  };
  // env() is the one function a default may call (the checks allow nothing else there).
  const defaultScope: Scope = {
    root: () => undefined,
    attr: () => undefined,
    call: (n, args, pos, ev) => callFunction(n, args, pos, ev, fctx, defaultScope),
  };
  const defaultOf = (v: unknown, path: string): unknown => {
    if (typeof v === 'string' && hasTemplate(v)) {
      try {
        return evaluate(parseTemplate(v), defaultScope);
      } catch (e) {
        if (!(e instanceof ExprError)) throw e;
        problems.push({ message: e.message, path, pos: at(path), hint: e.hint });
        return undefined;
      }
    }
    if (Array.isArray(v)) return v.map((x) => defaultOf(x, path));
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, defaultOf(x, path)]));
    return v;
  };
  for (const [name, d] of Object.entries(spec.variables)) {
    if (d && 'default' in d)
      assigned.set(name, {
        value: defaultOf(d.default, joinPath(joinPath('variables', name), 'default')),
        source: 'default',
        pos: at(joinPath(joinPath('variables', name), 'default')),
        fromText: false,
      });
  }
  for (const prefix of ENV_PREFIXES.slice().reverse()) {
    for (const [k, v] of Object.entries(env)) {
      if (!k.startsWith(prefix) || v === undefined) continue;
      const name = k.slice(prefix.length);
      // Stray environment variables are common in CI; only declared ones are taken.
      if (decls.has(name)) assigned.set(name, { value: v, source: `env ${k}`, fromText: true });
    }
  }
  const varFiles = [...(file.autoVarFiles ?? varFileNames(spec.dir)), ...(opts.varFiles ?? [])];
  for (const vf of varFiles) {
    let loaded: LoadedFile;
    try {
      loaded = loadVarFile(vf);
    } catch (e) {
      if (e instanceof SpecError) {
        problems.push(...e.problems);
        continue;
      }
      throw e;
    }
    if (loaded.value === null) continue;
    if (typeof loaded.value !== 'object' || Array.isArray(loaded.value)) {
      problems.push({
        message: 'a var file is a mapping of variable names to values',
        pos: { file: vf, line: 1, col: 1 },
      });
      continue;
    }
    for (const [k, v] of Object.entries(loaded.value)) {
      assign(
        k,
        { value: v, source: `var file ${vf}`, pos: positionOf(loaded, k), fromText: false },
        `var file ${vf}`,
        positionOf(loaded, k, true),
      );
    }
  }
  for (const [k, v] of Object.entries(opts.vars ?? {}))
    assign(k, { value: v, source: `--var ${k}`, fromText: true }, `--var ${k}=…`);

  const varValues: Record<string, Marked> = {};
  const resolvedVars: ResolvedVariable[] = [];
  for (const [name, d] of decls) {
    const a = assigned.get(name);
    if (!a) {
      problems.push({
        message: `variable "${name}" is required but has no value`,
        path: d.path,
        pos: at(d.path, true),
        hint: `set it with --var ${name}=VALUE, the action input "vars: ${name}=VALUE", env BAKE_VAR_${name}, a var file, or give it a default`,
      });
      continue;
    }
    let value = a.value;
    if (value === null && !d.nullable) {
      if (!d.hasDefault || a.source !== 'default') {
        problems.push({
          message: `variable "${name}" is null`,
          pos: a.pos,
          path: d.path,
          hint: 'give it a value, or declare it with nullable: true',
        });
        continue;
      }
    }
    // Registered before anything can print it, even as it is in an error message.
    if (d.sensitive) addSecret(value);
    if (value !== null) {
      const r = convertToType(value, d.type, a.fromText, d.sensitive);
      if (!r.ok) {
        problems.push({
          message: `variable "${name}" (${showVarType(d.type)}) from ${a.source}: ${r.error}`,
          pos: a.pos ?? at(d.path, true),
          path: d.path,
        });
        continue;
      }
      value = r.value;
    }
    if (d.sensitive) addSecret(value);
    // A sensitive variable's value carries its mark into every expression that reads it.
    varValues[name] = d.sensitive ? new Sensitive(value as Value) : (value as Value);
    resolvedVars.push({
      name,
      type: showVarType(d.type),
      value,
      sensitive: d.sensitive,
      source: a.source,
      description: d.description,
    });
  }
  if (problems.length) throw new SpecError(problems);

  // ---- scope shared by locals and instances
  const localsRaw = spec.locals;
  const localValues = new Map<string, Marked>();
  const localStack: string[] = [];
  const pathRoot = resolve(spec.dir);

  /**
   * `late`: the scope of provisioners and post-processors, where build.ID and the other
   * fields a running build learns plan as markers the engine fills in (see late.ts).
   */
  const makeScope = (extra: Record<string, Record<string, Value>>, late = false): Scope => {
    const scope: Scope = {
      root: (name, pos) => {
        if (name === 'var') return varValues;
        if (name in extra) return extra[name];
        if (name === 'each')
          throw new ExprError(
            'each.key and each.value are known only in a source or step with for_each',
            pos,
            'add for_each to the source or step, or use var.NAME or local.NAME',
          );
        if (name === 'path') return { root: pathRoot, cwd };
        if (name === 'local')
          return Object.fromEntries(Object.keys(localsRaw).map((k) => [k, localValue(k)]));
        if (name === 'github')
          return Object.fromEntries(Object.entries(github).map(([k, f]) => [k, f()]));
        return undefined;
      },
      attr: (root, name, pos) => {
        if (root === 'var') {
          if (name in varValues) return varValues[name];
          const near = didYouMean(name, Object.keys(varValues));
          throw new ExprError(
            `unknown variable var.${name}`,
            pos,
            near ? `did you mean var.${near}?` : `declared variables: ${declaredList()}`,
          );
        }
        if (root === 'local') {
          if (!(name in localsRaw)) {
            const near = didYouMean(name, Object.keys(localsRaw));
            throw new ExprError(
              `unknown local local.${name}`,
              pos,
              near
                ? `did you mean local.${near}?`
                : `defined locals: ${Object.keys(localsRaw).join(', ') || 'none'}`,
            );
          }
          return localValue(name);
        }
        if (root === 'github') {
          if (name in github) return github[name]();
          throw new ExprError(
            `unknown github.${name}`,
            pos,
            `known: ${Object.keys(github)
              .map((k) => 'github.' + k)
              .join(', ')}`,
          );
        }
        if (root === 'bake') {
          if (name === 'version') return pkg.version;
          throw new ExprError(`unknown bake.${name}`, pos, 'known: bake.version');
        }
        if (root === 'build' && LATE_FIELD.test(name) && !(name in (extra.build ?? {}))) {
          if (late) return lateField(name);
          throw new ExprError(
            `build.${name} is known only once the build's machine runs`,
            pos,
            'use it in provisioners and post-processors, which run then',
          );
        }
        if (root in extra) {
          if (name in extra[root]) return extra[root][name];
          throw new ExprError(
            `unknown ${root}.${name}`,
            pos,
            `known: ${Object.keys(extra[root])
              .map((k) => root + '.' + k)
              .join(', ')}`,
          );
        }
        if (root === 'path') {
          if (name === 'root') return pathRoot;
          if (name === 'cwd') return cwd;
          throw new ExprError(`unknown path.${name}`, pos, 'known: path.root, path.cwd');
        }
        if (root === 'source' || root === 'build') {
          throw new ExprError(
            `${root}.${name} is only known inside a build (sources and builds), not in variables or locals`,
            pos,
          );
        }
        return undefined;
      },
      call: (name: string, args: Expr[], pos: number, ev: (e: Expr) => Value) =>
        callFunction(name, args, pos, ev, fctx, scope),
    };
    return scope;
  };
  const baseScope = makeScope({});

  // A Packer template's variables may hold {{ }} themselves ("{{user `remote_folder`}}/worker"
  // in a var file): Packer renders them, each after the ones it reads.
  if (file.packer) {
    const rendering: string[] = [];
    const rendered = new Set<string>();
    const render = (name: string): void => {
      const raw = varValues[name];
      const plain = raw instanceof Sensitive ? raw.value : raw;
      if (rendered.has(name) || typeof plain !== 'string' || !plain.includes('{{')) return;
      const pos = assigned.get(name)?.pos ?? at(decls.get(name)!.path, true);
      if (rendering.includes(name)) {
        throw new SpecError({
          message: `variables refer to each other in a cycle: ${[...rendering.slice(rendering.indexOf(name)), name].join(' → ')}`,
          pos,
        });
      }
      rendering.push(name);
      const t = translateString(plain);
      for (const e of t.errors)
        problems.push({ message: `${e.text}: ${e.error}`, pos, path: decls.get(name)!.path });
      for (const m of t.value.matchAll(/\bvar\.([A-Za-z_][\w-]*)/g))
        if (m[1] in varValues) render(m[1]);
      try {
        const v = evaluateMarked(parseTemplate(t.value), baseScope);
        varValues[name] = raw instanceof Sensitive ? sensitive(v) : v;
        const r = resolvedVars.find((x) => x.name === name);
        if (r) r.value = reveal(v).value;
      } catch (e) {
        if (!(e instanceof ExprError)) throw e;
        problems.push({ message: `${e.message} in ${JSON.stringify(plain)}`, pos, hint: e.hint });
      }
      rendering.pop();
      rendered.add(name);
    };
    for (const name of Object.keys(varValues)) render(name);
    if (problems.length) throw new SpecError(problems);
  }

  /** Where an expression failed: what the checks then say of that value follows from it. */
  const evalFailures = new Map<string, Problem>();
  const evalMarked = (value: unknown, path: string, scope: Scope, errs: Problem[]): unknown => {
    if (typeof value === 'string') {
      if (!hasTemplate(value))
        return value.includes('$${') ? value.replace(/\$\$\{/g, '${') : value;
      try {
        return evaluateMarked(parseTemplate(value), scope);
      } catch (e) {
        if (e instanceof ExprError) {
          const problem = {
            message:
              e instanceof ServiceError
                ? e.message
                : `${e.message} in ${JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value)}`,
            path,
            pos: at(path),
            hint: e.hint,
          };
          errs.push(problem);
          evalFailures.set(path, problem);
          return undefined;
        }
        throw e;
      }
    }
    if (Array.isArray(value))
      return value.map((v, i) => evalMarked(v, joinPath(path, i), scope, errs));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, evalMarked(v, joinPath(path, k), scope, errs)]),
      );
    }
    return value;
  };
  /** Evaluates a tree to plain values; every part computed from a sensitive value is a secret. */
  const evalTree = (value: unknown, path: string, scope: Scope, errs: Problem[]): unknown => {
    const r = reveal(evalMarked(value, path, scope, errs) as Marked);
    for (const secret of r.secrets) addSecret(secret);
    return r.value;
  };

  const localErrors: Problem[] = [];
  function localValue(name: string): Marked {
    if (localValues.has(name)) return localValues.get(name)!;
    const p = joinPath('locals', name);
    if (localStack.includes(name)) {
      const cycle = [...localStack.slice(localStack.indexOf(name)), name]
        .map((n) => 'local.' + n)
        .join(' → ');
      throw new ExprError(
        `locals refer to each other in a cycle: ${cycle}`,
        0,
        'break the cycle by computing one of them from variables only',
      );
    }
    localStack.push(name);
    try {
      const errs: Problem[] = [];
      // Locals keep their marks, so what is computed from them is sensitive too.
      const v = evalMarked(localsRaw[name], p, baseScope, errs) as Marked;
      if (errs.length) {
        localErrors.push(...errs);
        throw new ExprError(`local.${name} has an error`, 0);
      }
      localValues.set(name, v);
      for (const secret of reveal(v).secrets) addSecret(secret);
      return v;
    } finally {
      localStack.pop();
    }
  }
  for (const name of Object.keys(localsRaw)) {
    try {
      localValue(name);
    } catch (e) {
      if (!(e instanceof ExprError)) throw e;
      if (!/has an error$/.test(e.message)) {
        const p = joinPath('locals', name);
        problems.push({ message: e.message, path: p, pos: at(p), hint: e.hint });
      }
    }
  }
  problems.push(...dedupe(localErrors));

  // ---- variable validation rules (they may use functions but not locals of builds)
  for (const [name, d] of Object.entries(spec.variables)) {
    if (!(name in varValues) || !d || !Array.isArray(d.validation)) continue;
    (d.validation as Record<string, unknown>[]).forEach((rule, i) => {
      const rp = joinPath(joinPath(joinPath('variables', name), 'validation'), i);
      const cond = String(rule.condition ?? '');
      let ok: unknown;
      try {
        ok = hasTemplate(cond)
          ? evaluate(parseTemplate(cond), baseScope)
          : evaluate(parseExpression(cond), baseScope);
      } catch (e) {
        if (!(e instanceof ExprError)) throw e;
        problems.push({
          message: `validation condition of variable "${name}" fails to evaluate: ${e.message}`,
          path: joinPath(rp, 'condition'),
          pos: at(joinPath(rp, 'condition')),
          hint: e.hint,
        });
        return;
      }
      if (ok !== true && ok !== 'true') {
        const shown = decls.get(name)?.sensitive ? '(sensitive)' : JSON.stringify(varValues[name]);
        problems.push({
          message: `variable "${name}" = ${shown} is invalid: ${String(rule.error_message)}`,
          path: decls.get(name)!.path,
          pos: assigned.get(name)?.pos ?? at(rp),
          hint: `from ${assigned.get(name)?.source}; the rule is at line ${at(rp).line}`,
        });
      }
    });
  }
  if (problems.length) throw new SpecError(problems);

  // ---- build instances
  const instances: BuildInstance[] = [];
  const errs: Problem[] = [];

  /** What a for_each names, as [key, value] in order; undefined (with the problem) otherwise. */
  const elementsOf = (raw: unknown, path: string, scope: Scope): [Value, Value][] | undefined => {
    const before = errs.length;
    const marked = evalMarked(raw, path, scope, errs) as Marked;
    if (errs.length > before) return undefined;
    const r = unmark(marked);
    const fail = (message: string, hint: string) => {
      errs.push({ message, path, pos: at(path), hint });
      return undefined;
    };
    if (r.sensitive)
      return fail(
        'for_each cannot be sensitive: its elements name instances and steps, which are shown',
        'repeat over what is not secret (names, say) and look the secret up inside',
      );
    const v = r.value;
    // A set's elements are their own keys (HCL's for_each); a list's are its indexes.
    if (isSet(v)) return (v as Value[]).map((x) => [x, x]);
    if (Array.isArray(v)) return v.map((x, i) => [i, x]);
    if (v && typeof v === 'object')
      return Object.keys(v)
        .sort()
        .map((k) => [k, v[k]]);
    return fail(
      `for_each takes a list or a map, not ${typeName(v)}`,
      'e.g. for_each: [bookworm, trixie] or ${var.images}',
    );
  };

  /**
   * The instances of one source in a build: the source itself, or with for_each one per
   * element, named by its name setting or SOURCE-KEY. `taken` holds the build's names so far.
   */
  const sourceInstances = (
    srcName: string,
    buildName: string,
    taken: Map<string, string>,
  ): { name: string; each?: { key: Value; value: Value } }[] => {
    const src = spec.sources[srcName];
    const sp = joinPath('sources', srcName);
    const claim = (name: string, path: string, what: string): boolean => {
      const other =
        taken.get(name) ?? (name !== srcName && name in spec.sources ? name : undefined);
      if (other === undefined) {
        taken.set(name, srcName);
        return true;
      }
      errs.push({
        message: `${what} is named "${name}", which ${other === srcName ? 'another of its instances' : `source "${other}"`} already is`,
        path,
        pos: at(path),
        hint:
          src.for_each === undefined
            ? 'list each source once'
            : 'give each instance a name of its own, e.g. name: ' + srcName + '-${each.key}',
      });
      return false;
    };
    if (src.for_each === undefined)
      return claim(
        srcName,
        joinPath(joinPath('builds', buildName), 'sources'),
        `source "${srcName}"`,
      )
        ? [{ name: srcName }]
        : [];
    const forEachPath = joinPath(sp, 'for_each');
    const build = { name: buildName };
    const elems = elementsOf(src.for_each, forEachPath, makeScope({ build }));
    if (!elems) return [];
    const out: { name: string; each: { key: Value; value: Value } }[] = [];
    for (const [key, value] of elems) {
      const each = { key, value };
      let name = `${srcName}-${toText(key, 0)}`;
      const np = src.name === undefined ? forEachPath : joinPath(sp, 'name');
      if (src.name !== undefined) {
        const before = errs.length;
        const r = unmark(evalMarked(src.name, np, makeScope({ build, each }), errs) as Marked);
        if (errs.length > before) return out;
        // A name is shown and tags what the build makes: a secret in it would be out.
        if (r.sensitive || r.value === null || typeof r.value === 'object') {
          errs.push({
            message: r.sensitive
              ? `the name of source "${srcName}" cannot be sensitive: instance names are shown and tag what the build makes`
              : `the name of source "${srcName}" must be text, not ${typeName(r.value)}`,
            path: np,
            pos: at(np),
            hint: 'name instances by what is not secret, e.g. name: ' + srcName + '-${each.key}',
          });
          return out;
        }
        name = String(r.value);
      }
      if (!NAME_RE.test(name)) {
        errs.push({
          message: `instance ${JSON.stringify(name)} of source "${srcName}" (for_each element ${JSON.stringify(key)}) is not a valid name`,
          path: np,
          pos: at(np),
          hint:
            'names take letters, digits, - and _; set name: to choose them, e.g. name: ' +
            srcName +
            '-${each.key}',
        });
        continue;
      }
      if (claim(name, np, `an instance of source "${srcName}"`)) out.push({ name, each });
    }
    return out;
  };
  for (const [buildName, build] of Object.entries(spec.builds)) {
    const bp = joinPath('builds', buildName);
    // An expression passes the checks before evaluation, but what a build runs must be
    // written out: the plan (and the workflow matrix) is made before anything is evaluated.
    const notList = (['sources', 'provisioners', 'post-processors'] as const).filter(
      (k) => build[k] !== undefined && build[k] !== null && !Array.isArray(build[k]),
    );
    for (const k of notList)
      errs.push({
        message: `${k} of build "${buildName}" must be a list written out in the spec, not an expression`,
        path: joinPath(bp, k),
        pos: at(joinPath(bp, k)),
        hint:
          k === 'sources'
            ? 'list the source names, e.g. sources: [app, vm]; use --only/--except to pick some at run time'
            : `write the ${k} as a list (lines starting with "- "); use only/except or override for per-source differences, and for_each on a step to repeat it`,
      });
    if (notList.length) continue;
    const listed = (build.sources as unknown[]).map(String);
    const srcNames = [...new Set(listed)];
    listed.forEach((n, i) => {
      if (listed.indexOf(n) === i) return;
      const lp = joinPath(joinPath(bp, 'sources'), i);
      errs.push({
        message: `source "${n}" is listed twice in build "${buildName}"`,
        path: lp,
        pos: at(lp),
        hint: 'list each source once; to build it twice, give it for_each or define a second source',
      });
    });
    const taken = new Map<string, string>();
    const before = errs.length;
    const expanded = srcNames.flatMap((srcName) =>
      sourceInstances(srcName, buildName, taken).map((inst) => ({ srcName, ...inst })),
    );
    // A build left out by --only may be empty: what is not asked for is not an error.
    const asked =
      !opts.only?.length ||
      opts.only.some((p) =>
        srcNames.some((n) =>
          [n, `${n}-`, `${buildName}.${n}`, `${buildName}.${n}-`].some((c) => minimatch(c, p)),
        ),
      );
    if (!expanded.length && srcNames.length && errs.length === before && asked)
      errs.push({
        message: `build "${buildName}" has nothing to build: the for_each of its sources is empty`,
        path: joinPath(bp, 'sources'),
        pos: at(joinPath(bp, 'sources')),
        hint: 'give for_each at least one element, or check the variables it reads',
      });
    // A for_each that failed has said so, and an empty one has nothing to match.
    if (errs.length === before && expanded.length)
      errs.push(
        ...unmatchedSelectors(
          build,
          bp,
          buildName,
          [...new Set([...srcNames, ...expanded.map((x) => x.name)])].map((n) => [
            n,
            String(
              spec.sources[n]?.type ??
                spec.sources[expanded.find((x) => x.name === n)!.srcName].type,
            ),
          ]),
          file,
        ),
      );
    for (const { srcName, name: instName, each } of expanded) {
      const src = spec.sources[srcName];
      const type = String(src.type);
      const names: Record<string, Record<string, Value>> = {
        source: { name: instName, type },
        build: { name: buildName, type, source_name: instName },
        ...(each ? { each } : {}),
      };
      const scope = makeScope(names);
      // Provisioners and post-processors run on the machine: build.ID and the like are theirs.
      const stepScope = makeScope(names, true);
      const sp = joinPath('sources', srcName);
      const builder = spec.registry.must('builder', type);
      // The settings a builder fills build fields into when it uses them (tags) plan with
      // the markers; the rest must be known now.
      const late = new Set(builder.buildFields ?? []);
      const config: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(src))
        if (k !== 'for_each' && k !== 'name')
          config[k] = evalTree(v, joinPath(sp, k), late.has(k) ? stepScope : scope, errs);
      delete config.type;
      if (file.packer) {
        packerTyping(config, builder.schema);
        builder.packerUnset?.(config);
      }
      const runsOn = typeof config.runs_on === 'string' ? config.runs_on : undefined;
      delete config.runs_on;
      const checked = errs.length;
      // Typed once from the schema: plugins see booleans and numbers, not their text.
      const typedConfig = check({ type, ...config }, pluginSchema(builder.schema, {}), sp, {
        file,
        problems: errs,
        phase: 'resolved',
      }) as Record<string, unknown>;
      if (errs.length === checked) {
        delete typedConfig.type;
        for (const k of Object.keys(config)) delete config[k];
        Object.assign(config, typedConfig);
      }
      // Cross-field rules only once every field has the right shape.
      const refine = (d: Descriptor, cfg: Record<string, unknown>, at: string) => {
        const ctx = {
          specDir: spec.dir,
          packer: file.packer === true,
          ...(d.kind === 'builder' ? {} : { builder: type }),
        };
        for (const r of d.refine?.(cfg, ctx) ?? []) {
          // A key may reach inside the block: disk_attachment[0].volume_size.
          const path = !r.key
            ? at
            : /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\[\d+\])*$/.test(r.key)
              ? `${at}.${r.key}`
              : joinPath(at, r.key);
          errs.push({ message: r.message, path, pos: positionOf(file, path), hint: r.hint });
        }
      };
      if (errs.length === checked) refine(builder, config, sp);
      // What the builder makes: the first post-processor takes it, and the engine hands
      // the null builder's post-processors an empty one.
      const artifact = artifactKindOf(builder, config);

      // An instance of a for_each source answers to its own name and to its source's.
      const matches = (list: unknown): boolean =>
        (Array.isArray(list) ? list : [list]).some((g) =>
          [...new Set([instName, srcName])].some(
            (n) =>
              minimatch(n, String(g)) ||
              minimatch(`${type}.${n}`, String(g)) ||
              minimatch(`${buildName}.${n}`, String(g)),
          ),
        );
      const selected = (raw: Record<string, unknown>) =>
        (raw.only === undefined || matches(raw.only)) &&
        (raw.except === undefined || !matches(raw.except));

      const useProvisioner = (
        raw: Record<string, unknown>,
        path: string,
        step?: StepEach,
      ): ProvisionerUse | undefined => {
        if (!selected(raw)) return undefined;
        let merged: Record<string, unknown> = { ...raw };
        const override = raw.override as Record<string, Record<string, unknown>> | undefined;
        // The source's override, then its instance's on top.
        for (const key of [...new Set([srcName, instName])])
          if (override?.[key]) merged = { ...merged, ...override[key] };
        delete merged.override;
        delete merged.for_each;
        const evaluated = evalTree(merged, path, step?.scope ?? stepScope, errs) as Record<
          string,
          unknown
        >;
        const info = spec.registry.must('provisioner', String(raw.type));
        if (file.packer) packerTyping(evaluated, info.schema);
        const before = errs.length;
        const cfg = check(evaluated, pluginSchema(info.schema, provisionerCommon), path, {
          file,
          problems: errs,
          phase: 'resolved',
        }) as Record<string, unknown>;
        if (errs.length === before) refine(info, cfg, path);
        const use: ProvisionerUse = {
          type: String(raw.type),
          label: (typeof cfg.name === 'string' ? cfg.name : String(raw.type)) + (step?.label ?? ''),
          path,
          at: written(file, path),
          config: stripCommon(cfg, [
            'type',
            'only',
            'except',
            'pause_before',
            'max_retries',
            'timeout',
            'name',
          ]),
          pauseBeforeMs: parseDuration(cfg.pause_before) ?? 0,
          maxRetries: Number(cfg.max_retries ?? 0),
          timeoutMs: cfg.timeout === undefined ? undefined : parseDuration(cfg.timeout),
        };
        return use;
      };
      /** A step once, or once per element of its for_each (each.key and each.value bound). */
      const perElement = (raw: Record<string, unknown>, path: string): (StepEach | undefined)[] => {
        if (raw.for_each === undefined || !selected(raw)) return [undefined];
        const elems = elementsOf(raw.for_each, joinPath(path, 'for_each'), stepScope);
        return (elems ?? []).map(([key, value]) => ({
          scope: makeScope({ ...names, each: { key, value } }, true),
          label: `[${typeof key === 'string' ? key : String(key)}]`,
        }));
      };
      const provs: ProvisionerUse[] = [];
      ((build.provisioners ?? []) as Record<string, unknown>[]).forEach((raw, i) => {
        const path = joinPath(joinPath(bp, 'provisioners'), i);
        for (const step of perElement(raw, path)) {
          const u = useProvisioner(raw, path, step);
          if (u) provs.push(u);
        }
      });
      const ecp = build['error-cleanup-provisioner'] as Record<string, unknown> | undefined;
      const ecpPath = joinPath(bp, 'error-cleanup-provisioner');
      if (ecp?.for_each !== undefined)
        errs.push({
          message: 'for_each is not for the error-cleanup-provisioner: a build has one',
          path: joinPath(ecpPath, 'for_each'),
          pos: at(joinPath(ecpPath, 'for_each'), true),
          hint: 'remove for_each; one shell step can run several commands',
        });
      const errorCleanup = ecp ? useProvisioner(ecp, ecpPath) : undefined;

      const chains: PostProcessorUse[][] = [];
      ((build['post-processors'] ?? []) as unknown[]).forEach((item, i) => {
        const cp = joinPath(joinPath(bp, 'post-processors'), i);
        // A post-processor with for_each in a chain is that many in the chain; on its own
        // (a chain of one) it is that many chains, as Packer's dynamic blocks make them.
        const steps = (Array.isArray(item) ? item : [item]) as Record<string, unknown>[];
        const perChain: [Record<string, unknown>, string, StepEach | undefined][][] = Array.isArray(
          item,
        )
          ? [
              steps.flatMap((raw, j) =>
                perElement(raw, joinPath(cp, j)).map(
                  (e) =>
                    [raw, joinPath(cp, j), e] as [
                      Record<string, unknown>,
                      string,
                      StepEach | undefined,
                    ],
                ),
              ),
            ]
          : perElement(steps[0], cp).map((e) => [[steps[0], cp, e]]);
        for (const chain of perChain) usePostProcessors(chain);
      });
      function usePostProcessors(chain: [Record<string, unknown>, string, StepEach | undefined][]) {
        const uses: PostProcessorUse[] = [];
        let input: ArtifactKind = artifact;
        chain.forEach(([raw, pp, step], j) => {
          if (!selected(raw)) return;
          const rest = { ...raw };
          delete rest.for_each;
          const evaluated = evalTree(rest, pp, step?.scope ?? stepScope, errs) as Record<
            string,
            unknown
          >;
          const info = spec.registry.must('post-processor', String(raw.type));
          if (file.packer) {
            packerTyping(evaluated, info.schema);
            // The file a Packer pipeline reads next, under the name it has in Packer.
            if (raw.type === 'manifest') evaluated.output ??= 'packer-manifest.json';
          }
          const before = errs.length;
          const cfg = check(evaluated, pluginSchema(info.schema, postProcessorCommon), pp, {
            file,
            problems: errs,
            phase: 'resolved',
          }) as Record<string, unknown>;
          if (errs.length === before) refine(info, cfg, pp);
          // Each post-processor takes what the one before it hands on.
          if (info.accepts !== 'any' && !info.accepts.includes(input)) {
            errs.push({
              message: `${info.type} cannot take ${describeKind(input)}`,
              path: joinPath(pp, 'type'),
              pos: positionOf(file, joinPath(pp, 'type')),
              hint: `${info.type} takes ${info.accepts.map(describeKind).join(' or ')}; ${
                j === 0
                  ? `the ${type} builder here makes ${describeKind(input)}`
                  : 'move it, or start a new chain'
              }`,
            });
          }
          if (info.produces !== 'same') input = info.produces;
          uses.push({
            type: String(raw.type),
            label:
              (typeof cfg.name === 'string' ? cfg.name : String(raw.type)) + (step?.label ?? ''),
            path: pp,
            at: written(file, pp),
            config: stripCommon(cfg, ['type', 'only', 'except', 'keep_input_artifact', 'name']),
            keepInputArtifact:
              cfg.keep_input_artifact === undefined
                ? undefined
                : cfg.keep_input_artifact === true || cfg.keep_input_artifact === 'true',
          });
        });
        if (uses.length) chains.push(uses);
      }
      const trust = resolveTrust(build, bp, {
        specDir: spec.dir,
        file,
        errs,
        build: buildName,
        source: instName,
        evaluate: (raw, path) => evalTree(raw, path, scope, errs),
        typed: (value, schema, path) =>
          check(value, schema, path, { file, problems: errs, phase: 'resolved' }) as Record<
            string,
            unknown
          >,
        selected,
        written: (path) => written(file, path),
      });
      const timeout =
        build.timeout === undefined
          ? undefined
          : parseDuration(evalTree(build.timeout, joinPath(bp, 'timeout'), scope, errs));
      instances.push({
        name: `${buildName}.${instName}`,
        at: written(file, sp),
        build: buildName,
        source: instName,
        ...(each ? { of: srcName } : {}),
        type,
        artifact,
        config,
        provisioners: provs,
        errorCleanupProvisioner: errorCleanup,
        postProcessors: chains,
        timeoutMs: timeout,
        runsOn,
        ...(trust.plan ? { trust: trust.plan } : {}),
        files: [
          ...trust.files,
          ...localInputs(builder, config, sp, spec, errs),
          ...[...provs, ...(errorCleanup ? [errorCleanup] : [])].flatMap((u) =>
            localInputs(spec.registry.must('provisioner', u.type), u.config, u.path, spec, errs),
          ),
          ...chains
            .flat()
            .flatMap((u) =>
              localInputs(
                spec.registry.must('post-processor', u.type),
                u.config,
                u.path,
                spec,
                errs,
              ),
            ),
        ],
      });
    }
  }
  problems.push(...dedupe(withoutFollowOns(errs, evalFailures)));
  if (problems.length) throw new SpecError(problems);

  const allNames = instances.map((i) => i.name);
  const selectedInstances = selectInstances(instances, opts.only, opts.except);
  return {
    specPath: spec.path,
    specDir: spec.dir,
    runUuid: randomUuid(),
    now,
    variables: resolvedVars,
    locals: Object.fromEntries([...localValues].map(([k, v]) => [k, reveal(v).value])),
    shownLocals: Object.fromEntries([...localValues].map(([k, v]) => [k, shown(v)])),
    instances: selectedInstances,
    allNames,
    registry: spec.registry,
    notes,
  };
}

/** A value with every sensitive part replaced by ***, for display. */
function shown(v: Marked): unknown {
  if (v instanceof Sensitive) return REDACTED;
  if (Array.isArray(v)) return v.map(shown);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shown(x)]));
  return v;
}

/**
 * The local files and directories a plugin's settings name (its descriptor says which); each
 * that does not exist is an error at the setting that names it, before anything is built.
 */
function localInputs(
  d: Descriptor,
  config: Record<string, unknown>,
  at: string,
  spec: RawSpec,
  errs: Problem[],
): string[] {
  const paths = d.localInputs?.(config, spec.dir) ?? [];
  for (const p of paths) {
    if (existsSync(p)) continue;
    const found = settingNaming(config, (v) => resolve(spec.dir, v) === p);
    const path = found ? joinPath(at, found.key) : at;
    const pos = positionOf(spec.file, path, found?.isKey);
    // An evaluation error already reported here says enough.
    if (errs.some((e) => e.pos?.line === pos.line && e.pos?.col === pos.col)) continue;
    errs.push({
      message: `${found ? `"${found.text}"` : p} does not exist`,
      path,
      pos,
      hint: `looked for ${p}; paths are relative to the spec's directory`,
    });
  }
  return paths;
}

/** The setting (or map key) whose text names a path, searched through the config. */
function settingNaming(
  v: unknown,
  names: (text: string) => boolean,
  key = '',
): { key: string; text: string; isKey: boolean } | undefined {
  if (typeof v === 'string') return names(v) ? { key, text: v, isKey: false } : undefined;
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) {
      const f = settingNaming(x, names, joinPath(key, i));
      if (f) return f;
    }
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (names(k)) return { key: joinPath(key, k), text: k, isKey: true };
      const f = settingNaming(x, names, joinPath(key, k));
      if (f) return f;
    }
  }
  return undefined;
}

/**
 * only/except globs that match none of the build's sources, and override keys that name no
 * source of the build: each would silently drop or ignore what it is written on.
 */
function unmatchedSelectors(
  build: Record<string, unknown>,
  bp: string,
  buildName: string,
  sources: [name: string, type: string][],
  file: LoadedFile,
): Problem[] {
  const out: Problem[] = [];
  const srcNames = sources.map(([n]) => n);
  const names = sources.flatMap(([n, type]) => [n, `${type}.${n}`, `${buildName}.${n}`]);
  const items: [Record<string, unknown>, string][] = [];
  const add = (raw: unknown, path: string) => {
    if (raw && typeof raw === 'object' && !Array.isArray(raw))
      items.push([raw as Record<string, unknown>, path]);
  };
  ((build.provisioners as unknown[] | undefined) ?? []).forEach((raw, i) =>
    add(raw, joinPath(joinPath(bp, 'provisioners'), i)),
  );
  add(build['error-cleanup-provisioner'], joinPath(bp, 'error-cleanup-provisioner'));
  ((build['post-processors'] as unknown[] | undefined) ?? []).forEach((item, i) => {
    const cp = joinPath(joinPath(bp, 'post-processors'), i);
    if (Array.isArray(item)) item.forEach((raw, j) => add(raw, joinPath(cp, j)));
    else add(item, cp);
  });
  for (const [raw, path] of items) {
    for (const key of ['only', 'except'] as const) {
      const v = raw[key];
      if (v === undefined || v === null) continue;
      const list = Array.isArray(v) ? v : [v];
      list.forEach((g, i) => {
        if (typeof g !== 'string') return;
        const gp = Array.isArray(v) ? joinPath(joinPath(path, key), i) : joinPath(path, key);
        if (hasTemplate(g)) {
          // Which sources a step runs for is decided before anything is evaluated.
          out.push({
            message: `${key} takes source names or globs written out, not an expression`,
            path: gp,
            pos: positionOf(file, gp),
            hint: 'write the names (e.g. [app, "amazon-ebs.*"]); choose builds at run time with --only/--except',
          });
          return;
        }
        if (names.some((n) => minimatch(n, g))) return;
        out.push({
          message: `${key} pattern "${g}" matches no source of build "${buildName}"`,
          path: gp,
          pos: positionOf(file, gp),
          hint: `the build's sources: ${srcNames.join(', ')} (also matched as TYPE.NAME and ${buildName}.NAME)`,
        });
      });
    }
    const override = raw.override;
    if (override && typeof override === 'object' && !Array.isArray(override))
      for (const k of Object.keys(override)) {
        const op = joinPath(joinPath(path, 'override'), k);
        const entry = (override as Record<string, unknown>)[k];
        if (entry && typeof entry === 'object' && 'for_each' in entry) {
          const fp = joinPath(op, 'for_each');
          out.push({
            message: `override for "${k}" cannot set for_each: how often a step runs is the step's own setting`,
            path: fp,
            pos: positionOf(file, fp, true),
            hint: 'set for_each on the step, and only/except to leave sources out',
          });
        }
        if (srcNames.includes(k)) continue;
        const near = didYouMean(k, srcNames);
        out.push({
          message: `override for "${k}", which is not a source of build "${buildName}"`,
          path: op,
          pos: positionOf(file, op, true),
          hint: near ? `did you mean "${near}"?` : `the build's sources: ${srcNames.join(', ')}`,
        });
      }
  }
  return out;
}

/**
 * One mistake, one error: a value whose expression failed is missing, so the schema check
 * would also say "missing required key" or "expected a string, got nothing". Those are
 * dropped; the failed expression is the error.
 */
function withoutFollowOns(errs: Problem[], failures: Map<string, Problem>): Problem[] {
  if (!failures.size) return errs;
  const failed = new Set(failures.values());
  return errs.filter((p) => {
    if (failed.has(p)) return true;
    if (p.path && failures.has(p.path)) return false;
    const missing = /^missing required key "(.+)"$/.exec(p.message);
    return !(missing && p.path !== undefined && failures.has(joinPath(p.path, missing[1])));
  });
}

/**
 * A Packer template's settings as Packer's plugins read them: a setting that comes out as ""
 * (or null, or a list of "") is unset (`source_ami = "${var.ami}"` with an empty variable), and a text where the plugin
 * takes a list of strings is split at its commas (`ami_users = "{{user \`users\`}}"`).
 */
function packerTyping(config: Record<string, unknown>, schema: Schema): void {
  const fields = schema.kind === 'object' ? schema.fields : {};
  for (const [k, v] of Object.entries(config)) {
    const inner = fields[k]?.schema;
    if (v === '' || v === null || (Array.isArray(v) && v.every((x) => x === ''))) delete config[k];
    // Blocks too: an "" inside shared_image_gallery_destination is as unset as one outside.
    else if (inner?.kind === 'object' && v && typeof v === 'object' && !Array.isArray(v)) {
      packerTyping(v as Record<string, unknown>, inner);
      // A block left with nothing set is a block not given, as Packer reads its zero value
      // (runner-images' gallery destination, when no GALLERY_* variable is set).
      if (!Object.keys(v).length) delete config[k];
    } else if (inner?.kind === 'list' && inner.of.kind === 'object' && Array.isArray(v)) {
      for (const x of v)
        if (x && typeof x === 'object' && !Array.isArray(x))
          packerTyping(x as Record<string, unknown>, inner.of);
    } else if (typeof v === 'string' && fields[k]?.schema.kind === 'list') {
      const list = fields[k].schema as { of: Schema; single?: boolean };
      // A list that takes one string as one item (shell's inline) keeps it whole.
      if (list.of.kind === 'string' && !list.single)
        config[k] = v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean);
    }
  }
}

function written(file: LoadedFile, path: string): string {
  const p = positionOf(file, path);
  return `${p.file}:${p.line}:${p.col}`;
}

function describeKind(k: ArtifactKind): string {
  return {
    'docker-image': 'a Docker image',
    'machine-image': 'a machine image',
    files: 'files',
    none: 'no artifact',
  }[k];
}

function stripCommon(cfg: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out = { ...cfg };
  for (const k of keys) delete out[k];
  for (const [k, v] of Object.entries(out)) if (v === null || v === undefined) delete out[k];
  return out;
}

/**
 * Each problem once; and none that only says a local it uses has an error (that local's own
 * problem is reported, and is the one mistake to fix).
 */
function dedupe(list: Problem[]): Problem[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    if (/^local\.[\w-]+ has an error in /.test(p.message)) return false;
    const k = `${p.pos?.line}:${p.pos?.col}:${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Applies --only / --except (globs over instance names); a pattern matching nothing is an error. */
export function selectInstances<T extends { name: string; source: string; of?: string }>(
  instances: T[],
  only?: string[],
  except?: string[],
): T[] {
  const names = instances.map((i) => i.name);
  const problems: Problem[] = [];
  // BUILD.SOURCE or SOURCE; an instance of a for_each source answers to its source as well.
  const test = (pattern: string, i: T) =>
    minimatch(i.name, pattern) ||
    minimatch(i.source, pattern) ||
    (i.of !== undefined &&
      (minimatch(i.of, pattern) ||
        minimatch(i.name.slice(0, i.name.length - i.source.length) + i.of, pattern)));
  for (const [flag, list] of [
    ['--only', only],
    ['--except', except],
  ] as const) {
    for (const pattern of list ?? []) {
      if (!instances.some((i) => test(pattern, i))) {
        problems.push({
          message: `${flag} pattern "${pattern}" matches no build`,
          hint: `build names: ${names.join(', ')}`,
        });
      }
    }
  }
  if (problems.length) throw new SpecError(problems);
  return instances.filter(
    (i) =>
      (!only?.length || only.some((p) => test(p, i))) && !(except ?? []).some((p) => test(p, i)),
  );
}

/** The instances as a GitHub Actions matrix (`strategy.matrix: ${{ fromJSON(...) }}`). */
export function matrixOf(plan: Plan) {
  return {
    include: plan.instances.map((i) => ({
      name: i.name,
      build: i.build,
      source: i.source,
      type: i.type,
      ...(i.runsOn ? { runs_on: i.runsOn } : {}),
    })),
  };
}

/**
 * Legacy JSON templates (`builders`, `provisioners`, `post-processors`, `variables`) as a
 * bake spec: every builder a source of one build named after the template, and every
 * `{{ … }}` turned into the `${ … }` expression that means the same.
 */
import { SpecError } from '../spec/errors';
import type { Position } from '../spec/errors';
import { joinPath, parseYaml } from '../spec/load';
import type { PluginSet } from '../plugins/api';
import { translateString } from './go-template';
import { communicatorProblem, RENAMES } from './map';
import type { Mapped, Todo } from './map';

/** Packer's spellings of a plugin's settings in bake's. */
function renamed(
  cfg: Record<string, unknown>,
  type: string,
  problem?: (message: string, key: string) => void,
): Record<string, unknown> {
  // `type` first, as a person writes it.
  const out: Record<string, unknown> = 'type' in cfg ? { type: cfg.type } : {};
  for (const [k, v] of Object.entries(cfg)) {
    // Packer reads "" and null as a setting left unset.
    if (v === '' || v === null) continue;
    if (k === 'communicator') {
      const why = problem ? communicatorProblem(type, v) : undefined;
      if (why) problem!(why, k);
      if (why || type !== 'null') continue;
    }
    const r = RENAMES[type]?.[k];
    const [nk, nv] = r ? r(v) : [k, v];
    out[nk] = nv;
  }
  return out;
}

const TOP_KEYS = [
  'variables',
  'sensitive-variables',
  'builders',
  'provisioners',
  'post-processors',
  'description',
  'min_packer_version',
  '_comment',
];

export function mapLegacyJson(file: string, text: string, _registry: PluginSet): Mapped {
  let loaded: ReturnType<typeof parseYaml>;
  try {
    loaded = parseYaml(text, file);
  } catch (e) {
    // Read with the YAML parser (for positions), it is still JSON to the person who wrote it.
    if (!(e instanceof SpecError)) throw e;
    throw new SpecError(
      e.problems.map((p) => ({
        ...p,
        message: p.message.replace(/^invalid YAML/, 'invalid JSON'),
        hint: 'check the commas, quotes and brackets at this place',
      })),
    );
  }
  const src = loaded.positions;
  const positions = new Map<string, Position>();
  const keyPositions = new Map<string, Position>();
  const todos: Todo[] = [];
  const at = (p: string): Position =>
    src.get(p) ?? loaded.keyPositions.get(p) ?? { file, line: 1, col: 1 };
  const top = (loaded.value ?? {}) as Record<string, unknown>;
  const value: Record<string, Record<string, unknown>> = { sources: {}, builds: {} };

  /** Copies positions of a JSON subtree to where it lands in the spec. */
  const move = (from: string, to: string) => {
    for (const [map, out] of [
      [src, positions],
      [loaded.keyPositions, keyPositions],
    ] as const)
      for (const [k, v] of map) {
        if (k === from || k.startsWith(from + '.') || k.startsWith(from + '['))
          out.set(to + k.slice(from.length), v);
      }
  };
  /** Every string translated; what has no translation is a to-do at its value. */
  const tr = (v: unknown, path: string, anchor: string, inVariables = false): unknown => {
    if (typeof v === 'string') {
      const r = translateString(v, { inVariables });
      for (const e of r.errors)
        todos.push({
          message: `${e.text}: ${e.error}`,
          pos: at(path),
          anchor,
          hint: 'write the value out, or compute it with an expression ${…}',
        });
      return r.value;
    }
    if (Array.isArray(v)) return v.map((x, i) => tr(x, joinPath(path, i), anchor, inVariables));
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [k, tr(x, joinPath(path, k), anchor, inVariables)]),
      );
    return v;
  };

  for (const k of Object.keys(top))
    if (!TOP_KEYS.includes(k))
      todos.push({
        message: `unknown top-level key "${k}" in a JSON template`,
        pos: loaded.keyPositions.get(joinPath('', k)) ?? at(k),
        anchor: '',
        hint: `a JSON template has: ${TOP_KEYS.join(', ')}`,
      });

  const sensitive = new Set(
    Array.isArray(top['sensitive-variables']) ? top['sensitive-variables'].map(String) : [],
  );
  const vars = top.variables;
  if (vars && typeof vars === 'object' && !Array.isArray(vars)) {
    value.variables = {};
    for (const [name, dflt] of Object.entries(vars)) {
      const from = joinPath('variables', name);
      const to = joinPath('variables', name);
      // Packer reads a JSON template's variables as strings, and a null from a var file as
      // "" (which leaves the settings it fills unset).
      const decl: Record<string, unknown> = { type: 'string', nullable: true };
      keyPositions.set(to, loaded.keyPositions.get(from) ?? at(from));
      positions.set(to, at(from));
      if (dflt !== null) {
        decl.default = tr(dflt, from, to, true);
        positions.set(joinPath(to, 'default'), at(from));
      }
      if (sensitive.has(name)) decl.sensitive = true;
      value.variables[name] = decl;
    }
  }

  const builders = Array.isArray(top.builders) ? top.builders : [];
  const names: string[] = [];
  const byJsonName = new Map<string, string>();
  builders.forEach((b, i) => {
    const from = joinPath('builders', i);
    if (!b || typeof b !== 'object' || Array.isArray(b)) {
      todos.push({
        message: 'a builder is an object with a "type"',
        pos: at(from),
        anchor: 'sources',
      });
      return;
    }
    const cfg = { ...(b as Record<string, unknown>) };
    const type = String(cfg.type ?? '');
    const name = String(cfg.name ?? type).replace(/[^A-Za-z0-9_-]/g, '-');
    delete cfg.name;
    const to = joinPath('sources', name);
    move(from, to);
    keyPositions.set(to, at(from));
    if (name in value.sources) {
      todos.push({
        message: `two builders are named "${name}"`,
        pos: at(from),
        anchor: 'sources',
        hint: 'give each builder its own "name"',
      });
      return;
    }
    value.sources[name] = renamed(tr(cfg, from, to) as Record<string, unknown>, type, (m, k) =>
      todos.push({ message: m, pos: at(joinPath(from, k)), anchor: to, hint: `remove ${k}` }),
    );
    names.push(name);
    byJsonName.set(String((b as Record<string, unknown>).name ?? type), name);
  });

  const build: Record<string, unknown> = { sources: names };
  const bp = 'builds.build';
  positions.set(bp, at('builders'));
  keyPositions.set(bp, loaded.keyPositions.get('builders') ?? at('builders'));
  names.forEach((_, i) =>
    positions.set(joinPath(joinPath(bp, 'sources'), i), at(joinPath('builders', i))),
  );
  const step = (raw: unknown, from: string, to: string): unknown => {
    if (typeof raw === 'string') return { type: raw };
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
    move(from, to);
    const out = renamed(
      tr(raw, from, to) as Record<string, unknown>,
      String((raw as Record<string, unknown>).type),
    );
    const ov = out.override;
    if (ov && typeof ov === 'object' && !Array.isArray(ov))
      out.override = Object.fromEntries(
        Object.entries(ov).map(([k, v]) => {
          const n = byJsonName.get(k) ?? k;
          move(joinPath(joinPath(from, 'override'), k), joinPath(joinPath(to, 'override'), n));
          return [n, v];
        }),
      );
    for (const key of ['only', 'except'] as const)
      if (Array.isArray(out[key]))
        out[key] = (out[key] as unknown[]).map((x) => byJsonName.get(String(x)) ?? x);
    return out;
  };
  const provs = Array.isArray(top.provisioners) ? top.provisioners : [];
  if (provs.length)
    build.provisioners = provs.map((p, i) =>
      step(p, joinPath('provisioners', i), joinPath(joinPath(bp, 'provisioners'), i)),
    );
  const pps = Array.isArray(top['post-processors']) ? top['post-processors'] : [];
  if (pps.length)
    build['post-processors'] = pps.map((p, i) => {
      const from = joinPath('post-processors', i);
      const to = joinPath(joinPath(bp, 'post-processors'), i);
      return Array.isArray(p)
        ? p.map((x, j) => step(x, joinPath(from, j), joinPath(to, j)))
        : step(p, from, to);
    });
  if (typeof top.description === 'string') build.description = top.description;
  value.builds.build = build;
  positions.set('', at(''));
  return { value, positions, keyPositions, todos };
}

/**
 * Packer templates as bake specs: a `.pkr.hcl` file, a directory of them (read together, as
 * Packer does), or a legacy `.json` template; and Packer's var files.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Position, Problem } from '../spec/errors';
import { SpecError } from '../spec/errors';
import { LoadedFile, MAX_SPEC_BYTES, loadYamlFile } from '../spec/load';
import type { PluginSet } from '../plugins/api';
import { readHcl } from './hcl';
import { indexHcl } from './hcl-index';
import { LiteralError, parseHclLiteral } from './hcl-literal';
import { Mapped, Todo, mapTemplate } from './map';
import { mapLegacyJson } from './legacy';

export type TemplateKind = 'hcl' | 'json' | undefined;

/** Whether a path names a Packer template (and which kind), by its name or contents. */
export function packerKind(path: string): TemplateKind {
  // .pkr.json is HCL in JSON syntax (not a legacy template): refused when it is loaded.
  if (/\.pkr\.(hcl|json)$/.test(path)) return 'hcl';
  let st;
  try {
    st = statSync(path);
  } catch {
    return undefined;
  }
  if (st.isDirectory())
    return readdirSync(path).some((f) => /\.pkr\.(hcl|json)$/.test(f)) ? 'hcl' : undefined;
  if (/\.json$/.test(path) && st.size < MAX_SPEC_BYTES) {
    const text = readFileSync(path, 'utf8');
    try {
      const v = JSON.parse(text) as unknown;
      if (v && typeof v === 'object' && 'builders' in v) return 'json';
    } catch {
      // A template with a slip in its JSON (a trailing comma) is still a template: its
      // loader says where the slip is, where a spec's checks would call it no spec at all.
      if (/^\s*\{[\s\S]*"builders"\s*:/.test(text)) return 'json';
    }
  }
  return undefined;
}

export interface PackerFile extends LoadedFile {
  /** What has no translation (an error when run, a `# TODO:` when converted). */
  todos: Todo[];
}

function readText(file: string): string {
  const st = statSync(file);
  if (st.size > MAX_SPEC_BYTES)
    throw new SpecError({
      message: `${file} is ${(st.size / 1048576).toFixed(1)} MiB; a template may be at most ${MAX_SPEC_BYTES / 1048576} MiB`,
      pos: { file, line: 1, col: 1 },
    });
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}

/** Reads a Packer template into the value and positions of the equivalent bake spec. */
export async function loadPackerTemplate(path: string, registry: PluginSet): Promise<PackerFile> {
  const kind = packerKind(path);
  if (!existsSync(path))
    throw new SpecError({
      message: `template ${path} does not exist`,
      hint: 'check the path; it is relative to the working directory',
    });
  const isDir = statSync(path).isDirectory();
  const dir = isDir ? path : dirname(path);
  let mapped: Mapped;
  if (kind === 'json') {
    mapped = mapLegacyJson(path, readText(path), registry);
  } else {
    const files = isDir
      ? readdirSync(path)
          .filter((f) => /\.pkr\.(hcl|json)$/.test(f))
          .sort()
          .map((f) => join(path, f))
      : [path];
    const problems: Problem[] = files
      .filter((f) => f.endsWith('.pkr.json'))
      .map((f) => ({
        message: `${basename(f)} is HCL in JSON syntax, which bake does not read`,
        pos: { file: f, line: 1, col: 1 },
        hint: `write it as ${basename(f).replace(/json$/, 'hcl')}, the same blocks in HCL's own syntax (a legacy template with "builders" is a plain .json)`,
      }));
    if (problems.length) throw new SpecError(problems);
    const bodies = [];
    for (const f of files) {
      try {
        bodies.push(await readHcl(f, readText(f)));
      } catch (e) {
        if (e instanceof SpecError) problems.push(...e.problems);
        else throw e;
      }
    }
    if (problems.length) throw new SpecError(problems);
    mapped = mapTemplate(bodies, registry);
  }
  const auto = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.auto\.pkrvars\.(hcl|json)$/.test(f))
        .sort()
        .map((f) => join(dir, f))
    : [];
  const first: Position = { file: isDir ? path : path, line: 1, col: 1 };
  mapped.positions.set('', mapped.positions.get('') ?? first);
  return {
    file: path,
    value: mapped.value,
    positions: mapped.positions,
    keyPositions: mapped.keyPositions,
    dir,
    autoVarFiles: auto,
    todos: mapped.todos,
    notes: mapped.todos.filter((t) => t.note).map(({ anchor: _anchor, note: _note, ...p }) => p),
    packer: true,
  };
}

/** Packer's var files: `NAME = value` lines in HCL, or JSON; each value with its position. */
export function loadVarFile(file: string): LoadedFile {
  if (!/\.hcl$/.test(file)) return loadYamlFile(file, 'var');
  if (!existsSync(file))
    throw new SpecError({
      message: `var file ${file} does not exist`,
      hint: 'check the path; it is relative to the working directory',
    });
  const text = readText(file);
  const index = indexHcl(text, file);
  const out: LoadedFile = { file, value: {}, positions: new Map(), keyPositions: new Map() };
  const value = out.value as Record<string, unknown>;
  const problems: Problem[] = [];
  for (const b of index.blocks)
    problems.push({
      message: `a var file sets variables (NAME = value); "${b.type}" blocks belong in the template`,
      pos: b.pos,
      hint: `move it into a .pkr.hcl file beside ${basename(file)}`,
    });
  for (const a of index.attrs) {
    try {
      value[a.name] = parseHclLiteral(a.text);
      out.positions.set(a.name, a.valuePos);
      out.keyPositions.set(a.name, a.pos);
    } catch (e) {
      if (!(e instanceof LiteralError)) throw e;
      const before = a.text.slice(0, e.offset);
      const lines = before.split('\n');
      problems.push({
        message: `${a.name}: ${e.message}`,
        pos: {
          file,
          line: a.valuePos.line + lines.length - 1,
          col: lines.length > 1 ? lines[lines.length - 1].length + 1 : a.valuePos.col + e.offset,
        },
      });
    }
  }
  if (problems.length) throw new SpecError(problems);
  return out;
}

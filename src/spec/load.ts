import { readFileSync, statSync } from 'node:fs';
import { LineCounter, parseAllDocuments, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode, Document } from 'yaml';
import { Position, Problem, SpecError } from './errors';

/** Specs are small hand-written files; anything this large is a mistake. */
export const MAX_SPEC_BYTES = 4 * 1024 * 1024;
/** Upper bound on nodes produced while expanding aliases (defeats "billion laughs"). */
const MAX_EXPANDED_NODES = 200_000;
const MAX_DEPTH = 200;

/** A YAML file turned into plain values, with the position of every value and key kept. */
export interface LoadedFile {
  file: string;
  value: unknown;
  /** Position of the value at a key path (see {@link joinPath}). */
  positions: Map<string, Position>;
  /** Position of the key itself, for map entries. */
  keyPositions: Map<string, Position>;
  /** The directory paths are relative to, when it is not the file's own (a template directory). */
  dir?: string;
  /** Var files read without being named (Packer's `*.auto.pkrvars.hcl`), instead of bake's. */
  autoVarFiles?: string[];
  /** Read from a Packer template: settings are typed as Packer's plugins type them. */
  packer?: boolean;
  /** What is worth saying and is no error (a setting Packer itself would not use, left out). */
  notes?: Problem[];
}

export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  const safe = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
  if (!base) return safe.startsWith('"') ? `[${safe}]` : safe;
  return safe.startsWith('"') ? `${base}[${safe}]` : `${base}.${safe}`;
}

/** Reads and parses a spec or var file; every failure is a {@link SpecError} with a position. */
export function loadYamlFile(file: string, what = 'spec'): LoadedFile {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) {
      throw new SpecError({
        message: `${file} is a directory, not a ${what} file`,
        hint: `name the YAML file inside it, for example ${file.replace(/\/$/, '')}/bake.yml`,
      });
    }
    size = st.size;
  } catch (e) {
    if (e instanceof SpecError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new SpecError({
      message:
        code === 'ENOENT'
          ? `${what} file ${file} does not exist`
          : `cannot read ${file}: ${code ?? String(e)}`,
      hint:
        code === 'ENOENT' ? 'check the path; it is relative to the working directory' : undefined,
    });
  }
  if (size > MAX_SPEC_BYTES) {
    throw new SpecError({
      message: `${file} is ${(size / 1048576).toFixed(1)} MiB; a ${what} file may be at most ${MAX_SPEC_BYTES / 1048576} MiB`,
      pos: { file, line: 1, col: 1 },
      hint: 'is this the right file? Large data belongs in files the spec refers to',
    });
  }
  const bytes = readFileSync(file);
  return parseYaml(decodeText(bytes, file, what), file);
}

function decodeText(bytes: Buffer, file: string, what: string): string {
  const nul = bytes.indexOf(0);
  let text: string;
  try {
    if (nul >= 0) throw new Error('nul');
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = nul >= 0 ? nul : firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, offset).toString('latin1');
    const line = before.split('\n').length;
    const col = offset - before.lastIndexOf('\n');
    throw new SpecError({
      message: `${file} is not a text file (binary or invalid UTF-8 at byte ${offset})`,
      pos: { file, line, col },
      hint: `a ${what} file must be UTF-8 YAML`,
    });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function firstInvalidUtf8(bytes: Buffer): number {
  const dec = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest prefix that fails to decode.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      dec.decode(bytes.subarray(0, mid + 1));
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return Math.max(0, lo - 3);
}

export function parseYaml(text: string, file: string): LoadedFile {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const posAt = (offset: number): Position => {
    const lp = lineCounter.linePos(offset);
    return { file, line: lp.line, col: lp.col };
  };
  const problems: Problem[] = [];
  const list = Array.isArray(docs) ? docs : [docs];
  const reported = new Set<number>();
  for (const doc of list) {
    for (const err of doc.errors) {
      const pos = posAt(errorOffset(text, err.code, err.message, err.pos[0]));
      // One mistake, one error: what the parser says after the first error on a line follows
      // from it.
      if (reported.has(pos.line)) continue;
      reported.add(pos.line);
      const line = text.split('\n')[pos.line - 1] ?? '';
      if (err.code !== 'DUPLICATE_KEY' && HCL_QUOTES.test(line)) {
        problems.push({
          message: 'invalid YAML: the double quotes inside ${…} end the double-quoted string',
          pos: { ...pos, col: line.indexOf('"') + 1 },
          hint: `quote the whole value with single quotes: ${hclFix(line)}`,
        });
        continue;
      }
      const key = err.code === 'DUPLICATE_KEY' ? text.slice(err.pos[0], err.pos[1]).trim() : '';
      problems.push({
        message: key
          ? `duplicate key "${key}": a key may appear once in a mapping`
          : yamlMessage(err.code, err.message),
        pos,
        hint: yamlHint(err.code),
      });
    }
  }
  if (problems.length) throw new SpecError(problems);
  if (list.length > 1) {
    const second = list[1] as Document;
    const start = second.range?.[0] ?? 0;
    throw new SpecError({
      message: `${file} holds ${list.length} YAML documents; a spec is one document`,
      pos: posAt(start),
      hint: 'remove the `---` separator, or split the documents into separate files',
    });
  }
  const doc = list[0] as Document | undefined;
  const out: LoadedFile = { file, value: null, positions: new Map(), keyPositions: new Map() };
  if (!doc || doc.contents === null || doc.contents === undefined) {
    return out;
  }
  let budget = MAX_EXPANDED_NODES;
  const walk = (node: unknown, path: string, depth: number, aliasDepth: number): unknown => {
    if (--budget < 0) {
      throw new SpecError({
        message: `${file} expands to more than ${MAX_EXPANDED_NODES} values (aliases nested too deeply?)`,
        pos: { file, line: 1, col: 1 },
        hint: 'YAML aliases that refer to each other in layers can expand exponentially; write the values out',
      });
    }
    if (depth > MAX_DEPTH) {
      throw new SpecError({
        message: `nesting deeper than ${MAX_DEPTH} levels`,
        pos: nodePos(node),
        path,
      });
    }
    if (isAlias(node)) {
      if (aliasDepth > 50)
        throw new SpecError({ message: 'aliases nested too deeply', pos: nodePos(node), path });
      const target = node.resolve(doc);
      if (!target)
        throw new SpecError({ message: `unknown alias *${node.source}`, pos: nodePos(node), path });
      return walk(target, path, depth + 1, aliasDepth + 1);
    }
    const here = nodePos(node);
    if (here) out.positions.set(path, here);
    if (isMap(node)) {
      const obj: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const key = isScalar(keyNode) ? keyNode.value : keyNode;
        if (key === '<<' && isScalar(keyNode)) {
          const merged = walk(pair.value, path, depth + 1, aliasDepth);
          for (const src of Array.isArray(merged) ? merged : [merged]) {
            if (src && typeof src === 'object' && !Array.isArray(src)) {
              for (const [k, v] of Object.entries(src)) if (!(k in obj)) obj[k] = v;
            }
          }
          continue;
        }
        if (key !== null && typeof key === 'object') {
          throw new SpecError({
            message: 'a mapping key must be a plain string, not a list or mapping',
            pos: nodePos(keyNode),
            path,
          });
        }
        const k = String(key);
        const childPath = joinPath(path, k);
        const kp = nodePos(keyNode);
        if (kp) out.keyPositions.set(childPath, kp);
        obj[k] = pair.value === null ? null : walk(pair.value, childPath, depth + 1, aliasDepth);
        if (pair.value === null && kp) out.positions.set(childPath, kp);
      }
      return { ...obj };
    }
    if (isSeq(node)) {
      return node.items.map((item, i) => walk(item, joinPath(path, i), depth + 1, aliasDepth));
    }
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'bigint') return Number(v);
      if (v instanceof Date) return v.toISOString();
      if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
      return v ?? null;
    }
    return null;
  };
  const nodePos = (node: unknown): Position | undefined => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? posAt(range[0]) : undefined;
  };
  out.value = walk(doc.contents, '', 0, 0);
  return out;
}

/** HCL's habit in YAML: "${f("x")}" — the inner double quote closes the YAML string. */
const HCL_QUOTES = /:\s*"[^"]*\$\{[^}]*"/;

/** The line with its value in single quotes instead (YAML needs no escaping inside). */
function hclFix(line: string): string {
  const m = /^(\s*(?:-\s+)?[^:]+:\s*)"(.*)"\s*$/.exec(line);
  return m ? `${m[1].trim()} '${m[2].replace(/'/g, "''")}'` : line.trim();
}

/** Moves an error's offset to where a person would look: the token, not the indentation. */
function errorOffset(text: string, code: string, message: string, offset: number): number {
  if (code === 'TAB_AS_INDENT') return offset;
  if (code === 'MISSING_CHAR' && /quote/.test(message)) {
    const quote = message.includes("'") && !message.includes('"') ? "'" : '"';
    const open = text.lastIndexOf(quote, Math.min(offset, text.length) - 1);
    if (open >= 0) return open;
  }
  let o = offset;
  while (o < text.length && (text[o] === ' ' || text[o] === '\t')) o++;
  return o < text.length && text[o] !== '\n' ? o : offset;
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'duplicate key: a key may appear once in a mapping';
    case 'TAB_AS_INDENT':
      return 'tab used for indentation; YAML indents with spaces';
    default:
      return `invalid YAML: ${first}`;
  }
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'remove or rename one of the two entries';
    case 'TAB_AS_INDENT':
      return 'replace the tabs with spaces';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return 'check the indentation and quoting on this line; strings containing `: ` or `#` need quotes';
    default:
      return undefined;
  }
}

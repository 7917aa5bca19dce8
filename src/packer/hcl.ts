/**
 * Reads Packer HCL2 files: HashiCorp's own parser (hcl2json, in wasm) for the values, and the
 * position index for the order of blocks and where each one is written. The result is one
 * ordered tree per file.
 */
import type { Position, Problem } from '../spec/errors';
import { SpecError } from '../spec/errors';
import { IndexBody, indexHcl } from './hcl-index';
import { DirectiveError, withoutDirectives } from './hcl-template';
import { mapStrings } from '../util/deep';

export interface PAttr {
  name: string;
  value: unknown;
  pos: Position;
  valuePos: Position;
  text: string;
}

export interface PBlock {
  type: string;
  labels: string[];
  pos: Position;
  body: PBody;
}

export interface PBody {
  attrs: PAttr[];
  blocks: PBlock[];
}

/** hcl2json's messages: `FILE:L,C-L,C: Summary; Detail`, several in one `[…]`. */
const DIAG =
  /([^\s[,:][^:\n]*?):(\d+),(\d+)(?:-\d+(?:,\d+)?)?: ([^;\]]+)(?:; ([^\]]*?))?(?=, [^\s,][^:\n]*?:\d+,\d+|\]|$)/g;

export function hclProblems(message: string, file: string): Problem[] {
  const out: Problem[] = [];
  for (const m of message.matchAll(DIAG)) {
    out.push({
      message: `invalid HCL: ${m[4].trim()}`,
      pos: { file: m[1] === file ? file : m[1], line: Number(m[2]), col: Number(m[3]) },
      ...(m[5] ? { hint: m[5].trim() } : {}),
    });
  }
  return out.length
    ? out.slice(0, 1)
    : [{ message: `invalid HCL: ${message}`, pos: { file, line: 1, col: 1 } }];
}

/** Parses one HCL file into an ordered tree with positions. */
export async function readHcl(file: string, text: string): Promise<PBody> {
  let json: Record<string, unknown>;
  try {
    // Loaded on first use: the module reads and compiles its wasm as it loads (about 0.4 s),
    // which a bake.yml never needs.
    const { parse } = await import('@cdktf/hcl2json');
    json = (await parse(file, text)) as Record<string, unknown>;
  } catch (e) {
    throw new SpecError(hclProblems((e as Error).message ?? String(e), file));
  }
  const problems: Problem[] = [];
  const body = merge(indexHcl(text, file), json, problems);
  if (problems.length) throw new SpecError(problems.slice(0, 1));
  return body;
}

function merge(index: IndexBody, json: Record<string, unknown>, problems: Problem[]): PBody {
  const seen = new Map<string, number>();
  return {
    attrs: index.attrs.map((a) => {
      try {
        // Template directives as interpolations (see hcl-template.ts).
        return { ...a, value: mapStrings(json[a.name], withoutDirectives) };
      } catch (e) {
        if (!(e instanceof DirectiveError)) throw e;
        problems.push({
          message: e.message,
          pos: a.valuePos,
          hint: 'write the condition as ${cond ? "a" : "b"}, the loop as ${join("", [for x in list : "…"])}',
        });
        return { ...a, value: json[a.name] };
      }
    }),
    blocks: index.blocks.map((b) => {
      const key = JSON.stringify([b.type, ...b.labels]);
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      let v: unknown = json[b.type];
      for (const l of b.labels) v = (v as Record<string, unknown> | undefined)?.[l];
      const body = Array.isArray(v) ? (v[n] as Record<string, unknown>) : undefined;
      return {
        type: b.type,
        labels: b.labels,
        pos: b.pos,
        body: merge(b.body, body ?? {}, problems),
      };
    }),
  };
}

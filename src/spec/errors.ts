import { redactMessage } from '../util/redact';

/** A position in a spec file, 1-based, as editors show it. */
export interface Position {
  file: string;
  line: number;
  col: number;
}

/** One problem in a spec: what, where (file:line:col and key path) and what to do. */
export interface Problem {
  message: string;
  pos?: Position;
  /** Key path inside the spec, such as `sources.app.image`. */
  path?: string;
  hint?: string;
}

/** The one boundary every problem crosses before anyone prints it: secrets are masked. */
export function redactProblem(p: Problem): Problem {
  return {
    ...p,
    message: redactMessage(p.message),
    ...(p.hint !== undefined ? { hint: redactMessage(p.hint) } : {}),
    ...(p.path !== undefined ? { path: redactMessage(p.path) } : {}),
  };
}

export function formatProblem(problem: Problem): string {
  const p = redactProblem(problem);
  const where = p.pos ? `${p.pos.file}:${p.pos.line}:${p.pos.col}` : '';
  const at = p.path ? ` (${p.path})` : '';
  const head = where ? `${where}: ${p.message}${at}` : `${p.message}${at}`;
  return p.hint ? `${head}\n  hint: ${p.hint}` : head;
}

/**
 * A user's mistake. Carries every problem found so they are all reported at once; the CLI
 * and the action print them without a stack trace.
 */
export class SpecError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[] | Problem) {
    const list = (Array.isArray(problems) ? problems : [problems]).map(redactProblem);
    super(list.map(formatProblem).join('\n'));
    this.name = 'SpecError';
    this.problems = list;
  }
}

/** Collects problems while a pass walks the whole spec, so one run reports them all. */
export class ProblemList {
  readonly items: Problem[] = [];
  add(p: Problem): void {
    this.items.push(p);
  }
  get size(): number {
    return this.items.length;
  }
  throwIfAny(): void {
    if (this.items.length > 0) throw new SpecError(sortProblems(this.items));
  }
}

export function sortProblems(list: Problem[]): Problem[] {
  return [...list].sort((a, b) => {
    const fa = a.pos?.file ?? '';
    const fb = b.pos?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    return (a.pos?.line ?? 0) - (b.pos?.line ?? 0) || (a.pos?.col ?? 0) - (b.pos?.col ?? 0);
  });
}

/** Levenshtein distance, for "did you mean" suggestions. Inputs are short keys. */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(word.length / 3));
  return bestScore <= limit ? best : undefined;
}

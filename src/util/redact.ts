/**
 * The one place secrets are masked. Every value marked sensitive is registered here, and
 * every line bound for a log, output, manifest or comment passes through redact().
 */
const secrets = new Set<string>();
let pattern: RegExp | undefined;
const listeners: ((s: string) => void)[] = [];

export const REDACTED = '***';

export function addSecret(value: unknown): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'object') {
    for (const v of Array.isArray(value) ? value : Object.values(value)) addSecret(v);
    return;
  }
  const s = String(value);
  // Very short values would mask ordinary text everywhere; they are still kept out of
  // structured outputs by the sensitive flag itself.
  if (s.length < 3 || secrets.has(s)) return;
  secrets.add(s);
  pattern = undefined;
  for (const l of listeners) l(s);
  // Multi-line secrets (keys) are also masked line by line, as logs split them.
  for (const line of s.split(/\r?\n/))
    if (line.trim().length >= 8 && line !== s) addSecret(line.trim());
}

/** Called for every secret, past and future (the action forwards them to core.setSecret). */
export function onSecret(fn: (s: string) => void): void {
  listeners.push(fn);
  for (const s of secrets) fn(s);
}

export function redact(text: string): string {
  if (secrets.size === 0) return text;
  pattern ??= new RegExp(
    [...secrets]
      .sort((a, b) => b.length - a.length)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'g',
  );
  return text.replace(pattern, REDACTED);
}

/** Deep copy with every registered secret masked (for manifests, outputs, comments). */
export function redactValue<T>(v: T): T {
  if (typeof v === 'string') return redact(v) as T;
  if (Array.isArray(v)) return v.map(redactValue) as T;
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redactValue(x)])) as T;
  return v;
}

export function clearSecretsForTests(): void {
  secrets.clear();
  pattern = undefined;
}

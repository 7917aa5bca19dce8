/**
 * The one place secrets are masked. Every value marked sensitive is registered here, and
 * every line bound for a log, output, manifest or comment passes through redact().
 */
import { mapStrings } from './deep';
const secrets = new Set<string>();
/** Sensitive values too short to mask inside free text; masked where they are a whole value. */
const shortSecrets = new Set<string>();
let pattern: RegExp | undefined;
const listeners: ((s: string) => void)[] = [];

export const REDACTED = '***';

/** How long a value is shown before it is cut with "…" in messages (schema and type errors). */
const SHOWN_PREFIX = 40;

export function addSecret(value: unknown): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'object') {
    for (const v of Array.isArray(value) ? value : Object.values(value)) addSecret(v);
    return;
  }
  // A sensitive bool has nothing to mask: "true" and "false" are everywhere.
  if (typeof value === 'boolean') return;
  const s = String(value);
  if (s.length === 0) return;
  // Very short values would mask ordinary text everywhere; they are masked where they are a
  // whole value of a structured output (manifest, outputs, results, events) or a quoted value
  // in a problem.
  if (s.length < 3) {
    shortSecrets.add(s);
    return;
  }
  if (secrets.has(s)) return;
  register(s);
  // The same secret as it appears once escaped in JSON (events, outputs, messages)...
  const escaped = JSON.stringify(s).slice(1, -1);
  if (escaped !== s) register(escaped);
  // ...and as messages show a long value: its first characters, then "…".
  if (s.length > SHOWN_PREFIX) {
    register(s.slice(0, SHOWN_PREFIX));
    const cut = JSON.stringify(s.slice(0, SHOWN_PREFIX)).slice(1, -1);
    if (cut !== s.slice(0, SHOWN_PREFIX)) register(cut);
  }
  // Multi-line secrets (keys) are also masked line by line, as logs split them.
  for (const line of s.split(/\r?\n/))
    if (line.trim().length >= 8 && line !== s) addSecret(line.trim());
}

function register(s: string): void {
  if (secrets.has(s)) return;
  secrets.add(s);
  pattern = undefined;
  for (const l of listeners) l(s);
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

/**
 * For a message that quotes values (problems, errors): masks every registered secret, and a
 * short one where it stands quoted as a whole value, as in `got "ab"`.
 */
export function redactMessage(text: string): string {
  let out = redact(text);
  for (const s of shortSecrets) {
    for (const quoted of new Set([JSON.stringify(s), `"${s}"`, `'${s}'`, `\`${s}\``]))
      out = out.split(quoted).join(`"${REDACTED}"`);
  }
  return out;
}

/**
 * Deep copy with every registered secret masked (for manifests, outputs, comments). A string
 * that is, as a whole, a sensitive value too short to mask in text is masked as well.
 */
export function redactValue<T>(v: T): T {
  return mapStrings(v, (s) => (shortSecrets.has(s) ? REDACTED : redact(s)));
}

export function clearSecretsForTests(): void {
  secrets.clear();
  shortSecrets.clear();
  pattern = undefined;
}

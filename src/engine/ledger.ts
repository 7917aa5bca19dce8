/**
 * The resource ledger: every resource a build creates is written here the moment it exists
 * (JSON lines, fsynced) and marked done once cleaned. A killed run leaves its open entries
 * for `bake cleanup` and the action's post step.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { randomUuid } from '../util/random';

export interface LedgerEntry {
  id: string;
  /** What kind of thing: docker-container, docker-image, local-file, ... */
  kind: string;
  /** What the cleaner needs to find it (container id, path, region + id). */
  ref: Record<string, string>;
  build: string;
  run: string;
  description: string;
  time: string;
  /** Left on purpose (on-error=abort); still listed by `bake cleanup`. */
  kept?: boolean;
  /** The plugin that made it, `kind/type` (e.g. `builder/docker`). */
  plugin?: string;
  /** For a plugin from outside bake: its module, loaded again by `bake cleanup`. */
  module?: string;
}

/** Who owns a ledger kind; the ledger writes it down with each entry. */
export type LedgerOwner = (kind: string) => { plugin: string; module?: string } | undefined;

type Line =
  | ({ op: 'add' } & LedgerEntry)
  | { op: 'done'; id: string; time: string }
  | { op: 'keep'; id: string; time: string };

export class ResourceLedger {
  constructor(
    readonly file: string,
    readonly run: string,
    private readonly owner: LedgerOwner = () => undefined,
  ) {
    mkdirSync(dirname(file), { recursive: true });
  }

  private append(line: Line): void {
    const fd = openSync(this.file, 'a', 0o600);
    try {
      writeSync(fd, JSON.stringify(line) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  add(build: string, kind: string, ref: Record<string, string>, description: string): LedgerEntry {
    const entry: LedgerEntry = {
      id: randomUuid(),
      kind,
      ref,
      build,
      run: this.run,
      description,
      time: new Date().toISOString(),
      ...this.owner(kind),
    };
    this.append({ op: 'add', ...entry });
    return entry;
  }

  done(entry: LedgerEntry): void {
    this.append({ op: 'done', id: entry.id, time: new Date().toISOString() });
  }

  keep(entry: LedgerEntry): void {
    this.append({ op: 'keep', id: entry.id, time: new Date().toISOString() });
  }

  /** Entries that were added and never marked done, oldest first. */
  static pending(file: string): LedgerEntry[] {
    if (!existsSync(file)) return [];
    const open = new Map<string, LedgerEntry>();
    for (const raw of readFileSync(file, 'utf8').split('\n')) {
      if (!raw.trim()) continue;
      let line: Line;
      try {
        line = JSON.parse(raw) as Line;
      } catch {
        continue; // a torn last line from a killed process
      }
      if (line.op === 'add') open.set(line.id, line);
      else if (line.op === 'done') open.delete(line.id);
      else if (line.op === 'keep' && open.has(line.id)) open.get(line.id)!.kept = true;
    }
    return [...open.values()];
  }
}

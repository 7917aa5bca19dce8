/**
 * skip-unchanged: a build whose fingerprint matches a cached earlier result, and whose
 * artifact still exists, is not built again; its artifact is reported as reused.
 * The cache is a directory for the CLI and @actions/cache in the action.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArtifactRecord } from './events';
import { fingerprintOf } from './fingerprint';
import type { BuildInstance } from '../spec/resolve';

export interface CachedBuild {
  fingerprint: string;
  artifact: ArtifactRecord;
  builtAt: string;
  durationMs: number;
}

export interface ResultCache {
  get(key: string): Promise<CachedBuild | undefined>;
  put(key: string, value: CachedBuild): Promise<void>;
}

/** The CLI's cache: one JSON file per key. An unreadable entry is said, then rebuilt. */
export function directoryCache(
  dir: string,
  warn: (line: string) => void = (l) => process.stderr.write(`bake: ${l}\n`),
): ResultCache {
  return {
    async get(key) {
      const f = join(dir, `${key}.json`);
      if (!existsSync(f)) return undefined;
      try {
        return JSON.parse(readFileSync(f, 'utf8')) as CachedBuild;
      } catch (e) {
        warn(`the cached result ${f} cannot be read (${(e as Error).message}); building again`);
        return undefined;
      }
    },
    async put(key, value) {
      mkdirSync(dir, { recursive: true });
      const f = join(dir, `${key}.json`);
      writeFileSync(`${f}.tmp`, JSON.stringify(value, null, 2) + '\n');
      renameSync(`${f}.tmp`, f);
    },
  };
}

export function cacheKey(inst: BuildInstance, fingerprint: string): string {
  return `bake-${inst.name.replace(/[^A-Za-z0-9._-]/g, '-')}-${fingerprint.slice(0, 40)}`;
}

export interface ReuseDecision {
  key?: string;
  fingerprint?: string;
  /** The cached result, when it may be reused. */
  reused?: CachedBuild;
  /** Why the build runs (for the log). */
  reason: string;
}

export interface Reuser {
  base(inst: BuildInstance): Promise<string | undefined>;
  exists(inst: BuildInstance, a: ArtifactRecord): Promise<boolean>;
}

/** Decides whether `inst` can be skipped; never throws (when in doubt, build). */
export async function decide(
  inst: BuildInstance,
  stable: BuildInstance | undefined,
  specDir: string,
  cache: ResultCache,
  reuser: Reuser,
): Promise<ReuseDecision> {
  try {
    if (!stable) return { reason: 'no stable form of this build' };
    const base = await reuser.base(inst);
    if (base === undefined) return { reason: 'what it starts from cannot be identified' };
    const fingerprint = fingerprintOf(stable, specDir, base);
    const key = cacheKey(inst, fingerprint);
    const hit = await cache.get(key);
    if (!hit || hit.fingerprint !== fingerprint)
      return { key, fingerprint, reason: 'changed since the last cached build' };
    if (!(await reuser.exists(inst, hit.artifact)))
      return { key, fingerprint, reason: `unchanged, but ${hit.artifact.id} no longer exists` };
    return { key, fingerprint, reused: hit, reason: 'unchanged' };
  } catch (e) {
    return { reason: `could not fingerprint it (${(e as Error).message})` };
  }
}

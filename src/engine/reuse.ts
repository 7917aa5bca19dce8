/**
 * skip-unchanged: a build whose fingerprint matches a cached earlier result, and whose
 * artifact still exists, is not built again; its artifact is reported as reused.
 * The cache is a directory for the CLI and @actions/cache in the action.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Docker from 'dockerode';
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

/** The CLI's cache: one JSON file per key. */
export function directoryCache(dir: string): ResultCache {
  return {
    async get(key) {
      const f = join(dir, `${key}.json`);
      if (!existsSync(f)) return undefined;
      try {
        return JSON.parse(readFileSync(f, 'utf8')) as CachedBuild;
      } catch {
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

/** Identity of a Docker base image: its registry digest when it has one, else its local id. */
export async function dockerBase(
  docker: Docker,
  image: string,
  pull: string,
): Promise<string | undefined> {
  const remote = async () => {
    try {
      return `digest:${(await docker.getImage(image).distribution()).Descriptor.digest}`;
    } catch {
      return undefined;
    }
  };
  if (pull === 'always') {
    const r = await remote();
    if (r) return r;
  }
  try {
    const info = await docker.getImage(image).inspect();
    const digest = info.RepoDigests?.[0]?.split('@')[1];
    return digest ? `digest:${digest}` : `id:${info.Id}`;
  } catch {
    return pull === 'never' ? undefined : remote();
  }
}

/** Whether a Docker build's recorded artifact can still be used. */
export async function dockerArtifactExists(docker: Docker, a: ArtifactRecord): Promise<boolean> {
  if (a.digests?.length) {
    // Pushed: what deployments use is the registry's copy.
    for (const ref of a.digests) {
      try {
        await docker.getImage(ref).distribution();
      } catch {
        return false;
      }
    }
    return true;
  }
  if (a.files?.length) return a.files.every((f) => existsSync(f));
  try {
    await docker.getImage(a.id).inspect();
    return true;
  } catch {
    return false;
  }
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

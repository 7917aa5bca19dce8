/**
 * skip-unchanged in the action: results live in the GitHub Actions cache, one entry per
 * build fingerprint. A missing or failing cache service never fails a build; it only
 * means the build runs.
 */
import * as core from '@actions/core';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CachedBuild, ResultCache } from '../engine/reuse';

export function actionsCache(): ResultCache {
  // The same absolute path in every job: the cache service keys entries by path too.
  const root = join(tmpdir(), 'bake-cache');
  /** The cache library and the entry's directory, or undefined without a cache service. */
  const open = async (key: string) => {
    const cache = await import('@actions/cache');
    if (!cache.isFeatureAvailable()) return undefined;
    const dir = join(root, key);
    mkdirSync(dir, { recursive: true });
    return { cache, dir, file: join(dir, 'result.json') };
  };
  return {
    async get(key) {
      const entry = await open(key);
      if (!entry) {
        core.info('skip-unchanged: no cache service in this job; building everything');
        return undefined;
      }
      try {
        const hit = await entry.cache.restoreCache([entry.dir], key);
        if (hit !== key || !existsSync(entry.file)) return undefined;
        return JSON.parse(readFileSync(entry.file, 'utf8')) as CachedBuild;
      } catch (e) {
        core.warning(`skip-unchanged: could not read the cache (${(e as Error).message})`);
        return undefined;
      }
    },
    async put(key, value) {
      const entry = await open(key);
      if (!entry) return;
      writeFileSync(entry.file, JSON.stringify(value, null, 2) + '\n');
      try {
        await entry.cache.saveCache([entry.dir], key);
      } catch (e) {
        // Another leg saved the same key first: the same result, nothing lost.
        if ((e as Error).name !== 'ReserveCacheError')
          core.warning(`skip-unchanged: could not save to the cache (${(e as Error).message})`);
      }
    },
  };
}

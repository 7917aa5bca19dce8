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
  const load = () => import('@actions/cache');
  return {
    async get(key) {
      const cache = await load();
      if (!cache.isFeatureAvailable()) {
        core.info('skip-unchanged: no cache service in this job; building everything');
        return undefined;
      }
      const dir = join(root, key);
      mkdirSync(dir, { recursive: true });
      try {
        const hit = await cache.restoreCache([dir], key);
        const file = join(dir, 'result.json');
        if (hit !== key || !existsSync(file)) return undefined;
        return JSON.parse(readFileSync(file, 'utf8')) as CachedBuild;
      } catch (e) {
        core.warning(`skip-unchanged: could not read the cache (${(e as Error).message})`);
        return undefined;
      }
    },
    async put(key, value) {
      const cache = await load();
      if (!cache.isFeatureAvailable()) return;
      const dir = join(root, key);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'result.json'), JSON.stringify(value, null, 2) + '\n');
      try {
        await cache.saveCache([dir], key);
      } catch (e) {
        // Another leg saved the same key first: the same result, nothing lost.
        if ((e as Error).name !== 'ReserveCacheError')
          core.warning(`skip-unchanged: could not save to the cache (${(e as Error).message})`);
      }
    },
  };
}

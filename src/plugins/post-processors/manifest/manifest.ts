/**
 * The manifest post-processor: Packer's packer-manifest.json shape, written atomically and
 * merged across runs and across processes writing at once (a lock file serialises them).
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { PostProcessorImpl } from '../../../engine/context';
import { sleep } from '../../../engine/steps';
import { redactValue } from '../../../util/redact';

export interface ManifestBuild {
  name: string;
  builder_type: string;
  build_time: number;
  files: { name: string; size: number }[] | null;
  artifact_id: string;
  packer_run_uuid: string;
  bake_run_uuid: string;
  custom_data: Record<string, string> | null;
  tags?: string[];
  digests?: string[];
  regions?: Record<string, string>;
  properties?: Record<string, string>;
  /** The image's SBOM and the reports of its tests and scans. */
  sbom?: string;
  reports?: string[];
}

export interface Manifest {
  builds: ManifestBuild[];
  last_run_uuid: string;
}

const STALE_LOCK_MS = 30_000;

export async function withFileLock<T>(path: string, signal: AbortSignal, fn: () => T): Promise<T> {
  const lock = path + '.lock';
  for (let attempt = 0; ; attempt++) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) unlinkSync(lock);
      } catch {
        // the holder released it meanwhile
      }
      await sleep(Math.min(5 + attempt * 2, 50), signal);
    }
  }
  try {
    return fn();
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      // already gone
    }
  }
}

export function addToManifest(
  path: string,
  entry: ManifestBuild,
  runUuid: string,
  warn: (line: string) => void = () => undefined,
): void {
  let m: Manifest = { builds: [], last_run_uuid: runUuid };
  if (existsSync(path)) {
    try {
      const old = JSON.parse(readFileSync(path, 'utf8')) as Partial<Manifest>;
      if (Array.isArray(old.builds)) m.builds = old.builds;
    } catch (e) {
      // A manifest that no longer parses is kept aside, never silently overwritten.
      const aside = `${path}.corrupt-${Date.now()}`;
      renameSync(path, aside);
      warn(
        `${path} did not parse (${(e as Error).message}); moved it to ${aside} and started a new one`,
      );
    }
  }
  m = { builds: [...m.builds, entry], last_run_uuid: runUuid };
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, JSON.stringify(m, null, 2) + '\n');
  renameSync(tmp, path);
}

export const manifest: PostProcessorImpl = {
  async run(use, input, env, signal) {
    const path = resolve(env.specDir, String(use.config.output ?? 'bake-manifest.json'));
    mkdirSync(dirname(path), { recursive: true });
    const files = input.files?.length
      ? input.files.map((f) => ({
          name: use.config.strip_path === true ? basename(f) : f,
          size: existsSync(f) ? statSync(f).size : 0,
        }))
      : null;
    const entry: ManifestBuild = redactValue({
      name: env.instance.source,
      builder_type: env.instance.type,
      build_time: Math.floor(Date.now() / 1000),
      files,
      artifact_id: input.id,
      packer_run_uuid: env.runUuid,
      bake_run_uuid: env.runUuid,
      custom_data: (use.config.custom_data as Record<string, string> | undefined) ?? null,
      ...(input.tags?.length ? { tags: input.tags } : {}),
      ...(input.digests?.length ? { digests: input.digests } : {}),
      ...(input.regions ? { regions: input.regions } : {}),
      ...(input.properties ? { properties: input.properties } : {}),
      ...(input.sbom ? { sbom: input.sbom } : {}),
      ...(input.reports?.length ? { reports: input.reports } : {}),
    });
    await withFileLock(path, signal, () =>
      addToManifest(path, entry, env.runUuid, (l) => env.out('stderr', l)),
    );
    env.out('info', `manifest updated: ${path}`);
    return { artifact: input, keepInput: true };
  },
};

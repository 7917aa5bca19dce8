/**
 * Build fingerprints for skip-unchanged: what a build would make is decided by its resolved
 * settings (without the values that change on every run: timestamp(), uuidv4()), the bytes
 * of every local file it reads, and the identity of what it starts from (a base image's
 * digest, the resolved source AMI). Two runs with the same fingerprint make the same thing.
 */
import { nodeCrypto } from '../util/random';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BuildInstance } from '../spec/resolve';
import { redactValue } from '../util/redact';

/** JSON with keys sorted, so equal values always give equal text. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

/** Content hash of a file or a whole directory tree (names, modes, bytes, links). */
export function hashPath(path: string): string {
  const h = nodeCrypto().createHash('sha256');
  const walk = (p: string, root: string) => {
    let st;
    try {
      st = lstatSync(p);
    } catch {
      h.update(`missing:${relative(root, p)}\n`);
      return;
    }
    const rel = relative(root, p);
    if (st.isDirectory()) {
      h.update(`dir:${rel}:${st.mode & 0o7777}\n`);
      for (const name of readdirSync(p).sort()) walk(join(p, name), root);
    } else if (st.isSymbolicLink()) {
      h.update(`link:${rel}:${readlinkSync(p)}\n`);
    } else {
      h.update(`file:${rel}:${st.mode & 0o7777}:${st.size}\n`);
      h.update(readFileSync(p));
    }
  };
  walk(path, path);
  return h.digest('hex');
}

/**
 * The fingerprint of one build instance. `stable` is the same instance resolved with the
 * volatile functions fixed; `base` names what the build starts from. Sensitive values are
 * left out (a hash of a short password could be guessed back from a cache key).
 */
export function fingerprintOf(stable: BuildInstance, specDir: string, base: string): string {
  const files = [...new Set(stable.files)].sort().map((f) => [relative(specDir, f), hashPath(f)]);
  const doc = redactValue({
    v: 1,
    type: stable.type,
    config: stable.config,
    provisioners: stable.provisioners.map((p) => ({ type: p.type, config: p.config })),
    errorCleanup: stable.errorCleanupProvisioner
      ? { type: stable.errorCleanupProvisioner.type, config: stable.errorCleanupProvisioner.config }
      : null,
    postProcessors: stable.postProcessors.map((chain) =>
      chain.map((p) => ({ type: p.type, config: p.config, keep: p.keepInputArtifact ?? null })),
    ),
    files,
    base,
    // What proves the machine is part of what is made: a new check builds again.
    ...(stable.trust
      ? {
          trust: {
            tests: stable.trust.tests.map((t) => ({ type: t.type, config: t.config })),
            sbom: stable.trust.sbom?.format ?? null,
            scans: stable.trust.scans.map((t) => ({
              type: t.type,
              // Local files by where they sit beside the spec, as on any runner.
              config: Object.fromEntries(
                Object.entries(t.config).map(([k, v]) => [
                  k,
                  typeof v === 'string' && v.startsWith('/') ? relative(specDir, v) : v,
                ]),
              ),
              failOn: t.failOn,
              ignore: t.ignore,
            })),
          },
        }
      : {}),
  });
  return nodeCrypto().createHash('sha256').update(canonical(doc)).digest('hex');
}

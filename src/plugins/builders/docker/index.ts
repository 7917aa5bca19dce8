/** The docker builder (Packer's name): a Docker image from a base image, through the Docker API. */
import { resolve } from 'node:path';
import type { BuilderDescriptor, RuleProblem } from '../../api';
import { dockerBuilderSchema, pullPolicy } from './schema';
import { parseRunCommand } from './run-command';
import { dockerArtifactExists, dockerBase } from './reuse';

/** Removal that treats "no such container/image" and "already being removed" as done. */
const ignoreMissing = (e: unknown) => {
  const code = (e as { statusCode?: number }).statusCode;
  if (code !== 404 && code !== 409) throw e;
};

export const docker: BuilderDescriptor = {
  kind: 'builder',
  type: 'docker',
  description: 'a Docker image from a base image, through the Docker API',
  schema: dockerBuilderSchema,
  refine: (c) => {
    const out: RuleProblem[] = [];
    const chosen = ['commit', 'export_path', 'discard'].filter((k) =>
      k === 'export_path' ? typeof c[k] === 'string' : c[k] === true,
    );
    if (chosen.length > 1)
      out.push({
        key: chosen[1],
        message: `set only one of commit, export_path and discard (this source sets ${chosen.join(' and ')})`,
        hint: 'commit makes an image, export_path a tar of the filesystem, discard nothing',
      });
    if (c.commit === false && !chosen.length)
      out.push({
        key: 'commit',
        message: 'commit: false leaves nothing to make',
        hint: 'set export_path to keep the filesystem as a tar, or discard: true to throw it away',
      });
    if (Array.isArray(c.run_command)) {
      const r = parseRunCommand(c.run_command.map(String));
      if ('error' in r) out.push({ key: 'run_command', message: r.error, hint: r.hint });
      for (const k of ['entrypoint', 'cmd'] as const)
        if (c[k] !== undefined)
          out.push({
            key: k,
            message: `set ${k} or run_command, not both`,
            hint: 'run_command gives the command after {{.Image}} and --entrypoint',
          });
    }
    if (c.container_dir !== undefined)
      out.push({
        key: 'container_dir',
        message:
          'container_dir is not supported: bake copies files through the Docker API, with no shared directory',
        hint: 'remove it; scripts are uploaded to remote_folder (default /tmp) of each provisioner',
      });
    return out;
  },
  artifact: (c) =>
    typeof c.export_path === 'string' ? 'files' : c.discard === true ? 'none' : 'docker-image',
  needs: { docker: true },
  cleaners: {
    'docker-container': async (e, { docker }) => {
      await docker().getContainer(e.ref.id).remove({ force: true, v: true }).catch(ignoreMissing);
    },
    'docker-image': async (e, { docker }) => {
      await docker().getImage(e.ref.id).remove({ force: true }).catch(ignoreMissing);
    },
  },
  localInputs: (c, dir) =>
    Object.keys((c.volumes as Record<string, string> | undefined) ?? {})
      .filter((host) => host.startsWith('.') || host.startsWith('/'))
      .map((host) => resolve(dir, host)),
  reuse: {
    base: (c, { docker }) => dockerBase(docker(), String(c.image), pullPolicy(c.pull)),
    exists: (_c, a, { docker }) => dockerArtifactExists(docker(), a),
  },
  load: async () => (await import('./builder')).dockerBuilder,
};

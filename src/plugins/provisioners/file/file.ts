import { existsSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BuildError, ProvisionerImpl } from '../../../engine/context';

export const file: ProvisionerImpl = {
  async run(use, comm, env, signal) {
    if (!comm)
      throw new BuildError(
        'the file provisioner needs a machine to copy to',
        'this builder has no communicator',
      );
    const c = use.config;
    const dest = String(c.destination);
    if ((c.direction ?? 'upload') === 'download') {
      const sources = [
        ...(typeof c.source === 'string' ? [c.source] : []),
        ...((c.sources as string[] | undefined) ?? []),
      ];
      if (!sources.length)
        throw new BuildError('a download needs source (the remote path)', use.path);
      for (const s of sources) {
        const local = resolve(
          env.specDir,
          dest.endsWith('/') ? dest + s.split('/').filter(Boolean).pop() : dest,
        );
        mkdirSync(dirname(local), { recursive: true });
        env.out('info', `downloading ${s} → ${local}`);
        await comm.download(s, local, signal);
      }
      return;
    }
    if (typeof c.content === 'string') {
      if (c.source !== undefined || c.sources !== undefined)
        throw new BuildError('set either content or source/sources, not both', use.path);
      env.out('info', `writing ${dest}`);
      await comm.uploadContent(c.content, dest, 0o644, signal);
      return;
    }
    const sources = [
      ...(typeof c.source === 'string' ? [c.source] : []),
      ...((c.sources as string[] | undefined) ?? []),
    ];
    if (!sources.length)
      throw new BuildError('the file provisioner needs source, sources or content', use.path);
    for (const s of sources) {
      const local = resolve(env.specDir, s);
      if (!existsSync(local))
        throw new BuildError(
          `file provisioner: ${s} does not exist`,
          `paths are relative to the spec's directory (${env.specDir})`,
        );
      // A directory goes into the destination as Packer does it: "dir/" copies its contents;
      // "dir" creates dest/dir when dest is a directory already, and becomes dest when dest
      // does not exist yet. A file goes into dest/ when dest ends in / or when several
      // sources are given, and becomes dest otherwise.
      const isDir = statSync(local).isDirectory();
      const target =
        !isDir && (sources.length > 1 || dest.endsWith('/'))
          ? `${dest.replace(/\/$/, '')}/${local.split('/').pop()}`
          : dest.replace(/(.)\/$/, '$1');
      env.out('info', `uploading ${s} → ${target}`);
      await comm.upload(s.endsWith('/') ? local + '/' : local, target, signal, {
        intoExisting: isDir,
      });
    }
  },
};

export function writeLocal(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

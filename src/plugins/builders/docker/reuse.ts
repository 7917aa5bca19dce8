/** skip-unchanged for the docker builder: the base image's identity; the image must still exist. */
import { existsSync } from 'node:fs';
import type Docker from 'dockerode';
import type { ArtifactRecord } from '../../../engine/events';

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

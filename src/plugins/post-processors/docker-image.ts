/** What the docker-* post-processors share: the check that they were given an image. */
import { BuildError } from '../../engine/context';

export function requireImage(id: string, type: string): void {
  if (!id.startsWith('sha256:'))
    throw new BuildError(
      `${type} needs a Docker image artifact, got "${id}"`,
      'use it after a docker builder with commit: true',
    );
}

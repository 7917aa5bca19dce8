/**
 * The Docker client bake uses: dockerode's container, image and exec objects on bake's own
 * transport (docker-engine.ts), without dockerode's top-level module. That module loads gRPC
 * and compiles BuildKit's protocol definitions when it is required (about 30 ms of every
 * Docker build's start here, measured with `node --cpu-prof`), for `buildImage` sessions bake
 * never opens.
 *
 * The handful of engine-level calls bake makes are written here on the transport; everything
 * else (containers, images, exec) is dockerode's own code.
 */
import type Docker from 'dockerode';
// dockerode's per-object modules, without its entry point (see above).
import Container from 'dockerode/lib/container';
import Image from 'dockerode/lib/image';
import { DialOptions, EngineAddress, EngineTransport } from './docker-engine';

/** What dockerode's objects are made on: the transport's dial and its promise type. */
type ModemLike = EngineTransport;

const SERVER_ERROR = { 500: 'server error' };

/** Splits `repo[:tag]` or `repo@digest`; a colon inside a registry's host:port is not a tag. */
export function splitReference(ref: string): { repository: string; tag?: string } {
  const at = ref.indexOf('@');
  const cut = at >= 0 ? at : ref.lastIndexOf(':');
  if (cut < 0) return { repository: ref };
  const rest = ref.slice(cut + 1);
  return rest.includes('/') ? { repository: ref } : { repository: ref.slice(0, cut), tag: rest };
}

export class DockerClient {
  readonly modem: EngineTransport;

  constructor(address?: EngineAddress) {
    this.modem = new EngineTransport(address);
  }

  private call<T>(opts: DialOptions): Promise<T> {
    return new Promise<T>((res, rej) =>
      this.modem.dial(opts, (err, data) => (err ? rej(err) : res(data as T))),
    );
  }

  getContainer(id: string): Docker.Container {
    return new (Container as unknown as new (m: ModemLike, id: string) => Docker.Container)(
      this.modem,
      id,
    );
  }

  getImage(name: string): Docker.Image {
    return new (Image as unknown as new (m: ModemLike, name: string) => Docker.Image)(
      this.modem,
      name,
    );
  }

  ping(): Promise<unknown> {
    return this.call({
      path: '/_ping',
      method: 'GET',
      statusCodes: { 200: true, ...SERVER_ERROR },
    });
  }

  async createContainer(opts: Docker.ContainerCreateOptions): Promise<Docker.Container> {
    const data = await this.call<{ Id: string }>({
      path: '/containers/create?',
      method: 'POST',
      options: opts as Record<string, unknown>,
      statusCodes: {
        200: true,
        201: true,
        400: 'bad parameter',
        404: 'no such image',
        406: 'impossible to attach',
        409: 'conflict',
        ...SERVER_ERROR,
      },
    });
    return this.getContainer(data.Id);
  }

  /** Starts pulling `ref`; resolves with the progress stream. */
  pull(ref: string, opts: Record<string, unknown> = {}): Promise<NodeJS.ReadableStream> {
    const { repository, tag } = splitReference(ref);
    return this.call({
      path: '/images/create?',
      method: 'POST',
      options: { ...opts, fromImage: repository, tag: tag ?? 'latest' },
      isStream: true,
      statusCodes: { 200: true, ...SERVER_ERROR },
    });
  }

  /** Starts importing a filesystem tarball; resolves with the progress stream. */
  importImage(
    file: string | NodeJS.ReadableStream,
    opts: Record<string, unknown> = {},
  ): Promise<NodeJS.ReadableStream> {
    return this.call({
      path: '/images/create?',
      method: 'POST',
      options: { ...opts, fromSrc: '-' },
      file,
      isStream: true,
      statusCodes: { 200: true, ...SERVER_ERROR },
    });
  }
}

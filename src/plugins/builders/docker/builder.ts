/**
 * The docker builder: pull → create → start → provision → commit | export | discard.
 * Everything goes through the Docker API (dockerode); the container is in the ledger from
 * the moment it exists and is removed by cleanup whatever happens.
 */
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { DockerCommunicator } from '../../../communicators/docker';
import { parseRunCommand } from './run-command';
import { pullPolicy } from './schema';
import { BuildEnv, BuildError, BuildState, BuilderImpl } from '../../../engine/context';
import { LedgerEntry } from '../../../engine/ledger';
import { raceSignal, Step, throwIfCancelled } from '../../../engine/steps';

export const CHANGE_INSTRUCTIONS = [
  'CMD',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'LABEL',
  'USER',
  'WORKDIR',
  'VOLUME',
  'ONBUILD',
  'STOPSIGNAL',
];

interface DockerState extends BuildState {
  container?: Docker.Container;
  containerEntry?: LedgerEntry;
}

function concatLists(a?: string[], b?: string[]): string[] | undefined {
  const all = [...(a ?? []), ...(b ?? [])];
  return all.length ? all : undefined;
}

function asList(v: unknown): string[] | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

export function validateChanges(changes: string[]): void {
  for (const ch of changes) {
    const word = ch.trim().split(/\s+/)[0]?.toUpperCase();
    if (!CHANGE_INSTRUCTIONS.includes(word)) {
      throw new BuildError(
        `changes: "${ch}" is not an instruction docker commit accepts`,
        `use one of ${CHANGE_INSTRUCTIONS.join(', ')}`,
      );
    }
  }
}

/** Follows a pull stream to its end; a failure anywhere in it is an error. */
/** An error entry inside a pull or push progress stream (the HTTP call itself succeeded). */
export class ProgressError extends Error {}

/**
 * Follows a pull or push stream to its end; an error entry anywhere in it rejects with a
 * ProgressError. `onEvent` sees every entry (push reads the digest from one).
 */
export async function followProgress<E extends object>(
  docker: Docker,
  stream: NodeJS.ReadableStream,
  signal: AbortSignal,
  onEvent?: (event: E) => void,
): Promise<void> {
  await raceSignal(
    new Promise<void>((res, rej) =>
      docker.modem.followProgress(
        stream,
        (err: Error | null, output: { error?: string }[]) => {
          if (err) return rej(err);
          const failed = output?.find((o) => o.error);
          return failed ? rej(new ProgressError(failed.error)) : res();
        },
        onEvent,
      ),
    ),
    signal,
  );
}

export const dockerBuilder: BuilderImpl = {
  steps(env: BuildEnv, provision: Step<BuildState>): Step<DockerState>[] {
    const c = env.instance.config;
    const docker = env.docker();
    const image = String(c.image);
    // commit, export_path and discard are exclusive: the descriptor's rules refuse two.
    const mode =
      typeof c.export_path === 'string' ? 'export' : c.discard === true ? 'discard' : 'commit';
    const changes = asList(c.changes) ?? [];
    validateChanges(changes);
    // The descriptor's rules refuse a run_command that does not parse.
    const parsed = Array.isArray(c.run_command)
      ? parseRunCommand(c.run_command.map(String))
      : undefined;
    const run = parsed && !('error' in parsed) ? parsed : undefined;
    // Commands run as the user the container runs as, unless exec_user says otherwise.
    const execUser = typeof c.exec_user === 'string' ? c.exec_user : run?.user;

    return [
      {
        name: 'pull',
        async run(_s, ctx) {
          // Both at once: the engine answering, and whether the image is here.
          const [, present] = await Promise.all([
            reachEngine(docker),
            docker
              .getImage(image)
              .inspect()
              .then(
                () => true,
                () => false,
              ),
          ]);
          const policy = pullPolicy(c.pull);
          if (policy === 'never' && !present)
            throw new BuildError(
              `image ${image} is not present and pull is "never"`,
              'pull it first, or set pull: missing',
            );
          if (policy === 'always' || (policy === 'missing' && !present)) {
            ctx.log(`pulling ${image}`);
            try {
              const stream = (await docker.pull(
                image,
                c.platform ? { platform: String(c.platform) } : {},
              )) as NodeJS.ReadableStream;
              await followProgress(docker, stream, ctx.signal);
            } catch (e) {
              if (ctx.signal.aborted) throw e;
              if (present)
                ctx.log(`pull failed (${(e as Error).message}); using the local ${image}`);
              else
                throw new BuildError(
                  `cannot pull ${image}: ${(e as Error).message}`,
                  'check the image name and that the registry is reachable (and logged in, for private images)',
                );
            }
          }
        },
      },
      {
        name: 'create container',
        async run(s, ctx) {
          const binds = Object.entries((c.volumes as Record<string, string> | undefined) ?? {}).map(
            ([h, ctr]) => `${resolve(env.specDir, h)}:${ctr}`,
          );
          const tmpfs = Object.fromEntries(
            ((c.tmpfs as string[] | undefined) ?? []).map((t) => [
              t.split(':')[0],
              t.split(':').slice(1).join(':'),
            ]),
          );
          const entrypoint = asList(c.entrypoint);
          const cmd = asList(c.cmd);
          const container = await docker.createContainer({
            Image: image,
            ...(run
              ? {
                  Entrypoint: run.entrypoint,
                  Cmd: run.cmd,
                  Tty: run.tty,
                  OpenStdin: run.stdin,
                  User: run.user,
                  Env: run.env.length ? run.env : undefined,
                  WorkingDir: run.workdir,
                  Hostname: run.hostname,
                }
              : {
                  // Like Packer: an interactive shell keeps the container alive in any image.
                  Entrypoint: entrypoint ?? (cmd ? undefined : ['/bin/sh']),
                  Cmd: cmd ?? [],
                  Tty: !cmd,
                  OpenStdin: !cmd,
                }),
            // No Env here: what the container's config holds ends up in the image.
            // Found by name (not labels: a container's labels would be committed into the image).
            name: containerName(env.instance.name, env.runUuid),
            HostConfig: {
              Privileged: c.privileged === true || run?.privileged === true,
              Binds:
                binds.length || run?.volumes.length
                  ? [...binds, ...(run?.volumes ?? [])]
                  : undefined,
              ...(run?.network ? { NetworkMode: run.network } : {}),
              Tmpfs: Object.keys(tmpfs).length ? tmpfs : undefined,
              CapAdd: concatLists(asList(c.cap_add), run?.capAdd),
              CapDrop: concatLists(asList(c.cap_drop), run?.capDrop),
              Devices: asList(c.devices)?.map((d) => {
                const [host, inner, perms] = d.split(':');
                return {
                  PathOnHost: host,
                  PathInContainer: inner ?? host,
                  CgroupPermissions: perms ?? 'rwm',
                };
              }),
            },
            ...(c.platform ? { platform: String(c.platform) } : {}),
          });
          s.container = container;
          s.containerEntry = env.ledger.add(
            env.instance.name,
            'docker-container',
            { id: container.id },
            `container ${container.id.slice(0, 12)} from ${image}`,
          );
          env.generated.ID = container.id;
          ctx.log(`container ${container.id.slice(0, 12)} created`);
        },
        async cleanup(s) {
          if (!s.container) return;
          await removeContainer(s.container);
          if (s.containerEntry) env.ledger.done(s.containerEntry);
        },
        cleanupBudgetMs: 6_000,
      },
      {
        name: 'start container',
        async run(s) {
          await s.container!.start();
          env.connection = {
            type: 'docker',
            containerId: s.container!.id,
            user: execUser,
          };
          s.communicator = new DockerCommunicator(docker, s.container!, {
            execUser,
            fixUploadOwner: c.fix_upload_owner !== false,
            env: (c.env as Record<string, string> | undefined) ?? {},
          });
        },
      },
      provision as Step<DockerState>,
      {
        name: mode,
        async run(s, ctx) {
          const ctr = s.container!;
          if (mode === 'discard') {
            s.artifact = undefined;
            ctx.log('discard: the container is thrown away');
            return;
          }
          if (mode === 'export') {
            const path = resolve(env.specDir, String(c.export_path));
            mkdirSync(dirname(path), { recursive: true });
            const stream = (await ctr.export()) as NodeJS.ReadableStream;
            await raceSignal(pipeline(stream, createWriteStream(path)), ctx.signal);
            s.artifact = {
              id: path,
              builderType: 'docker',
              files: [path],
              description: `container filesystem exported to ${path}`,
              destroy: async () => rmSync(path, { force: true }),
            };
            return;
          }
          // The build container runs a shell bake chose; the image must keep the base
          // image's own entrypoint and command unless `changes` says otherwise.
          // Its processes are stopped first, so the snapshot is of a filesystem nothing
          // writes to (the commit then needs no pause), and removing a stopped container
          // afterwards takes ~10 ms where a running one takes ~100 ms (kill 85, commit
          // without pause 57, removal 8, against commit with pause 77 and removal 96).
          const [base] = await Promise.all([
            docker
              .getImage(image)
              .inspect()
              .then((i) => i.Config),
            ctr.kill().catch((e: { statusCode?: number }) => {
              // 409: it is not running (its command ended); committing it is still right.
              if (e.statusCode !== 409) throw e;
            }),
          ]);
          throwIfCancelled(ctx.signal);
          // Not raced against cancellation: a commit that finishes after a cancel would
          // leave an image nobody knows of. It takes well under a second; wait, then undo.
          const res = (await ctr.commit({
            _query: {
              container: ctr.id,
              pause: false,
              changes,
              author: typeof c.author === 'string' ? c.author : undefined,
              comment: typeof c.message === 'string' ? c.message : undefined,
            },
            _body: {
              // [] rather than null: null would let the daemon copy the container's shell.
              Entrypoint: base?.Entrypoint ?? [],
              Cmd: base?.Cmd ?? null,
              Tty: false,
              OpenStdin: false,
              StdinOnce: false,
              AttachStdin: false,
            },
          })) as { Id: string };
          const id = res.Id;
          // Until the build ends well the new image is a half-made result: ledger it.
          const entry = env.ledger.add(
            env.instance.name,
            'docker-image',
            { id },
            `image ${id.slice(7, 19)}`,
          );
          s.artifact = {
            id,
            builderType: 'docker',
            description: `image ${id}`,
            ledgerEntries: [entry],
            destroy: async () => {
              await docker
                .getImage(id)
                .remove({ noprune: false })
                .catch((e: { statusCode?: number }) => {
                  if (e.statusCode !== 404) throw e;
                });
            },
          };
          ctx.log(`committed ${id}`);
          throwIfCancelled(ctx.signal);
        },
      },
    ];
  },
};

/**
 * The engine answers, or the build stops with what is wrong with the socket — not a pull
 * error about a registry that was never asked.
 */
async function reachEngine(docker: Docker): Promise<void> {
  try {
    await docker.ping();
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { address?: string };
    const socket = err.address ?? process.env.DOCKER_HOST ?? '/var/run/docker.sock';
    if (err.code === 'EACCES')
      throw new BuildError(
        `permission denied on the Docker socket ${socket}`,
        'add your user to the docker group (sudo usermod -aG docker "$USER", then log in again), or run bake as root',
      );
    if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED')
      throw new BuildError(
        `no Docker engine answers at ${socket}`,
        'start one (scripts/dev-services.sh here, or sudo systemctl start docker), or set DOCKER_HOST',
      );
    throw new BuildError(`the Docker engine at ${socket} does not answer: ${err.message}`);
  }
}

export function containerName(build: string, run: string): string {
  return `bake-${build.replace(/[^A-Za-z0-9_.-]/g, '-')}-${run.slice(0, 8)}`;
}

export async function removeContainer(container: Docker.Container): Promise<void> {
  try {
    await container.remove({ force: true, v: true });
  } catch (e) {
    const code = (e as { statusCode?: number }).statusCode;
    // 404: already gone; 409: removal already in progress.
    if (code !== 404 && code !== 409) throw e;
  }
}

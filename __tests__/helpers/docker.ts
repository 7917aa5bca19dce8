import Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import { ResourceLedger } from '../../src/engine/ledger';

export const docker = new Docker();
export const REGISTRY = process.env.BAKE_TEST_REGISTRY ?? '127.0.0.1:5000';

/** Fails loudly when the real engine is missing: these tests never fake it. */
export async function requireDocker(): Promise<void> {
  try {
    await docker.ping();
  } catch (e) {
    throw new Error(
      `no Docker engine answers (${(e as Error).message}); run "sudo scripts/dev-services.sh" first`,
      { cause: e },
    );
  }
}

export async function containersOfRun(run: string): Promise<Docker.ContainerInfo[]> {
  const all = await docker.listContainers({
    all: true,
    filters: { name: [`-${run.slice(0, 8)}`] },
  });
  return all.filter((c) =>
    c.Names.some((n) => n.startsWith('/bake-') && n.endsWith(`-${run.slice(0, 8)}`)),
  );
}

export function pendingOf(ledgerFile: string, run?: string) {
  return ResourceLedger.pending(ledgerFile).filter((e) => !run || e.run === run);
}

export async function imageExists(id: string): Promise<boolean> {
  try {
    await docker.getImage(id).inspect();
    return true;
  } catch {
    return false;
  }
}

/** Runs a command in a throwaway container of the image and returns its output. */
export async function runIn(image: string, cmd?: string[]): Promise<{ code: number; out: string }> {
  const c = await docker.createContainer({ Image: image, Cmd: cmd, Tty: true });
  try {
    await c.start();
    const { StatusCode } = (await c.wait()) as { StatusCode: number };
    const logs = (await c.logs({ stdout: true, stderr: true, follow: false })) as unknown as Buffer;
    return { code: StatusCode, out: logs.toString() };
  } finally {
    await c.remove({ force: true });
  }
}

/**
 * A bridge network of one test file's own: its containers' addresses are never handed to
 * another file's containers (on the default bridge a dead container's address is reused
 * at once, and a build would talk to someone else's machine).
 */
export async function ownNetwork(
  prefix: string,
): Promise<{ name: string; remove(): Promise<void> }> {
  const name = `${prefix}-${randomBytes(4).toString('hex')}`;
  await docker.createNetwork({ Name: name, Driver: 'bridge' });
  return {
    name,
    remove: async () => {
      await docker
        .getNetwork(name)
        .remove()
        .catch(() => undefined);
    },
  };
}

/**
 * The images a run's build containers were committed to since `since` (Unix seconds), from
 * the engine's event log, that still exist: what a run left behind, whatever other tests do
 * with images at the same time.
 */
export async function imagesLeftByRun(run: string, since: number): Promise<string[]> {
  const stream = (await docker.getEvents({
    since,
    until: Math.floor(Date.now() / 1000) + 1,
    filters: { event: ['commit'] },
  })) as unknown as NodeJS.ReadableStream;
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  const suffix = `-${run.slice(0, 8)}`;
  const ids = text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { Actor?: { Attributes?: { name?: string; imageID?: string } } })
    .map((e) => e.Actor?.Attributes ?? {})
    .filter((a) => a.name?.startsWith('bake-') && a.name.endsWith(suffix) && a.imageID)
    .map((a) => a.imageID!);
  const left: string[] = [];
  for (const id of ids) if (await imageExists(id)) left.push(id);
  return left;
}

/**
 * The connect step every builder that reaches its machine over SSH shares: the options from
 * the ssh_* settings, the pause, the connection (with the builder's own explanation when it
 * fails), and what provisioners get from it.
 */
import { SshCommunicator } from '../communicators/ssh';
import { sshOptions } from '../communicators/ssh-config';
import type { SshEndpoint } from '../communicators/ssh';
import { BuildEnv, BuildError, BuildState } from '../engine/context';
import { sleep, StepContext } from '../engine/steps';
import { parseDuration } from '../spec/schema';

export interface SshState extends BuildState {
  ssh?: SshCommunicator;
}

export async function connectSsh(
  env: BuildEnv,
  config: Record<string, unknown>,
  endpoint: Partial<SshEndpoint>,
  state: SshState,
  ctx: StepContext,
  /** What to tell the user when the connection fails: the likely cause, more output. */
  explain?: (
    e: BuildError,
  ) => Promise<{ hint?: string; tail?: string[] }> | { hint?: string; tail?: string[] },
): Promise<void> {
  const options = sshOptions(config, env.specDir, endpoint);
  const pause = parseDuration(config.pause_before_connecting);
  if (pause) await sleep(pause, ctx.signal);
  state.ssh = new SshCommunicator({ ...options, log: ctx.log });
  try {
    await state.ssh.connect(ctx.signal);
  } catch (e) {
    if (explain && e instanceof BuildError && !ctx.signal.aborted) {
      const more = await explain(e);
      throw new BuildError(e.message, more.hint ?? e.hint, more.tail ?? e.tail);
    }
    throw e;
  }
  state.communicator = state.ssh;
  env.connection = { type: 'ssh', options };
  Object.assign(env.generated, {
    Host: options.host,
    Port: String(options.port),
    User: options.username,
  });
  ctx.log(`connected to ${options.username}@${options.host}:${options.port}`);
}

/**
 * The null builder (Packer's name): provisions a machine that already exists, over SSH.
 * It makes no artifact; its result is the build report.
 */
import { SshCommunicator } from '../../../communicators/ssh';
import { sshOptions } from '../../../communicators/ssh-config';
import { BuildEnv, BuildState, BuilderImpl } from '../../../engine/context';
import { sleep, Step } from '../../../engine/steps';
import { parseDuration } from '../../../spec/schema';

interface NullState extends BuildState {
  ssh?: SshCommunicator;
}

export const nullBuilder: BuilderImpl = {
  steps(env: BuildEnv, provision: Step<BuildState>): Step<NullState>[] {
    const c = env.instance.config;
    return [
      {
        name: 'connect',
        async run(s, ctx) {
          const options = sshOptions(c, env.specDir);
          const pause = parseDuration(c.pause_before_connecting);
          if (pause) await sleep(pause, ctx.signal);
          s.ssh = new SshCommunicator({ ...options, log: ctx.log });
          await s.ssh.connect(ctx.signal);
          s.communicator = s.ssh;
          env.connection = { type: 'ssh', options };
          Object.assign(env.generated, {
            Host: options.host,
            Port: String(options.port),
            User: options.username,
          });
          ctx.log(`connected to ${options.username}@${options.host}:${options.port}`);
        },
        async cleanup(s) {
          s.ssh?.close();
        },
        cleanupBudgetMs: 2000,
      },
      provision as Step<NullState>,
    ];
  },
};

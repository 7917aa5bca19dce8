/**
 * The null builder (Packer's name): provisions a machine that already exists, over SSH.
 * It makes no artifact; its result is the build report.
 */
import { SshCommunicator } from '../../../communicators/ssh';
import { BuildEnv, BuildState, BuilderImpl } from '../../../engine/context';
import { Step } from '../../../engine/steps';
import { connectSsh } from '../../ssh-connect';

interface NullState extends BuildState {
  ssh?: SshCommunicator;
}

export const nullBuilder: BuilderImpl = {
  steps(env: BuildEnv, provision: Step<BuildState>): Step<NullState>[] {
    const c = env.instance.config;
    // No machine: only the steps that run here (shell-local) can do anything.
    if (c.communicator === 'none') return [provision as Step<NullState>];
    return [
      {
        name: 'connect',
        async run(s, ctx) {
          await connectSsh(env, c, {}, s, ctx);
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

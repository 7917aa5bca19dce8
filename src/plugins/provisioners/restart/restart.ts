import { BuildError, ProvisionerImpl } from '../../../engine/context';
import { parseDuration } from '../../../spec/schema';

/** Reboots the machine, waits for it to go down and come back, then checks it. */
export const restart: ProvisionerImpl = {
  async run(use, comm, env, signal) {
    if (!comm?.awaitRestart)
      throw new BuildError(
        'the restart provisioner needs an SSH machine',
        'a Docker build cannot reboot; drop this provisioner or use only/except',
      );
    const c = use.config;
    const timeout = parseDuration(c.restart_timeout ?? '5m') ?? 300_000;
    env.out('info', `restarting: ${String(c.restart_command ?? 'shutdown -r now')}`);
    try {
      await comm.exec(String(c.restart_command ?? 'shutdown -r now'), {
        signal,
        onStdout: (l) => env.out('stdout', l),
        onStderr: (l) => env.out('stderr', l),
      });
    } catch (e) {
      if (signal.aborted) throw e;
      // The connection dropping under the command is the restart working.
    }
    await comm.awaitRestart(signal, timeout);
    env.out('info', 'the machine is back');
    if (typeof c.restart_check_command === 'string') {
      const r = await comm.exec(c.restart_check_command, {
        signal,
        onStdout: (l) => env.out('stdout', l),
        onStderr: (l) => env.out('stderr', l),
      });
      if (r.exitCode !== 0)
        throw new BuildError(
          `restart_check_command exited with code ${r.exitCode}`,
          undefined,
          r.tail,
        );
    }
  },
};

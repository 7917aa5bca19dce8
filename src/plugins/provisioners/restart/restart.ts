import { BuildError, ProvisionerImpl } from '../../../engine/context';
import { parseDuration } from '../../../spec/schema';
import { sleep } from '../../../engine/steps';

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
    const deadline = Date.now() + timeout;
    await comm.awaitRestart(signal, timeout);
    env.out('info', 'the machine is back');
    if (typeof c.restart_check_command !== 'string') return;
    // Services may still be starting: the check is retried until restart_timeout runs out.
    for (let attempt = 1; ; attempt++) {
      let failure: { message: string; tail?: string[] };
      try {
        const r = await comm.exec(c.restart_check_command, {
          signal,
          onStdout: (l) => env.out('stdout', l),
          onStderr: (l) => env.out('stderr', l),
        });
        if (r.exitCode === 0) return;
        failure = { message: `exited with code ${r.exitCode}`, tail: r.tail };
      } catch (e) {
        if (signal.aborted) throw e;
        failure = { message: (e as Error).message };
      }
      if (Date.now() + 3000 > deadline)
        throw new BuildError(
          `restart_check_command still fails after ${attempt} tries (${failure.message})`,
          'raise restart_timeout if the machine needs longer to come up',
          failure.tail,
        );
      env.out('info', `restart_check_command ${failure.message}; trying again`);
      await sleep(3000, signal);
    }
  },
};

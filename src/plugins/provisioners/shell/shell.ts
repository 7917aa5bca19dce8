import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomBytes } from '../../../util/random';
import { Communicator, shQuote } from '../../../communicators/communicator';
import { fill } from '../../post-processors/template';
import { BuildEnv, BuildError, ProvisionerImpl } from '../../../engine/context';
import type { ProvisionerUse } from '../../../spec/resolve';
import { parseDuration } from '../../../spec/schema';
import { sleep } from '../../../engine/steps';

export const DEFAULT_EXECUTE = 'chmod +x {{.Path}}; {{.Vars}} {{.Path}}';
/** Packer's execute_command when use_env_var_file is set. */
export const DEFAULT_EXECUTE_VAR_FILE = 'chmod +x {{.Path}}; . {{.EnvVarFile}} && {{.Path}}';

/** The environment every script sees: bake's names and Packer's, for carried-over scripts. */
export function buildVars(use: ProvisionerUse, env: BuildEnv): Record<string, string> {
  const c = use.config;
  const vars: Record<string, string> = {
    BAKE_BUILD_NAME: env.instance.name,
    BAKE_BUILDER_TYPE: env.instance.type,
    PACKER_BUILD_NAME: env.instance.source,
    PACKER_BUILDER_TYPE: env.instance.type,
  };
  for (const kv of (c.environment_vars as string[] | undefined) ?? []) {
    const eq = kv.indexOf('=');
    if (eq > 0) vars[kv.slice(0, eq)] = kv.slice(eq + 1);
    else throw new BuildError(`environment_vars entry "${kv}" is not KEY=value`, `see ${use.path}`);
  }
  Object.assign(vars, (c.env as Record<string, string> | undefined) ?? {});
  return vars;
}

export function scriptsOf(use: ProvisionerUse, specDir: string): { name: string; body: Buffer }[] {
  const c = use.config;
  const out: { name: string; body: Buffer }[] = [];
  // One command may be given as a string, as Packer allows.
  const inline = typeof c.inline === 'string' ? [c.inline] : c.inline;
  if (Array.isArray(inline)) {
    const shebang = String(c.inline_shebang ?? '/bin/sh -e');
    out.push({
      name: 'inline',
      body: Buffer.from(`#!${shebang}\n${(inline as string[]).join('\n')}\n`),
    });
  }
  const files = [
    ...(typeof c.script === 'string' ? [c.script] : []),
    ...((c.scripts as string[] | undefined) ?? []),
  ];
  for (const f of files) {
    try {
      out.push({ name: f, body: readFileSync(resolve(specDir, f)) });
    } catch (e) {
      throw new BuildError(
        `cannot read script ${f}: ${(e as NodeJS.ErrnoException).code ?? e}`,
        `paths are relative to the spec's directory (${specDir})`,
      );
    }
  }
  if (!out.length)
    throw new BuildError(
      'shell provisioner has nothing to run',
      `set inline, script or scripts (${use.path})`,
    );
  return out;
}

const MAX_HEREDOC = 64 * 1024;

/** `cat > path <<'TAG' ... TAG` for a text script, or undefined when it must be uploaded. */
export function hereDocument(body: Buffer, remote: string): string | undefined {
  if (body.length > MAX_HEREDOC || body.includes(0)) return undefined;
  const text = body.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(body)) return undefined;
  let tag: string;
  do tag = `BAKE_SCRIPT_${randomBytes(6).toString('hex')}`;
  while (text.includes(tag));
  return `cat > ${shQuote(remote)} <<'${tag}'\n${text}${text.endsWith('\n') ? '' : '\n'}${tag}\nchmod 0755 ${shQuote(remote)}`;
}

export const shell: ProvisionerImpl = {
  async run(use, comm: Communicator | undefined, env, signal) {
    if (!comm)
      throw new BuildError(
        'the shell provisioner needs a machine to run in',
        'this builder has no communicator; use shell-local',
      );
    const c = use.config;
    const vars = buildVars(use, env);
    // Packer's env_var_format: a printf format for NAME and value, each value in single quotes.
    const fmt = typeof c.env_var_format === 'string' ? c.env_var_format : undefined;
    const quoted = (v: string) => v.replace(/'/g, `'"'"'`);
    const formatted = (f: string) =>
      Object.entries(vars)
        // Functions, not strings: "$&" or "$$" in a value (a password) is kept as written.
        .map(([k, v]) => f.replace('%s', () => k).replace('%s', () => quoted(v)))
        .join('');
    const useFile = c.use_env_var_file === true;
    const varsText = useFile ? '' : fmt ? formatted(fmt) : assignments(vars);
    const valid = ((c.valid_exit_codes as number[] | undefined) ?? [0]).map(Number);
    const folder = String(c.remote_folder ?? '/tmp');
    for (const script of scriptsOf(use, env.specDir)) {
      const remote =
        typeof c.remote_path === 'string'
          ? c.remote_path
          : `${folder}/${typeof c.remote_file === 'string' ? c.remote_file : `bake-script-${randomBytes(4).toString('hex')}.sh`}`;
      // use_env_var_file: the variables go into a file that the command sources, as Packer does.
      const varFile = useFile ? `${folder}/bake-vars-${randomBytes(4).toString('hex')}.sh` : '';
      if (useFile)
        await comm.uploadContent(formatted(fmt ?? "export %s='%s'\n"), varFile, 0o600, signal);
      // One pass: what a value holds ("$&", "{{.Path}}") is not read again.
      const execute = fill(
        String(c.execute_command ?? (useFile ? DEFAULT_EXECUTE_VAR_FILE : DEFAULT_EXECUTE)),
        { Path: shQuote(remote), EnvVarFile: shQuote(varFile), Vars: varsText },
      );
      // Writing the script (as a here-document) and removing it in the same command as
      // running it saves two round trips per script; binary or huge scripts are uploaded.
      const heredoc = hereDocument(script.body, remote);
      if (!heredoc) await comm.uploadContent(script.body, remote, 0o755, signal);
      // The marker says the command started: before it, starting again is safe (Packer's
      // start_retry_timeout, for a machine that is rebooting); after it, never.
      const marker = `__bake_started_${randomBytes(6).toString('hex')}`;
      const command = [
        `echo ${marker} >&2`,
        heredoc ?? '',
        execute,
        c.skip_clean === true
          ? ''
          : `__bake_rc=$?; rm -f ${shQuote(remote)}${useFile ? ` ${shQuote(varFile)}` : ''}; exit $__bake_rc`,
      ]
        .filter(Boolean)
        .join('\n');
      const retryUntil = Date.now() + (parseDuration(c.start_retry_timeout) ?? 300_000);
      let result;
      for (let started = false; ;) {
        try {
          result = await comm.exec(command, {
            signal,
            onStdout: (l) => env.out('stdout', l),
            onStderr: (l) => (l === marker ? (started = true) : env.out('stderr', l)),
          });
          break;
        } catch (e) {
          if (signal.aborted) throw e;
          if (started && c.expect_disconnect === true) {
            env.out('info', 'connection dropped, as expect_disconnect allows');
            break;
          }
          // A machine that is gone for good (a stopped build container) is not waited for.
          if (started || Date.now() >= retryUntil || (e as { permanent?: boolean }).permanent)
            throw e;
          env.out(
            'info',
            `could not start the script (${(e as Error).message}); trying again until start_retry_timeout`,
          );
          await sleep(2000, signal);
        }
      }
      if (!result) continue;
      if (!valid.includes(result.exitCode)) {
        throw new BuildError(
          `script ${script.name === 'inline' ? '(inline)' : script.name} exited with code ${result.exitCode}`,
          valid.length === 1 && valid[0] === 0
            ? 'set valid_exit_codes if this code means success'
            : `valid exit codes: ${valid.join(', ')}`,
          result.tail.filter((l) => l !== marker),
        );
      }
    }
    const pause = parseDuration(c.pause_after);
    if (pause) await sleep(pause, signal);
  },
};

/** Variables as the shell assigns them before a command: NAME='value' NAME2='value2'. */
export function assignments(vars: Record<string, string | undefined>): string {
  return Object.entries(vars)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${shQuote(String(v))}`)
    .join(' ');
}

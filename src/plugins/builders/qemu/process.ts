/**
 * The QEMU process and the tools around it: starting qemu-system with a QMP socket,
 * stopping it (QMP quit, then a kill), knowing a process by its pid *and* its start time so
 * that a pid the system has since given to another program is never signalled, and running
 * qemu-img and xorriso so that a cancel stops them.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConnection, createServer } from 'node:net';
import { BuildError } from '../../../engine/errors';
import { CancelledError, sleep } from '../../../engine/steps';

/** The process's start time in clock ticks since boot (field 22 of /proc/PID/stat). */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from its end.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[19];
  } catch {
    return undefined;
  }
}

/** True while the process with this pid is the one that started at `start`. */
export function sameProcess(pid: number, start: string): boolean {
  const now = processStartTime(pid);
  if (now === undefined || now !== start) return false;
  // A zombie is gone for our purposes: it holds no disk and no port.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Sends one QMP command and resolves with its answer (or rejects after `ms`). */
export function qmp(socket: string, command: string, ms = 3000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const conn = createConnection(socket);
    let buf = '';
    let stage = 0;
    const timer = setTimeout(() => {
      conn.destroy();
      reject(new Error(`QMP ${command}: no answer in ${ms} ms`));
    }, ms);
    const finish = (e: Error | undefined, v?: unknown) => {
      clearTimeout(timer);
      conn.destroy();
      if (e) reject(e);
      else resolve(v);
    };
    conn.on('error', (e) => finish(e));
    // quit closes the socket instead of answering at times: that is success too.
    conn.on('close', () =>
      finish(
        stage === 2 && command === 'quit'
          ? undefined
          : new Error(`QMP ${command}: connection closed`),
      ),
    );
    conn.on('data', (d) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (!line) continue;
        const msg = JSON.parse(line) as Record<string, unknown>;
        if (msg.event) continue;
        if (stage === 0 && msg.QMP) {
          stage = 1;
          conn.write(JSON.stringify({ execute: 'qmp_capabilities' }) + '\n');
        } else if (stage === 1 && 'return' in msg) {
          stage = 2;
          conn.write(JSON.stringify({ execute: command }) + '\n');
        } else if (stage === 2) {
          if (msg.error) return finish(new Error(`QMP ${command}: ${JSON.stringify(msg.error)}`));
          return finish(undefined, msg.return);
        }
      }
    });
  });
}

/** Waits until the process is gone or `ms` pass; true when it is gone. */
export async function waitGone(pid: number, start: string, ms: number, signal?: AbortSignal) {
  const deadline = Date.now() + ms;
  while (sameProcess(pid, start)) {
    if (Date.now() >= deadline) return false;
    await sleep(200, signal);
  }
  return true;
}

/**
 * Stops a QEMU process: QMP quit (QEMU flushes its disks and exits), then SIGKILL if it is
 * still there. A pid that now names another process is left alone.
 */
export async function stopQemu(ref: { pid: string; start: string; qmp?: string }): Promise<void> {
  const pid = Number(ref.pid);
  if (!sameProcess(pid, ref.start)) return;
  if (ref.qmp && existsSync(ref.qmp)) {
    await qmp(ref.qmp, 'quit').catch(() => undefined);
    if (await waitGone(pid, ref.start, 5000)) return;
  }
  if (sameProcess(pid, ref.start)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      return;
    }
    await waitGone(pid, ref.start, 5000);
  }
}

/** A TCP port on 127.0.0.1 in [min, max] that nothing listens on, trying them in order. */
export async function freePort(min: number, max: number, skip: Set<number>): Promise<number> {
  for (let port = min; port <= max; port++) {
    if (skip.has(port)) continue;
    const ok = await new Promise<boolean>((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (ok) return port;
  }
  throw new BuildError(
    `no free TCP port on 127.0.0.1 between host_port_min ${min} and host_port_max ${max}`,
    'widen the range, or stop what holds those ports',
  );
}

/**
 * Runs a tool to its end. On cancel the tool is killed and awaited before the promise
 * rejects, so nothing it writes outlives the step.
 */
export async function runTool(
  cmd: string,
  args: string[],
  signal: AbortSignal,
  what: string,
): Promise<string> {
  if (signal.aborted) throw new CancelledError();
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      return reject(new BuildError(`${what}: ${(e as Error).message}`));
    }
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const onAbort = () => child.kill('SIGKILL');
    signal.addEventListener('abort', onAbort, { once: true });
    child.on('error', (e: NodeJS.ErrnoException) => {
      signal.removeEventListener('abort', onAbort);
      reject(
        new BuildError(
          e.code === 'ENOENT' ? `${what}: ${cmd} is not installed` : `${what}: ${e.message}`,
          e.code === 'ENOENT' ? `install it (Debian: ${packageOf(cmd)})` : undefined,
        ),
      );
    });
    child.on('close', (code) => {
      signal.removeEventListener('abort', onAbort);
      if (signal.aborted) return reject(new CancelledError());
      if (code === 0) return resolve(out);
      const lines = err.trim().split('\n').filter(Boolean);
      reject(
        new BuildError(
          `${what} failed (exit ${code}): ${lines.at(-1) ?? 'no output'}`,
          undefined,
          lines.slice(-10),
        ),
      );
    });
  });
}

function packageOf(cmd: string): string {
  if (cmd.startsWith('qemu-img')) return 'qemu-utils';
  if (cmd.startsWith('qemu-system')) return 'qemu-system-x86';
  return cmd;
}

/** Removes a file or directory; one that is already gone counts as removed. */
export function removePath(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/**
 * Removes `from` and the directories above it up to `top` while they are empty (the ones a
 * build made for output_directory); a directory holding anything stays.
 */
export function removeEmptyDirs(top: string, from: string): void {
  for (let d = from; d.startsWith(top); d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return;
    }
    if (d === top) return;
  }
}

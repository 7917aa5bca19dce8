/**
 * Turns events into readable console output. Each build's lines carry its name (coloured
 * on a terminal). On GitHub Actions a single build streams inside a log group; several
 * builds print progress live and their full output as one group each when they finish.
 */
import { BakeEvent, EventBus } from './events';
import { redact } from '../util/redact';

const COLORS = [36, 33, 35, 32, 34, 91, 96, 93];

export interface ConsoleOptions {
  write: (text: string) => void;
  color: boolean;
  github: boolean;
  parallel: boolean;
}

export function attachConsole(bus: EventBus, o: ConsoleOptions): void {
  const colorOf = new Map<string, number>();
  const buffers = new Map<string, string[]>();
  const width = { n: 0 };
  const tag = (build: string) => {
    if (!colorOf.has(build)) colorOf.set(build, COLORS[colorOf.size % COLORS.length]);
    width.n = Math.max(width.n, build.length);
    const name = build.padEnd(width.n);
    return o.color ? `\x1b[${colorOf.get(build)}m${name}\x1b[0m | ` : `${name} | `;
  };
  const line = (build: string, text: string) => {
    const t = redact(text);
    if (o.github && o.parallel) {
      buffers.get(build)?.push(t);
      return;
    }
    o.write(o.github ? `${t}\n` : `${tag(build)}${t}\n`);
  };
  const live = (build: string, text: string) =>
    o.write(o.github && !o.parallel ? `${redact(text)}\n` : `${tag(build)}${redact(text)}\n`);

  bus.on((e: BakeEvent) => {
    switch (e.type) {
      case 'build-start':
        if (o.github && !o.parallel) o.write(`::group::${e.build} (${e.builder})\n`);
        if (o.github && o.parallel) buffers.set(e.build, []);
        live(e.build, `build started (${e.builder})`);
        return;
      case 'step-start':
        live(e.build, `==> ${e.step}`);
        return;
      case 'step-end':
        if (!e.ok)
          live(
            e.build,
            `✗ ${e.step} failed after ${(e.durationMs / 1000).toFixed(1)}s: ${e.error ?? ''}`,
          );
        return;
      case 'output':
        line(e.build, e.stream === 'stderr' ? `${e.line}` : e.line);
        return;
      case 'artifact':
        return;
      case 'build-end': {
        if (o.github && o.parallel) {
          o.write(`::group::${e.build} output\n`);
          for (const l of buffers.get(e.build) ?? []) o.write(`${l}\n`);
          o.write('::endgroup::\n');
        }
        const secs = (e.durationMs / 1000).toFixed(1);
        const msg =
          e.status === 'succeeded'
            ? `finished in ${secs}s`
            : `${e.status} after ${secs}s${e.failedStep ? ` in "${e.failedStep}"` : ''}: ${e.error ?? ''}`;
        live(e.build, msg);
        if (o.github && !o.parallel) o.write('::endgroup::\n');
        if (o.github && e.status === 'failed')
          o.write(
            `::error title=${e.build} failed::${escapeData(redact(`${e.failedStep ? e.failedStep + ': ' : ''}${e.error ?? ''}`))}\n`,
          );
        return;
      }
      default:
        return;
    }
  });
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Markdown for the job summary and the PR comment: one table, and a timeline of steps. */
import type { BuildResult } from '../engine/build';
import { redact } from '../util/redact';

const ICON: Record<string, string> = {
  succeeded: '✅',
  failed: '❌',
  cancelled: '⏹️',
  skipped: '⏭️',
};

function cell(s: string): string {
  return redact(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function artifactCell(r: BuildResult): string {
  const a = r.artifact;
  if (!a) return '—';
  if (a.regions)
    return Object.entries(a.regions)
      .map(([r, id]) => `${r}: \`${id}\``)
      .join('<br>');
  const parts = [`\`${a.id}\``];
  if (a.digests?.length) parts.push(...a.digests.map((d) => `\`${d}\``));
  else if (a.tags?.length) parts.push(...a.tags.map((t) => `\`${t}\``));
  return parts.join('<br>');
}

export function resultsTable(results: BuildResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${cell(r.name)} | ${cell(r.builder)} | ${r.reused ? '♻️ unchanged, reused' : `${ICON[r.status] ?? ''} ${r.status}`} | ${cell(artifactCell(r))} | ${(r.durationMs / 1000).toFixed(1)}s |`,
  );
  return [
    '| build | builder | status | artifact | duration |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function failureDetails(results: BuildResult[]): string {
  return results
    .filter((r) => r.status === 'failed')
    .map((r) => {
      const lines = [
        `<details><summary>${cell(r.name)} failed${r.failedStep ? ` in <code>${cell(r.failedStep)}</code>` : ''}: ${cell(r.error ?? '')}</summary>`,
        '',
      ];
      if (r.hint) lines.push(`hint: ${cell(r.hint)}`, '');
      if (r.tail?.length)
        lines.push(
          '```text',
          ...r.tail.slice(-20).map((l) => redact(l).replace(/```/g, "'''")),
          '```',
        );
      lines.push('</details>');
      return lines.join('\n');
    })
    .join('\n\n');
}

/** A Mermaid gantt chart of every build's steps (GitHub renders it). */
export function timeline(results: BuildResult[]): string {
  const withSteps = results.filter((r) => r.steps.length);
  if (!withSteps.length) return '';
  const t0 = Math.min(...withSteps.flatMap((r) => r.steps.map((s) => Date.parse(s.start))));
  const lines = ['```mermaid', 'gantt', '  dateFormat x', '  axisFormat %M:%S'];
  for (const r of withSteps) {
    lines.push(`  section ${r.name.replace(/[:#;]/g, ' ')}`);
    for (const s of r.steps) {
      const start = Date.parse(s.start) - t0;
      const end = start + Math.max(1, s.durationMs);
      lines.push(`  ${s.name.replace(/[:#;]/g, ' ')} :${s.ok ? '' : 'crit, '}${start}, ${end}`);
    }
  }
  lines.push('```');
  return lines.join('\n');
}

/** Markdown for the job summary and the PR comment: one table, and a timeline of steps. */
import type { BuildResult } from '../engine/build';
import { redact } from '../util/redact';

const ICON: Record<string, string> = {
  succeeded: '✅',
  failed: '❌',
  cancelled: '⏹️',
  skipped: '⏭️',
};

/**
 * Text from a build or from a results file (which a fork's job may have written) made inert
 * for Markdown and HTML alike: every character either can give meaning to becomes a numeric
 * character reference, which both render as the character itself. Secrets are masked first.
 */
export function text(s: unknown): string {
  return redact(String(s ?? ''))
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[&<>"'`\\*_[\]#!|~@{}$^]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A code span in a table cell: literal but for its own delimiter and the cell's. */
function code(s: unknown): string {
  return `\`${redact(String(s ?? ''))
    .replace(/\r?\n|\r/g, ' ')
    .replace(/`/g, "'")
    .replace(/\|/g, '\\|')}\``;
}

export function artifactCell(r: BuildResult): string {
  const a = r.artifact;
  if (!a) return '—';
  if (a.regions && typeof a.regions === 'object')
    return Object.entries(a.regions)
      .map(([r, id]) => `${text(r)}: ${code(id)}`)
      .join('<br>');
  const parts = [code(a.id)];
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  if (list(a.digests).length) parts.push(...list(a.digests).map(code));
  else if (list(a.tags).length) parts.push(...list(a.tags).map(code));
  return parts.join('<br>');
}

export function resultsTable(results: BuildResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${text(r.name)} | ${text(r.builder)} | ${r.reused === true ? '♻️ unchanged, reused' : `${Object.prototype.hasOwnProperty.call(ICON, r.status) ? ICON[r.status] : ''} ${text(r.status)}`} | ${artifactCell(r)} | ${(Number(r.durationMs) / 1000).toFixed(1)}s |`,
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
        `<details><summary>${text(r.name)} failed${r.failedStep ? ` in <code>${text(r.failedStep)}</code>` : ''}: ${text(r.error ?? '')}</summary>`,
        '',
      ];
      if (r.hint) lines.push(`hint: ${text(r.hint)}`, '');
      // An HTML block, not a fence: a line of the output cannot end it or open anything.
      if (Array.isArray(r.tail) && r.tail.length)
        lines.push(
          `<pre>${r.tail
            .slice(-20)
            .map((l) => redact(String(l)).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`))
            .join('\n')}</pre>`,
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
    lines.push(`  section ${mermaidText(r.name)}`);
    for (const s of r.steps) {
      const start = Date.parse(s.start) - t0;
      const end = start + Math.max(1, Number(s.durationMs) || 0);
      lines.push(`  ${mermaidText(s.name)} :${s.ok === true ? '' : 'crit, '}${start}, ${end}`);
    }
  }
  lines.push('```');
  return lines.join('\n');
}

/** A label in the chart: one line of plain words, nothing Mermaid or Markdown reads. */
function mermaidText(s: unknown): string {
  return (
    redact(String(s ?? ''))
      .replace(/[^\p{L}\p{N} ._/()+=,-]/gu, ' ')
      .trim() || '-'
  );
}

const CHECK_ICON: Record<string, string> = { passed: '✅', failed: '❌', skipped: '⏭️' };

/** Counts of findings by severity, worst first: "2 critical, 5 high". */
function severityCounts(findings: { severity: string }[]): string {
  const order = ['critical', 'high', 'medium', 'low', 'unknown'];
  const n = (s: string) => findings.filter((f) => f.severity === s).length;
  return (
    order
      .filter((s) => n(s))
      .map((s) => `${n(s)} ${s}`)
      .join(', ') || 'no findings'
  );
}

/**
 * The tests and scans of every build that has them: a line per build, then the checks and
 * each scanner's gate in a table (open when something failed).
 */
export function trustDetails(results: BuildResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    const t = r.trust;
    if (!t || typeof t !== 'object') continue;
    const checks = Array.isArray(t.checks) ? t.checks : [];
    const scans = Array.isArray(t.scans) ? t.scans : [];
    const failed =
      checks.some((c) => c.status === 'failed') || scans.some((s) => s.status !== 'passed');
    const count = (s: string) => checks.filter((c) => c.status === s).length;
    const head = [
      checks.length
        ? `tests ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`
        : '',
      ...scans.map((s) => `${text(s.label)} ${s.status === 'passed' ? '✅' : '❌'}`),
      t.sbom ? 'SBOM written' : '',
    ].filter(Boolean);
    const rows: string[] = ['| check | result | details |', '| --- | --- | --- |'];
    for (const c of checks)
      rows.push(
        `| ${text(c.label)} | ${Object.prototype.hasOwnProperty.call(CHECK_ICON, c.status) ? CHECK_ICON[c.status] : ''} ${text(c.status)} | ${text((Array.isArray(c.details) ? c.details : []).join('; '))} |`,
      );
    for (const s of scans) {
      const findings = Array.isArray(s.findings) ? s.findings : [];
      const failing = Array.isArray(s.failing) ? s.failing : [];
      const why = [
        text(s.summary),
        severityCounts(findings),
        failing.length
          ? `failing at ${text(s.failOn)} or worse: ${failing.slice(0, 10).map(code).join(', ')}${failing.length > 10 ? ` and ${failing.length - 10} more` : ''}`
          : '',
        ...(Array.isArray(s.problems) ? s.problems.map(text) : []),
        Array.isArray(s.ignored) && s.ignored.length ? `${s.ignored.length} ignored` : '',
        ...(Array.isArray(s.warnings) ? s.warnings.map((w) => `⚠️ ${text(w)}`) : []),
      ].filter(Boolean);
      rows.push(
        `| scan: ${text(s.label)} | ${s.status === 'passed' ? '✅ passed' : '❌ failed'} | ${why.join('; ')} |`,
      );
    }
    out.push(
      `<details${failed ? ' open' : ''}><summary>${text(r.name)}: ${text(head.join(' · '))}</summary>`,
      '',
      ...rows,
      '',
      '</details>',
    );
  }
  return out.join('\n');
}

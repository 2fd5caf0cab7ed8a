// The issue-14 table, gathered from the sections that ran: one line per measure with its figure, the
// baseline it was measured against in the same run, and the target. Printed last by `npm run bench`
// so that one run's figures can be quoted together.

/** One measure of the table. `meets` is null where the run could not judge it (a smaller size, say). */
export interface SummaryRow {
  readonly measure: string;
  readonly figure: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly target: string;
  readonly meets: boolean | null;
}

const rows: SummaryRow[] = [];

export function recordSummary(row: SummaryRow): void {
  rows.push(row);
}

/** The gathered rows as an aligned text table, or nothing when no section recorded one. */
export function summaryTable(): string {
  if (rows.length === 0) return '';
  const header = ['measure', 'figure', 'baseline (same run)', 'ratio', 'target', 'verdict'];
  const lines = rows.map((r) => [r.measure, r.figure, r.baseline, r.ratio, r.target, r.meets === null ? 'not judged' : r.meets ? 'meets' : 'MISSES']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (l: string[]) => l.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(line)].join('\n');
}

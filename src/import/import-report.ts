import type { ImportItemType } from '../store/types.ts';

/** What happened to one item. */
export type ImportAction = 'imported' | 'updated' | 'unchanged';

/** One line of the report: an item, what it became and every path that reaches it. */
export interface ReportedItem {
  readonly type: ImportItemType;
  readonly key: string;
  readonly id: number;
  readonly action: ImportAction;
  /** The canonical path without leading slash, or null for items with none (comments: the permalink). */
  readonly path: string | null;
  readonly legacyPaths: readonly string[];
}

/** A record that was not imported, and why. */
export interface SkippedItem {
  readonly ref: string;
  readonly reason: string;
}

/** Counts per kind of item. */
export type ActionCounts = Record<ImportAction, number>;

/** The end of a run: what `folio import` prints and `--report` writes. */
export interface ImportSummary {
  readonly source: string;
  readonly edition: string;
  readonly dryRun: boolean;
  readonly runId: number | null;
  readonly seconds: number;
  readonly counts: Record<ImportItemType, ActionCounts>;
  readonly gone: number;
  /** Old paths that redirected on the original site and now redirect in Folio. */
  readonly redirects: number;
  /** Users added or updated (Folio exports only). */
  readonly users: number;
  readonly skipped: number;
  /** The first skips with reasons (the report file lists them all). */
  readonly skips: readonly SkippedItem[];
  /** Things imported with a loss worth knowing (a tag that never arrived, an id already taken). */
  readonly warnings: readonly SkippedItem[];
}

/** Where the per-item report goes; the CLI streams it to a JSON file so memory stays flat. */
export interface ReportSink {
  item(entry: ReportedItem): void;
  skip(entry: SkippedItem): void;
  close(summary: ImportSummary): Promise<void>;
}

export function emptyCounts(): Record<ImportItemType, ActionCounts> {
  const zero = (): ActionCounts => ({ imported: 0, updated: 0, unchanged: 0 });
  return { node: zero(), term: zero(), author: zero(), blog: zero(), comment: zero(), correction: zero() };
}

/** One line per kind, for the terminal. */
export function describeSummary(s: ImportSummary): string {
  const verb = s.dryRun ? 'would be ' : '';
  const lines = [`${s.dryRun ? 'Dry run of' : 'Import'} ${s.source} into edition "${s.edition}"${s.runId === null ? '' : ` (run ${s.runId})`}: ${s.seconds.toFixed(1)} s`];
  const labels: Record<ImportItemType, string> = { node: 'items', term: 'terms', author: 'authors', blog: 'blogs', comment: 'comments', correction: 'corrections' };
  for (const type of ['node', 'comment', 'term', 'author', 'blog', 'correction'] as const) {
    const c = s.counts[type];
    if (c.imported + c.updated + c.unchanged === 0) continue;
    lines.push(`  ${labels[type]}: ${c.imported} ${verb}imported, ${c.updated} ${verb}updated, ${c.unchanged} unchanged`);
  }
  if (s.gone > 0) lines.push(`  removed paths (410): ${s.gone}`);
  if (s.redirects > 0) lines.push(`  old redirects kept (301): ${s.redirects}`);
  if (s.users > 0) lines.push(`  users: ${s.users} ${verb}added or updated`);
  lines.push(`  skipped: ${s.skipped}`);
  for (const skip of s.skips.slice(0, 20)) lines.push(`    ${skip.ref}: ${skip.reason}`);
  if (s.skipped > 20) lines.push(`    … and ${s.skipped - 20} more (see --report)`);
  if (s.warnings.length > 0) lines.push(`  warnings: ${s.warnings.length}`);
  for (const w of s.warnings.slice(0, 10)) lines.push(`    ${w.ref}: ${w.reason}`);
  return lines.join('\n');
}

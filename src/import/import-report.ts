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
  /** A node's type as the source named it ("article", "forum"), for the sampler's items by type. */
  readonly contentType?: string;
  /** A comment's node page, where its permalink redirects. */
  readonly shownAt?: string;
  /** Why the item's paths answer 410 (an unpublished node, an unpublished comment or one on an unpublished node), when they do. */
  readonly goneReason?: string;
}

/** What an old URL answers after the import: the item's own page, a 301 to another path, or 410 with a reason. */
export type UrlFate =
  | { readonly path: string; readonly fate: 'canonical' }
  | { readonly path: string; readonly fate: 'redirect'; readonly to: string }
  | { readonly path: string; readonly fate: 'gone'; readonly reason: string };

/** How often one kind of skip happened, with its first example. */
export interface SkipReasonCount {
  readonly reason: string;
  readonly count: number;
  readonly example: SkippedItem;
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
  /** Items by the source's content type ("article": 812, "forum": 40), counted once per item. */
  readonly itemsByType: Readonly<Record<string, number>>;
  /** Source URLs by what they answer now. */
  readonly urls: Readonly<Record<UrlFate['fate'], number>>;
  /** The most common kinds of skip (ids in the reason made generic), most frequent first. */
  readonly skipReasons: readonly SkipReasonCount[];
  /** With `--files`: referenced files copied, already there, and missing from the copy (their URLs answer 410). */
  readonly files?: { readonly copied: number; readonly unchanged: number; readonly missing: number };
}

/**
 * An unpublished comment's permalink: Drupal showed it to administrators only (readers got 403),
 * so it was never a reader's page; Folio answers 410 rather than send readers to a node page
 * where the comment is not shown.
 */
export const UNPUBLISHED_COMMENT = 'the comment is unpublished (Drupal showed it to administrators only)';

/** A published comment on an unpublished item: its permalink answers 410 like the item's page. */
export function commentOfUnpublishedItem(nodeRef: string): string {
  return `the item it belongs to (${nodeRef}) is unpublished`;
}

/** Where the per-item report goes; the CLI streams it to a JSON file so memory stays flat. */
export interface ReportSink {
  item(entry: ReportedItem): void;
  skip(entry: SkippedItem): void;
  /** Each source URL with its fate; optional, so a sink that lists only items still works. */
  url?(entry: UrlFate): void;
  /** Each thing imported with a change worth knowing (an id reassigned, a parent lost); optional like url. */
  warn?(entry: SkippedItem): void;
  close(summary: ImportSummary): Promise<void>;
}

export function emptyCounts(): Record<ImportItemType, ActionCounts> {
  const zero = (): ActionCounts => ({ imported: 0, updated: 0, unchanged: 0 });
  return { node: zero(), term: zero(), author: zero(), blog: zero(), comment: zero(), correction: zero() };
}

/** The content type of an item known only from a listing's teaser (its page was never captured). */
export const TEASER_ONLY = 'teaser-only';

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
  const teaserOnly = s.itemsByType[TEASER_ONLY] ?? 0;
  if (teaserOnly > 0) lines.push(`  teaser-only items (listed, never captured): ${teaserOnly}`);
  if (s.gone > 0) lines.push(`  removed paths (410): ${s.gone}`);
  if (s.redirects > 0) lines.push(`  old redirects kept (301): ${s.redirects}`);
  if (s.users > 0) lines.push(`  users: ${s.users} ${verb}added or updated`);
  if (s.files) lines.push(`  files: ${s.files.copied} ${verb}copied, ${s.files.unchanged} unchanged, ${s.files.missing} missing from --files (410, named in the warnings)`);
  lines.push(`  skipped: ${s.skipped}`);
  for (const skip of s.skips.slice(0, 20)) lines.push(`    ${skip.ref}: ${skip.reason}`);
  if (s.skipped > 20) lines.push(`    … and ${s.skipped - 20} more (see --report)`);
  if (s.warnings.length > 0) lines.push(`  warnings: ${s.warnings.length}`);
  for (const w of s.warnings.slice(0, 10)) lines.push(`    ${w.ref}: ${w.reason}`);
  if (s.dryRun) lines.push(...describeSample(s));
  return lines.join('\n');
}

/** Skip reasons shown by the sampler. */
const SAMPLED_REASONS = 20;

/**
 * The import sampler (issue 11): what a dry run would bring in, so the operator can decide before
 * writing anything: items by type, URLs by fate, and the most common skip reasons with an example.
 */
export function describeSample(s: ImportSummary): string[] {
  const lines = ['  sample:'];
  const types = Object.entries(s.itemsByType).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  lines.push(`    items by type: ${types.length === 0 ? 'none' : types.map(([type, n]) => `${type} ${n}`).join(', ')}`);
  lines.push(`    URLs: ${s.urls.canonical} canonical, ${s.urls.redirect} redirect (301), ${s.urls.gone} gone (410)`);
  const reasons = s.skipReasons.slice(0, SAMPLED_REASONS);
  if (reasons.length > 0) lines.push(`    most common skip reasons:`);
  for (const r of reasons) lines.push(`      ${r.count} × ${r.reason} (e.g. ${r.example.ref}: ${r.example.reason})`);
  return lines;
}

/** Kinds of skip remembered: a source with more distinct reasons than this counts the rest under the last ones. */
const MAX_REASONS = 1000;

/** Counts skips by reason, with ids, numbers and quoted names made generic so one kind of skip is one line. */
export class SkipReasonTally {
  private readonly byReason = new Map<string, { count: number; example: SkippedItem }>();

  add(skip: SkippedItem): void {
    const reason = skip.reason.replace(/\d+/g, 'N');
    const known = this.byReason.get(reason);
    if (known) known.count++;
    else if (this.byReason.size < MAX_REASONS) this.byReason.set(reason, { count: 1, example: skip });
  }

  /** The reasons, most frequent first. */
  top(limit: number): SkipReasonCount[] {
    return [...this.byReason].map(([reason, v]) => ({ reason, count: v.count, example: v.example }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)).slice(0, limit);
  }
}

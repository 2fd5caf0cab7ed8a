import type { ImportedComment, ImportedNode, ImportedRevision, ImportRecord } from '../domain/import-record.ts';
import { formatText } from '../filter/index.ts';
import { leadAndTeaser } from '../text/teaser.ts';
import { revisionHash } from './content-hash.ts';

/** What the importer needs of a node's markup, computed ahead of it (possibly in another thread). */
export interface RenderedNode {
  /** Each revision's HTML through its own text format, and its identity hash, in revision order. */
  readonly html: readonly string[];
  readonly hashes: readonly string[];
  /** Lead paragraph and teaser of the last (current) revision. */
  readonly leadHtml: string;
  readonly teaser: string;
}

/** A record with its markup already rendered. */
export type Prerendered =
  | (ImportedNode & { readonly rendered?: RenderedNode })
  | (ImportedComment & { readonly renderedHtml?: string })
  | Exclude<ImportRecord, ImportedNode | ImportedComment>;

export function renderRevisionHtml(r: ImportedRevision): string {
  return formatText(r.bodyFormat, r.body).html;
}

/** Renders what can be rendered without the store: pure, so it runs in a worker thread. */
export function prerender(record: ImportRecord): Prerendered {
  if (record.type === 'comment') return { ...record, renderedHtml: formatText(record.format, record.body).html };
  if (record.type !== 'node' || record.revisions.length === 0) return record;
  const html = record.revisions.map(renderRevisionHtml);
  const opening = leadAndTeaser(html[html.length - 1]!);
  return { ...record, rendered: { html, hashes: record.revisions.map(revisionHash), leadHtml: opening.leadHtml, teaser: opening.teaser } };
}

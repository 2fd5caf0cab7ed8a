import type { NodeDetail, NodeSummary } from '../domain/content.ts';
import type { ArchiveQueries, ContentReader } from '../store/types.ts';

/** Related items under an article. */
export const RELATED_LIMIT = 5;

/**
 * Entries read per tag when ranking related items: the ones published up to this article, newest
 * first. Reading only those keeps the query a bounded index scan even for tags with tens of
 * thousands of items, and what led up to an article is what its reader wants next.
 */
const ENTRIES_PER_TAG = 100;

/** What an article page shows after its body: related items and its section neighbours. */
export interface RelatedItems {
  readonly related: readonly NodeSummary[];
  readonly previous: NodeSummary | null;
  readonly next: NodeSummary | null;
}

/** Related articles by shared tags, and previous/next in the same section. */
export class RelatedService {
  constructor(private readonly content: ContentReader, private readonly archive: ArchiveQueries) {}

  /** Up to five items sharing the most tags (newest first among equals), and the section neighbours. */
  async forNode(node: NodeDetail): Promise<RelatedItems> {
    const tags = node.terms.filter((t) => t.vocabulary === 'tag').map((t) => t.tid);
    const rows = tags.length === 0 ? [] : await this.archive.newestByTags(tags, node.nid, ENTRIES_PER_TAG, node.publishedAt);
    const ranked = new Map<number, { shared: number; publishedAt: number }>();
    for (const row of rows) {
      const entry = ranked.get(row.nid);
      if (entry) entry.shared++;
      else ranked.set(row.nid, { shared: 1, publishedAt: row.publishedAt });
    }
    const order = [...ranked].sort(([an, a], [bn, b]) => b.shared - a.shared || b.publishedAt - a.publishedAt || bn - an).map(([nid]) => nid);
    const section = node.section?.tid;
    const around = section === undefined ? { previous: undefined, next: undefined } : await this.archive.sectionNeighbours(section, { nid: node.nid, publishedAt: node.publishedAt });
    // One summaries read for all of them: a few spare related ids, since summariesByIds leaves
    // out unpublished items, then the neighbours.
    const wanted = order.slice(0, RELATED_LIMIT * 2);
    for (const nid of [around.previous, around.next]) if (nid !== undefined) wanted.push(nid);
    const byId = new Map((await this.content.summariesByIds([...new Set(wanted)])).map((s) => [s.nid, s]));
    const related = order.slice(0, RELATED_LIMIT * 2).flatMap((nid) => byId.get(nid) ?? []).slice(0, RELATED_LIMIT);
    if (section === undefined) return { related, previous: null, next: null };
    const previous = around.previous === undefined ? undefined : byId.get(around.previous);
    const next = around.next === undefined ? undefined : byId.get(around.next);
    return { related, previous: previous ?? null, next: next ?? null };
  }
}

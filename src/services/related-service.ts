import type { NodeDetail } from '../domain/content.ts';
import type { ArchiveQueries, NodeLink, PrecomputedRelated, RelatedStore, RelatedSubject, StoredRelated } from '../store/types.ts';
import { computeRelated } from './related-bulk.ts';
import { ENTRIES_PER_TAG, RELATED_CANDIDATES, RELATED_LIMIT, rankRelated } from './related-ranking.ts';

export { RELATED_LIMIT };

/** What an article page shows after its body: related items and its section neighbours. */
export interface RelatedItems {
  readonly related: readonly NodeLink[];
  readonly previous: NodeLink | null;
  readonly next: NodeLink | null;
}

/**
 * Past this many articles to re-rank, rebuilding the whole edition is cheaper: re-ranking reads
 * two statements per article (about 0.5 ms), the edition-wide pass about 3 s per 100,000 articles.
 * One changed node has up to a few hundred dependents (the next hundred entries of each tag).
 */
const REFRESH_LIMIT = 2_000;

/**
 * Related articles by shared tags, and previous/next in the same section. They are computed when
 * content changes and stored per article (issue 14: ranking them on every cache miss was three
 * statements and a hundred index entries per tag); an article without a stored row is ranked on
 * the spot, so the page is right before the first rebuild too.
 */
export class RelatedService {
  constructor(private readonly archive: ArchiveQueries, private readonly store: RelatedStore) {}

  /**
   * Up to five items sharing the most tags (newest first among equals), and the section neighbours.
   * `stored` is the node's stored row with its links when the caller already read them (the page
   * read does: issue 14); null when it has none, so it is ranked here.
   */
  async forNode(node: NodeDetail, stored?: StoredRelated | null): Promise<RelatedItems> {
    const section = node.section?.tid ?? null;
    let links = stored?.links;
    if (!links) {
      const ranked = (stored === undefined ? await this.store.read(node.nid) : undefined) ?? (await this.rank({
        nid: node.nid, edition: node.edition, publishedAt: node.publishedAt, sectionTid: section, tags: node.terms.filter((t) => t.vocabulary === 'tag').map((t) => t.tid),
      }));
      links = await this.linksOf(ranked);
    }
    const related = links.related.slice(0, RELATED_LIMIT);
    if (section === null) return { related, previous: null, next: null };
    return { related, previous: links.previous, next: links.next };
  }

  /** The links of a row's published candidates (in its order) and neighbours, in one read: what the page read returns with a stored row. */
  private async linksOf(ranked: PrecomputedRelated): Promise<StoredRelated['links']> {
    const wanted = [...ranked.related];
    if (ranked.previous !== null) wanted.push(ranked.previous);
    if (ranked.next !== null) wanted.push(ranked.next);
    const byId = new Map((await this.store.links(wanted)).map((l) => [l.nid, l]));
    const find = (nid: number | null) => (nid === null ? null : byId.get(nid) ?? null);
    return { related: ranked.related.flatMap((nid) => byId.get(nid) ?? []), previous: find(ranked.previous), next: find(ranked.next) };
  }

  /**
   * Recomputes the stored rows that depend on these nodes, after they were published or changed.
   * A change that moves a node out of other articles' windows (new tags, a new date) must also be
   * followed from where it was: pass `before`, the dependents read before the write.
   */
  async refreshAround(nids: readonly number[], before: readonly number[] = []): Promise<void> {
    if (nids.length === 0 && before.length === 0) return;
    const affected = new Set([...nids, ...before, ...(await this.store.dependents(nids, ENTRIES_PER_TAG))]);
    const subjects = await this.store.subjects([...affected]);
    const rows: PrecomputedRelated[] = [];
    for (const subject of subjects) rows.push(await this.rank(subject));
    await this.store.save(rows);
  }

  /** The articles whose stored rows may depend on these nodes as they stand now (read before changing them). */
  dependents(nids: readonly number[]): Promise<number[]> {
    return nids.length === 0 ? Promise.resolve([]) : this.store.dependents(nids, ENTRIES_PER_TAG);
  }

  /** Whether re-ranking this many articles costs more than rebuilding the edition. */
  static rebuildsFor(count: number): boolean {
    return count > REFRESH_LIMIT;
  }

  /** Recomputes every article of the edition in one pass; returns how many rows it wrote. */
  async rebuild(edition: string): Promise<number> {
    const rows = computeRelated(await this.store.inputs(edition));
    await this.store.replaceEdition(edition, rows);
    return rows.length;
  }

  /** One article's candidates and neighbours, read from the store as they stand now. */
  private async rank(subject: RelatedSubject): Promise<PrecomputedRelated> {
    const entries = subject.tags.length === 0 ? [] : await this.archive.newestByTags(subject.tags, subject.nid, ENTRIES_PER_TAG, subject.publishedAt);
    const around = subject.sectionTid === null ? { previous: undefined, next: undefined } : await this.archive.sectionNeighbours(subject.sectionTid, subject);
    return { nid: subject.nid, edition: subject.edition, related: rankRelated(entries, RELATED_CANDIDATES), previous: around.previous ?? null, next: around.next ?? null };
  }
}

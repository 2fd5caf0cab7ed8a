import type { Kysely } from 'kysely';
import type { NodeKind } from '../../domain/content.ts';
import type { Database } from '../schema.ts';
import type { ArchiveQueries, DatedId, TimeSpan } from '../types.ts';

/** ArchiveQueries in portable Kysely: every query is a range scan of an existing index. */
export class KyselyArchiveQueries implements ArchiveQueries {
  constructor(private readonly db: Kysely<Database>) {}

  async publishedSpan(edition: string, kinds: readonly NodeKind[]): Promise<TimeSpan | undefined> {
    const row = await this.db.selectFrom('nodes')
      .select((eb) => [eb.fn.min('published_at').as('first'), eb.fn.max('published_at').as('last')])
      .where('edition', '=', edition).where('kind', 'in', [...kinds]).where('status', '=', 1).executeTakeFirst();
    if (!row || row.first === null || row.last === null) return undefined;
    return { from: Number(row.first), to: Number(row.last) + 1 };
  }

  async countInSpans(edition: string, kinds: readonly NodeKind[], spans: readonly TimeSpan[]): Promise<number[]> {
    // One COUNT per span: each is a range of nodes_edition_kind_published, so a month page
    // costs a few dozen index probes however large the archive grows.
    const counts: number[] = [];
    for (const span of spans) {
      const row = await this.db.selectFrom('nodes').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('edition', '=', edition).where('kind', 'in', [...kinds]).where('status', '=', 1)
        .where('published_at', '>=', span.from).where('published_at', '<', span.to).executeTakeFirst();
      counts.push(Number(row?.n ?? 0));
    }
    return counts;
  }

  async idsInSpan(edition: string, kinds: readonly NodeKind[], span: TimeSpan, offset: number, limit: number): Promise<number[]> {
    const rows = await this.db.selectFrom('nodes').select('nid')
      .where('edition', '=', edition).where('kind', 'in', [...kinds]).where('status', '=', 1)
      .where('published_at', '>=', span.from).where('published_at', '<', span.to)
      .orderBy('published_at', 'desc').orderBy('nid', 'desc').limit(limit).offset(offset).execute();
    return rows.map((r) => r.nid);
  }

  async newestByTags(tids: readonly number[], excludeNid: number, perTag: number, before?: number): Promise<(DatedId & { tid: number })[]> {
    if (tids.length === 0) return [];
    // Per tag, the newest entries of node_terms' primary key (tid, published_at, nid) up to
    // `before`: a bounded backwards range scan, where a GROUP BY over a giant tag would read all
    // of its rows. The tags' scans go as one statement (UNION ALL of limited subqueries).
    const perTagQuery = (tid: number, i: number) => {
      let q = this.db.selectFrom('node_terms').select(['tid', 'nid', 'published_at']).where('tid', '=', tid).where('nid', '!=', excludeNid);
      if (before !== undefined) q = q.where('published_at', '<=', before);
      return this.db.selectFrom(q.orderBy('published_at', 'desc').orderBy('nid', 'desc').limit(perTag).as(`t${i}`)).selectAll();
    };
    let query = perTagQuery(tids[0]!, 0);
    for (let i = 1; i < tids.length; i++) query = query.unionAll(perTagQuery(tids[i]!, i));
    const rows = await query.execute();
    return rows.map((r) => ({ tid: Number(r.tid), nid: Number(r.nid), publishedAt: Number(r.published_at) }));
  }

  async sectionNeighbour(sectionTid: number, node: DatedId, direction: 'previous' | 'next'): Promise<number | undefined> {
    const row = await this.neighbourQuery(sectionTid, node, direction).executeTakeFirst();
    return row?.nid;
  }

  async sectionNeighbours(sectionTid: number, node: DatedId): Promise<{ previous: number | undefined; next: number | undefined }> {
    // Two scalar subqueries in one statement: each is the same single index seek as above.
    const row = await this.db.selectNoFrom([
      this.neighbourQuery(sectionTid, node, 'previous').as('previous'),
      this.neighbourQuery(sectionTid, node, 'next').as('next'),
    ]).executeTakeFirst();
    const id = (v: number | null | undefined) => (v === null || v === undefined ? undefined : Number(v));
    return { previous: id(row?.previous), next: id(row?.next) };
  }

  private neighbourQuery(sectionTid: number, node: DatedId, direction: 'previous' | 'next') {
    const older = direction === 'previous';
    // A row-value comparison, not an OR: both engines then seek the index
    // (section_tid, status, published_at, nid) instead of scanning the whole section.
    return this.db.selectFrom('nodes').select('nid')
      .where('section_tid', '=', sectionTid).where('status', '=', 1)
      .where((eb) => eb(eb.refTuple('published_at', 'nid'), older ? '<' : '>', eb.tuple(node.publishedAt, node.nid)))
      .orderBy('published_at', older ? 'desc' : 'asc').orderBy('nid', older ? 'desc' : 'asc').limit(1);
  }
}

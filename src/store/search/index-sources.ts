import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';
import type { Database } from '../schema.ts';
import { idSet } from '../queries/sql-helpers.ts';
import type { FacetRows, IndexSourceRow } from '../types.ts';

/**
 * Relevance is computed over the newest matches only, up to this many, on both engines. Ranking
 * every match (FTS5 bm25 ~0.5 µs each, ts_rank more) costs 0.5 s for a common word in a million
 * articles; walking matches newest-first keeps every query bounded, and in a news archive the best
 * answer among the newest few thousand matches is what readers expect.
 */
export const RELEVANCE_CANDIDATES = 2000;

/** How many nodes the index holds. */
export async function countIndexed(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('search_docs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Loads what the indexer needs for a batch of nodes: the node, its section, authors and tags. */
export async function loadIndexSources(db: Kysely<Database>, afterNid: number, limit: number, nids?: readonly number[]): Promise<IndexSourceRow[]> {
  let q = db.selectFrom('nodes').leftJoin('terms as section', 'section.tid', 'nodes.section_tid')
    .select(['nodes.nid', 'nodes.edition', 'nodes.published_at', 'nodes.title', 'nodes.body_html', 'nodes.teaser', 'nodes.credit', 'section.name as section_name'])
    .where('nodes.status', '=', 1).orderBy('nodes.nid').limit(limit);
  q = nids ? q.where('nodes.nid', 'in', nids.length > 0 ? [...nids] : [-1]) : q.where('nodes.nid', '>', afterNid);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.nid);
  const authors = await db.selectFrom('node_authors').innerJoin('authors', 'authors.aid', 'node_authors.aid')
    .select(['node_authors.nid', 'authors.aid as id', 'authors.name']).where('node_authors.nid', 'in', ids).orderBy('node_authors.position').execute();
  const terms = await db.selectFrom('node_terms').innerJoin('terms', 'terms.tid', 'node_terms.tid')
    .select(['node_terms.nid', 'terms.tid as id', 'terms.name', 'terms.vocabulary']).where('node_terms.nid', 'in', ids).execute();
  const group = (list: readonly { nid: number; id: number; name: string }[]) => {
    const map = new Map<number, { id: number; name: string }[]>();
    for (const { nid, id, name } of list) map.set(nid, [...(map.get(nid) ?? []), { id, name }]);
    return map;
  };
  const byAuthor = group(authors);
  const byTag = group(terms.filter((t) => t.vocabulary === 'tag'));
  const bySection = group(terms.filter((t) => t.vocabulary === 'section'));
  return rows.map((r) => ({
    nid: r.nid, edition: r.edition, publishedAt: Number(r.published_at), title: r.title, bodyHtml: r.body_html, teaser: r.teaser,
    credit: r.credit, section: r.section_name,
    authors: (byAuthor.get(r.nid) ?? []).map((a) => a.name), tags: (byTag.get(r.nid) ?? []).map((t) => t.name),
    authorIds: (byAuthor.get(r.nid) ?? []).map((a) => a.id), tagTids: (byTag.get(r.nid) ?? []).map((t) => t.id),
    sectionTids: (bySection.get(r.nid) ?? []).map((t) => t.id),
  }));
}

/** Section, tag and author counts over a set of nodes, with their dates and credit lines. */
export async function loadFacetRows(db: Kysely<Database>, dialect: Dialect, nids: readonly number[]): Promise<FacetRows> {
  if (nids.length === 0) return { sections: [], tags: [], authors: [], dated: [] };
  const ids = idSet(dialect, nids);
  // Counted by id first, then named: the names are looked up once per term or author, not once
  // per node that has it (a first search counts over up to RELEVANCE_CANDIDATES nodes).
  const termCounts = db.selectFrom('node_terms').select(['tid', (eb) => eb.fn.countAll<number>().as('count')])
    .where('nid', 'in', ids).groupBy('tid').as('c');
  const terms = await db.selectFrom(termCounts).innerJoin('terms', 'terms.tid', 'c.tid')
    .select(['terms.tid as id', 'terms.name', 'terms.vocabulary', 'c.count']).execute();
  const authorCounts = db.selectFrom('node_authors').select(['aid', (eb) => eb.fn.countAll<number>().as('count')])
    .where('nid', 'in', ids).groupBy('aid').as('c');
  const authors = await db.selectFrom(authorCounts).innerJoin('authors', 'authors.aid', 'c.aid')
    .select(['authors.aid as id', 'authors.name', 'c.count']).execute();
  const dated = await db.selectFrom('nodes').select(['published_at', 'credit']).where('nid', 'in', ids).execute();
  const sorted = <T extends { count: number; name: string }>(list: T[]) => list.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const plain = (r: { id: number; name: string; count: number | string }) => ({ id: r.id, name: r.name, count: Number(r.count) });
  return {
    sections: sorted(terms.filter((t) => t.vocabulary === 'section').map(plain)),
    tags: sorted(terms.filter((t) => t.vocabulary === 'tag').map(plain)),
    authors: sorted(authors.map(plain)),
    dated: dated.map((d) => ({ publishedAt: Number(d.published_at), credit: d.credit })),
  };
}

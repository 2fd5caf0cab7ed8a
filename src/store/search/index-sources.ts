import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';
import type { Database } from '../schema.ts';
import { idSet } from '../queries/sql-helpers.ts';
import type { DocFacets, FacetRows, IndexSourceRow } from '../types.ts';

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

/** search_docs' facet columns for an entry: ids as "t12 t3 a7" (see migration 022). */
export function facetColumns(facets: DocFacets | undefined): { facet_ids: string; credit: string | null } {
  if (facets === undefined) return { facet_ids: '', credit: null };
  return { facet_ids: [...facets.termIds.map((t) => `t${t}`), ...facets.authorIds.map((a) => `a${a}`)].join(' '), credit: facets.credit };
}

/**
 * Section, tag and author counts over a set of nodes, with their dates and credit lines, all from
 * their search_docs rows (one primary-key read each, in the table the search has just matched),
 * counted here by id; then only the ids counted are named, once each.
 */
export async function loadFacetRows(db: Kysely<Database>, dialect: Dialect, nids: readonly number[]): Promise<FacetRows> {
  if (nids.length === 0) return { sections: [], tags: [], authors: [], dated: [] };
  const rows = await db.selectFrom('search_docs').select(['published_at', 'facet_ids', 'credit']).where('nid', 'in', idSet(dialect, nids)).execute();
  const termCounts = new Map<number, number>();
  const authorCounts = new Map<number, number>();
  for (const row of rows) {
    for (const id of row.facet_ids.split(' ')) {
      const counts = id.startsWith('t') ? termCounts : id.startsWith('a') ? authorCounts : null;
      if (counts === null) continue;
      const n = Number(id.slice(1));
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
  }
  const terms = termCounts.size === 0 ? [] : await db.selectFrom('terms').select(['tid as id', 'name', 'vocabulary'])
    .where('tid', 'in', idSet(dialect, [...termCounts.keys()])).execute();
  const authors = authorCounts.size === 0 ? [] : await db.selectFrom('authors').select(['aid as id', 'name'])
    .where('aid', 'in', idSet(dialect, [...authorCounts.keys()])).execute();
  const sorted = <T extends { count: number; name: string }>(list: T[]) => list.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const counted = (r: { id: number; name: string }, counts: Map<number, number>) => ({ id: r.id, name: r.name, count: counts.get(r.id) ?? 0 });
  return {
    sections: sorted(terms.filter((t) => t.vocabulary === 'section').map((t) => counted(t, termCounts))),
    tags: sorted(terms.filter((t) => t.vocabulary === 'tag').map((t) => counted(t, termCounts))),
    authors: sorted(authors.map((a) => counted(a, authorCounts))),
    dated: rows.map((d) => ({ publishedAt: Number(d.published_at), credit: d.credit })),
  };
}

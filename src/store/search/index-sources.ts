import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { IndexSourceRow } from '../types.ts';

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
    .select(['node_authors.nid', 'authors.name']).where('node_authors.nid', 'in', ids).orderBy('node_authors.position').execute();
  const tags = await db.selectFrom('node_terms').innerJoin('terms', 'terms.tid', 'node_terms.tid')
    .select(['node_terms.nid', 'terms.name']).where('node_terms.nid', 'in', ids).where('terms.vocabulary', '=', 'tag').execute();
  const group = (list: { nid: number; name: string }[]) => {
    const map = new Map<number, string[]>();
    for (const { nid, name } of list) map.set(nid, [...(map.get(nid) ?? []), name]);
    return map;
  };
  const byAuthor = group(authors);
  const byTag = group(tags);
  return rows.map((r) => ({
    nid: r.nid, edition: r.edition, publishedAt: Number(r.published_at), title: r.title, bodyHtml: r.body_html, teaser: r.teaser,
    credit: r.credit, section: r.section_name, authors: byAuthor.get(r.nid) ?? [], tags: byTag.get(r.nid) ?? [],
  }));
}

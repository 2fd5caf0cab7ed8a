import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Each index entry carries what search facets count (issue 14, point 3). A new query counted its
 * sections, tags, authors, years and sources by reading node_terms, node_authors and nodes for up
 * to 1,000 matches; the nodes read alone (date and credit line, stored after the body) was the
 * largest step of a first request on 100,000 Arabic articles. Now they come from the matches'
 * search_docs rows, one narrow table: `facet_ids` lists the node's section, tag and author ids
 * ("t12 t3 a7"), `credit` its credit line. Both are written with the rest of the entry, so they
 * agree with the facet tokens a narrowed search matches on. Existing entries are filled here from
 * the same tables the indexer reads.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('search_docs').addColumn('facet_ids', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('search_docs').addColumn('credit', 'text').execute();
  await fillSearchFacets(db);
}

/** Fills every index entry's facet columns from node_terms, node_authors and nodes, as the indexer would. */
export async function fillSearchFacets(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`update search_docs as d set credit = n.credit,
      facet_ids = concat_ws(' ',
        (select string_agg('t' || nt.tid, ' ' order by nt.tid) from node_terms as nt join terms as t on t.tid = nt.tid
          where nt.nid = d.nid and t.vocabulary in ('section', 'tag')),
        (select string_agg('a' || na.aid, ' ' order by na.position) from node_authors as na where na.nid = d.nid))
      from nodes as n where n.nid = d.nid`.execute(db);
  } else {
    await sql`update search_docs set credit = (select credit from nodes where nodes.nid = search_docs.nid),
      facet_ids = trim(coalesce((select group_concat('t' || nt.tid, ' ') from node_terms as nt join terms as t on t.tid = nt.tid
        where nt.nid = search_docs.nid and t.vocabulary in ('section', 'tag')), '')
        || ' ' || coalesce((select group_concat('a' || aid, ' ') from node_authors where node_authors.nid = search_docs.nid), ''))`.execute(db);
  }
}

import { sql, type Kysely } from 'kysely';
import type { TranslationRef } from '../../domain/content.ts';
import type { Database } from '../schema.ts';
import type { RecentNode, SitemapQueries, SitemapTarget } from '../types.ts';
import { translationsOf } from './translation-queries.ts';

// Type order inside the union, so paging is stable across dialects.
const TYPE_ORDER = { node: 0, term: 1, author: 2, blog: 3 } as const;

/** SitemapQueries in portable Kysely: one UNION ALL of the four kinds of target. */
export class KyselySitemapQueries implements SitemapQueries {
  constructor(private readonly db: Kysely<Database>) {}

  private union() {
    const db = this.db;
    // Listing lastmod comes from the newest item; node_terms and node_authors carry
    // published_at so these are index lookups, not scans.
    const nodes = db.selectFrom('nodes').where('status', '=', 1).select([
      'edition', sql<number>`${sql.lit(TYPE_ORDER.node)}`.as('type_order'), 'nid as id', 'path', sql<number | null>`updated_at`.as('lastmod'),
    ]);
    const terms = db.selectFrom('terms').select((eb) => [
      'edition', sql<number>`${sql.lit(TYPE_ORDER.term)}`.as('type_order'), 'tid as id', 'path',
      eb.selectFrom('node_terms').select((e) => e.fn.max('node_terms.published_at').as('m')).whereRef('node_terms.tid', '=', 'terms.tid').as('lastmod'),
    ]);
    const authors = db.selectFrom('authors').select((eb) => [
      'edition', sql<number>`${sql.lit(TYPE_ORDER.author)}`.as('type_order'), 'aid as id', sql<string | null>`slug`.as('path'),
      eb.selectFrom('node_authors').select((e) => e.fn.max('node_authors.published_at').as('m')).whereRef('node_authors.aid', '=', 'authors.aid').as('lastmod'),
    ]);
    const blogs = db.selectFrom('blogs').select((eb) => [
      'edition', sql<number>`${sql.lit(TYPE_ORDER.blog)}`.as('type_order'), 'bid as id', sql<string | null>`slug`.as('path'),
      eb.selectFrom('nodes').select((e) => e.fn.max('nodes.published_at').as('m')).whereRef('nodes.blog_id', '=', 'blogs.bid').where('nodes.status', '=', 1).as('lastmod'),
    ]);
    return nodes.unionAll(terms).unionAll(authors).unionAll(blogs);
  }

  async countTargets(): Promise<number> {
    const row = await this.db.selectFrom(this.union().as('u')).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async listTargets(offset: number, limit: number): Promise<SitemapTarget[]> {
    const rows = await this.db.selectFrom(this.union().as('u')).selectAll()
      .orderBy('edition').orderBy('type_order').orderBy('id').limit(limit).offset(offset).execute();
    const types = Object.keys(TYPE_ORDER) as SitemapTarget['targetType'][];
    const nodeIds = rows.filter((r) => Number(r.type_order) === TYPE_ORDER.node).map((r) => Number(r.id));
    const translations = await translationsOf(this.db, nodeIds);
    return rows.map((r) => ({
      edition: r.edition,
      targetType: types[Number(r.type_order)]!,
      id: Number(r.id),
      path: r.path,
      lastmod: r.lastmod === null || r.lastmod === undefined ? null : Number(r.lastmod),
      translations: Number(r.type_order) === TYPE_ORDER.node ? translations.get(Number(r.id)) ?? [] : [],
    }));
  }

  async recentNodes(edition: string, options: { readonly kinds?: readonly string[]; readonly since?: number; readonly limit: number }): Promise<RecentNode[]> {
    let query = this.db.selectFrom('nodes').select(['nid', 'path', 'title', 'published_at']).where('edition', '=', edition).where('status', '=', 1);
    if (options.kinds && options.kinds.length > 0) query = query.where('kind', 'in', options.kinds);
    if (options.since !== undefined) query = query.where('published_at', '>=', options.since);
    const rows = await query.orderBy('published_at', 'desc').orderBy('nid', 'desc').limit(options.limit).execute();
    return rows.map((r) => ({ nid: r.nid, path: r.path, title: r.title, publishedAt: Number(r.published_at) }));
  }
}

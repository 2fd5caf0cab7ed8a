import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { AuthorRef, Blog, CorrectionEntry, NodeDetail, NodeSummary, TermRef, TranslationRef, Vocabulary } from '../../domain/content.ts';
import type { Page } from '../../domain/pagination.ts';
import type { CommentPolicy } from '../../domain/edition.ts';
import type { Database } from '../schema.ts';
import type { Dialect } from '../connection.ts';
import { threadSortKey } from './sql-helpers.ts';
import { translationsOf } from './translation-queries.ts';
import type { ContentReader, ListingQuery, PathTarget, PathTargetType } from '../types.ts';
import { PUBLIC_COMMENT_COLUMNS, SUMMARY_COLUMNS, storedHtml, toBlog, toCorrection, toPublicComment, toSummary, toTerm, type SummaryRow } from './row-mappers.ts';
import { readNodeDetail, readSummaries } from './node-detail-query.ts';

/** lower(path): served by the expression indexes of migration 007 on both dialects. */
const lowerPath = sql<string>`lower(path)`;

/** Published comments only: 1 is Folio's (and Drupal 7's) published status. */
const PUBLISHED = 1;

/** The read side of the content store, in portable Kysely queries. */
export class KyselyContentReader implements ContentReader {
  constructor(private readonly db: Kysely<Database>, private readonly dialect: Dialect) {}

  async findNode(edition: string, nid: number): Promise<NodeDetail | undefined> {
    return readNodeDetail(this.db, this.dialect, edition, nid);
  }

  async isWithdrawn(edition: string, nid: number): Promise<boolean> {
    const row = await this.db.selectFrom('nodes').select('status').where('nid', '=', nid).where('edition', '=', edition).executeTakeFirst();
    // Only withdrawn (0) is gone on purpose; a scheduled article (2) does not exist yet for readers: 404.
    return row !== undefined && Number(row.status) === 0;
  }

  async goneReason(edition: string, path: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('gone_paths').select('reason').where('edition', '=', edition).where('path', '=', path).executeTakeFirst()
      ?? await this.db.selectFrom('gone_paths').select('reason').where('edition', '=', edition).where(lowerPath, '=', sql<string>`lower(${path})`)
        .orderBy('path').executeTakeFirst();
    return row?.reason;
  }

  async redirectLocation(edition: string, path: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('path_redirects').select('location').where('edition', '=', edition).where('path', '=', path).executeTakeFirst()
      ?? await this.db.selectFrom('path_redirects').select('location').where('edition', '=', edition).where(lowerPath, '=', sql<string>`lower(${path})`)
        .orderBy('path').executeTakeFirst();
    return row?.location;
  }

  async nodeEdition(nid: number): Promise<string | undefined> {
    const row = await this.db.selectFrom('nodes').select('edition').where('nid', '=', nid).executeTakeFirst();
    return row?.edition;
  }

  async resolvePath(edition: string, path: string): Promise<PathTarget | undefined> {
    const row = await this.db.selectFrom('path_aliases').select(['target_type', 'target_id', 'canonical'])
      .where('edition', '=', edition).where('path', '=', path).executeTakeFirst();
    if (row) return { targetType: row.target_type as PathTargetType, targetId: row.target_id, canonical: row.canonical === 1 };
    // Another spelling of a stored path (/Some-Alias for some-alias), as MySQL's collation matched
    // Drupal's aliases: never canonical, so the page redirects to the stored spelling. A canonical
    // row wins over an old alias, then the lowest path, so the answer is stable.
    const other = await this.db.selectFrom('path_aliases').select(['target_type', 'target_id'])
      .where('edition', '=', edition).where(lowerPath, '=', sql<string>`lower(${path})`)
      .orderBy('canonical', 'desc').orderBy('path').executeTakeFirst();
    return other ? { targetType: other.target_type as PathTargetType, targetId: other.target_id, canonical: false } : undefined;
  }

  async canonicalPath(edition: string, targetType: PathTargetType, targetId: number): Promise<string | undefined> {
    if (targetType === 'node') {
      // A scheduled article or a draft has no public address yet: /node/<nid> must not redirect to (and so reveal) its slug.
      const node = await this.db.selectFrom('nodes').select('status').where('nid', '=', targetId).executeTakeFirst();
      if (node !== undefined && (Number(node.status) === 2 || Number(node.status) === 3)) return undefined;
    }
    const row = await this.db.selectFrom('path_aliases').select('path').where('edition', '=', edition)
      .where('target_type', '=', targetType).where('target_id', '=', targetId).where('canonical', '=', 1).executeTakeFirst();
    return row?.path;
  }

  async listNodes(query: ListingQuery): Promise<Page<NodeSummary>> {
    const { edition, filter, page, pageSize } = query;
    const offset = page * pageSize;
    let rows: SummaryRow[];
    let total: number;
    switch (filter.type) {
      case 'term': {
        // node_terms carries published_at so this is one range scan of its primary key.
        rows = await this.db.selectFrom('node_terms').innerJoin('nodes', 'nodes.nid', 'node_terms.nid').select(SUMMARY_COLUMNS)
          .where('node_terms.tid', '=', filter.tid).where('nodes.status', '=', 1)
          .orderBy('node_terms.published_at', 'desc').orderBy('node_terms.nid', 'desc').limit(pageSize).offset(offset).execute();
        total = await this.count(this.db.selectFrom('node_terms').where('tid', '=', filter.tid));
        break;
      }
      case 'author': {
        rows = await this.db.selectFrom('node_authors').innerJoin('nodes', 'nodes.nid', 'node_authors.nid').select(SUMMARY_COLUMNS)
          .where('node_authors.aid', '=', filter.aid).where('nodes.status', '=', 1)
          .orderBy('node_authors.published_at', 'desc').orderBy('node_authors.nid', 'desc').limit(pageSize).offset(offset).execute();
        total = await this.count(this.db.selectFrom('node_authors').where('aid', '=', filter.aid));
        break;
      }
      case 'blog': {
        const base = this.db.selectFrom('nodes').where('blog_id', '=', filter.bid).where('status', '=', 1);
        rows = await base.select(SUMMARY_COLUMNS).orderBy('published_at', 'desc').orderBy('nid', 'desc').limit(pageSize).offset(offset).execute();
        total = await this.count(base);
        break;
      }
      case 'promoted': {
        const base = this.db.selectFrom('nodes').where('edition', '=', edition).where('promoted', '=', 1).where('status', '=', 1);
        rows = await base.select(SUMMARY_COLUMNS).orderBy('published_at', 'desc').orderBy('nid', 'desc').limit(pageSize).offset(offset).execute();
        total = await this.count(base);
        break;
      }
      case 'all': {
        let base = this.db.selectFrom('nodes').where('edition', '=', edition).where('status', '=', 1);
        if (filter.kinds) base = base.where('kind', 'in', [...filter.kinds]);
        rows = await base.select(SUMMARY_COLUMNS).orderBy('published_at', 'desc').orderBy('nid', 'desc').limit(pageSize).offset(offset).execute();
        total = await this.count(base);
        break;
      }
    }
    return { items: await this.summaries(rows), page, pageSize, total };
  }

  async listingIds(query: Pick<ListingQuery, 'edition' | 'filter'>): Promise<number[]> {
    const { edition, filter } = query;
    let rows: { nid: number }[];
    switch (filter.type) {
      case 'term':
        rows = await this.db.selectFrom('node_terms').innerJoin('nodes', 'nodes.nid', 'node_terms.nid').select('node_terms.nid')
          .where('node_terms.tid', '=', filter.tid).where('nodes.status', '=', 1)
          .orderBy('node_terms.published_at', 'desc').orderBy('node_terms.nid', 'desc').execute();
        break;
      case 'author':
        rows = await this.db.selectFrom('node_authors').innerJoin('nodes', 'nodes.nid', 'node_authors.nid').select('node_authors.nid')
          .where('node_authors.aid', '=', filter.aid).where('nodes.status', '=', 1)
          .orderBy('node_authors.published_at', 'desc').orderBy('node_authors.nid', 'desc').execute();
        break;
      case 'blog':
        rows = await this.db.selectFrom('nodes').select('nid').where('blog_id', '=', filter.bid).where('status', '=', 1)
          .orderBy('published_at', 'desc').orderBy('nid', 'desc').execute();
        break;
      case 'promoted':
        rows = await this.db.selectFrom('nodes').select('nid').where('edition', '=', edition).where('promoted', '=', 1).where('status', '=', 1)
          .orderBy('published_at', 'desc').orderBy('nid', 'desc').execute();
        break;
      case 'all': {
        let q = this.db.selectFrom('nodes').select('nid').where('edition', '=', edition).where('status', '=', 1);
        if (filter.kinds) q = q.where('kind', 'in', [...filter.kinds]);
        rows = await q.orderBy('published_at', 'desc').orderBy('nid', 'desc').execute();
        break;
      }
    }
    return rows.map((r) => r.nid);
  }

  async summariesByIds(nids: readonly number[]): Promise<NodeSummary[]> {
    return readSummaries(this.db, this.dialect, nids);
  }

  async bodyOpenings(nids: readonly number[], chars: number): Promise<Map<number, string>> {
    if (nids.length === 0) return new Map();
    // substr keeps a long body's tail in the database instead of copying it out for every hit.
    const rows = await this.db.selectFrom('nodes').select(['nid', sql<string>`substr(body_html, 1, ${chars})`.as('opening')])
      .where('nid', 'in', [...nids]).execute();
    return new Map(rows.map((r) => [r.nid, r.opening]));
  }


  async findTerm(edition: string, tid: number): Promise<TermRef | undefined> {
    const row = await this.db.selectFrom('terms').selectAll().where('tid', '=', tid).where('edition', '=', edition).executeTakeFirst();
    return row && toTerm(row);
  }

  async findTermByName(edition: string, vocabulary: Vocabulary, name: string): Promise<TermRef | undefined> {
    const row = await this.db.selectFrom('terms').selectAll().where('edition', '=', edition).where('vocabulary', '=', vocabulary)
      .where(sql<string>`lower(name)`, '=', name.toLowerCase()).orderBy('tid').executeTakeFirst();
    return row && toTerm(row);
  }

  async listTerms(edition: string, vocabulary: Vocabulary): Promise<TermRef[]> {
    const rows = await this.db.selectFrom('terms').selectAll().where('edition', '=', edition).where('vocabulary', '=', vocabulary)
      .orderBy('weight').orderBy('name').execute();
    return rows.map(toTerm);
  }

  async findAuthor(edition: string, aid: number): Promise<AuthorRef | undefined> {
    const row = await this.db.selectFrom('authors').select(['aid', 'name', 'slug']).where('aid', '=', aid).where('edition', '=', edition).executeTakeFirst();
    return row;
  }

  async findAuthorBySlug(edition: string, slug: string): Promise<AuthorRef | undefined> {
    return this.db.selectFrom('authors').select(['aid', 'name', 'slug']).where('edition', '=', edition).where('slug', '=', slug).executeTakeFirst();
  }

  async findBlog(edition: string, bid: number): Promise<Blog | undefined> {
    const row = await this.db.selectFrom('blogs').selectAll().where('bid', '=', bid).where('edition', '=', edition).executeTakeFirst();
    return row && toBlog(row);
  }

  async findBlogByUid(edition: string, uid: number): Promise<Blog | undefined> {
    const row = await this.db.selectFrom('blogs').selectAll().where('uid', '=', uid).where('edition', '=', edition).executeTakeFirst();
    return row && toBlog(row);
  }

  async listBlogs(edition: string): Promise<Blog[]> {
    const rows = await this.db.selectFrom('blogs').selectAll().where('edition', '=', edition).orderBy('title').execute();
    return rows.map(toBlog);
  }

  async landingItems(landingNid: number, limit?: number): Promise<NodeSummary[]> {
    let q = this.db.selectFrom('landing_items').innerJoin('nodes', 'nodes.nid', 'landing_items.nid').select(SUMMARY_COLUMNS)
      .where('landing_items.landing_nid', '=', landingNid).where('nodes.status', '=', 1).orderBy('landing_items.position');
    if (limit !== undefined) q = q.limit(limit);
    const rows = await q.execute();
    return this.summaries(rows);
  }

  async listCorrections(edition: string): Promise<CorrectionEntry[]> {
    const rows = await this.db.selectFrom('corrections').selectAll().where('edition', '=', edition).orderBy('published_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toCorrection);
  }

  async listPublishedComments(nid: number, page: number, pageSize: number) {
    const base = this.db.selectFrom('comments').where('nid', '=', nid).where('status', '=', PUBLISHED);
    // Drupal sorts threads without their trailing '/', so "01/" < "01.00/" holds as strings.
    const rows = await base.select(PUBLIC_COMMENT_COLUMNS).orderBy(threadSortKey(this.dialect)).orderBy('cid')
      .limit(pageSize).offset(page * pageSize).execute();
    // A short page (most articles have a handful of comments) tells the total without a COUNT.
    const short = rows.length < pageSize && (rows.length > 0 || page === 0);
    const total = short ? page * pageSize + rows.length : await this.count(base);
    return { items: rows.map(toPublicComment), page, pageSize, total };
  }

  async commentPosition(cid: number) {
    const row = await this.db.selectFrom('comments').innerJoin('nodes', 'nodes.nid', 'comments.nid')
      .select(['comments.nid', 'comments.thread', 'nodes.edition', 'nodes.path'])
      .where('comments.cid', '=', cid).where('comments.status', '=', PUBLISHED).where('nodes.status', '=', 1).executeTakeFirst();
    if (!row) return undefined;
    const key = row.thread.slice(0, -1);
    const before = await this.count(this.db.selectFrom('comments').where('nid', '=', row.nid).where('status', '=', PUBLISHED)
      .where(threadSortKey(this.dialect), '<', key));
    return { nid: row.nid, edition: row.edition, path: row.path, index: before };
  }


  async pathTaken(edition: string, path: string): Promise<boolean> {
    return (await this.resolvePath(edition, path)) !== undefined;
  }

  async translationsOf(nid: number): Promise<TranslationRef[]> {
    return (await translationsOf(this.db, [nid])).get(nid) ?? [];
  }

  async countNodes(edition?: string): Promise<number> {
    let q = this.db.selectFrom('nodes');
    if (edition) q = q.where('edition', '=', edition);
    return this.count(q);
  }

  async getMeta(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('folio_meta').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  // eslint-style note: the builder's table set varies per caller, so it is left open here.
  private async count<TB extends keyof Database>(q: SelectQueryBuilder<Database, TB, object>): Promise<number> {
    const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Loads authors and blogs for a batch of rows in two queries, not one per row. */
  private async summaries(rows: readonly SummaryRow[]): Promise<NodeSummary[]> {
    if (rows.length === 0) return [];
    const nids = rows.map((r) => r.nid);
    const authorRows = await this.db.selectFrom('node_authors').innerJoin('authors', 'authors.aid', 'node_authors.aid')
      .select(['node_authors.nid', 'authors.aid', 'authors.name', 'authors.slug']).where('node_authors.nid', 'in', nids)
      .orderBy('node_authors.nid').orderBy('node_authors.position').execute();
    const byNode = new Map<number, AuthorRef[]>();
    for (const a of authorRows) {
      const list = byNode.get(a.nid) ?? [];
      list.push({ aid: a.aid, name: a.name, slug: a.slug });
      byNode.set(a.nid, list);
    }
    const blogIds = [...new Set(rows.map((r) => r.blog_id).filter((b): b is number => b !== null))];
    const blogs = new Map<number, Blog>();
    if (blogIds.length > 0) {
      for (const b of await this.db.selectFrom('blogs').selectAll().where('bid', 'in', blogIds).execute()) blogs.set(b.bid, toBlog(b));
    }
    return rows.map((r) => toSummary(r, byNode.get(r.nid) ?? [], r.blog_id === null ? null : blogs.get(r.blog_id) ?? null));
  }
}

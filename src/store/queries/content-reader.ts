import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { AuthorRef, Blog, CorrectionEntry, NodeDetail, NodeSummary, TermRef, TranslationRef, Vocabulary } from '../../domain/content.ts';
import type { Page } from '../../domain/pagination.ts';
import type { CommentPolicy } from '../../domain/edition.ts';
import type { Database } from '../schema.ts';
import type { Dialect } from '../connection.ts';
import { threadSortKey } from './sql-helpers.ts';
import { publishedCommentsBefore } from './comment-counts.ts';
import { translationsOf } from './translation-queries.ts';
import type { ContentReader, ListingQuery, PathTarget, PathTargetType, StoredNodePage } from '../types.ts';
import { PUBLIC_COMMENT_COLUMNS, SUMMARY_COLUMNS, storedHtml, toBlog, toCorrection, toPublicComment, toSummary, toTerm, type SummaryRow } from './row-mappers.ts';
import { readNodeDetail, readSummaries } from './node-detail-query.ts';
import { readNodePage } from './node-page-query.ts';
import { CompiledOnce } from './compiled-once.ts';

/** lower(path): served by the expression indexes of migration 007 on both dialects. */
const lowerPath = sql<string>`lower(path)`;

/** Orders the exact spelling of a path before its other spellings (a case-folded lookup finds both). */
const exactFirst = (path: string) => sql<number>`case when path = ${path} then 0 else 1 end`;

/** Published comments only: 1 is Folio's (and Drupal 7's) published status. */
const PUBLISHED = 1;

/** A stored path, exactly as spelt: every page's first statement, so compiled once (CompiledOnce). */
const PATH_EXACT = new CompiledOnce(
  (db: Kysely<Database>, edition: string, path: string) => db.selectFrom('path_aliases').select(['target_type', 'target_id', 'canonical']).where('edition', '=', edition).where('path', '=', path),
  ['\u0000edition', '\u0000path'] as const,
);

/** A page of a node's published comments in thread order; compiled once per dialect, since the order differs. */
function commentsPageQuery(dialect: Dialect) {
  return new CompiledOnce(
    (db: Kysely<Database>, nid: number, limit: number, offset: number) => db.selectFrom('comments').where('nid', '=', nid).where('status', '=', PUBLISHED)
      .select(PUBLIC_COMMENT_COLUMNS).orderBy(threadSortKey(dialect)).orderBy('cid').limit(limit).offset(offset),
    [-2_000_002_001, -2_000_002_002, -2_000_002_003] as const,
  );
}
const COMMENTS_PAGE = { sqlite: commentsPageQuery('sqlite'), postgres: commentsPageQuery('postgres') } as const;

/** A landing page's published items in its order, compiled once; a limit no landing page reaches stands for none. */
const ALL_LANDING_ITEMS = 1_000_000;
const LANDING_IDS = new CompiledOnce(
  (db: Kysely<Database>, landingNid: number, limit: number) => db.selectFrom('landing_items').innerJoin('nodes', 'nodes.nid', 'landing_items.nid')
    .select('landing_items.nid').where('landing_items.landing_nid', '=', landingNid).where('nodes.status', '=', 1).orderBy('landing_items.position').limit(limit),
  [-2_000_004_001, -2_000_004_002] as const,
);

/** The read side of the content store, in portable Kysely queries. */
export class KyselyContentReader implements ContentReader {
  constructor(private readonly db: Kysely<Database>, private readonly dialect: Dialect) {}

  async findNode(edition: string, nid: number): Promise<NodeDetail | undefined> {
    return readNodeDetail(this.db, this.dialect, edition, nid);
  }

  findNodePage(edition: string, nid: number): Promise<StoredNodePage | undefined> {
    return readNodePage(this.db, this.dialect, edition, nid);
  }

  async isWithdrawn(edition: string, nid: number): Promise<boolean> {
    const row = await this.db.selectFrom('nodes').select('status').where('nid', '=', nid).where('edition', '=', edition).executeTakeFirst();
    // Only withdrawn (0) is gone on purpose; a scheduled article (2) does not exist yet for readers: 404.
    return row !== undefined && Number(row.status) === 0;
  }

  async goneReason(edition: string, path: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('gone_paths').select('reason').where('edition', '=', edition)
      .where(lowerPath, '=', sql<string>`lower(${path})`).orderBy(exactFirst(path)).orderBy('path').limit(1).executeTakeFirst();
    return row?.reason;
  }

  async redirectLocation(edition: string, path: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('path_redirects').select('location').where('edition', '=', edition)
      .where(lowerPath, '=', sql<string>`lower(${path})`).orderBy(exactFirst(path)).orderBy('path').limit(1).executeTakeFirst();
    return row?.location;
  }

  async nodeEdition(nid: number): Promise<string | undefined> {
    const row = await this.db.selectFrom('nodes').select('edition').where('nid', '=', nid).executeTakeFirst();
    return row?.edition;
  }

  async resolvePath(edition: string, path: string): Promise<PathTarget | undefined> {
    // The exact spelling first, as one statement compiled once (the hit every page view makes).
    const [exact] = await PATH_EXACT.execute(this.db, edition, path);
    if (exact) return { targetType: exact.target_type as PathTargetType, targetId: exact.target_id, canonical: exact.canonical === 1 };
    // Another spelling of a stored path (/Some-Alias for some-alias), as MySQL's collation matched
    // Drupal's aliases, is never canonical, so the page redirects to the stored spelling. The exact
    // spelling wins, then a canonical row over an old alias, then the lowest path, so the answer is stable.
    const row = await this.db.selectFrom('path_aliases').select(['path', 'target_type', 'target_id', 'canonical'])
      .where('edition', '=', edition).where(lowerPath, '=', sql<string>`lower(${path})`)
      .orderBy(exactFirst(path)).orderBy('canonical', 'desc').orderBy('path').limit(1).executeTakeFirst();
    if (!row) return undefined;
    return { targetType: row.target_type as PathTargetType, targetId: row.target_id, canonical: row.path === path && row.canonical === 1 };
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
    const { page, pageSize } = query;
    // One listing order for pages and ids alike: the page is a slice of the ids, so the two cannot disagree.
    const ids = await this.listingIds(query);
    return { items: await this.summariesByIds(ids.slice(page * pageSize, (page + 1) * pageSize)), page, pageSize, total: ids.length };
  }

  async listingIds(query: Pick<ListingQuery, 'edition' | 'filter'>): Promise<number[]> {
    const { edition, filter } = query;
    let rows: { nid: number }[];
    switch (filter.type) {
      // A term's or author's order straight from its index (tid or aid, published_at, nid), less
      // the edition's few unpublished nodes: joining nodes for their status read a row per entry
      // (430 ms for a 46,000-item section, a stall of every page behind it; 43 ms without).
      case 'term':
      case 'author': {
        // node_terms and node_authors share (nid, key, published_at), so one query serves both.
        const [table, key, id] = filter.type === 'term' ? ['node_terms', 'tid', filter.tid] as const : ['node_authors', 'aid', filter.aid] as const;
        rows = await this.db.selectFrom(table as 'node_terms').select('nid').where(key as 'tid', '=', id)
          .orderBy('published_at', 'desc').orderBy('nid', 'desc').execute();
        rows = await this.withoutUnpublished(edition, rows);
        break;
      }
      case 'blog':
        rows = await this.db.selectFrom('nodes').select('nid').where('blog_id', '=', filter.bid).where('status', '=', 1)
          .orderBy('published_at', 'desc').orderBy('nid', 'desc').execute();
        break;
      case 'promoted':
        // Sticky articles first, as Drupal's front page (node_page_default) ordered them.
        rows = await this.db.selectFrom('nodes').select('nid').where('edition', '=', edition).where('promoted', '=', 1).where('status', '=', 1)
          .orderBy('sticky', 'desc').orderBy('published_at', 'desc').orderBy('nid', 'desc').execute();
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

  /** These rows less the edition's unpublished nodes (withdrawn or scheduled). */
  private async withoutUnpublished(edition: string, rows: { nid: number }[]): Promise<{ nid: number }[]> {
    // Two seeks of nodes_edition_published (status below 1, above 1): one `<>` scanned the edition.
    const unpublished = await this.db.selectFrom('nodes').select('nid').where('edition', '=', edition).where('status', '<', 1)
      .unionAll(this.db.selectFrom('nodes').select('nid').where('edition', '=', edition).where('status', '>', 1)).execute();
    if (unpublished.length === 0) return rows;
    const out = new Set(unpublished.map((r) => Number(r.nid)));
    return rows.filter((r) => !out.has(Number(r.nid)));
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
    // Ids in the landing page's order, then one summaries statement (the home page's special
    // coverage block took three statements, two of them built by Kysely on every request).
    const rows = await LANDING_IDS.execute(this.db, landingNid, limit ?? ALL_LANDING_ITEMS);
    return readSummaries(this.db, this.dialect, rows.map((r) => Number(r.nid)));
  }

  async listCorrections(edition: string): Promise<CorrectionEntry[]> {
    const rows = await this.db.selectFrom('corrections').selectAll().where('edition', '=', edition).orderBy('published_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toCorrection);
  }

  async listPublishedComments(nid: number, page: number, pageSize: number) {
    const base = this.db.selectFrom('comments').where('nid', '=', nid).where('status', '=', PUBLISHED);
    // Drupal sorts threads without their trailing '/', so "01/" < "01.00/" holds as strings.
    const rows = await COMMENTS_PAGE[this.dialect].execute(this.db, nid, pageSize, page * pageSize);
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
    const counted = await publishedCommentsBefore(this.db, this.dialect, row.nid, key).executeTakeFirst();
    return { nid: row.nid, edition: row.edition, path: row.path, index: Number(counted?.n ?? 0) };
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

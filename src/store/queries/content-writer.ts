import { NODE_STATUS } from '../../domain/node-status.ts';
import type { Kysely, Transaction } from 'kysely';
import { SHOWN_COMMENT_COUNT } from './comment-counts.ts';
import { sql } from 'kysely';
import type { WritableEdition } from '../../domain/edition-guard.ts';
import type { Blog, CorrectionInput } from '../../domain/content.ts';
import type { Database } from '../schema.ts';
import { maxId } from './ids.ts';
import { joinTranslationSet } from './translation-queries.ts';
import type { CommentWrite, ContentWriter, NodeWrite, TermWrite } from '../types.ts';
import type { Dialect } from '../connection.ts';
import { firstRevision, revisionRow } from './fixity-queries.ts';
import { inSaveOrder } from './save-order.ts';
import { newNodeRow } from './row-mappers.ts';

/** The status of an article dated in the future: neither published (1) nor withdrawn (0). */
export const SCHEDULED = NODE_STATUS.SCHEDULED;

/**
 * A scheduled node's due time (NULL for every other node): the expression the index
 * nodes_scheduled_due (021) holds, written as it is there so that both planners match it.
 */
export const SCHEDULED_DUE = sql<number | null>`(case when status = ${sql.lit(SCHEDULED)} then published_at end)`;

/** Rows per multi-row INSERT: large enough to amortise round trips, small enough for bind limits. */
const BATCH_ROWS = 400;

/** Inserts rows in batches so a 100,000-article seed does not pay one statement per row. */
async function insertBatched<T extends keyof Database>(trx: Transaction<Database>, table: T, rows: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    // Kysely's insert typing is per-table; the callers below build rows of exactly that table.
    await trx.insertInto(table).values(rows.slice(i, i + BATCH_ROWS) as never).execute();
  }
}

/** The write side of the content store. */
export class KyselyContentWriter implements ContentWriter {
  constructor(private readonly db: Kysely<Database>, private readonly dialect: Dialect) {}

  async nextId(kind: 'node' | 'term' | 'author' | 'blog' | 'comment'): Promise<number> {
    return (await maxId(this.db, kind)) + 1;
  }


  async saveTerms(edition: WritableEdition, terms: readonly TermWrite[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await insertBatched(trx, 'terms', terms.map((t) => ({
        tid: t.tid, edition: edition.code, vocabulary: t.vocabulary, name: t.name, path: t.path, parent_tid: t.parentTid, weight: t.weight,
      })));
      await insertBatched(trx, 'path_aliases', terms.filter((t) => t.path !== null).map((t) => ({
        edition: edition.code, path: t.path, target_type: 'term', target_id: t.tid, canonical: 1,
      })));
    });
  }

  async saveAuthors(edition: WritableEdition, authors: readonly { aid: number; name: string; slug: string }[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await insertBatched(trx, 'authors', authors.map((a) => ({ aid: a.aid, edition: edition.code, name: a.name, slug: a.slug })));
      await insertBatched(trx, 'path_aliases', authors.map((a) => ({
        edition: edition.code, path: `author/${a.slug}`, target_type: 'author', target_id: a.aid, canonical: 1,
      })));
    });
  }

  async saveBlogs(edition: WritableEdition, blogs: readonly Omit<Blog, 'edition'>[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await insertBatched(trx, 'blogs', blogs.map((b) => ({ bid: b.bid, edition: edition.code, uid: b.uid, title: b.title, slug: b.slug, owner_name: b.ownerName })));
      await insertBatched(trx, 'path_aliases', blogs.map((b) => ({
        edition: edition.code, path: `blogs/${b.slug}`, target_type: 'blog', target_id: b.bid, canonical: 1,
      })));
    });
  }

  async saveNodes(edition: WritableEdition, nodes: readonly NodeWrite[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await insertBatched(trx, 'nodes', nodes.map((n) => newNodeRow(edition.code, n, n.scheduled ? SCHEDULED : 1)));
      // Every node written is also its first revision, sealed with its fixity value (006-fixity).
      await insertBatched(trx, 'node_revisions', await inSaveOrder(trx, this.dialect, nodes.map((n) => revisionRow(firstRevision(n)))));
      await insertBatched(trx, 'node_terms', nodes.flatMap((n) => [...new Set(n.termIds)].map((tid) => ({ nid: n.nid, tid, published_at: n.publishedAt }))));
      await insertBatched(trx, 'node_authors', nodes.flatMap((n) => n.authorIds.map((aid, position) => ({ nid: n.nid, aid, position, published_at: n.publishedAt }))));
      await insertBatched(trx, 'path_aliases', nodes.flatMap((n) => [
        ...(n.path === null ? [] : [{ edition: edition.code, path: n.path, target_type: 'node', target_id: n.nid, canonical: 1 }]),
        ...(n.legacyPaths ?? []).map((p) => ({ edition: edition.code, path: p, target_type: 'node', target_id: n.nid, canonical: 0 })),
      ]));
    });
  }

  async saveComments(_edition: WritableEdition, comments: readonly CommentWrite[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await insertBatched(trx, 'comments', comments.map((c) => ({
        cid: c.cid, nid: c.nid, pid: c.pid, thread: c.thread, status: c.status, uid: null, name: c.name, email: c.email,
        homepage: c.homepage, hostname: c.hostname, subject: c.subject, body: c.body, format: c.format, body_html: c.bodyHtml,
        created_at: c.createdAt, changed_at: c.createdAt,
      })));
    });
  }

  async saveLandingItems(_edition: WritableEdition, landingNid: number, nids: readonly number[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await insertBatched(trx, 'landing_items', nids.map((nid, position) => ({ landing_nid: landingNid, nid, position })));
    });
  }

  async saveCorrections(edition: WritableEdition, entries: readonly CorrectionInput[]): Promise<void> {
    const first = await this.nextCorrectionId();
    await this.db.transaction().execute(async (trx) => {
      await insertBatched(trx, 'corrections', entries.map((e, i) => ({
        id: first + i, edition: edition.code, nid: e.nid, kind: e.kind, title: e.title, body_html: e.bodyHtml, published_at: e.publishedAt,
      })));
    });
  }

  async linkTranslation(_edition: WritableEdition, nid: number, translationOf: number): Promise<void> {
    await joinTranslationSet(this.db, nid, translationOf);
  }

  async recountComments(edition: WritableEdition): Promise<void> {
    await sql`update nodes set comment_count = ${SHOWN_COMMENT_COUNT} where edition = ${edition.code}`.execute(this.db);
  }

  async publishDue(now: number): Promise<{ nid: number; edition: string }[]> {
    // One UPDATE is the claim: of several instances running this at once, each row changes for one of them.
    const rows = await this.db.updateTable('nodes').set({ status: 1 }).where(SCHEDULED_DUE, '<=', now)
      .returning(['nid', 'edition']).execute();
    return rows.map((r) => ({ nid: r.nid, edition: r.edition }));
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.db.insertInto('folio_meta').values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  }

  async initMeta(key: string, value: string): Promise<void> {
    await this.db.insertInto('folio_meta').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).execute();
  }

  private async nextCorrectionId(): Promise<number> {
    return (await maxId(this.db, 'correction')) + 1;
  }
}

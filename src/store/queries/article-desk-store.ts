import { sql, type Kysely, type Transaction } from 'kysely';
import type { WritableEdition } from '../../domain/edition-guard.ts';
import { NODE_STATUS, type NodeStatusCode } from '../../domain/node-status.ts';
import type { Database } from '../schema.ts';
import type { ArticleDesk, DeskArticle, DeskArticleWrite, DeskListItem, DeskListQuery, EmptiedNode, RevisionWrite } from '../types.ts';
import type { Dialect } from '../connection.ts';
import { insertSave } from './revision-queries.ts';
import { nodeTextColumns, photoOf } from './row-mappers.ts';

/** The nodes columns an article save sets (everything the form edits, and the listing copies). */
function nodeColumns(a: DeskArticleWrite) {
  return {
    ...nodeTextColumns(a), path: a.path,
    published_at: a.publishedAt, updated_at: a.updatedAt, status: a.status, promoted: a.promoted ? 1 : 0, sticky: a.sticky ? 1 : 0,
    section_tid: a.sectionTid, comment_policy: a.commentPolicy,
  };
}

/** Terms and authors are rewritten whole on each save (an article has a handful of each). */
async function writeLinks(trx: Transaction<Database>, a: DeskArticleWrite): Promise<void> {
  await trx.deleteFrom('node_terms').where('nid', '=', a.nid).execute();
  await trx.deleteFrom('node_authors').where('nid', '=', a.nid).execute();
  const tids = [...new Set(a.termIds)];
  if (tids.length > 0) await trx.insertInto('node_terms').values(tids.map((tid) => ({ nid: a.nid, tid, published_at: a.publishedAt }))).execute();
  if (a.authorIds.length > 0) {
    await trx.insertInto('node_authors').values(a.authorIds.map((aid, position) => ({ nid: a.nid, aid, position, published_at: a.publishedAt }))).execute();
  }
}


/** The newsroom's article store in portable Kysely queries. */
export class KyselyArticleDesk implements ArticleDesk {
  constructor(private readonly db: Kysely<Database>, private readonly dialect: Dialect) {}

  async findArticle(edition: string, nid: number): Promise<DeskArticle | undefined> {
    const row = await this.db.selectFrom('nodes').selectAll().where('nid', '=', nid).where('edition', '=', edition).where('kind', '=', 'article').executeTakeFirst();
    if (!row) return undefined;
    const tags = await this.db.selectFrom('node_terms').innerJoin('terms', 'terms.tid', 'node_terms.tid').select('terms.name')
      .where('node_terms.nid', '=', nid).where('terms.vocabulary', '=', 'tag').orderBy('terms.name').execute();
    const authors = await this.db.selectFrom('node_authors').innerJoin('authors', 'authors.aid', 'node_authors.aid').select('authors.name')
      .where('node_authors.nid', '=', nid).orderBy('node_authors.position').execute();
    const set = await this.db.selectFrom('translations').select('tnid').where('nid', '=', nid).executeTakeFirst();
    return {
      nid: Number(row.nid), edition: row.edition, title: row.title, path: row.path, summary: row.summary, bodyHtml: row.body_html, credit: row.credit,
      photo: photoOf(row), publishedAt: Number(row.published_at), updatedAt: Number(row.updated_at), status: Number(row.status) as NodeStatusCode,
      promoted: Number(row.promoted) === 1, sticky: Number(row.sticky) === 1, sectionTid: row.section_tid === null ? null : Number(row.section_tid),
      tags: tags.map((t) => t.name), authors: authors.map((a) => a.name), commentPolicy: row.comment_policy,
      ownerUid: row.owner_uid === null ? null : Number(row.owner_uid), trashedAt: row.trashed_at === null ? null : Number(row.trashed_at),
      translationOf: set && Number(set.tnid) !== nid ? Number(set.tnid) : null,
    };
  }

  async listArticles(q: DeskListQuery): Promise<DeskListItem[]> {
    let query = this.db.selectFrom('nodes')
      .leftJoin('terms', 'terms.tid', 'nodes.section_tid')
      .leftJoin('users', 'users.uid', 'nodes.owner_uid')
      .select(['nodes.nid', 'nodes.title', 'nodes.path', 'nodes.status', 'nodes.trashed_at', 'nodes.updated_at', 'nodes.published_at',
        'nodes.owner_uid', 'nodes.sticky', 'nodes.promoted', 'terms.name as section_name', 'users.name as owner_name'])
      .where('nodes.edition', '=', q.edition).where('nodes.kind', '=', 'article');
    if (q.status === 'trash') query = query.where('nodes.trashed_at', 'is not', null);
    else {
      query = query.where('nodes.trashed_at', 'is', null);
      if (q.status !== null) query = query.where('nodes.status', '=', q.status);
    }
    if (q.sectionTid !== null) query = query.where('nodes.section_tid', '=', q.sectionTid);
    if (q.authorAid !== null) {
      const aid = q.authorAid;
      query = query.where((eb) => eb.exists(eb.selectFrom('node_authors').select('node_authors.nid').whereRef('node_authors.nid', '=', 'nodes.nid').where('node_authors.aid', '=', aid)));
    }
    if (q.ownOrPublishedFor !== null) {
      const uid = q.ownOrPublishedFor;
      query = query.where((eb) => eb.or([eb('nodes.owner_uid', '=', uid), eb.and([eb('nodes.status', '=', NODE_STATUS.PUBLISHED), eb('nodes.trashed_at', 'is', null)])]));
    }
    if (q.olderThan !== null) {
      const { updatedAt, nid } = q.olderThan;
      query = query.where((eb) => eb.or([eb('nodes.updated_at', '<', updatedAt), eb.and([eb('nodes.updated_at', '=', updatedAt), eb('nodes.nid', '<', nid)])]));
    }
    const rows = await query.orderBy('nodes.updated_at', 'desc').orderBy('nodes.nid', 'desc').limit(q.limit).execute();
    return rows.map((r) => ({
      nid: Number(r.nid), title: r.title, path: r.path, status: Number(r.status) as NodeStatusCode, trashedAt: r.trashed_at === null ? null : Number(r.trashed_at),
      updatedAt: Number(r.updated_at), publishedAt: Number(r.published_at), sectionName: r.section_name, ownerUid: r.owner_uid === null ? null : Number(r.owner_uid),
      ownerName: r.owner_name, sticky: Number(r.sticky) === 1, promoted: Number(r.promoted) === 1,
    }));
  }

  async createArticle(edition: WritableEdition, a: DeskArticleWrite, revision: RevisionWrite): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('nodes').values({
        nid: a.nid, edition: edition.code, kind: 'article', show_date: 1, blog_id: null, comment_count: 0, owner_uid: a.ownerUid, ...nodeColumns(a),
      }).execute();
      await writeLinks(trx, a);
      await trx.insertInto('path_aliases').values({ edition: edition.code, path: a.path, target_type: 'node', target_id: a.nid, canonical: 1 }).execute();
      await insertSave(trx, this.dialect, revision);
    });
  }

  async updateArticle(edition: WritableEdition, a: DeskArticleWrite, revision: RevisionWrite | null, oldPathRedirects: boolean): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('nodes').select('path').where('nid', '=', a.nid).where('edition', '=', edition.code).executeTakeFirstOrThrow();
      await trx.updateTable('nodes').set(nodeColumns(a)).where('nid', '=', a.nid).where('edition', '=', edition.code).execute();
      await writeLinks(trx, a);
      if (before.path !== a.path) {
        const aliases = trx.updateTable('path_aliases').where('edition', '=', edition.code).where('target_type', '=', 'node').where('target_id', '=', a.nid);
        if (oldPathRedirects) await aliases.set({ canonical: 0 }).where('canonical', '=', 1).execute();
        else await trx.deleteFrom('path_aliases').where('edition', '=', edition.code).where('target_type', '=', 'node').where('target_id', '=', a.nid).where('canonical', '=', 1).execute();
        // Going back to an earlier slug turns its redirect into the canonical path again.
        await trx.deleteFrom('path_aliases').where('edition', '=', edition.code).where('path', '=', a.path).where('target_type', '=', 'node').where('target_id', '=', a.nid).execute();
        await trx.insertInto('path_aliases').values({ edition: edition.code, path: a.path, target_type: 'node', target_id: a.nid, canonical: 1 }).execute();
      }
      if (revision !== null) await insertSave(trx, this.dialect, revision);
    });
  }

  async latestRevision(nid: number): Promise<string | undefined> {
    const row = await this.db.selectFrom('node_revisions').select('content_hash').where('nid', '=', nid)
      .orderBy('revised_at', 'desc').orderBy('saved_seq', 'desc').orderBy('content_hash', 'desc').limit(1).executeTakeFirst();
    return row?.content_hash;
  }

  async setStatus(edition: WritableEdition, nid: number, status: NodeStatusCode, publishedAt: number, updatedAt: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx.updateTable('nodes').set({ status, published_at: publishedAt, updated_at: updatedAt })
        .where('nid', '=', nid).where('edition', '=', edition.code).where('trashed_at', 'is', null).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      // Listings range over the copies of the publication time (see NodeTermsTable).
      await trx.updateTable('node_terms').set({ published_at: publishedAt }).where('nid', '=', nid).execute();
      await trx.updateTable('node_authors').set({ published_at: publishedAt }).where('nid', '=', nid).execute();
      return true;
    });
  }

  async setTrashed(edition: WritableEdition, nid: number, trashedAt: number | null, updatedAt: number): Promise<boolean> {
    const status = trashedAt === null ? NODE_STATUS.DRAFT : NODE_STATUS.UNPUBLISHED;
    const result = await this.db.updateTable('nodes').set({ trashed_at: trashedAt, status, updated_at: updatedAt })
      .where('nid', '=', nid).where('edition', '=', edition.code).where('trashed_at', trashedAt === null ? 'is not' : 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async emptyTrash(edition: WritableEdition, now: number): Promise<EmptiedNode[]> {
    return this.db.transaction().execute(async (trx) => {
      const nodes = await trx.selectFrom('nodes').select('nid').where('edition', '=', edition.code).where('trashed_at', 'is not', null).execute();
      const nids = nodes.map((n) => Number(n.nid));
      if (nids.length === 0) return [];
      const aliases = await trx.selectFrom('path_aliases').select(['path', 'target_id']).where('edition', '=', edition.code)
        .where('target_type', '=', 'node').where('target_id', 'in', nids).execute();
      const emptied = nids.map((nid) => ({ nid, paths: [`node/${nid}`, ...aliases.filter((a) => Number(a.target_id) === nid).map((a) => a.path)] }));
      const gone = emptied.flatMap((e) => e.paths.map((path) => ({ edition: edition.code, path, reason: 'deleted', since: now })));
      await trx.insertInto('gone_paths').values(gone).onConflict((oc) => oc.columns(['edition', 'path']).doNothing()).execute();
      await trx.deleteFrom('path_aliases').where('edition', '=', edition.code).where('target_type', '=', 'node').where('target_id', 'in', nids).execute();
      const cids = trx.selectFrom('comments').select('cid').where('nid', 'in', nids);
      await trx.deleteFrom('moderation_log').where('cid', 'in', cids).execute();
      for (const table of ['comments', 'node_terms', 'node_authors', 'node_revisions', 'translations', 'landing_items'] as const) {
        await trx.deleteFrom(table).where('nid', 'in', nids).execute();
      }
      await trx.deleteFrom('nodes').where('nid', 'in', nids).execute();
      return emptied;
    });
  }

  async suggest(edition: string, kind: 'tag' | 'author', q: string, limit: number): Promise<string[]> {
    // LIKE with its wildcards escaped: what was typed is matched literally, case-insensitively.
    const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = kind === 'tag'
      ? await this.db.selectFrom('terms').select('name').where('edition', '=', edition).where('vocabulary', '=', 'tag')
        .where(sql<string>`lower(name)`, 'like', sql<string>`${pattern} escape '\\'`).orderBy('name').limit(limit).execute()
      : await this.db.selectFrom('authors').select('name').where('edition', '=', edition)
        .where(sql<string>`lower(name)`, 'like', sql<string>`${pattern} escape '\\'`).orderBy('name').limit(limit).execute();
    return rows.map((r) => r.name);
  }
}

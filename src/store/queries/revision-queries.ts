import type { Kysely, QueryCreator } from 'kysely';
import type { WritableEdition } from '../../domain/edition-guard.ts';
import { ARTICLE_CORRECTION_KINDS, type CorrectionEntry, type CorrectionInput } from '../../domain/content.ts';
import type { Database } from '../schema.ts';
import { revisionRow } from './fixity-queries.ts';
import { inSaveOrder } from './save-order.ts';
import type { ArticleCorrection, RevisedNode, RevisionEntry, RevisionQueries, RevisionRestore, RevisionWrite, StoredRevisionContent } from '../types.ts';
import type { Dialect } from '../connection.ts';
import { maxId } from './ids.ts';
import { nodeTextColumns, toCorrection, toRevisionContent } from './row-mappers.ts';

/**
 * The corrections and updates of an edition's articles as their pages show them, oldest first:
 * the one rule for which entries belong on an article (ARTICLE_CORRECTION_KINDS) and in what
 * order. Callers pick the articles by `corrections.nid` (correctionsOf a list, the page statement
 * its node: node-page-query.ts).
 */
export function articleCorrections(db: QueryCreator<Database>, edition: string) {
  return db.selectFrom('corrections')
    .select(['corrections.id', 'corrections.nid', 'corrections.kind', 'corrections.title', 'corrections.body_html', 'corrections.published_at'])
    .where('corrections.edition', '=', edition).where('corrections.kind', 'in', ARTICLE_CORRECTION_KINDS)
    .orderBy('corrections.published_at').orderBy('corrections.id');
}

/**
 * Writes a save of an article as its newest revision. The same content in the same second is the
 * same revision (its fixity is its identity), so it is stored once; but it is now the latest save,
 * so it takes the new place in save order (020-revision-order).
 */
export async function insertSave(trx: Kysely<Database>, dialect: Dialect, revision: RevisionWrite): Promise<void> {
  await trx.insertInto('node_revisions').values(await inSaveOrder(trx, dialect, [revisionRow(revision)]))
    .onConflict((oc) => oc.columns(['nid', 'content_hash']).doUpdateSet({ saved_seq: (eb) => eb.ref('excluded.saved_seq') })).execute();
}

/** An article's recorded history: its stored revisions and the corrections and updates made to it. */
export class KyselyRevisionQueries implements RevisionQueries {
  constructor(private readonly db: Kysely<Database>, private readonly dialect: Dialect) {}

  async revisionsOf(nid: number): Promise<StoredRevisionContent[]> {
    const rows = await this.db.selectFrom('node_revisions').selectAll()
      .where('nid', '=', nid).orderBy('revised_at').orderBy('saved_seq').orderBy('content_hash').execute();
    return rows.map(toRevisionContent);
  }

  async revisionTimesOf(nid: number): Promise<number[]> {
    const rows = await this.db.selectFrom('node_revisions').select('revised_at').distinct().where('nid', '=', nid).orderBy('revised_at').execute();
    return rows.map((r) => Number(r.revised_at));
  }

  async correctionsOf(edition: string, nids: readonly number[]): Promise<Map<number, CorrectionEntry[]>> {
    const byNid = new Map<number, CorrectionEntry[]>();
    if (nids.length === 0) return byNid;
    const rows = await articleCorrections(this.db, edition).where('corrections.nid', 'in', nids).execute();
    for (const row of rows) {
      const entry = toCorrection(row);
      const list = byNid.get(entry.nid!) ?? [];
      list.push(entry);
      byNid.set(entry.nid!, list);
    }
    return byNid;
  }

  async listArticleCorrections(edition: string, limit: number): Promise<ArticleCorrection[]> {
    const rows = await this.db.selectFrom('corrections as c')
      .innerJoin('nodes as n', 'n.nid', 'c.nid')
      .select(['c.id', 'c.nid', 'c.kind', 'c.title', 'c.body_html', 'c.published_at', 'n.title as article_title', 'n.path as article_path'])
      .where('c.edition', '=', edition).where('n.edition', '=', edition).where('n.status', '=', 1).where('c.kind', 'in', ARTICLE_CORRECTION_KINDS)
      .orderBy('c.published_at', 'desc').orderBy('c.id', 'desc').limit(limit).execute();
    return rows.map((r) => ({ entry: toCorrection(r), article: { nid: Number(r.nid), title: r.article_title, path: r.article_path } }));
  }

  async recordCorrection(edition: WritableEdition, entry: CorrectionInput, revisions: readonly RevisionWrite[]): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const id = (await maxId(trx, 'correction')) + 1;
      await trx.insertInto('corrections').values({
        id, edition: edition.code, nid: entry.nid, kind: entry.kind, title: entry.title, body_html: entry.bodyHtml, published_at: entry.publishedAt,
      }).execute();
      for (const row of await inSaveOrder(trx, this.dialect, revisions.map(revisionRow))) {
        await trx.insertInto('node_revisions').values(row).onConflict((oc) => oc.columns(['nid', 'content_hash']).doNothing()).execute();
      }
      return id;
    });
  }

  async listRevisions(nid: number): Promise<RevisionEntry[]> {
    const rows = await this.db.selectFrom('node_revisions as r').leftJoin('users as u', 'u.uid', 'r.revised_by')
      .select(['r.content_hash', 'r.revised_at', 'r.revised_by', 'u.name', 'r.source_vid', 'r.title', 'r.log'])
      .where('r.nid', '=', nid).orderBy('r.revised_at', 'desc').orderBy('r.saved_seq', 'desc').orderBy('r.content_hash', 'desc').execute();
    return rows.map((r) => ({
      contentHash: r.content_hash, revisedAt: Number(r.revised_at), revisedBy: r.revised_by === null ? null : Number(r.revised_by),
      authorName: r.name ?? null, sourceVid: r.source_vid === null ? null : Number(r.source_vid), title: r.title, log: r.log,
    }));
  }

  async findRevision(nid: number, contentHash: string): Promise<StoredRevisionContent | undefined> {
    const row = await this.db.selectFrom('node_revisions').selectAll().where('nid', '=', nid).where('content_hash', '=', contentHash).executeTakeFirst();
    return row && toRevisionContent(row);
  }

  async findRevisedNode(nid: number): Promise<RevisedNode | undefined> {
    const row = await this.db.selectFrom('nodes').select(['nid', 'edition', 'title', 'path', 'status', 'owner_uid', 'trashed_at']).where('nid', '=', nid).executeTakeFirst();
    return row && {
      nid: Number(row.nid), edition: row.edition, title: row.title, path: row.path, status: Number(row.status),
      ownerUid: row.owner_uid === null ? null : Number(row.owner_uid), trashedAt: row.trashed_at === null ? null : Number(row.trashed_at),
    };
  }

  async restoreRevision(edition: WritableEdition, restore: RevisionRestore): Promise<void> {
    const r = restore.revision;
    await this.db.transaction().execute(async (trx) => {
      await insertSave(trx, this.dialect, r);
      await trx.updateTable('nodes').set({ ...nodeTextColumns({ ...r, teaser: restore.teaser, leadHtml: restore.leadHtml }), updated_at: r.revisedAt }).where('nid', '=', r.nid).where('edition', '=', edition.code).execute();
    });
  }
}

import type { Kysely } from 'kysely';
import type { WritableEdition } from '../../domain/edition-guard.ts';
import type { CorrectionEntry, CorrectionInput } from '../../domain/content.ts';
import type { Database } from '../schema.ts';
import { revisionRow } from './fixity-queries.ts';
import type { ArticleCorrection, RevisionQueries, RevisionWrite, StoredRevisionContent } from '../types.ts';
import { maxId } from './ids.ts';
import { toCorrection, toRevisionContent } from './row-mappers.ts';

/** The kinds of corrections entry that change what an article says (letters do not). */
const ARTICLE_KINDS = ['correction', 'update'] as const;

/** An article's recorded history: its stored revisions and the corrections and updates made to it. */
export class KyselyRevisionQueries implements RevisionQueries {
  constructor(private readonly db: Kysely<Database>) {}

  async revisionsOf(nid: number): Promise<StoredRevisionContent[]> {
    const rows = await this.db.selectFrom('node_revisions').selectAll()
      .where('nid', '=', nid).orderBy('revised_at').orderBy('content_hash').execute();
    return rows.map(toRevisionContent);
  }

  async revisionTimesOf(nid: number): Promise<number[]> {
    const rows = await this.db.selectFrom('node_revisions').select('revised_at').distinct().where('nid', '=', nid).orderBy('revised_at').execute();
    return rows.map((r) => Number(r.revised_at));
  }

  async correctionsOf(edition: string, nids: readonly number[]): Promise<Map<number, CorrectionEntry[]>> {
    const byNid = new Map<number, CorrectionEntry[]>();
    if (nids.length === 0) return byNid;
    const rows = await this.db.selectFrom('corrections').selectAll().where('edition', '=', edition).where('nid', 'in', nids)
      .where('kind', 'in', ARTICLE_KINDS).orderBy('published_at').orderBy('id').execute();
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
      .where('c.edition', '=', edition).where('n.edition', '=', edition).where('n.status', '=', 1).where('c.kind', 'in', ARTICLE_KINDS)
      .orderBy('c.published_at', 'desc').orderBy('c.id', 'desc').limit(limit).execute();
    return rows.map((r) => ({ entry: toCorrection(r), article: { nid: Number(r.nid), title: r.article_title, path: r.article_path } }));
  }

  async recordCorrection(edition: WritableEdition, entry: CorrectionInput, revisions: readonly RevisionWrite[]): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const id = (await maxId(trx, 'correction')) + 1;
      await trx.insertInto('corrections').values({
        id, edition: edition.code, nid: entry.nid, kind: entry.kind, title: entry.title, body_html: entry.bodyHtml, published_at: entry.publishedAt,
      }).execute();
      for (const r of revisions) {
        await trx.insertInto('node_revisions').values(revisionRow(r)).onConflict((oc) => oc.columns(['nid', 'content_hash']).doNothing()).execute();
      }
      return id;
    });
  }
}

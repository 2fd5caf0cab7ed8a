import type { Kysely } from 'kysely';
import { jsonArrayFrom as pgJsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import type { Dialect } from '../connection.ts';
import type { Database } from '../schema.ts';
import type { StoredNodePage } from '../types.ts';
import { CompiledOnce } from './compiled-once.ts';
import { detailQuery, parsed, toNodeDetail, type DetailRow } from './node-detail-query.ts';
import { toCorrection } from './row-mappers.ts';
import { ARTICLE_CORRECTION_KINDS } from '../../domain/content.ts';

/** Published comments only: 1 is Folio's (and Drupal 7's) published status. */
const PUBLISHED = 1;


interface TranslationJson { nid: number; edition: string; path: string | null }
interface CorrectionJson { id: number; nid: number | null; kind: string; title: string; body_html: string; published_at: number }

/**
 * The node-detail statement plus everything else a node's page reads about the node itself: its
 * stored related row, its published translations, its revision times, its corrections and
 * updates, and its published comment count. Each addition is an index seek on the node's id
 * (node_related's key, translations' key and translations_tnid, node_revisions_nid_time,
 * corrections_nid, comments_node_thread), so one statement does what six did (issue 14).
 */
function pageQuery(jsonArrayFrom: typeof sqliteJsonArrayFrom) {
  const detail = detailQuery(jsonArrayFrom);
  return (db: Kysely<Database>, edition: string, nid: number) => detail(db, edition, nid)
    .leftJoin('node_related', 'node_related.nid', 'nodes.nid')
    .select((eb) => [
      'node_related.related as related_ids', 'node_related.previous_nid as related_previous', 'node_related.next_nid as related_next',
      'node_related.edition as related_edition',
      jsonArrayFrom(eb.selectFrom('translations as own')
        .innerJoin('translations as other', 'other.tnid', 'own.tnid')
        .innerJoin('nodes as tn', 'tn.nid', 'other.nid')
        .select(['tn.nid', 'tn.edition', 'tn.path'])
        .whereRef('own.nid', '=', 'nodes.nid').whereRef('other.nid', '<>', 'own.nid').where('tn.status', '=', 1)
        .orderBy('tn.edition').orderBy('tn.nid')).as('translation_list'),
      jsonArrayFrom(eb.selectFrom('node_revisions').select('node_revisions.revised_at').distinct()
        .whereRef('node_revisions.nid', '=', 'nodes.nid').orderBy('node_revisions.revised_at')).as('revision_list'),
      jsonArrayFrom(eb.selectFrom('corrections')
        .select(['corrections.id', 'corrections.nid', 'corrections.kind', 'corrections.title', 'corrections.body_html', 'corrections.published_at'])
        .where('corrections.edition', '=', edition).whereRef('corrections.nid', '=', 'nodes.nid').where('corrections.kind', 'in', ARTICLE_CORRECTION_KINDS)
        .orderBy('corrections.published_at').orderBy('corrections.id')).as('correction_list'),
      eb.selectFrom('comments').select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('comments.nid', '=', 'nodes.nid').where('comments.status', '=', PUBLISHED).as('published_comments'),
    ]);
}

type PageRow = DetailRow & {
  related_ids: string | null; related_previous: number | null; related_next: number | null; related_edition: string | null;
  translation_list: unknown; revision_list: unknown; correction_list: unknown; published_comments: number | string | null;
};

/** Sentinels no edition code or node id can be (see CompiledOnce). */
const SENTINELS = ['\u0000edition', -2_000_000_456] as const;
const QUERIES = {
  sqlite: new CompiledOnce<readonly [string, number], PageRow>(pageQuery(sqliteJsonArrayFrom) as never, SENTINELS),
  postgres: new CompiledOnce<readonly [string, number], PageRow>(pageQuery(pgJsonArrayFrom as typeof sqliteJsonArrayFrom) as never, SENTINELS),
} as const;

const idList = (text: string): number[] => (text === '' ? [] : text.split(',').map(Number));

/** A published node of this edition with what its page reads about it, in one statement; undefined when there is none. */
export async function readNodePage(db: Kysely<Database>, dialect: Dialect, edition: string, nid: number): Promise<StoredNodePage | undefined> {
  const [row] = await QUERIES[dialect].execute(db, edition, nid);
  if (!row) return undefined;
  const id = (v: number | null) => (v === null ? null : Number(v));
  return {
    node: toNodeDetail(row),
    related: row.related_ids === null || row.related_edition === null
      ? null
      : { nid, edition: row.related_edition, related: idList(row.related_ids), previous: id(row.related_previous), next: id(row.related_next) },
    translations: parsed<TranslationJson>(row.translation_list).map((t) => ({ nid: Number(t.nid), edition: t.edition, path: t.path })),
    revisionTimes: parsed<{ revised_at: number }>(row.revision_list).map((r) => Number(r.revised_at)),
    corrections: parsed<CorrectionJson>(row.correction_list).map(toCorrection),
    publishedComments: Number(row.published_comments ?? 0),
  };
}

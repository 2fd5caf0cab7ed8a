import { sql, type AliasedRawBuilder, type Kysely, type RawBuilder } from 'kysely';
import { jsonArrayFrom as pgJsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import type { Dialect } from '../connection.ts';
import type { Database } from '../schema.ts';
import type { StoredNodePage } from '../types.ts';
import { CompiledOnce } from './compiled-once.ts';
import { detailQuery, parsed, toNodeDetail, type DetailRow } from './node-detail-query.ts';
import { toCorrection } from './row-mappers.ts';
import { articleCorrections } from './revision-queries.ts';
import { publishedTranslations } from './translation-queries.ts';

/** Published comments only: 1 is Folio's (and Drupal 7's) published status. */
const PUBLISHED = 1;

interface TranslationJson { nid: number; edition: string; path: string | null }
interface CorrectionJson { id: number; nid: number | null; kind: string; title: string; body_html: string; published_at: number }
interface LinkJson { nid: number; path: string | null; title: string }

/** The ids of the node's stored related row as a table of (key, value): its position and the id. */
type IdTable = (related: RawBuilder<unknown>) => AliasedRawBuilder<{ key: number; value: number }, 'r'>;

/** SQLite: json_each over the comma-separated list made a JSON array; key is the array index. */
const sqliteIds: IdTable = (related) => sql<{ key: number; value: number }>`json_each('[' || ${related} || ']')`.as('r');
/** PostgreSQL: the list split and numbered in its order (WITH ORDINALITY), named as json_each's columns. */
const postgresIds: IdTable = (related) => sql<{ key: number; value: number }>`unnest(string_to_array(${related}, ',')::integer[]) with ordinality`.as<'r'>(sql`r(value, key)`);

/**
 * The node-detail statement plus everything else a node's page reads about the node itself: its
 * stored related row with the links of its published candidates and neighbours, its published
 * translations, its revision times, its corrections and updates, and its published comment count.
 * Each addition is an index seek on the node's id (node_related's key, translations' key and
 * translations_tnid, node_revisions_nid_time, corrections_nid, comments_node_thread) or on a
 * linked node's (nodes' key), so one statement does what seven did (issue 14).
 */
function pageQuery(jsonArrayFrom: typeof sqliteJsonArrayFrom, relatedIds: IdTable) {
  const detail = detailQuery(jsonArrayFrom);
  return (db: Kysely<Database>, edition: string, nid: number) => detail(db, edition, nid)
    .leftJoin('node_related', 'node_related.nid', 'nodes.nid')
    // Neighbours are links only while published, as RelatedStore.links gives them.
    .leftJoin('nodes as previous', (join) => join.onRef('previous.nid', '=', 'node_related.previous_nid').on('previous.status', '=', PUBLISHED))
    .leftJoin('nodes as next', (join) => join.onRef('next.nid', '=', 'node_related.next_nid').on('next.status', '=', PUBLISHED))
    .select((eb) => [
      'node_related.related as related_ids', 'node_related.previous_nid as related_previous', 'node_related.next_nid as related_next',
      'node_related.edition as related_edition',
      'previous.path as previous_path', 'previous.title as previous_title', 'next.path as next_path', 'next.title as next_title',
      // The published candidates' links in the row's order (RelatedStore.links, kept in order).
      jsonArrayFrom(db.selectFrom(relatedIds(sql.ref('node_related.related')))
        .innerJoin('nodes as linked', 'linked.nid', 'r.value')
        .select(['linked.nid', 'linked.path', 'linked.title'])
        .where('linked.status', '=', PUBLISHED)
        .orderBy('r.key')).as('related_links'),
      jsonArrayFrom(publishedTranslations(db).where('own.nid', '=', eb.ref('nodes.nid'))).as('translation_list'),
      jsonArrayFrom(eb.selectFrom('node_revisions').select('node_revisions.revised_at').distinct()
        .whereRef('node_revisions.nid', '=', 'nodes.nid').orderBy('node_revisions.revised_at')).as('revision_list'),
      jsonArrayFrom(articleCorrections(db, edition).where('corrections.nid', '=', eb.ref('nodes.nid'))).as('correction_list'),
      eb.selectFrom('comments').select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('comments.nid', '=', 'nodes.nid').where('comments.status', '=', PUBLISHED).as('published_comments'),
    ]);
}

type PageRow = DetailRow & {
  related_ids: string | null; related_previous: number | null; related_next: number | null; related_edition: string | null;
  previous_path: string | null; previous_title: string | null; next_path: string | null; next_title: string | null; related_links: unknown;
  translation_list: unknown; revision_list: unknown; correction_list: unknown; published_comments: number | string | null;
};

/** Sentinels no edition code or node id can be (see CompiledOnce). */
const SENTINELS = ['\u0000edition', -2_000_000_456] as const;
const QUERIES = {
  sqlite: new CompiledOnce<readonly [string, number], PageRow>(pageQuery(sqliteJsonArrayFrom, sqliteIds) as never, SENTINELS),
  postgres: new CompiledOnce<readonly [string, number], PageRow>(pageQuery(pgJsonArrayFrom as typeof sqliteJsonArrayFrom, postgresIds) as never, SENTINELS),
} as const;

const idList = (text: string): number[] => (text === '' ? [] : text.split(',').map(Number));

/** A published node of this edition with what its page reads about it, in one statement; undefined when there is none. */
export async function readNodePage(db: Kysely<Database>, dialect: Dialect, edition: string, nid: number): Promise<StoredNodePage | undefined> {
  const [row] = await QUERIES[dialect].execute(db, edition, nid);
  if (!row) return undefined;
  const id = (v: number | null) => (v === null ? null : Number(v));
  return {
    node: toNodeDetail(row),
    related: row.related_ids === null || row.related_edition === null ? null : {
      nid, edition: row.related_edition, related: idList(row.related_ids), previous: id(row.related_previous), next: id(row.related_next),
      links: {
        related: parsed<LinkJson>(row.related_links).map((l) => ({ nid: Number(l.nid), path: l.path, title: l.title })),
        previous: row.related_previous === null || row.previous_title === null ? null : { nid: Number(row.related_previous), path: row.previous_path, title: row.previous_title },
        next: row.related_next === null || row.next_title === null ? null : { nid: Number(row.related_next), path: row.next_path, title: row.next_title },
      },
    },
    translations: parsed<TranslationJson>(row.translation_list).map((t) => ({ nid: Number(t.nid), edition: t.edition, path: t.path })),
    revisionTimes: parsed<{ revised_at: number }>(row.revision_list).map((r) => Number(r.revised_at)),
    corrections: parsed<CorrectionJson>(row.correction_list).map(toCorrection),
    publishedComments: Number(row.published_comments ?? 0),
  };
}

import type { Kysely } from 'kysely';
import { jsonArrayFrom as pgJsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import type { AuthorRef, NodeDetail, NodeSummary, TermRef, Vocabulary } from '../../domain/content.ts';
import type { CommentPolicy } from '../../domain/edition.ts';
import type { Dialect } from '../connection.ts';
import type { Database } from '../schema.ts';
import { SUMMARY_COLUMNS, storedHtml, toSummary } from './row-mappers.ts';
import { CompiledOnce } from './compiled-once.ts';

interface TermJson { tid: number; vocabulary: string; name: string; path: string | null; parent_tid: number | null }

/** json_group_array comes back from SQLite as text; pg parses json itself. */
export function parsed<T>(value: unknown): T[] {
  return (typeof value === 'string' ? JSON.parse(value) : value ?? []) as T[];
}

function toTermRef(t: TermJson): TermRef {
  return { tid: Number(t.tid), vocabulary: t.vocabulary as Vocabulary, name: t.name, path: t.path, parentTid: t.parent_tid === null ? null : Number(t.parent_tid) };
}

/** The node-detail statement's builder (the node page's statement extends it: node-page-query.ts). */
export function detailQuery(jsonArrayFrom: typeof sqliteJsonArrayFrom) {
  return (db: Kysely<Database>, edition: string, nid: number) => db.selectFrom('nodes')
    .leftJoin('blogs', 'blogs.bid', 'nodes.blog_id')
    .selectAll('nodes')
    .select((eb) => [
      'blogs.uid as blog_uid', 'blogs.edition as blog_edition', 'blogs.title as blog_title', 'blogs.slug as blog_slug', 'blogs.owner_name as blog_owner_name',
      jsonArrayFrom(eb.selectFrom('node_terms').innerJoin('terms', 'terms.tid', 'node_terms.tid')
        .select(['terms.tid', 'terms.vocabulary', 'terms.name', 'terms.path', 'terms.parent_tid'])
        .whereRef('node_terms.nid', '=', 'nodes.nid')
        .orderBy('terms.vocabulary').orderBy('terms.weight').orderBy('terms.name')).as('term_list'),
      // The section is normally among the node's terms; this covers one that is not.
      jsonArrayFrom(eb.selectFrom('terms').select(['terms.tid', 'terms.vocabulary', 'terms.name', 'terms.path', 'terms.parent_tid'])
        .whereRef('terms.tid', '=', 'nodes.section_tid').where('terms.edition', '=', edition)).as('section_list'),
      jsonArrayFrom(eb.selectFrom('node_authors').innerJoin('authors', 'authors.aid', 'node_authors.aid')
        .select(['authors.aid', 'authors.name', 'authors.slug'])
        .whereRef('node_authors.nid', '=', 'nodes.nid').orderBy('node_authors.position')).as('author_list'),
    ])
    .where('nodes.nid', '=', nid).where('nodes.edition', '=', edition).where('nodes.status', '=', 1);
}

export type DetailRow = NonNullable<Awaited<ReturnType<ReturnType<ReturnType<typeof detailQuery>>['executeTakeFirst']>>>;

/** Sentinels no edition code or node id can be (see CompiledOnce). */
const SENTINELS = ['\u0000edition', -2_000_000_123] as const;
const SQLITE_DETAIL = new CompiledOnce<readonly [string, number], DetailRow>(detailQuery(sqliteJsonArrayFrom), SENTINELS);
const PG_DETAIL = new CompiledOnce<readonly [string, number], DetailRow>(detailQuery(pgJsonArrayFrom as typeof sqliteJsonArrayFrom), SENTINELS);

/**
 * A published node with its terms, section, authors, blog, photo and comment count in one
 * statement (issue 14: the article page used five). Terms and authors come back as JSON arrays
 * built by correlated subqueries, each an index seek (node_terms_nid, node_authors_nid). Its SQL
 * is compiled once (CompiledOnce): building it with Kysely on every call cost more than running it.
 */
export async function readNodeDetail(db: Kysely<Database>, dialect: Dialect, edition: string, nid: number): Promise<NodeDetail | undefined> {
  const [row] = await (dialect === 'postgres' ? PG_DETAIL : SQLITE_DETAIL).execute(db, edition, nid);
  return row && toNodeDetail(row);
}

/** A row of the node-detail statement (or of one that extends it) as a NodeDetail. */
export function toNodeDetail(row: DetailRow): NodeDetail {
  const terms = parsed<TermJson>(row.term_list).map(toTermRef);
  const authors = parsed<AuthorRef>(row.author_list).map((a) => ({ aid: Number(a.aid), name: a.name, slug: a.slug }));
  const blog = row.blog_id === null || row.blog_uid === null ? null : {
    bid: row.blog_id, uid: row.blog_uid, edition: row.blog_edition!, title: row.blog_title!, slug: row.blog_slug!, ownerName: row.blog_owner_name!,
  };
  const sectionTerm = row.section_tid === null ? null : terms.find((t) => t.tid === row.section_tid) ?? parsed<TermJson>(row.section_list).map(toTermRef)[0] ?? null;
  return {
    ...toSummary(row, authors, blog),
    bodyHtml: storedHtml(row.body_html),
    summary: row.summary,
    credit: row.credit,
    updatedAt: Number(row.updated_at),
    section: sectionTerm,
    terms: terms.filter((t) => t.vocabulary === 'tag'),
    commentPolicy: row.comment_policy as CommentPolicy | null,
    promoted: row.promoted === 1,
  };
}

function buildSummaries(jsonArrayFrom: typeof sqliteJsonArrayFrom) {
  return (db: Kysely<Database>, ...nids: number[]) => db.selectFrom('nodes')
    .leftJoin('blogs', 'blogs.bid', 'nodes.blog_id')
    .select(SUMMARY_COLUMNS)
    .select((eb) => [
      'blogs.uid as blog_uid', 'blogs.edition as blog_edition', 'blogs.title as blog_title', 'blogs.slug as blog_slug', 'blogs.owner_name as blog_owner_name',
      jsonArrayFrom(eb.selectFrom('node_authors').innerJoin('authors', 'authors.aid', 'node_authors.aid')
        .select(['authors.aid', 'authors.name', 'authors.slug'])
        .whereRef('node_authors.nid', '=', 'nodes.nid').orderBy('node_authors.position')).as('author_list'),
    ])
    .where('nodes.nid', 'in', nids).where('nodes.status', '=', 1);
}

type SummaryJsonRow = Awaited<ReturnType<ReturnType<ReturnType<typeof buildSummaries>>['execute']>>[number];

/** Compiled summaries statements per dialect and id count (pages ask for 1 to ~30 ids). */
const summaryQueries = new Map<string, CompiledOnce<number[], SummaryJsonRow>>();

/** Counts up to this many ids keep their compiled statement; longer lists are rare and built each time. */
const MAX_COMPILED_IDS = 64;

function summariesQuery(dialect: Dialect, count: number): CompiledOnce<number[], SummaryJsonRow> {
  const key = `${dialect}:${count}`;
  let query = summaryQueries.get(key);
  if (!query) {
    const sentinels = Array.from({ length: count }, (_, i) => -2_000_000_000 - i);
    query = new CompiledOnce<number[], SummaryJsonRow>(buildSummaries(dialect === 'postgres' ? pgJsonArrayFrom as typeof sqliteJsonArrayFrom : sqliteJsonArrayFrom), sentinels);
    if (count <= MAX_COMPILED_IDS) summaryQueries.set(key, query);
  }
  return query;
}

/**
 * Published summaries of these nodes, in the order given, in one statement: authors as a JSON
 * array (node_authors_nid seeks) and the blog by a join, where the batch read took three.
 */
export async function readSummaries(db: Kysely<Database>, dialect: Dialect, nids: readonly number[]): Promise<NodeSummary[]> {
  if (nids.length === 0) return [];
  const unique = [...new Set(nids)];
  const rows = await summariesQuery(dialect, unique.length).execute(db, ...unique);
  const byId = new Map(rows.map((row) => {
    const authors = parsed<AuthorRef>(row.author_list).map((a) => ({ aid: Number(a.aid), name: a.name, slug: a.slug }));
    const blog = row.blog_id === null || row.blog_uid === null ? null : {
      bid: row.blog_id, uid: row.blog_uid, edition: row.blog_edition!, title: row.blog_title!, slug: row.blog_slug!, ownerName: row.blog_owner_name!,
    };
    return [row.nid, toSummary(row, authors, blog)] as const;
  }));
  return nids.flatMap((nid) => byId.get(nid) ?? []);
}

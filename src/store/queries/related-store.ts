import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { NodeLink, PrecomputedRelated, RelatedInputs, RelatedStore, RelatedSubject } from '../types.ts';
import { CompiledOnce } from './compiled-once.ts';

/** Ids per statement when writing or reading by id lists (PostgreSQL and SQLite bind limits stay far off). */
const CHUNK = 500;

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

const NID_SENTINEL = [-2_000_000_321] as const;
const READ = new CompiledOnce<readonly [number], { related: string; previous_nid: number | null; next_nid: number | null; edition: string }>(
  (db, nid) => db.selectFrom('node_related').select(['related', 'previous_nid', 'next_nid', 'edition']).where('nid', '=', nid),
  NID_SENTINEL,
);

/** Compiled link reads per id count (pages ask for up to a dozen). */
const linkQueries = new Map<number, CompiledOnce<number[], NodeLink>>();
const MAX_COMPILED_IDS = 16;

function linksQuery(count: number): CompiledOnce<number[], NodeLink> {
  let query = linkQueries.get(count);
  if (!query) {
    const sentinels = Array.from({ length: count }, (_, i) => -2_000_001_000 - i);
    query = new CompiledOnce<number[], NodeLink>((db, ...nids) => db.selectFrom('nodes').select(['nid', 'path', 'title']).where('nid', 'in', nids).where('status', '=', 1), sentinels);
    if (count <= MAX_COMPILED_IDS) linkQueries.set(count, query);
  }
  return query;
}

const idList = (text: string): number[] => (text === '' ? [] : text.split(',').map(Number));

/** RelatedStore in portable Kysely: reads go to `read` (a replica when there is one), writes to `db`. */
export class KyselyRelatedStore implements RelatedStore {
  constructor(private readonly db: Kysely<Database>, private readonly readDb: Kysely<Database>) {}

  async read(nid: number): Promise<PrecomputedRelated | undefined> {
    const [row] = await READ.execute(this.readDb, nid);
    if (!row) return undefined;
    const id = (v: number | null) => (v === null ? null : Number(v));
    return { nid, edition: row.edition, related: idList(row.related), previous: id(row.previous_nid), next: id(row.next_nid) };
  }

  async links(nids: readonly number[]): Promise<NodeLink[]> {
    const unique = [...new Set(nids)];
    if (unique.length === 0) return [];
    const rows = await linksQuery(unique.length).execute(this.readDb, ...unique);
    return rows.map((r) => ({ nid: Number(r.nid), path: r.path, title: r.title }));
  }

  async subjects(nids: readonly number[]): Promise<RelatedSubject[]> {
    const out: RelatedSubject[] = [];
    for (const part of chunks([...new Set(nids)])) {
      const nodes = await this.db.selectFrom('nodes')
        // Ranking uses the section only when its term exists in the edition (as the page does).
        .leftJoin('terms as s', (join) => join.onRef('s.tid', '=', 'nodes.section_tid').onRef('s.edition', '=', 'nodes.edition'))
        .select(['nodes.nid', 'nodes.edition', 'nodes.published_at', 's.tid as section'])
        .where('nodes.nid', 'in', part).where('nodes.kind', '=', 'article').execute();
      if (nodes.length === 0) continue;
      const tags = await this.db.selectFrom('node_terms').innerJoin('terms', 'terms.tid', 'node_terms.tid')
        .select(['node_terms.nid', 'node_terms.tid']).where('terms.vocabulary', '=', 'tag')
        .where('node_terms.nid', 'in', nodes.map((n) => n.nid)).execute();
      const byNode = new Map<number, number[]>();
      for (const t of tags) byNode.set(Number(t.nid), [...(byNode.get(Number(t.nid)) ?? []), Number(t.tid)]);
      for (const n of nodes) {
        out.push({ nid: Number(n.nid), edition: n.edition, publishedAt: Number(n.published_at), sectionTid: n.section === null ? null : Number(n.section), tags: byNode.get(Number(n.nid)) ?? [] });
      }
    }
    return out;
  }

  async dependents(nids: readonly number[], perTag: number): Promise<number[]> {
    const found = new Set<number>();
    for (const part of chunks([...new Set(nids)])) {
      const entries = await this.db.selectFrom('node_terms').innerJoin('terms', 'terms.tid', 'node_terms.tid')
        .select(['node_terms.tid', 'node_terms.published_at']).where('terms.vocabulary', '=', 'tag')
        .where('node_terms.nid', 'in', part).execute();
      for (const e of entries) {
        // Entries at the same second sort either side of it by id: all of them may hold it.
        const ties = await this.db.selectFrom('node_terms').select('nid').where('tid', '=', e.tid).where('published_at', '=', e.published_at).execute();
        const later = await this.db.selectFrom('node_terms').select('nid').where('tid', '=', e.tid).where('published_at', '>', e.published_at)
          .orderBy('published_at').orderBy('nid').limit(perTag + 1).execute();
        for (const r of [...ties, ...later]) found.add(Number(r.nid));
      }
      const nodes = await this.db.selectFrom('nodes').select(['nid', 'section_tid', 'published_at']).where('nid', 'in', part).where('status', '=', 1).execute();
      for (const n of nodes) {
        if (n.section_tid === null) continue;
        for (const older of [true, false]) {
          const row = await this.db.selectFrom('nodes').select('nid')
            .where('section_tid', '=', n.section_tid).where('status', '=', 1)
            .where((eb) => eb(eb.refTuple('published_at', 'nid'), older ? '<' : '>', eb.tuple(Number(n.published_at), Number(n.nid))))
            .orderBy('published_at', older ? 'desc' : 'asc').orderBy('nid', older ? 'desc' : 'asc').limit(1).executeTakeFirst();
          if (row) found.add(Number(row.nid));
        }
      }
    }
    return [...found];
  }

  async save(rows: readonly PrecomputedRelated[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const part of chunks(rows)) {
        await trx.deleteFrom('node_related').where('nid', 'in', part.map((r) => r.nid)).execute();
        await trx.insertInto('node_related').values(part.map(toRow)).execute();
      }
    });
  }

  async inputs(edition: string): Promise<RelatedInputs> {
    const tagRows = await this.db.selectFrom('node_terms').innerJoin('terms', 'terms.tid', 'node_terms.tid')
      .select(['node_terms.tid', 'node_terms.nid', 'node_terms.published_at'])
      .where('terms.edition', '=', edition).where('terms.vocabulary', '=', 'tag')
      .orderBy('node_terms.tid').orderBy('node_terms.published_at').orderBy('node_terms.nid').execute();
    const tagEntries = tagRows.map((r) => ({ tid: Number(r.tid), nid: Number(r.nid), publishedAt: Number(r.published_at) }));
    const sectionRows = await this.db.selectFrom('nodes').select(['section_tid', 'nid', 'published_at'])
      .where('edition', '=', edition).where('status', '=', 1).where('section_tid', 'is not', null)
      .orderBy('section_tid').orderBy('published_at').orderBy('nid').execute();
    const sectionEntries = sectionRows.map((r) => ({ sectionTid: Number(r.section_tid), nid: Number(r.nid), publishedAt: Number(r.published_at) }));
    const articles = await this.db.selectFrom('nodes')
      .leftJoin('terms as s', (join) => join.onRef('s.tid', '=', 'nodes.section_tid').onRef('s.edition', '=', 'nodes.edition'))
      .select(['nodes.nid', 'nodes.published_at', 's.tid as section'])
      .where('nodes.edition', '=', edition).where('nodes.kind', '=', 'article').orderBy('nodes.nid').execute();
    const tagsOf = new Map<number, number[]>();
    for (const e of tagEntries) {
      const list = tagsOf.get(e.nid);
      if (list) list.push(e.tid);
      else tagsOf.set(e.nid, [e.tid]);
    }
    const subjects = articles.map((a) => ({
      nid: Number(a.nid), edition, publishedAt: Number(a.published_at), sectionTid: a.section === null ? null : Number(a.section), tags: tagsOf.get(Number(a.nid)) ?? [],
    }));
    return { subjects, tagEntries, sectionEntries };
  }

  async replaceEdition(edition: string, rows: readonly PrecomputedRelated[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('node_related').where('edition', '=', edition).execute();
      for (const part of chunks(rows)) await trx.insertInto('node_related').values(part.map(toRow)).execute();
    });
  }
}

function toRow(r: PrecomputedRelated) {
  return { nid: r.nid, edition: r.edition, related: r.related.join(','), previous_nid: r.previous, next_nid: r.next };
}

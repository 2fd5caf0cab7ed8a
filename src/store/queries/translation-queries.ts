import type { Kysely, QueryCreator } from 'kysely';
import type { TranslationRef } from '../../domain/content.ts';
import type { Database } from '../schema.ts';
import { CompiledOnce } from './compiled-once.ts';

/** Node ids per query: well under SQLite's bound-parameter limit, for sitemap pages of 50,000. */
const CHUNK = 500;

/**
 * The published other members of translation sets, in edition order: the one rule for which
 * translations a node shows. Callers pick whose sets by `own.nid` (the sitemap a list, the page
 * statement its node: node-page-query.ts), so the join, status and order cannot drift apart.
 */
export function publishedTranslations(db: QueryCreator<Database>) {
  return db.selectFrom('translations as own')
    .innerJoin('translations as other', 'other.tnid', 'own.tnid')
    .innerJoin('nodes as tn', 'tn.nid', 'other.nid')
    .select(['tn.nid', 'tn.edition', 'tn.path'])
    .whereRef('other.nid', '<>', 'own.nid')
    .where('tn.status', '=', 1)
    .orderBy('tn.edition').orderBy('tn.nid');
}

function translationsQuery(db: Kysely<Database>, nids: readonly number[]) {
  return publishedTranslations(db).select('own.nid as of').where('own.nid', 'in', nids);
}

const ONE_NODE = new CompiledOnce((db: Kysely<Database>, nid: number) => translationsQuery(db, [nid]), [-2_000_003_001] as const);

/**
 * The published translations of each of these nodes (the other members of its set), in edition
 * order. Shared by article pages (one node) and sitemap pages (up to 50,000 at once).
 */
export async function translationsOf(db: Kysely<Database>, nids: readonly number[]): Promise<Map<number, TranslationRef[]>> {
  const found = new Map<number, TranslationRef[]>();
  for (let i = 0; i < nids.length; i += CHUNK) {
    // An article page asks for one node: that statement is compiled once (CompiledOnce).
    const rows = nids.length === 1 ? await ONE_NODE.execute(db, nids[0]!) : await translationsQuery(db, nids.slice(i, i + CHUNK)).execute();
    for (const r of rows) {
      const list = found.get(r.of) ?? [];
      list.push({ nid: r.nid, edition: r.edition, path: r.path });
      found.set(r.of, list);
    }
  }
  return found;
}

/**
 * Records `nid` as a translation of `translationOf`: both join the set `translationOf` is in, or
 * a new set with `translationOf` as its source.
 */
export async function joinTranslationSet(db: Kysely<Database>, nid: number, translationOf: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const source = await trx.selectFrom('translations').select('tnid').where('nid', '=', translationOf).executeTakeFirst();
    const tnid = source?.tnid ?? translationOf;
    if (!source) await trx.insertInto('translations').values({ nid: translationOf, tnid }).execute();
    await trx.insertInto('translations').values({ nid, tnid }).onConflict((oc) => oc.column('nid').doUpdateSet({ tnid })).execute();
  });
}

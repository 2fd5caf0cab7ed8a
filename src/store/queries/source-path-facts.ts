import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { SourcePathFact } from '../types.ts';

// What an edition holds at the paths of a source's URLs that carry a query string (issue 11): the
// importer turns it into each URL's fate for the report, and finds the listing pages past what the
// import holds. It mirrors the public routes: /node and /blog are the fixed front and blog
// listings, /node/<nid> and /taxonomy/term/<tid> lead to their item's alias, any other path is an
// alias, an old alias, a redirect to a fixed route or a gone path.

/** Published items in a listing, counted as the listing pages count them. */
async function listedCount(db: Kysely<Database>, edition: string, targetType: string, targetId: number): Promise<number | null> {
  let q;
  switch (targetType) {
    case 'term':
      q = db.selectFrom('node_terms').innerJoin('nodes', 'nodes.nid', 'node_terms.nid').where('node_terms.tid', '=', targetId);
      break;
    case 'author':
      q = db.selectFrom('node_authors').innerJoin('nodes', 'nodes.nid', 'node_authors.nid').where('node_authors.aid', '=', targetId);
      break;
    case 'blog':
      q = db.selectFrom('nodes').where('nodes.blog_id', '=', targetId);
      break;
    case 'front':
      q = db.selectFrom('nodes').where('nodes.edition', '=', edition).where('nodes.promoted', '=', 1);
      break;
    case 'blogs':
      q = db.selectFrom('nodes').where('nodes.edition', '=', edition).where('nodes.kind', '=', 'blog_post');
      break;
    default:
      return null;
  }
  const row = await q.where('nodes.status', '=', 1).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function canonicalOf(db: Kysely<Database>, edition: string, targetType: string, targetId: number): Promise<string | undefined> {
  const row = await db.selectFrom('path_aliases').select('path').where('edition', '=', edition)
    .where('target_type', '=', targetType).where('target_id', '=', targetId).where('canonical', '=', 1).executeTakeFirst();
  return row?.path;
}

/** Why a withdrawn item's paths answer 410, as the import reports it. */
const UNPUBLISHED = 'unpublished';

/** The page an item's path shows: gone when the item is a withdrawn node, undefined when the edition has no such item. */
async function itemFact(db: Kysely<Database>, edition: string, targetType: string, id: number, canonicalPath: string | undefined): Promise<SourcePathFact | undefined> {
  if (targetType === 'node') {
    const node = await db.selectFrom('nodes').select('status').where('nid', '=', id).where('edition', '=', edition).executeTakeFirst();
    if (node === undefined) return undefined;
    if (Number(node.status) === 0) return { kind: 'gone', reason: UNPUBLISHED };
  } else if (targetType === 'term' && (await db.selectFrom('terms').select('tid').where('tid', '=', id).where('edition', '=', edition).executeTakeFirst()) === undefined) {
    return undefined;
  }
  const fallback = targetType === 'node' ? `node/${id}` : targetType === 'term' ? `taxonomy/term/${id}` : undefined;
  const path = canonicalPath ?? (await canonicalOf(db, edition, targetType, id)) ?? fallback;
  return path === undefined ? undefined : { kind: 'page', canonicalPath: path, listed: await listedCount(db, edition, targetType, id) };
}

/** The fact for one path; undefined when the edition holds nothing there. */
async function factOf(db: Kysely<Database>, edition: string, path: string): Promise<SourcePathFact | undefined> {
  if (path === '') return { kind: 'page', canonicalPath: '', listed: null };
  if (path === 'node' || path === 'blog') return { kind: 'page', canonicalPath: path, listed: await listedCount(db, edition, path === 'node' ? 'front' : 'blogs', 0) };
  const raw = /^(node|taxonomy\/term)\/(\d+)$/.exec(path);
  if (raw) {
    const fact = await itemFact(db, edition, raw[1] === 'node' ? 'node' : 'term', Number(raw[2]), undefined);
    if (fact !== undefined) return fact;
  } else {
    const alias = await db.selectFrom('path_aliases').select(['target_type', 'target_id', 'canonical']).where('edition', '=', edition).where('path', '=', path).executeTakeFirst();
    if (alias) return itemFact(db, edition, alias.target_type, alias.target_id, alias.canonical === 1 ? path : undefined);
    const redirect = await db.selectFrom('path_redirects').select('location').where('edition', '=', edition).where('path', '=', path).executeTakeFirst();
    if (redirect) return { kind: 'redirect', location: redirect.location };
  }
  const gone = await db.selectFrom('gone_paths').select('reason').where('edition', '=', edition).where('path', '=', path).executeTakeFirst();
  return gone ? { kind: 'gone', reason: gone.reason } : undefined;
}

/** What each path is in an edition now; run once at the end of an import, a handful of statements per path. */
export async function sourcePathFacts(db: Kysely<Database>, edition: string, paths: readonly string[]): Promise<Map<string, SourcePathFact>> {
  const facts = new Map<string, SourcePathFact>();
  for (const path of new Set(paths)) {
    const fact = await factOf(db, edition, path);
    if (fact !== undefined) facts.set(path, fact);
  }
  return facts;
}

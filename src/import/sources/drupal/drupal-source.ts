import type { Connection } from 'mysql2/promise';
import type { ImportedGone, ImportRecord, ImportSource } from '../../../domain/import-record.ts';
import { aliasPath, groupAliases, pathsOf } from './alias-paths.ts';
import { blogRecords } from './blog-records.ts';
import { commentRecord } from './comment-records.ts';
import { connectDrupal, detectDrupalVersion, tableNames } from './connect-drupal.ts';
import type { DrupalCounts, DrupalReader } from './drupal-rows.ts';
import { drupal6Reader } from './drupal6-reader.ts';
import { drupal7Reader } from './drupal7-reader.ts';
import { translationAliasRedirects } from './translation-aliases.ts';
import { entityTranslationOf, excludedNodePaths, exclusionReason, nodeRecord, type NodePageData } from './node-records.ts';
import { systemAliasRecord, type SystemAliasSite } from './system-aliases.ts';
import { readTermCatalogue } from './term-records.ts';

/**
 * Rows per page. Memory stays constant whatever the site's size: one page of nodes with their
 * revisions, terms, files and aliases (fetched with one query each, never per node), or one page
 * of comments, is held at a time.
 */
export const PAGE_SIZE = 1000;

export interface DrupalSourceOptions {
  /** mysql://user:password@host:port/database */
  readonly url: string;
  /** Called after each record with the running count and the total countDrupalItems gives. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Rows per page; tests make it small so that several pages meet. */
  readonly pageSize?: number;
  /** Content types left out (`--exclude-type forum`): their nodes' and comments' paths answer 410, with the reason. */
  readonly excludeTypes?: readonly string[];
  /** Which nodes this run takes by their language; without it, every node. */
  readonly languages?: DrupalLanguages;
}

/**
 * Each item in its own language's edition (issue 11): a run into one edition takes the nodes of
 * its language, leaves those of another edition's language to that edition's run, and only the
 * run marked `neutral` takes language-neutral nodes and the site-wide records (terms, blogs, old
 * paths). Translation sets (node.tnid) join the members across editions.
 */
export interface DrupalLanguages {
  /** The language of the edition imported into ("en"). */
  readonly lang: string;
  /** Other editions by their language ("ar" → "ar"): their nodes are left to their runs. */
  readonly elsewhere: ReadonlyMap<string, string>;
  readonly neutral: boolean;
  /** Other editions' path prefixes by code ("ar" → "/ar"), for redirects into them; "/<code>" when absent. */
  readonly prefixes?: ReadonlyMap<string, string>;
}

/** The node languages a Drupal site uses (for choosing which editions to import into). */
export async function drupalLanguages(url: string): Promise<Set<string>> {
  return withReader(url, (reader) => reader.languages());
}

/** Where a node of this language goes: here (null), or the reason it is left to another run. */
function elsewhereReason(language: string, languages: DrupalLanguages | undefined): string | null {
  if (languages === undefined || language === languages.lang) return null;
  const edition = languages.elsewhere.get(language);
  if (edition !== undefined) return `it is in "${language}": it belongs to edition "${edition}" (folio import drupal --edition ${edition})`;
  return languages.neutral ? null : `it is language-neutral or in "${language}": it belongs to the edition that takes those`;
}

/**
 * Reads a Drupal 6 or 7 database: terms and authors, then blogs, then every node by nid, then the
 * aliases of deleted nodes as gone paths, then every comment by cid.
 */
export function drupalSource(options: DrupalSourceOptions): ImportSource {
  return { [Symbol.asyncIterator]: () => readDrupal(options) };
}

/** How many records of each kind a run will yield, and their sum: the progress bar's total. */
export async function countDrupalItems(url: string): Promise<DrupalCounts & { readonly total: number }> {
  return withReader(url, async (reader) => {
    const counts = await reader.counts();
    return { ...counts, total: totalOf(counts) };
  });
}

async function* readDrupal(options: DrupalSourceOptions): AsyncGenerator<ImportRecord> {
  const db = await connectDrupal(options.url);
  try {
    const reader = await openReader(db, options.url);
    const total = totalOf(await reader.counts());
    let done = 0;
    for await (const record of allRecords(reader, options.pageSize ?? PAGE_SIZE, new Set(options.excludeTypes ?? []), options.languages)) {
      yield record;
      options.onProgress?.(++done, total);
    }
  } finally {
    await db.end();
  }
}

/** Every record in the order the importer needs: what nodes refer to first, comments last. */
async function* allRecords(reader: DrupalReader, pageSize: number, excludeTypes: ReadonlySet<string>, languages: DrupalLanguages | undefined): AsyncGenerator<ImportRecord> {
  // The site-wide records (blogs, old system paths, user pages) go to one edition only. Terms go to
  // every edition: Drupal served one vocabulary under each language prefix, so an item is listed
  // under its sections and tags in its own edition (issue 11). Term ids are unique across editions,
  // so the first edition keeps the site's tids and the others' copies take fresh ones.
  const siteWide = languages?.neutral ?? true;
  const catalogue = await readTermCatalogue(reader);
  yield* siteWide ? catalogue.records : catalogue.records.map((r) => (r.type === 'term' ? { ...r, tid: null } : r));
  const blogs = siteWide ? await blogRecords(reader) : [];
  yield* blogs;
  // Only skipped nodes are remembered: their comments must be skipped too.
  const skippedNids = new Set<number>();
  // Nodes of excluded types, with their type: their comments' permalinks answer 410 too.
  const excluded = new Map<number, string>();
  // Nodes left to another edition's run, with the reason: their comments go with them.
  const elsewhere = new Map<number, string>();
  const dateHiddenTypes = await reader.dateHiddenTypes();
  const site = { terms: catalogue.byTid, dateHiddenTypes, excludeTypes, excluded, elsewhere, languages, userBylines: !catalogue.hasAuthorVocabulary };
  for await (const record of nodeRecords(reader, site, pageSize)) {
    if (record.type === 'skip') skippedNids.add(Number(record.ref.slice('node/'.length)));
    yield record;
  }
  if (siteWide) {
    yield* goneRecords(reader, pageSize);
    const aliasSite = { version: reader.version, terms: catalogue.byTid, blogs: new Map(blogs.map((b) => [b.uid, b])) };
    yield* systemAliasRecords(reader, aliasSite, pageSize);
    yield* userPageRecords(reader, aliasSite, pageSize);
  }
  yield* commentRecords(reader, { skippedNids, excluded, elsewhere }, pageSize);
}

function totalOf(counts: DrupalCounts): number {
  return counts.terms + counts.blogs + counts.nodes + counts.gone + counts.systemAliases + counts.users + counts.comments;
}

/** Pages through node by nid, fetching each page's revisions, term links, files and aliases in one batch. */
async function* nodeRecords(reader: DrupalReader, site: Pick<NodePageData, 'terms' | 'dateHiddenTypes'> & {
  excludeTypes: ReadonlySet<string>; excluded: Map<number, string>; elsewhere: Map<number, string>; languages: DrupalLanguages | undefined; userBylines: boolean;
}, pageSize: number): AsyncGenerator<ImportRecord> {
  for (let after = 0; ;) {
    const nodes = (await reader.nodesAfter(after, pageSize)).map((n) => ({ ...n, nid: Number(n.nid), vid: Number(n.vid), uid: Number(n.uid) }));
    if (nodes.length === 0) return;
    // Nodes left to another edition's run need nothing more; excluded ones only their aliases.
    const away = new Map(nodes.map((n) => [n.nid, elsewhereReason(String(n.language ?? ''), site.languages)]));
    const aliased = nodes.filter((n) => away.get(n.nid) === null);
    const taken = aliased.filter((n) => !site.excludeTypes.has(n.type));
    const nids = taken.map((n) => n.nid);
    // Entity Translation (D7): one node in several languages; a translation into this run's language
    // of a node that belongs to another edition becomes an item of its own here.
    const lang = site.languages?.lang;
    const translatedInto = byNid(await reader.entityTranslations(nodes.map((n) => n.nid)));
    const translatedHere = lang === undefined ? [] : nodes.filter((n) => away.get(n.nid) !== null && (translatedInto.get(n.nid) ?? []).some((t) => t.language === lang));
    const [revisions, links, files, aliases, users, translated] = await Promise.all([
      reader.revisions(nids), reader.termLinks([...taken, ...translatedHere]), reader.files([...taken, ...translatedHere]),
      reader.aliases([...aliased, ...translatedHere].map((n) => `node/${n.nid}`)),
      site.userBylines ? reader.userNames(taken.map((n) => n.uid)) : null,
      translatedHere.length === 0 ? [] : reader.revisions(translatedHere.map((n) => n.nid), lang),
    ]);
    // An alias in another edition's language belongs to that edition's copy of the node.
    const elsewhereAlias = (language: string | undefined) => language !== undefined && language !== lang && site.languages?.elsewhere.has(language) === true;
    const grouped = groupAliases(aliases.filter((a) => !elsewhereAlias(a.language)));
    const importedHere = new Set(taken.map((n) => `node/${n.nid}`));
    yield* translationAliasRedirects(aliases, (l) => (elsewhereAlias(l) ? site.languages?.elsewhere.get(l!) : undefined),
      (code) => site.languages?.prefixes?.get(code) ?? `/${code}`, (source) => importedHere.has(source), reader.version);
    const data: NodePageData = {
      terms: site.terms, dateHiddenTypes: site.dateHiddenTypes, version: reader.version, paths: (source: string) => pathsOf(grouped, source),
      revisions: byNid(revisions), links: byNid(links), files: byNid(files),
      ...(users === null ? {} : { userNames: new Map(users.map((u) => [Number(u.uid), String(u.name)])) }),
    };
    const here = groupAliases(aliases.filter((a) => a.language === lang));
    const translatedData: NodePageData = { ...data, revisions: byNid(translated), paths: (source: string) => pathsOf(here, source) };
    for (const node of nodes) {
      const reason = away.get(node.nid) ?? null;
      const translations = (translatedInto.get(node.nid) ?? []).map((t) => t.language);
      if (reason !== null) {
        site.elsewhere.set(node.nid, reason);
        yield { type: 'skip', ref: `node/${node.nid}`, reason };
        if (lang !== undefined && translations.includes(lang)) {
          const record = nodeRecord(node, translatedData);
          if (record.type === 'node') yield entityTranslationOf(record, node.nid, lang);
        }
      } else if (site.excludeTypes.has(node.type)) {
        site.excluded.set(node.nid, node.type);
        yield* excludedNodePaths(node, data);
      } else {
        const record = nodeRecord(node, data);
        if (record.type !== 'node') yield record;
        else {
          yield {
            ...record,
            // The original of an entity translation imported elsewhere: the set is named after it.
            ...(translations.some((l) => site.languages?.elsewhere.has(l)) ? { translationSet: node.nid } : {}),
          };
        }
      }
    }
    after = nodes[nodes.length - 1]!.nid;
  }
}

/** Pages through comments by cid; the node, parent and body come from joins in the same query. */
async function* commentRecords(reader: DrupalReader, nodes: { skippedNids: ReadonlySet<number>; excluded: ReadonlyMap<number, string>; elsewhere: ReadonlyMap<number, string> }, pageSize: number): AsyncGenerator<ImportRecord> {
  for await (const row of keysetRows((after) => reader.commentsAfter(after, pageSize), (r) => Number(r.cid))) {
    const type = nodes.excluded.get(Number(row.nid));
    const away = nodes.elsewhere.get(Number(row.nid));
    if (away !== undefined) yield { type: 'skip', ref: `comment/${row.cid}`, reason: `its node node/${row.nid} is imported elsewhere: ${away}` };
    else if (type === undefined) yield commentRecord(row, reader, nodes.skippedNids);
    else yield { type: 'gone', path: `comment/${row.cid}`, reason: exclusionReason(type), provenance: { source: 'drupal', originalUrl: `drupal${reader.version}:comment/${row.cid}`, capturedAt: Number(row.changed) } };
  }
}

/** Every row of a keyset-paged query, page by page: `fetch(after)` gives the rows past the key `after`. */
async function* keysetRows<T>(fetch: (after: number) => Promise<readonly T[]>, keyOf: (row: T) => number): AsyncGenerator<T> {
  for (let after = 0; ;) {
    const rows = await fetch(after);
    if (rows.length === 0) return;
    yield* rows;
    after = keyOf(rows[rows.length - 1]!);
  }
}

/**
 * Aliases left behind by deleted nodes: the old site answered them once, so they must answer 410
 * rather than 404. (Drupal's path module deletes a node's aliases with it, but sites that deleted
 * nodes in SQL or through old modules kept them.)
 */
async function* goneRecords(reader: DrupalReader, pageSize: number): AsyncGenerator<ImportedGone> {
  for await (const row of keysetRows((after) => reader.orphanNodeAliasesAfter(after, pageSize), (r) => Number(r.pid))) {
    const path = aliasPath(row.alias);
    if (path === '') continue;
    yield { type: 'gone', path, reason: `${row.source} was deleted`, provenance: { source: 'drupal', originalUrl: `drupal${reader.version}:${row.source}`, capturedAt: null } };
  }
}

/** Aliases of system paths, after the nodes so that a redirect's target is already stored. */
async function* systemAliasRecords(reader: DrupalReader, site: SystemAliasSite, pageSize: number): AsyncGenerator<ImportRecord> {
  for await (const row of keysetRows((after) => reader.systemAliasesAfter(after, pageSize), (r) => Number(r.pid))) {
    yield systemAliasRecord(row, site) ?? { type: 'skip', ref: `alias ${row.alias}`, reason: `its alias of ${row.source} is empty` };
  }
}

/**
 * Every account's /user/<uid> and /blog/<uid>: the old site answered both for every user. A
 * blogger's profile redirects to the blog (/blog/<uid> already does); the others are gone, with
 * the reason, since Folio keeps no profiles.
 */
async function* userPageRecords(reader: DrupalReader, site: SystemAliasSite, pageSize: number): AsyncGenerator<ImportRecord> {
  for await (const row of keysetRows((after) => reader.usersAfter(after, pageSize), (r) => Number(r.uid))) {
    const uid = Number(row.uid);
    const provenance = { source: 'drupal' as const, originalUrl: `drupal${reader.version}:user/${uid}`, capturedAt: null };
    const blog = site.blogs.get(uid);
    if (blog) {
      yield { type: 'redirect', from: `user/${uid}`, to: `blogs/${blog.slug}`, provenance };
      continue;
    }
    yield { type: 'gone', path: `user/${uid}`, reason: `user/${uid} is a user profile; Folio keeps no profiles and this user wrote no blog posts`, provenance };
    yield { type: 'gone', path: `blog/${uid}`, reason: `blog/${uid} is the blog of a user who wrote no blog posts`, provenance };
  }
}

function byNid<T extends { readonly nid: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const nid = Number(row.nid);
    const list = out.get(nid);
    if (list) list.push(row);
    else out.set(nid, [row]);
  }
  return out;
}

async function openReader(db: Connection, url: string): Promise<DrupalReader> {
  const tables = await tableNames(db);
  return detectDrupalVersion(tables, url) === 6 ? drupal6Reader(db, tables) : drupal7Reader(db, tables);
}

async function withReader<T>(url: string, use: (reader: DrupalReader) => Promise<T>): Promise<T> {
  const db = await connectDrupal(url);
  try {
    return await use(await openReader(db, url));
  } finally {
    await db.end();
  }
}

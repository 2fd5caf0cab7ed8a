import type { Connection } from 'mysql2/promise';
import type { ImportRecord, ImportSource } from '../../../domain/import-record.ts';
import { groupAliases, pathsOf } from './alias-paths.ts';
import { blogRecords } from './blog-records.ts';
import { commentRecord } from './comment-records.ts';
import { connectDrupal, detectDrupalVersion, tableNames } from './connect-drupal.ts';
import type { DrupalCounts, DrupalReader } from './drupal-rows.ts';
import { drupal6Reader } from './drupal6-reader.ts';
import { drupal7Reader } from './drupal7-reader.ts';
import { nodeRecord } from './node-records.ts';
import { readTermCatalogue, type TermInfo } from './term-records.ts';

/**
 * Rows per page. Memory stays constant whatever the site's size: one page of nodes with their
 * revisions, terms, files and aliases (fetched with one query each, never per node), or one page
 * of comments, is held at a time.
 */
export const PAGE_SIZE = 1000;

export interface DrupalSourceOptions {
  /** mysql://user:password@host:port/database */
  readonly url: string;
  /** Called after each term, node and comment (or its skip) with the running count and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Rows per page; tests make it small so that several pages meet. */
  readonly pageSize?: number;
}

/** Reads a Drupal 6 or 7 database: terms and authors, then blogs, then every node, then every comment by cid. */
export function drupalSource(options: DrupalSourceOptions): ImportSource {
  return { [Symbol.asyncIterator]: () => readDrupal(options) };
}

/** How many terms, nodes and comments a run will read, and their sum: the progress bar's total. */
export async function countDrupalItems(url: string): Promise<DrupalCounts & { readonly total: number }> {
  return withReader(url, async (reader) => {
    const counts = await reader.counts();
    return { ...counts, total: counts.terms + counts.nodes + counts.comments };
  });
}

async function* readDrupal(options: DrupalSourceOptions): AsyncGenerator<ImportRecord> {
  const db = await connectDrupal(options.url);
  try {
    const reader = await openReader(db, options.url);
    const counts = await reader.counts();
    const total = counts.terms + counts.nodes + counts.comments;
    let done = 0;
    const progress = (): void => options.onProgress?.(++done, total);

    const catalogue = await readTermCatalogue(reader);
    for (const record of catalogue.records) {
      yield record;
      progress();
    }
    yield* await blogRecords(reader);
    const skippedNids = new Set<number>();
    const pageSize = options.pageSize ?? PAGE_SIZE;
    for await (const record of nodeRecords(reader, catalogue.byTid, pageSize)) {
      if (record.type === 'skip') skippedNids.add(Number(record.ref.slice('node/'.length)));
      yield record;
      progress();
    }
    for (let after = 0; ;) {
      const rows = await reader.commentsAfter(after, pageSize);
      if (rows.length === 0) break;
      for (const row of rows) {
        yield commentRecord(row, reader, skippedNids);
        progress();
      }
      after = rows[rows.length - 1]!.cid;
    }
  } finally {
    await db.end();
  }
}

/** Pages through node by nid, fetching each page's revisions, term links, files and aliases in one batch. */
async function* nodeRecords(reader: DrupalReader, terms: ReadonlyMap<number, TermInfo>, pageSize: number): AsyncGenerator<ImportRecord> {
  for (let after = 0; ;) {
    const nodes = (await reader.nodesAfter(after, pageSize)).map((n) => ({ ...n, nid: Number(n.nid), vid: Number(n.vid), uid: Number(n.uid) }));
    if (nodes.length === 0) return;
    const nids = nodes.map((n) => n.nid);
    const [revisions, links, files, aliases] = await Promise.all([
      reader.revisions(nids), reader.termLinks(nodes), reader.files(nodes), reader.aliases(nids.map((nid) => `node/${nid}`)),
    ]);
    const grouped = groupAliases(aliases);
    const data = {
      version: reader.version, terms, paths: (source: string) => pathsOf(grouped, source),
      revisions: byNid(revisions), links: byNid(links), files: byNid(files),
    };
    for (const node of nodes) yield nodeRecord(node, data);
    after = nodes[nodes.length - 1]!.nid;
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

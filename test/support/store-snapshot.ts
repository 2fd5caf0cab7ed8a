import { createHash } from 'node:crypto';
import type { StoreRuntime } from '../../src/runtime.ts';

/** Per edition: how many records of each type the store holds, and one SHA-256 over all of them in export order. */
export type StoreSnapshot = Record<string, { counts: Record<string, number>; hash: string }>;

/**
 * What an edition holds, read through the JSON export's records (every term, author, blog, node
 * with its revisions and paths, comment, correction, gone path and redirect). Two snapshots are
 * equal when nothing in between changed the content: a second import over an unchanged source.
 */
export async function storeSnapshot(runtime: StoreRuntime, editions: readonly string[] = ['en', 'ar']): Promise<StoreSnapshot> {
  const out: StoreSnapshot = {};
  for (const edition of editions) {
    const counts: Record<string, number> = {};
    const hash = createHash('sha256');
    for await (const record of runtime.exports.records(edition)) {
      counts[record.type] = (counts[record.type] ?? 0) + 1;
      hash.update(`${JSON.stringify(record)}\n`);
    }
    out[edition] = { counts, hash: hash.digest('hex') };
  }
  return out;
}

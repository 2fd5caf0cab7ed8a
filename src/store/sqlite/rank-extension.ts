import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type SqliteDatabase from 'better-sqlite3';
import type { SearchRanking } from '../types/search-store.ts';

/**
 * Where scripts/build.mjs compiles native/folio_rank.c. dist/ mirrors src/, so the path is the
 * same from this file and from its compiled copy (tests run the TypeScript source).
 */
export const RANK_EXTENSION_FILE = fileURLToPath(new URL('../../../dist/native/folio-rank.so', import.meta.url));

/**
 * Loads the ranking extension into this connection (it keeps its own document-frequency cache).
 * `file` null skips it. Any failure leaves FTS5's own bm25(), which ranks the same but counts every
 * query phrase's matches afresh.
 */
export function loadRankExtension(sqlite: SqliteDatabase.Database, file: string | null = RANK_EXTENSION_FILE): SearchRanking {
  if (file === null) return { fn: 'bm25', note: "FTS5's bm25() (ranking extension not requested)" };
  if (!existsSync(file)) return { fn: 'bm25', note: `FTS5's bm25() (no ranking extension at ${file}: npm run build compiles it when a C compiler is present)` };
  try {
    // SQLite finds the entry point from the file name: folio-rank.so → sqlite3_foliorank_init.
    sqlite.loadExtension(file);
    return { fn: 'folio_bm25', note: 'folio_bm25 (bm25 with cached document frequencies)' };
  } catch (err) {
    return { fn: 'bm25', note: `FTS5's bm25() (the ranking extension ${file} did not load: ${(err as Error).message})` };
  }
}

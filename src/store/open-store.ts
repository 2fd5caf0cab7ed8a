import type { Connection } from './connection.ts';
import { KyselyArchiveQueries } from './queries/archive-queries.ts';
import { KyselyContentReader } from './queries/content-reader.ts';
import { KyselyContentWriter } from './queries/content-writer.ts';
import { KyselyCommentStore } from './queries/comment-store.ts';
import { KyselyUserStore } from './queries/user-store.ts';
import { KyselySitemapQueries } from './queries/sitemap-queries.ts';
import { KyselyImportStore } from './queries/import-store.ts';
import { KyselyExportQueries } from './queries/export-queries.ts';
import { KyselyFixityQueries } from './queries/fixity-queries.ts';
import { KyselyRevisionQueries } from './queries/revision-queries.ts';
import { KyselyPeopleStore } from './queries/people-store.ts';
import { KyselyAuditStore } from './queries/audit-store.ts';
import { KyselyRelatedStore } from './queries/related-store.ts';
import { KyselyMediaStore } from './queries/media-store.ts';
import { KyselyArticleDesk } from './queries/article-desk-store.ts';
import { migrateToLatest } from './migrate.ts';
import { WorkerCommentWriter } from './sqlite/comment-writer-client.ts';
import { SqliteSearchStore } from './sqlite/search-store.ts';
import { PostgresSearchStore } from './postgres/search-store.ts';
import type { Store } from './types.ts';

/** Brings the schema up to date and wraps the connection in the store interfaces. */
export async function openStore(connection: Connection, langOf: (edition: string) => 'en' | 'ar' = (e) => (e === 'ar' ? 'ar' : 'en')): Promise<Store> {
  await migrateToLatest(connection);
  const writerThread = connection.sqliteFile ? new WorkerCommentWriter(connection.sqliteFile) : null;
  const comments = new KyselyCommentStore(connection.db, connection.dialect, writerThread ?? undefined);
  // Read-only areas read through readDb (a streaming replica when one is configured); whatever
  // writes, or reads to decide a write, uses the primary.
  const read = connection.readDb;
  return {
    content: new KyselyContentReader(read, connection.dialect),
    writer: new KyselyContentWriter(connection.db, connection.dialect),
    comments,
    users: new KyselyUserStore(connection.db),
    people: new KyselyPeopleStore(connection.db),
    audit: new KyselyAuditStore(connection.db),
    media: new KyselyMediaStore(connection.db),
    desk: new KyselyArticleDesk(connection.db, connection.dialect),
    search: connection.dialect === 'postgres' ? new PostgresSearchStore(connection.db, langOf, read) : new SqliteSearchStore(connection.db, connection.searchRanking),
    sitemap: new KyselySitemapQueries(read),
    archive: new KyselyArchiveQueries(read),
    imports: new KyselyImportStore(connection.db, connection.dialect),
    exports: new KyselyExportQueries(read),
    fixity: new KyselyFixityQueries(connection.db),
    revisions: new KyselyRevisionQueries(connection.db, connection.dialect),
    related: new KyselyRelatedStore(connection.db, read),
    dialect: connection.dialect,
    consistency: connection.consistency,
    stats: {
      commentQueueDepth: () => comments.pendingWrites,
      poolUse: () => connection.poolUse(),
      replica: connection.replica,
    },
    async close() {
      await writerThread?.close();
      await connection.close();
    },
  };
}

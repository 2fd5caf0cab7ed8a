import type { Connection } from './connection.ts';
import { KyselyArchiveQueries } from './archive-queries.ts';
import { KyselyContentReader } from './content-reader.ts';
import { KyselyContentWriter } from './content-writer.ts';
import { KyselyCommentStore } from './comment-store.ts';
import { KyselyUserStore } from './user-store.ts';
import { KyselyPeopleStore } from './people-store.ts';
import { KyselySitemapQueries } from './sitemap-queries.ts';
import { KyselyImportStore } from './import-store.ts';
import { KyselyExportQueries } from './export-queries.ts';
import { KyselyFixityQueries } from './fixity-queries.ts';
import { KyselyRevisionQueries } from './revision-queries.ts';
import { migrateToLatest } from './migrate.ts';
import { WorkerCommentWriter } from './sqlite/comment-writer-client.ts';
import { SqliteSearchStore } from './sqlite/search-store.ts';
import { PostgresSearchStore } from './postgres/search-store.ts';
import type { Store } from './types.ts';

/** Brings the schema up to date and wraps the connection in the store interfaces. */
export async function openStore(connection: Connection, langOf: (edition: string) => 'en' | 'ar' = (e) => (e === 'ar' ? 'ar' : 'en')): Promise<Store> {
  await migrateToLatest(connection);
  const writerThread = connection.sqliteFile ? new WorkerCommentWriter(connection.sqliteFile) : null;
  return {
    content: new KyselyContentReader(connection.db, connection.dialect),
    writer: new KyselyContentWriter(connection.db),
    comments: new KyselyCommentStore(connection.db, connection.dialect, writerThread ?? undefined),
    users: new KyselyUserStore(connection.db),
    people: new KyselyPeopleStore(connection.db),
    search: connection.dialect === 'postgres' ? new PostgresSearchStore(connection.db, langOf) : new SqliteSearchStore(connection.db),
    sitemap: new KyselySitemapQueries(connection.db),
    archive: new KyselyArchiveQueries(connection.db),
    imports: new KyselyImportStore(connection.db),
    exports: new KyselyExportQueries(connection.db),
    fixity: new KyselyFixityQueries(connection.db),
    revisions: new KyselyRevisionQueries(connection.db),
    dialect: connection.dialect,
    async close() {
      await writerThread?.close();
      await connection.close();
    },
  };
}

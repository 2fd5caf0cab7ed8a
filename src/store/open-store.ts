import type { Connection } from './connection.ts';
import { KyselyContentReader } from './content-reader.ts';
import { KyselyContentWriter } from './content-writer.ts';
import { KyselyCommentStore } from './comment-store.ts';
import { KyselyUserStore } from './user-store.ts';
import { migrateToLatest } from './migrate.ts';
import { WorkerCommentWriter } from './sqlite/comment-writer-client.ts';
import type { Store } from './types.ts';

/** Brings the schema up to date and wraps the connection in the store interfaces. */
export async function openStore(connection: Connection): Promise<Store> {
  await migrateToLatest(connection.db);
  const writerThread = connection.sqliteFile ? new WorkerCommentWriter(connection.sqliteFile) : null;
  return {
    content: new KyselyContentReader(connection.db, connection.dialect),
    writer: new KyselyContentWriter(connection.db),
    comments: new KyselyCommentStore(connection.db, connection.dialect, writerThread ?? undefined),
    users: new KyselyUserStore(connection.db),
    dialect: connection.dialect,
    async close() {
      await writerThread?.close();
      await connection.close();
    },
  };
}

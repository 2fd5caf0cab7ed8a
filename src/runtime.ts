import type { Config } from './config/config.ts';
import type { Connection } from './store/connection.ts';
import { openStore } from './store/open-store.ts';
import type { Store } from './store/types.ts';
import { connectPostgres } from './store/postgres/connect.ts';
import { connectSqlite } from './store/sqlite/connect.ts';
import { EditionRegistry } from './services/editions.ts';
import { PublishingService } from './services/publishing-service.ts';
import { ReaderService } from './services/reader-service.ts';

/** Services wired to one store: what the CLI commands and the server use. */
export interface Runtime {
  readonly config: Config;
  readonly store: Store;
  readonly editions: EditionRegistry;
  readonly reader: ReaderService;
  readonly publishing: PublishingService;
  /** Listeners told after a write, e.g. the web app's page cache. */
  onContentChanged(listener: (edition: string) => void): void;
  close(): Promise<void>;
}

/** The one place that chooses SQLite or PostgreSQL. */
export function connect(config: Config): Connection {
  return config.database.kind === 'postgres' ? connectPostgres(config.database.url) : connectSqlite(config.database.file);
}

/** Opens the store (migrating it) and builds the services on top. */
export async function openRuntime(config: Config): Promise<Runtime> {
  const store = await openStore(connect(config));
  const listeners: ((edition: string) => void)[] = [];
  const changed = (edition: string) => {
    for (const l of listeners) l(edition);
  };
  return {
    config,
    store,
    editions: new EditionRegistry(config.editions),
    reader: new ReaderService(store.content),
    publishing: new PublishingService(store.content, store.writer, changed),
    onContentChanged: (l) => void listeners.push(l),
    close: () => store.close(),
  };
}

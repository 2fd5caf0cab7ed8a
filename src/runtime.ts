import type { Config } from './config/config.ts';
import type { Connection } from './store/connection.ts';
import { openStore } from './store/open-store.ts';
import type { Store } from './store/types.ts';
import { connectPostgres } from './store/postgres/connect.ts';
import { connectSqlite } from './store/sqlite/connect.ts';
import { EditionRegistry } from './services/editions.ts';
import { PublishingService } from './services/publishing-service.ts';
import { ReaderService } from './services/reader-service.ts';
import { ArchiveService } from './services/archive-service.ts';
import { RelatedService } from './services/related-service.ts';
import { AuthService } from './services/auth-service.ts';
import { CommentGuard } from './services/comment-guard.ts';
import { CommentService } from './services/comment-service.ts';
import { FormTokens } from './services/form-token.ts';
import { ModerationService } from './services/moderation-service.ts';
import { SearchService } from './services/search-service.ts';
import { SitemapService } from './services/sitemap-service.ts';
import { ImportService } from './services/import-service.ts';
import { ExportService } from './services/export-service.ts';
import { FixityService } from './services/fixity-service.ts';
import { MementoService } from './services/memento-service.ts';
import { CorrectionsService } from './services/corrections-service.ts';
import { ChangeStamps } from './services/change-stamps.ts';
import { HealthService } from './services/health-service.ts';
import { RedisChangeChannel } from './store/redis/change-channel.ts';
import { randomBytes } from 'node:crypto';
import { PeopleService, type LogLine } from './services/people-service.ts';
import { SmtpMailer } from './services/mailer.ts';

/** Services wired to one store: what the CLI commands and the server use. */
export interface Runtime {
  readonly config: Config;
  readonly store: Store;
  readonly editions: EditionRegistry;
  readonly reader: ReaderService;
  readonly archive: ArchiveService;
  readonly related: RelatedService;
  readonly publishing: PublishingService;
  readonly comments: CommentService;
  readonly moderation: ModerationService;
  readonly auth: AuthService;
  readonly people: PeopleService;
  readonly search: SearchService;
  readonly sitemap: SitemapService;
  readonly imports: ImportService;
  readonly exports: ExportService;
  readonly fixity: FixityService;
  readonly mementos: MementoService;
  readonly corrections: CorrectionsService;
  readonly health: HealthService;
  /** Listeners told after a write, e.g. the web app's page cache. */
  onContentChanged(listener: (edition: string) => void): void;
  /**
   * Listens for changes other processes made (a CLI correction, an import, another instance):
   * through Redis pub/sub when FOLIO_REDIS_URL is set, and by polling the database stamps every
   * `intervalMs` (the fallback while Redis is down, and the only way without it).
   */
  watchChanges(intervalMs: number): Promise<void>;
  close(): Promise<void>;
}

/** The one place that chooses SQLite or PostgreSQL. */
export function connect(config: Config): Connection {
  return config.database.kind === 'postgres' ? connectPostgres(config.database.url) : connectSqlite(config.database.file);
}

/**
 * The secret that signs form tokens: FOLIO_SECRET when set, else one generated on first start
 * and kept in the database, so every instance sharing the database agrees on it.
 */
async function siteSecret(store: Store): Promise<string> {
  const existing = await store.content.getMeta('site_secret');
  if (existing) return existing;
  const secret = randomBytes(32).toString('base64url');
  await store.writer.initMeta('site_secret', secret);
  return (await store.content.getMeta('site_secret')) ?? secret;
}

/** Writes to stderr as one JSON line, pino's shape, for a runtime without a web logger (the CLI). */
const stderrLog: LogLine = (msg, fields) => process.stderr.write(`${JSON.stringify({ level: 30, time: Date.now(), msg, ...fields })}\n`);

/**
 * Opens the store (migrating it) and builds the services on top. `log` receives lines meant
 * for the operator, such as one-time links that could not be mailed (the server passes its logger).
 */
export async function openRuntime(config: Config, log: LogLine = stderrLog): Promise<Runtime> {
  const store = await openStore(connect(config), (code) => config.editions.find((e) => e.code === code)?.lang ?? 'en');
  const listeners: ((edition: string) => void)[] = [];
  const tell = (edition: string) => {
    for (const l of listeners) l(edition);
  };
  const codes = config.editions.map((e) => e.code);
  let channel: RedisChangeChannel | null = null;
  const stamps = new ChangeStamps({ getMeta: (k) => store.content.getMeta(k), setMeta: (k, v) => store.writer.setMeta(k, v) }, codes, tell, undefined, (e, stamp) => channel?.publish(e, stamp));
  if (config.redisUrl) channel = new RedisChangeChannel(config.redisUrl, codes, (e, stamp) => stamps.receive(e, stamp), tell);
  const changed = (edition: string) => {
    tell(edition);
    stamps.noteLocal(edition);
  };
  let watcher: NodeJS.Timeout | null = null;
  const secret = config.secret ?? (await siteSecret(store));
  const reader = new ReaderService(store.content);
  const search = new SearchService(store.search, store.content, (code) => {
    const edition = config.editions.find((e) => e.code === code);
    return { lang: edition?.lang ?? 'en', timeZone: edition?.timeZone ?? 'UTC' };
  });
  listeners.push((edition) => reader.invalidate(edition));
  const publishing = new PublishingService(store.content, store.writer, changed, search, undefined, { promoteByDefault: config.promoteNewArticles });
  const mailer = config.mail ? new SmtpMailer(config.mail.smtpUrl, config.mail.from) : null;
  const people = new PeopleService(store.users, store.people, mailer, log);
  return {
    config,
    store,
    editions: new EditionRegistry(config.editions),
    reader,
    archive: new ArchiveService(store.content, store.archive),
    related: new RelatedService(store.content, store.archive),
    publishing,
    search,
    sitemap: new SitemapService(store.sitemap),
    imports: new ImportService(store.imports, search, changed),
    exports: new ExportService(store.exports),
    fixity: new FixityService(store.fixity),
    comments: new CommentService(store.comments, store.content, store.users, new CommentGuard(config.comments), new FormTokens(secret), config.comments, changed),
    moderation: new ModerationService(store.comments, changed),
    auth: new AuthService(store.users, store.people),
    people,
    mementos: new MementoService(store.content, store.revisions),
    corrections: new CorrectionsService(store.content, store.revisions, store.users, changed),
    health: new HealthService(store.content),
    onContentChanged: (l) => void listeners.push(l),
    async watchChanges(intervalMs) {
      await channel?.listen();
      await stamps.poll();
      if (watcher) clearInterval(watcher);
      // Each tick also publishes scheduled articles whose time has come (a claim in the database,
      // so with several instances each article is published once).
      const tick = async () => {
        await stamps.poll();
        await publishing.publishDue();
      };
      await publishing.publishDue();
      watcher = setInterval(() => void tick().catch(() => undefined), intervalMs);
      watcher.unref();
    },
    async close() {
      if (watcher) clearInterval(watcher);
      await stamps.flush();
      await people.settled();
      mailer?.close();
      await channel?.close();
      await store.close();
    },
  };
}

/** Backups and restores work on the database as a whole, beside the services (see store/backup.ts). */
export { backupDatabase, restoreDatabase, type BackupReport } from './store/backup.ts';

import type { Config } from './config/config.ts';
import type { Connection } from './store/connection.ts';
import { openStore } from './store/open-store.ts';
import type { Store } from './store/types.ts';
import { connectPostgres } from './store/postgres/connect.ts';
import { connectSqlite } from './store/sqlite/connect.ts';
import { EditionRegistry } from './services/editions.ts';
import { PublishingService } from './services/publishing-service.ts';
import { ReaderService } from './services/reader-service.ts';
import { ArticlePageService } from './services/article-page-service.ts';
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
import { FileStore } from './services/file-store.ts';
import { SeedingService } from './services/seeding-service.ts';
import { RedisChangeChannel } from './store/redis/change-channel.ts';
import { RedisConnections } from './store/redis/redis-connections.ts';
import type { ReadConsistency } from './domain/read-consistency.ts';
import { randomBytes } from 'node:crypto';
import { PeopleService, type LogLine } from './services/people-service.ts';
import { AuditService } from './services/audit-service.ts';
import { ArticleEditingService } from './services/article-editing-service.ts';
import { SmtpMailer } from './services/mailer.ts';
import { RevisionService } from './services/revision-service.ts';
import { MediaService } from './services/media-service.ts';
import { openMediaStorage } from './services/open-media-storage.ts';

/**
 * Services wired to one store: what the CLI commands and the server use. The store itself is not
 * on it, so that every command and route goes through a service.
 */
export interface Runtime {
  readonly config: Config;
  readonly editions: EditionRegistry;
  readonly reader: ReaderService;
  readonly articles: ArticlePageService;
  readonly archive: ArchiveService;
  readonly related: RelatedService;
  readonly publishing: PublishingService;
  readonly comments: CommentService;
  readonly moderation: ModerationService;
  readonly auth: AuthService;
  readonly people: PeopleService;
  /** Who did what in the newsroom (issue 12, point 7). */
  readonly audit: AuditService;
  /** Revision lists, diffs and restores of articles (issue 12, point 4). */
  readonly revisions: RevisionService;
  /** The media library: uploads, derivatives and lead-photo renditions (issue 12, point 5). */
  readonly media: MediaService;
  /** The newsroom's articles and front page (issue 12, points 2 and 6). */
  readonly newsroom: ArticleEditingService;
  readonly search: SearchService;
  readonly sitemap: SitemapService;
  readonly imports: ImportService;
  readonly exports: ExportService;
  readonly fixity: FixityService;
  readonly mementos: MementoService;
  readonly corrections: CorrectionsService;
  readonly health: HealthService;
  /** The old site's files (FOLIO_FILES_DIR), copied in by `folio import --files`. */
  readonly files: FileStore;
  readonly seeding: SeedingService;
  /** Where reads go (a read replica or the primary); the web layer carries writers' positions. */
  readonly consistency: ReadConsistency;
  /** This instance's Redis connections (FOLIO_REDIS_URL), owned here and closed by close(); null without Redis. */
  readonly redis: RedisConnections | null;
  /** Listeners told after a write, e.g. the web app's page cache. */
  onContentChanged(listener: (edition: string) => void): void;
  /** The edition's current change stamp (services/change-stamps.ts): it moves with every change, in any process. */
  changeStamp(edition: string): string;
  /**
   * Listens for changes other processes made (a CLI correction, an import, another instance):
   * through Redis pub/sub when FOLIO_REDIS_URL is set, and by polling the database stamps every
   * `intervalMs` (the fallback while Redis is down, and the only way without it).
   */
  watchChanges(intervalMs: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The one place that chooses SQLite or PostgreSQL. The read replica is used only when asked
 * (`folio serve`): commands that write and read back (imports, corrections) stay on the primary.
 */
export function connect(config: Config, options: { readReplica?: boolean } = {}): Connection {
  if (config.database.kind === 'sqlite') return connectSqlite(config.database.file, config.database.cacheMegabytes, { readThread: options.readReplica ?? false });
  return connectPostgres(config.database.url, { replicaUrl: options.readReplica ? config.databaseReplicaUrl : null });
}

/**
 * The secret that signs form tokens: FOLIO_SECRET when set, else one generated on first start
 * and kept in the database, so every instance sharing the database agrees on it.
 */
async function siteSecret(store: Store): Promise<string> {
  const read = () => store.consistency.onPrimary(() => store.content.getMeta('site_secret'));
  const existing = await read();
  if (existing) return existing;
  const secret = randomBytes(32).toString('base64url');
  await store.writer.initMeta('site_secret', secret);
  return (await read()) ?? secret;
}

/** Writes to stderr as one JSON line, pino's shape, for a runtime without a web logger (the CLI). */
const stderrLog: LogLine = (msg, fields) => process.stderr.write(`${JSON.stringify({ level: 30, time: Date.now(), msg, ...fields })}\n`);

/** How a runtime is opened. */
export interface RuntimeOptions {
  /** Send reads to FOLIO_DATABASE_REPLICA_URL when it is set (the server does; CLI commands do not). */
  readonly readReplica?: boolean;
  /** Receives lines meant for the operator, such as one-time links that could not be mailed (the server passes its logger). */
  readonly log?: LogLine;
}

/**
 * A runtime with its store showing, for the tests and benchmarks that write fixtures or inspect
 * rows below the services. Nothing in src/ but this file uses it (the architecture test checks).
 */
export interface StoreRuntime extends Runtime {
  readonly store: Store;
}

/** Opens the store (migrating it) and builds the services on top. */
export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const { store: _store, ...runtime } = await openStoreRuntime(config, options);
  return runtime;
}

/** Like openRuntime, with the store left on the result: for tests and benchmarks only. */
export async function openStoreRuntime(config: Config, options: RuntimeOptions = {}): Promise<StoreRuntime> {
  const log = options.log ?? stderrLog;
  const store = await openStore(connect(config, { readReplica: options.readReplica ?? false }), (code) => config.editions.find((e) => e.code === code)?.lang ?? 'en');
  const listeners: ((edition: string) => void)[] = [];
  const drop = (edition: string) => {
    for (const l of listeners) l(edition);
  };
  // With a read replica, a page rendered between a change and its replay on the replica is
  // stale, and the page cache would keep it: so caches drop once more when the replica has
  // replayed the change (at once without a replica).
  const tell = (edition: string) => {
    drop(edition);
    if (store.consistency.replicated) store.consistency.afterReplay(() => drop(edition));
  };
  const codes = config.editions.map((e) => e.code);
  const redis = config.redisUrl ? new RedisConnections(config.redisUrl) : null;
  let channel: RedisChangeChannel | null = null;
  // Stamps are read from the primary: a stale stamp read from the replica would look like a change.
  const meta = { getMeta: (k: string) => store.consistency.onPrimary(() => store.content.getMeta(k)), setMeta: (k: string, v: string) => store.writer.setMeta(k, v) };
  const stamps = new ChangeStamps(meta, codes, tell, undefined, (e, stamp) => channel?.publish(e, stamp));
  if (redis) channel = new RedisChangeChannel(redis, codes, (e, stamp) => stamps.receive(e, stamp), tell);
  const changed = (edition: string) => {
    stamps.noteLocal(edition);
    tell(edition);
  };
  let watcher: NodeJS.Timeout | null = null;
  const secret = config.secret ?? (await siteSecret(store));
  const reader = new ReaderService(store.content, undefined, config.unpublished);
  const search = new SearchService(store.search, store.content, (code) => {
    const edition = config.editions.find((e) => e.code === code);
    return { lang: edition?.lang ?? 'en', timeZone: edition?.timeZone ?? 'UTC' };
  });
  listeners.push((edition) => reader.invalidate(edition));
  const related = new RelatedService(store.archive, store.related);
  const comments = new CommentService(store.comments, store.users, new CommentGuard(config.comments), new FormTokens(secret), config.comments, changed);
  listeners.push(() => comments.forget());
  const mementos = new MementoService(store.content, store.revisions);
  // A published article is indexed for search and ranked for related items (and re-ranks the articles that may now list it).
  // Whatever publishes or withdraws articles keeps search and the stored related items current.
  const indexer = {
    indexNodes: async (nids: readonly number[]) => { await search.indexNodes(nids); await related.refreshAround(nids); },
    removeNodes: async (nids: readonly number[]) => { await search.removeNodes(nids); await related.refreshAround(nids); },
  };
  const publishing = new PublishingService(store.content, store.writer, changed, indexer, undefined, { promoteByDefault: config.promoteNewArticles });
  const mailer = config.mail ? new SmtpMailer(config.mail.smtpUrl, config.mail.from) : null;
  const audit = new AuditService(store.audit);
  const people = new PeopleService(store.users, store.people, mailer, log, audit, undefined, () => comments.forgetNames());
  const mediaStorage = await openMediaStorage(config.media.storage);
  const media = new MediaService(store.media, mediaStorage, audit, config.media, undefined, undefined, changed);
  const newsroom = new ArticleEditingService(store.content, store.desk, store.writer, config.editions, changed, indexer, audit, {
    promoteByDefault: config.promoteNewArticles, requireAlt: (src) => media.requireAltForPhoto(src),
  });
  return {
    config,
    store,
    editions: new EditionRegistry(config.editions),
    reader,
    archive: new ArchiveService(store.content, store.archive),
    related,
    articles: new ArticlePageService(reader, related, mementos, comments, media),
    publishing,
    search,
    sitemap: new SitemapService(store.sitemap),
    imports: new ImportService(store.imports, search, changed, undefined, related),
    exports: new ExportService(store.exports),
    fixity: new FixityService(store.fixity),
    comments,
    moderation: new ModerationService(store.comments, changed),
    auth: new AuthService(store.users, store.people),
    people,
    audit,
    revisions: new RevisionService(store.revisions, audit, changed, indexer),
    media,
    newsroom,
    mementos,
    corrections: new CorrectionsService(store.content, store.revisions, store.users, changed),
    health: new HealthService({ getMeta: (k) => store.consistency.onPrimary(() => store.content.getMeta(k)) }, store.stats),
    files: new FileStore(config.filesDir),
    seeding: new SeedingService(store.content, store.writer),
    consistency: store.consistency,
    redis,
    onContentChanged: (l) => void listeners.push(l),
    changeStamp: (edition) => stamps.current(edition),
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
      mediaStorage.close?.();
      await redis?.close();
      await store.close();
    },
  };
}

/** Backups and restores work on the database as a whole, beside the services (see store/backup.ts). */
export { backupDatabase, restoreDatabase, type BackupReport } from './store/backup.ts';

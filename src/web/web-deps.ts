import type { TurnGate } from './turn-gate.ts';
import type { FileStore } from '../services/file-store.ts';
import type { Config } from '../config/config.ts';
import type { EditionRegistry } from '../services/editions.ts';
import type { ReaderService } from '../services/reader-service.ts';
import type { ArticlePageService } from '../services/article-page-service.ts';
import type { ArchiveService } from '../services/archive-service.ts';
import type { RelatedService } from '../services/related-service.ts';
import type { AuthService } from '../services/auth-service.ts';
import type { CommentService } from '../services/comment-service.ts';
import type { ModerationService } from '../services/moderation-service.ts';
import type { SearchService } from '../services/search-service.ts';
import type { MementoService } from '../services/memento-service.ts';
import type { CorrectionsService } from '../services/corrections-service.ts';
import type { HealthService } from '../services/health-service.ts';
import type { ReadConsistency } from '../domain/read-consistency.ts';
import type { Redis } from 'ioredis';
import type { FolioMetrics } from './metrics.ts';
import type { PeopleService } from '../services/people-service.ts';
import type { AuditService } from '../services/audit-service.ts';
import type { RevisionService } from '../services/revision-service.ts';
import type { MediaService } from '../services/media-service.ts';
import type { ArticleEditingService } from '../services/article-editing-service.ts';
import type { PageCache } from './page-cache.ts';
import type { NavigationMemo } from './render.ts';

/** The services the web layer is built on (never the store). */
export interface WebServices {
  readonly config: Config;
  readonly editions: EditionRegistry;
  readonly reader: ReaderService;
  readonly articles: ArticlePageService;
  readonly archive: ArchiveService;
  readonly related: RelatedService;
  readonly comments: CommentService;
  readonly moderation: ModerationService;
  readonly auth: AuthService;
  readonly search: SearchService;
  readonly mementos: MementoService;
  readonly corrections: CorrectionsService;
  readonly health: HealthService;
  readonly people: PeopleService;
  readonly audit: AuditService;
  readonly revisions: RevisionService;
  /** The media library (issue 12, point 5). */
  readonly media: MediaService;
  readonly newsroom: ArticleEditingService;
  /** The old site's files, served at their old URLs. */
  readonly files: FileStore;
  /** Where reads go (a replica or the primary); the web layer carries writers' positions. */
  readonly consistency: ReadConsistency;
  /** The instance's Redis connections, owned (and closed) by the runtime; null or absent without Redis. */
  readonly redis?: SharedRedis | null;
}

/** What the web layer uses of the runtime's Redis connections (store/redis/redis-connections.ts). */
export interface SharedRedis {
  readonly commands: Redis;
  whenReady(timeoutMs: number): Promise<void>;
}

/** What routes are given: the services plus the web layer's own caches. */
export interface WebDeps extends WebServices {
  readonly cache: PageCache;
  readonly nav: NavigationMemo;
  /** This instance's metrics, when they are served. */
  readonly metrics: FolioMetrics | null;
  /** Comment posts take their turns here, so page reads are not kept waiting behind a flood (turn-gate.ts). */
  readonly postTurns: TurnGate;
}

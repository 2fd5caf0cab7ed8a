import type { Config } from '../config/config.ts';
import type { EditionRegistry } from '../services/editions.ts';
import type { ReaderService } from '../services/reader-service.ts';
import type { ArchiveService } from '../services/archive-service.ts';
import type { RelatedService } from '../services/related-service.ts';
import type { AuthService } from '../services/auth-service.ts';
import type { CommentService } from '../services/comment-service.ts';
import type { ModerationService } from '../services/moderation-service.ts';
import type { SearchService } from '../services/search-service.ts';
import type { MementoService } from '../services/memento-service.ts';
import type { CorrectionsService } from '../services/corrections-service.ts';
import type { HealthService } from '../services/health-service.ts';
import type { PeopleService } from '../services/people-service.ts';
import type { PageCache } from './page-cache.ts';
import type { NavigationMemo } from './render.ts';

/** The services the web layer is built on (never the store). */
export interface WebServices {
  readonly config: Config;
  readonly editions: EditionRegistry;
  readonly reader: ReaderService;
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
}

/** What routes are given: the services plus the web layer's own caches. */
export interface WebDeps extends WebServices {
  readonly cache: PageCache;
  readonly nav: NavigationMemo;
}

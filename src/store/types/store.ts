import type { PoolUse, ReadConsistency, ReplicaState } from '../../domain/read-consistency.ts';
import type { ArchiveQueries } from './archive-queries.ts';
import type { CommentStore } from './comment-store.ts';
import type { ContentReader } from './content-reader.ts';
import type { ContentWriter } from './content-writer.ts';
import type { ExportQueries } from './export-queries.ts';
import type { FixityQueries } from './fixity-queries.ts';
import type { ImportStore } from './import-store.ts';
import type { RevisionQueries } from './revision-queries.ts';
import type { SearchStore } from './search-store.ts';
import type { SitemapQueries } from './sitemap-queries.ts';
import type { UserStore } from './user-store.ts';
import type { PeopleStore } from './people-store.ts';
import type { AuditStore } from './audit-store.ts';
import type { RelatedStore } from './related-store.ts';
import type { MediaStore } from './media-store.ts';
import type { ArticleDesk } from './article-desk.ts';

/** The store as services see it. */
export interface Store {
  readonly content: ContentReader;
  readonly writer: ContentWriter;
  readonly comments: CommentStore;
  readonly users: UserStore;
  readonly people: PeopleStore;
  /** Who did what in the newsroom (013-audit). */
  readonly audit: AuditStore;
  /** The media library (016-media). */
  readonly media: MediaStore;
  /** The newsroom's articles (issue 12, point 2). */
  readonly desk: ArticleDesk;
  readonly search: SearchStore;
  readonly sitemap: SitemapQueries;
  readonly archive: ArchiveQueries;
  readonly imports: ImportStore;
  readonly exports: ExportQueries;
  readonly fixity: FixityQueries;
  readonly revisions: RevisionQueries;
  readonly related: RelatedStore;
  readonly dialect: 'sqlite' | 'postgres';
  /** Where reads go (a streaming replica or the primary) and read-your-writes (domain/read-consistency.ts). */
  readonly consistency: ReadConsistency;
  /** Figures for metrics and readiness. */
  readonly stats: StoreStats;
  close(): Promise<void>;
}

/** What the store can say about its own load and its replica. */
export interface StoreStats {
  /** Comments accepted but not yet committed (the group-commit queue, or the SQLite writer thread's). */
  commentQueueDepth(): number;
  /** Connections in use per pool (empty for SQLite, which has no pool). */
  poolUse(): PoolUse[];
  /** The read replica's state; null without one. */
  readonly replica: ReplicaState | null;
}

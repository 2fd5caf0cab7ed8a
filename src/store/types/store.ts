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

/** The store as services see it. */
export interface Store {
  readonly content: ContentReader;
  readonly writer: ContentWriter;
  readonly comments: CommentStore;
  readonly users: UserStore;
  readonly search: SearchStore;
  readonly sitemap: SitemapQueries;
  readonly archive: ArchiveQueries;
  readonly imports: ImportStore;
  readonly exports: ExportQueries;
  readonly fixity: FixityQueries;
  readonly revisions: RevisionQueries;
  readonly dialect: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

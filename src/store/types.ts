/**
 * The store's interfaces, as services, the importer and the demo see them. Each area declares its
 * own in `types/` (none of them imports an implementation); this file gathers them so imports
 * stay one path.
 */
export type * from './types/archive-queries.ts';
export type * from './types/comment-store.ts';
export type * from './types/content-reader.ts';
export type * from './types/content-writer.ts';
export type * from './types/export-queries.ts';
export type * from './types/fixity-queries.ts';
export type * from './types/import-store.ts';
export type * from './types/revision-queries.ts';
export type * from './types/search-store.ts';
export type * from './types/sitemap-queries.ts';
export type * from './types/store.ts';
export type * from './types/user-store.ts';
export type * from './types/people-store.ts';
export type * from './types/audit-store.ts';
export type * from './types/related-store.ts';
export type * from './types/media-store.ts';
export type * from './types/article-desk.ts';

import type { WritableEdition } from '../../domain/edition-guard.ts';
import type { Photo } from '../../domain/content.ts';
import type { NodeStatusCode } from '../../domain/node-status.ts';
import type { RevisionWrite } from './revision-queries.ts';

/** What an article has whether it is read for the form or written by a save. */
interface DeskArticleFields {
  readonly nid: number;
  readonly title: string;
  readonly summary: string | null;
  readonly bodyHtml: string;
  readonly credit: string | null;
  readonly photo: Photo | null;
  readonly publishedAt: number;
  readonly updatedAt: number;
  readonly status: NodeStatusCode;
  readonly promoted: boolean;
  readonly sticky: boolean;
  readonly commentPolicy: string | null;
  readonly ownerUid: number | null;
}

/** An article as the newsroom edits it: every field of the form, whatever its status. */
export interface DeskArticle extends DeskArticleFields {
  readonly edition: string;
  readonly path: string | null;
  readonly sectionTid: number | null;
  readonly tags: readonly string[];
  readonly authors: readonly string[];
  readonly trashedAt: number | null;
  /** The source node of its translation set when that is another node (what "translation of" names). */
  readonly translationOf: number | null;
}

/** The columns of an article that a save writes (terms and authors as resolved ids). */
export interface DeskArticleWrite extends DeskArticleFields {
  readonly path: string;
  readonly teaser: string;
  readonly leadHtml: string;
  readonly sectionTid: number;
  readonly termIds: readonly number[];
  readonly authorIds: readonly number[];
}

/** One row of the content list. */
export interface DeskListItem {
  readonly nid: number;
  readonly title: string;
  readonly path: string | null;
  readonly status: NodeStatusCode;
  readonly trashedAt: number | null;
  readonly updatedAt: number;
  readonly publishedAt: number;
  readonly sectionName: string | null;
  readonly ownerUid: number | null;
  readonly ownerName: string | null;
  readonly sticky: boolean;
  readonly promoted: boolean;
}

/** The content list's filters; `olderThan` is the keyset cursor (last change, then nid). */
export interface DeskListQuery {
  readonly edition: string;
  /** A status, or 'trash' for what is in the trash (every other status leaves the trash out). */
  readonly status: NodeStatusCode | 'trash' | null;
  readonly sectionTid: number | null;
  readonly authorAid: number | null;
  /** Writers: only their own items plus published ones (what they may read anyway). */
  readonly ownOrPublishedFor: number | null;
  readonly olderThan: { readonly updatedAt: number; readonly nid: number } | null;
  readonly limit: number;
}

/** What emptying the trash removed: each node and the paths that now answer 410. */
export interface EmptiedNode {
  readonly nid: number;
  readonly paths: readonly string[];
}

/** The newsroom's reads and writes of articles (issue 12, point 2). */
export interface ArticleDesk {
  findArticle(edition: string, nid: number): Promise<DeskArticle | undefined>;
  listArticles(query: DeskListQuery): Promise<DeskListItem[]>;
  /** Inserts a new article with its terms, authors, path and first revision, in one transaction. */
  createArticle(edition: WritableEdition, article: DeskArticleWrite, revision: RevisionWrite): Promise<void>;
  /**
   * Rewrites an article and adds its revision (none when that content is stored already), in one
   * transaction. With `oldPathRedirects`, a changed path's old one stays as a redirect (301).
   */
  updateArticle(edition: WritableEdition, article: DeskArticleWrite, revision: RevisionWrite | null, oldPathRedirects: boolean): Promise<void>;
  /** The hash of a node's newest revision. */
  latestRevision(nid: number): Promise<string | undefined>;
  /** Sets the status (and publication time); returns false when the article is not in this edition or is in the trash. */
  setStatus(edition: WritableEdition, nid: number, status: NodeStatusCode, publishedAt: number, updatedAt: number): Promise<boolean>;
  /** Puts an article in the trash (unpublished, so its URLs answer 410) or takes it out as a draft. */
  setTrashed(edition: WritableEdition, nid: number, trashedAt: number | null, updatedAt: number): Promise<boolean>;
  /** Deletes every trashed article of the edition with its paths, terms, revisions and comments; its paths answer 410 from then on. */
  emptyTrash(edition: WritableEdition, now: number): Promise<EmptiedNode[]>;
  /** Tag or author names of the edition starting with (or containing) `q`, for autocomplete. */
  suggest(edition: string, kind: 'tag' | 'author', q: string, limit: number): Promise<string[]>;
}

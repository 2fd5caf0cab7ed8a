import type {
  ImportedAuthor, ImportedBlog, ImportedComment, ImportedCorrection, ImportedGone, ImportedNode, ImportedRedirect, ImportedTerm, ImportedUser,
} from '../../domain/import-record.ts';

/**
 * Everything an edition holds, as import records (Folio's JSON export): the export is the
 * importer's own input format, so an export restores through the same code path as any import.
 */
export interface ExportQueries {
  /** The editions that hold nodes. */
  editions(): Promise<string[]>;
  /** Parents before children, so an import files each term under a parent it already has. */
  terms(edition: string): Promise<ImportedTerm[]>;
  authors(edition: string): Promise<ImportedAuthor[]>;
  blogs(edition: string): Promise<ImportedBlog[]>;
  /** Nodes after `afterNid`, every revision included (oldest first, the current one last). */
  nodes(edition: string, afterNid: number, limit: number): Promise<ImportedNode[]>;
  /** Comments of an edition's nodes after `afterCid`, private fields included (the export marks them). */
  comments(edition: string, afterCid: number, limit: number): Promise<ImportedComment[]>;
  /** Older paths (canonical=0) after `afterPath` in path order: what must keep redirecting. */
  legacyAliases(edition: string, afterPath: string, limit: number): Promise<string[]>;
  corrections(edition: string): Promise<ImportedCorrection[]>;
  /** Users; their password hashes only when asked (a backup meant to restore sign-ins). */
  users(includeSecrets: boolean): Promise<ImportedUser[]>;
  /** Redirects of old paths to pages at fixed routes, as redirect records. */
  pathRedirects(edition: string): Promise<ImportedRedirect[]>;
  /** Old paths of blogs and authors, as redirects to their canonical paths. */
  itemRedirects(edition: string): Promise<ImportedRedirect[]>;
  /** Paths deliberately removed, with why. */
  gone(edition: string): Promise<ImportedGone[]>;
}

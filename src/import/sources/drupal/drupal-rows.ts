/**
 * What the Drupal 6 and Drupal 7 readers hand to the record builders: the same row shapes for
 * both versions, so everything after the SQL is version-independent. Formats are still Drupal's
 * own names here ("Filtered HTML" on 6, "filtered_html" on 7); text-format.ts maps them.
 */

/** 6 or 7: decides table and column names and the comment status encoding. */
export type DrupalVersion = 6 | 7;

export interface VocabularyRow {
  readonly vid: number;
  readonly name: string;
}

export interface TermRow {
  readonly tid: number;
  readonly vid: number;
  readonly name: string;
  readonly weight: number;
  /** From term_hierarchy; 0 is the root. For a term with several parents, the lowest tid. */
  readonly parent: number;
  /** Every parent tid of the term (term_hierarchy allows several), lowest first; [0] for a root. */
  readonly parents: readonly number[];
}

export interface AliasRow {
  readonly pid: number;
  /** "node/12", "taxonomy/term/3", "blog/7". */
  readonly source: string;
  readonly alias: string;
  /** url_alias.language, where read: an entity translation's alias is in its own language. */
  readonly language?: string;
}

/** A node's translation by the Entity Translation module (D7): one node, its fields in several languages. */
export interface EntityTranslationRow {
  readonly nid: number;
  readonly language: string;
}

/** An account's name, for bylines on sites without an Authors vocabulary. */
export interface UserNameRow {
  readonly uid: number;
  readonly name: string;
}

export interface BlogUserRow {
  readonly uid: number;
  readonly name: string;
}

export interface NodeRow {
  readonly nid: number;
  /** The current revision. */
  readonly vid: number;
  readonly type: string;
  readonly uid: number;
  readonly status: number;
  readonly created: number;
  readonly changed: number;
  /** Drupal's comment setting: 0 hidden, 1 read only, 2 read/write. */
  readonly comment: number;
  readonly promote: number;
  /** "en", "ar"; '' (Drupal 6) or "und" (Drupal 7) when language-neutral. */
  readonly language: string;
  /** The nid of its translation set's source, 0 when untranslated. */
  readonly tnid: number;
}

export interface RevisionRow {
  readonly nid: number;
  readonly vid: number;
  readonly title: string;
  readonly body: string;
  readonly summary: string;
  readonly format: string | null;
  readonly log: string;
  readonly timestamp: number;
}

/** A node's link to a term in its current revision; `delta` orders multi-valued fields (co-authors). */
export interface TermLinkRow {
  readonly nid: number;
  readonly tid: number;
  readonly delta: number;
}

/** A file a revision references; `isImageField` marks the lead-photo candidates. */
export interface FileRow {
  readonly nid: number;
  /** The revision that references it, or null for node-level references (D7 file_usage). */
  readonly vid: number | null;
  readonly fid: number;
  /** As stored: D6 "sites/default/files/x.jpg", D7 "public://x.jpg". */
  readonly location: string;
  readonly mime: string;
  readonly caption: string;
  readonly order: number;
  /** False for a Drupal 6 upload with "List" unticked (upload.list = 0): an attachment never shown, so never the lead photo. */
  readonly listed?: boolean;
}

export interface CommentRow {
  readonly cid: number;
  readonly pid: number;
  readonly nid: number;
  /** False when the comment's node no longer exists. */
  readonly nodeExists: boolean;
  /** False when pid points at a comment that no longer exists. */
  readonly parentExists: boolean;
  readonly subject: string;
  readonly body: string | null;
  readonly format: string | null;
  readonly hostname: string;
  readonly created: number;
  readonly changed: number;
  /** As stored: the reader does not interpret it, because 6 and 7 encode it oppositely. */
  readonly status: number;
  readonly thread: string;
  readonly name: string;
  readonly mail: string;
  readonly homepage: string;
  /** The commenter's account, 0 for anonymous. */
  readonly uid: number;
  /** From users: the account's name and e-mail ('' when anonymous or the account is gone). */
  readonly userName: string;
  readonly userMail: string;
}

/** How many records a run will yield, by kind, for a progress bar. */
export interface DrupalCounts {
  /** Term rows, authors included (two author terms with one slug yield one record). */
  readonly terms: number;
  readonly blogs: number;
  readonly nodes: number;
  /** Aliases of deleted nodes. */
  readonly gone: number;
  /** Aliases of system paths (user/N, blog/N, forum/N, views, deleted terms): each a redirect or a gone path. */
  readonly systemAliases: number;
  /** Records for accounts' /user/<uid> and /blog/<uid> pages: one per blogger, two for anyone else. */
  readonly users: number;
  readonly comments: number;
}

/** The version-specific SQL, one implementation per Drupal version with the same methods. */
export interface DrupalReader {
  readonly version: DrupalVersion;
  counts(): Promise<DrupalCounts>;
  vocabularies(): Promise<VocabularyRow[]>;
  /** All terms: vocabularies are small next to content, so they are read whole. */
  terms(): Promise<TermRow[]>;
  aliases(sources: readonly string[]): Promise<AliasRow[]>;
  blogUsers(): Promise<BlogUserRow[]>;
  /** Accounts after uid, in uid order (uid 0, the anonymous user, is not one). */
  usersAfter(uid: number, limit: number): Promise<UserNameRow[]>;
  /** The names of these accounts (one query per page of nodes). */
  userNames(uids: readonly number[]): Promise<UserNameRow[]>;
  nodesAfter(nid: number, limit: number): Promise<NodeRow[]>;
  /** The node languages the site uses ('' and "und" for language-neutral nodes). */
  languages(): Promise<Set<string>>;
  /** Every revision of these nodes; `language` picks an entity translation's field values (D7), else the node's own language. */
  revisions(nids: readonly number[], language?: string): Promise<RevisionRow[]>;
  /** Published entity translations of these nodes into other languages (D7 Entity Translation; none elsewhere). */
  entityTranslations(nids: readonly number[]): Promise<EntityTranslationRow[]>;
  termLinks(nodes: readonly NodeRow[]): Promise<TermLinkRow[]>;
  files(nodes: readonly NodeRow[]): Promise<FileRow[]>;
  commentsAfter(cid: number, limit: number): Promise<CommentRow[]>;
  /** Content types whose pages print no "submitted by … on …" line (theme or content type setting). */
  dateHiddenTypes(): Promise<Set<string>>;
  /** url_alias rows after pid whose source is neither node/<nid> nor an existing term's taxonomy/term/<tid>. */
  systemAliasesAfter(pid: number, limit: number): Promise<AliasRow[]>;
  /** url_alias rows after pid whose source is node/<nid> for a node that no longer exists. */
  orphanNodeAliasesAfter(pid: number, limit: number): Promise<AliasRow[]>;
  /** The comment status value that means published: 0 on Drupal 6 (COMMENT_PUBLISHED), 1 on Drupal 7. */
  readonly commentStatusPublishedIs: 0 | 1;
}

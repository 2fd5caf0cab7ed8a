import type { ColumnType, Generated } from 'kysely';

/**
 * The tables as Kysely sees them. Times are epoch seconds (bigint in PostgreSQL, read back as
 * numbers); booleans are 0/1 integers so both databases store them alike.
 */
export interface NodesTable {
  nid: number;
  edition: string;
  kind: string;
  title: string;
  path: string | null;
  summary: string | null;
  teaser: string;
  lead_html: string;
  body_html: string;
  credit: string | null;
  photo_src: string | null;
  photo_caption: string | null;
  photo_credit: string | null;
  published_at: number;
  updated_at: number;
  show_date: number;
  status: number;
  promoted: number;
  section_tid: number | null;
  blog_id: number | null;
  comment_policy: string | null;
  comment_count: number;
  /** 014-newsroom: the user who created it (null for imported and CLI-published items). */
  owner_uid: Generated<number | null>;
  /** 014-newsroom: when it went to the trash (null when not in it). */
  trashed_at: Generated<number | null>;
  sticky: Generated<number>;
  /** The count an old listing showed for an item never captured (migration 017); comment_count is at least this. */
  listed_comments: Generated<number>;
}

export interface TermsTable {
  tid: number;
  edition: string;
  vocabulary: string;
  name: string;
  path: string | null;
  parent_tid: number | null;
  weight: number;
}

export interface NodeTermsTable {
  nid: number;
  tid: number;
  /** Copied from nodes so a tag listing is one index range scan. */
  published_at: number;
}

export interface AuthorsTable {
  aid: number;
  edition: string;
  name: string;
  slug: string;
}

export interface NodeAuthorsTable {
  nid: number;
  aid: number;
  position: number;
  published_at: number;
}

export interface BlogsTable {
  bid: number;
  edition: string;
  uid: number;
  title: string;
  slug: string;
  owner_name: string;
}

export interface CommentsTable {
  cid: number;
  nid: number;
  pid: number | null;
  thread: string;
  /** 1 published, 0 waiting for approval, 2 spam. */
  status: number;
  uid: number | null;
  name: string;
  email: string | null;
  homepage: string | null;
  hostname: string | null;
  subject: string;
  body: string;
  format: string;
  body_html: string;
  created_at: number;
  changed_at: number;
}

export interface PathAliasesTable {
  edition: string;
  /** Without leading slash: "content/some-slug". */
  path: string;
  target_type: string;
  target_id: number;
  /** 1 for the path pages link to; 0 for older paths that redirect to it. */
  canonical: number;
}

export interface LandingItemsTable {
  landing_nid: number;
  nid: number;
  position: number;
}

export interface CorrectionsTable {
  id: number;
  edition: string;
  nid: number | null;
  kind: string;
  title: string;
  body_html: string;
  published_at: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface UsersTable {
  uid: number;
  name: string;
  /** The name folded for case-insensitive uniqueness (Drupal matched names case-insensitively). */
  name_key: string;
  email: string | null;
  password_hash: string | null;
  role: string;
  failed_logins: number;
  locked_until: number | null;
  created_at: number;
  /** 'active' or 'disabled' (012-people). */
  status: Generated<string>;
}

export interface SessionsTable {
  /** SHA-256 of the session token: a stolen database does not yield live cookies. */
  id_hash: string;
  uid: number;
  created_at: number;
  expires_at: number;
  /** When the session was last used, for the idle limit (012-people). */
  last_seen_at: number;
}

export interface UserTokensTable {
  /** SHA-256 of the one-time link's token. */
  token_hash: string;
  purpose: string;
  uid: number | null;
  email: string | null;
  role: string | null;
  created_by: number | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface ModerationLogTable {
  id: number;
  cid: number;
  uid: number | null;
  /** Who acted, as shown in the record: a user name, or "cli:<login>" for the command line. */
  actor: string;
  action: string;
  from_status: number | null;
  to_status: number | null;
  at: number;
}

/** 013-audit: who did what, when (issue 12, point 7). */
export interface AuditLogTable {
  id: string;
  at: number;
  actor_uid: number | null;
  actor_name: string;
  action: string;
  subject_type: string;
  subject_id: string;
  edition: string | null;
  before_ref: string | null;
  after_ref: string | null;
  note: string | null;
}

/** 016-media: the media library (issue 12, point 5). */
export interface MediaTable {
  id: string;
  edition: string;
  original_name: string;
  type: string;
  width: number;
  height: number;
  bytes: number;
  caption: string | null;
  credit: string | null;
  alt: string | null;
  widths: string;
  uploaded_by: number | null;
  uploaded_at: number;
  legacy_path: string | null;
}

export interface SearchDocsTable {
  nid: number;
  edition: string;
  published_at: number;
  /** The node's term and author ids as facets count them: "t12 t3 a7" (migration 022). */
  facet_ids: Generated<string>;
  credit: string | null;
}

export interface NodeRevisionsTable {
  nid: number;
  content_hash: string;
  source_vid: number | null;
  title: string;
  body_html: string;
  summary: string | null;
  credit: string | null;
  photo_src: string | null;
  photo_caption: string | null;
  photo_credit: string | null;
  revised_at: number;
  log: string | null;
  /** 014-newsroom: the user who saved it (null for imported and CLI revisions). */
  revised_by: Generated<number | null>;
  /** 020-revision-order: grows with every save; orders saves within one second. Every insert numbers its rows (save-order.ts). */
  saved_seq: ColumnType<number | null, number, number>;
  /** SHA-256 of the canonical stored content (006-fixity); null only on a damaged row. */
  fixity_sha256: string | null;
}

export interface ImportItemsTable {
  edition: string;
  item_type: string;
  item_key: string;
  folio_id: number;
  state: string;
  source: string;
  original_url: string | null;
  captured_at: number | null;
  content_hash: string;
  run_id: number;
}

export interface ImportRunsTable {
  run_id: number;
  edition: string;
  source: string;
  inputs: string;
  started_at: number;
  finished_at: number | null;
  summary: string | null;
}

export interface PathRedirectsTable {
  edition: string;
  path: string;
  location: string;
}

export interface GonePathsTable {
  edition: string;
  path: string;
  reason: string;
  since: number;
}

/** A node's translation set (migration 005): `tnid` is the set's source node, as Drupal's node.tnid. */
export interface TranslationsTable {
  nid: number;
  tnid: number;
}

/** An article's precomputed related items and section neighbours (migration 018). */
export interface NodeRelatedTable {
  nid: number;
  edition: string;
  /** Candidate node ids, best first, comma-separated. */
  related: string;
  previous_nid: number | null;
  next_nid: number | null;
}

/** The whole database. */
export interface Database {
  nodes: NodesTable;
  terms: TermsTable;
  node_terms: NodeTermsTable;
  authors: AuthorsTable;
  node_authors: NodeAuthorsTable;
  blogs: BlogsTable;
  comments: CommentsTable;
  path_aliases: PathAliasesTable;
  landing_items: LandingItemsTable;
  corrections: CorrectionsTable;
  folio_meta: MetaTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  moderation_log: ModerationLogTable;
  audit_log: AuditLogTable;
  media: MediaTable;
  search_docs: SearchDocsTable;
  node_revisions: NodeRevisionsTable;
  import_items: ImportItemsTable;
  import_runs: ImportRunsTable;
  gone_paths: GonePathsTable;
  path_redirects: PathRedirectsTable;
  translations: TranslationsTable;
  node_related: NodeRelatedTable;
}

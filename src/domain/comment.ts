import type { SafeHtml } from './safe-html.ts';
/** Comment statuses as stored: Drupal 7's 0/1, plus spam, which Drupal left to contrib modules. */
export const COMMENT_STATUS = Object.freeze({ pending: 0, published: 1, spam: 2 } as const);

/** A stored comment status. */
export type CommentStatus = (typeof COMMENT_STATUS)[keyof typeof COMMENT_STATUS];

/** Status names for the CLI and the moderation queue. */
export type CommentStatusName = keyof typeof COMMENT_STATUS;

/** The status code of a name. */
export function statusCode(name: CommentStatusName): CommentStatus {
  return COMMENT_STATUS[name];
}

/** The name of a status code. */
export function statusName(code: number): CommentStatusName {
  return code === 1 ? 'published' : code === 2 ? 'spam' : 'pending';
}

/** What moderators can do to comments. */
export type ModerationAction = 'approve' | 'unpublish' | 'spam' | 'delete';

/** A comment row's own fields as stored (status is one of COMMENT_STATUS). */
export interface CommentRecord {
  readonly cid: number;
  readonly nid: number;
  readonly pid: number | null;
  readonly thread: string;
  readonly status: number;
  readonly name: string;
  readonly email: string | null;
  readonly homepage: string | null;
  readonly hostname: string | null;
  readonly subject: string;
  readonly body: string;
  readonly format: string;
  readonly bodyHtml: string;
  readonly createdAt: number;
}

/** A comment as moderators see it: everything, the e-mail included. Never rendered on public pages. */
export interface ModeratedComment extends Omit<CommentRecord, 'status' | 'bodyHtml'> {
  readonly status: CommentStatus;
  /** The filter's output as stored. */
  readonly bodyHtml: SafeHtml;
  readonly edition: string;
  readonly nodeTitle: string;
  readonly nodePath: string | null;
  readonly nodeTeaser: string;
  /** The comment it replies to, for context in the queue. */
  readonly parent: { readonly cid: number; readonly name: string; readonly subject: string; readonly bodyHtml: SafeHtml } | null;
}

/** One entry of the moderation record. */
export interface ModerationRecord {
  readonly cid: number;
  readonly actor: string;
  readonly action: ModerationAction | 'erase' | 'post';
  readonly fromStatus: number | null;
  readonly toStatus: number | null;
  readonly at: number;
}

/** Comment anti-abuse settings (docs/comment-format.md §7.3 item 7: Folio does better than Drupal core, which had none). */
export interface CommentConfig {
  /** Comments one address may post per window before answers turn to 429. */
  readonly floodLimit: number;
  readonly floodWindowSeconds: number;
  /** A human takes longer than this between opening the form and posting it. */
  readonly minSecondsToPost: number;
  /** More links than this holds a comment for approval even where comments are open. */
  readonly maxLinks: number;
  readonly blockedWords: readonly string[];
  /** Whole addresses ("a@b.c") or domains ("@spam.example"). */
  readonly blockedEmails: readonly string[];
  /** IPv4/IPv6 addresses or CIDR networks. */
  readonly blockedNetworks: readonly string[];
}

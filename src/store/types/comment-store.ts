import type { ModeratedComment, ModerationAction, ModerationRecord } from '../../domain/comment.ts';
import type { CommentWrite } from './content-writer.ts';

/** A comment a reader (or an import) adds; the store allocates cid and thread. */
export interface NewComment extends Omit<CommentWrite, 'cid' | 'thread'> {
  readonly uid: number | null;
}

/** Who made a moderation decision. */
export interface Actor {
  readonly uid: number | null;
  readonly name: string;
}

/** The flood limit a post is held to: it is refused if `limit` comments from its host were made since `since`. */
export interface FloodLimit {
  readonly since: number;
  readonly limit: number;
}

/**
 * What a comment write did. `position` is the number of published comments before it on its
 * node in thread order (its comment page follows from it); null when it is not published.
 */
export type AddedComment =
  | { readonly kind: 'saved'; readonly cid: number; readonly thread: string; readonly position: number | null }
  | { readonly kind: 'flooded' };

/** A node as the comment form needs it. */
export interface CommentTarget {
  readonly nid: number;
  readonly edition: string;
  readonly title: string;
  readonly path: string | null;
  readonly kind: string;
  readonly commentPolicy: string | null;
}

/** Query for the moderation queue. */
export interface ModerationQuery {
  readonly status?: number;
  readonly edition?: string;
  readonly limit: number;
  readonly offset: number;
}

/** Comment writes and the moderators' view. Only moderation code reads e-mails through this. */
export interface CommentStore {
  /**
   * Saves a comment with its thread key; resolves once the write is durable (group-committed with
   * others). With a flood limit, the count of the host's recent comments and the insert happen in
   * one transaction, serialised with every other comment write, so no more than the limit are
   * ever stored however many arrive at once; over it, nothing is written and the answer is 'flooded'.
   */
  addComment(comment: NewComment, actor: Actor, flood: FloodLimit | null): Promise<AddedComment>;
  commentTarget(nid: number): Promise<CommentTarget | undefined>;
  findForModeration(cid: number): Promise<ModeratedComment | undefined>;
  listForModeration(query: ModerationQuery): Promise<{ items: ModeratedComment[]; total: number }>;
  /** Sets a status on comments, records each change, recounts their nodes; returns the editions touched. */
  setStatus(cids: readonly number[], status: number, action: ModerationAction, actor: Actor): Promise<{ changed: number[]; editions: string[] }>;
  /** Deletes comments and their replies, records it, recounts; returns what went. */
  deleteComments(cids: readonly number[], actor: Actor): Promise<{ deleted: number[]; editions: string[] }>;
  /** Erases one person's personal data: anonymise (name "Anonymous", no e-mail, homepage or host) or delete. */
  eraseByEmail(email: string, mode: 'anonymise' | 'delete', anonymousName: string, actor: Actor): Promise<{ cids: number[]; editions: string[] }>;
  moderationLog(cid: number): Promise<ModerationRecord[]>;
}

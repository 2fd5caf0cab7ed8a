import { COMMENT_STATUS, type CommentStatusName, type ModeratedComment, type ModerationAction, type ModerationRecord } from '../domain/comment.ts';
import { Forbidden, Invalid } from '../domain/errors.ts';
import { can } from '../domain/permissions.ts';
import type { Actor, CommentStore, UserRecord } from '../store/types.ts';

/** Comments per page in the moderation queue. */
export const QUEUE_PAGE_SIZE = 50;

/** The name an erased commenter gets, as Drupal named anonymous posters. */
export const ANONYMOUS_NAME = 'Anonymous';

const TARGET_STATUS: Readonly<Record<Exclude<ModerationAction, 'delete'>, number>> = {
  approve: COMMENT_STATUS.published,
  unpublish: COMMENT_STATUS.pending,
  spam: COMMENT_STATUS.spam,
};

/** Who is acting: a signed-in user, or the command line (trusted: it has the database). */
export type Moderator = { readonly kind: 'user'; readonly user: UserRecord } | { readonly kind: 'cli'; readonly login: string };

function actorOf(m: Moderator): Actor {
  if (m.kind === 'cli') return { uid: null, name: `cli:${m.login}` };
  if (!can(m.user.role, 'moderate comments')) throw new Forbidden();
  return { uid: m.user.uid, name: m.user.name };
}

/** The moderation queue and its decisions, each recorded with who, when and what. */
export class ModerationService {
  constructor(private readonly comments: CommentStore, private readonly changed: (edition: string) => void) {}

  /** A page of comments with a status (newest first), optionally in one edition. */
  async list(m: Moderator, options: { status: CommentStatusName; edition?: string; page?: number; limit?: number }): Promise<{ items: ModeratedComment[]; total: number }> {
    actorOf(m);
    const limit = options.limit ?? QUEUE_PAGE_SIZE;
    return this.comments.listForModeration({
      status: COMMENT_STATUS[options.status], limit, offset: (options.page ?? 0) * limit,
      ...(options.edition !== undefined ? { edition: options.edition } : {}),
    });
  }

  /** One comment with everything moderators see, whatever its status; undefined when there is none. */
  find(m: Moderator, cid: number): Promise<ModeratedComment | undefined> {
    actorOf(m);
    return this.comments.findForModeration(cid);
  }

  /** Applies one decision to several comments; returns the ids that changed. */
  async act(m: Moderator, action: ModerationAction, cids: readonly number[]): Promise<number[]> {
    const actor = actorOf(m);
    if (cids.length === 0) throw new Invalid({ en: 'Select at least one comment.', ar: 'اختر تعليقاً واحداً على الأقل.' }, 'cids');
    const result = action === 'delete'
      ? await this.comments.deleteComments(cids, actor).then((r) => ({ changed: r.deleted, editions: r.editions }))
      : await this.comments.setStatus(cids, TARGET_STATUS[action], action, actor);
    for (const e of result.editions) this.changed(e);
    return result.changed;
  }

  /** Erases one person's personal data from every comment they posted under this e-mail. */
  async erase(m: Moderator, email: string, mode: 'anonymise' | 'delete'): Promise<number[]> {
    const actor = actorOf(m);
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) throw new Invalid(`"${email}" is not an e-mail address`, 'email');
    const result = await this.comments.eraseByEmail(email, mode, ANONYMOUS_NAME, actor);
    for (const e of result.editions) this.changed(e);
    return result.cids;
  }

  /** The record of every decision about a comment. */
  history(m: Moderator, cid: number): Promise<ModerationRecord[]> {
    actorOf(m);
    return this.comments.moderationLog(cid);
  }
}

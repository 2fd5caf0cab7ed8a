import type { CommentStatusName } from '../../domain/comment.ts';
import type { SiteContext } from '../site-context.ts';

// Paths of the staff pages and the long tips page. They keep Drupal 7's paths, so a moderator's
// old bookmarks still work. (They belong beside the others in web/urls.ts; they live here only
// until that file is free to edit.)

/** Drupal 7's comment admin paths, per queue: published at the root, pending under "approval". */
const QUEUE_PATHS: Readonly<Record<CommentStatusName, string>> = Object.freeze({
  published: 'admin/content/comment',
  pending: 'admin/content/comment/approval',
  spam: 'admin/content/comment/spam',
});

/** The sign-in page, optionally sending the user on to a local path afterwards. */
export function loginUrl(ctx: SiteContext, destination?: string | null): string {
  const base = `${ctx.prefix}/user/login`;
  return destination ? `${base}?destination=${encodeURIComponent(destination)}` : base;
}

/** The sign-out confirmation page (the sign-out itself is a POST to the same path). */
export function logoutUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/user/logout`;
}

/** One moderation queue's route, relative to the edition's prefix. */
export function queuePath(status: CommentStatusName): string {
  return `/${QUEUE_PATHS[status]}`;
}

/** One moderation queue. */
export function queueUrl(ctx: SiteContext, status: CommentStatusName): string {
  return `${ctx.prefix}${queuePath(status)}`;
}

/** The moderation record of one comment. */
export function historyUrl(ctx: SiteContext, cid: number): string {
  return `${ctx.prefix}/admin/content/comment/${cid}/history`;
}

/** The long format tips (docs/comment-format.md §6). */
export function tipsUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/filter/tips`;
}

/**
 * A `destination` made safe to redirect to: a path on this host only, never `//evil.example` or
 * `/\evil.example` (browsers read a backslash as a slash), returned percent-encoded so it can go
 * in a Location header. Anything else gives null, and the caller uses its default.
 */
export function safeDestination(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return null;
  if (!raw.startsWith('/') || raw.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(raw)) return null;
  const probe = 'http://folio.invalid';
  let url: URL;
  try {
    url = new URL(raw, probe);
  } catch {
    return null;
  }
  if (url.origin !== probe) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The people page (issue 12): users, roles, invitations. */
export function peopleUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/admin/people`;
}

/** Where the invitation form posts. */
export function inviteUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/admin/people/invite`;
}

/** Where a change to one person posts: role, disable, enable, reset. */
export function personActionUrl(ctx: SiteContext, uid: number, action: 'role' | 'disable' | 'enable' | 'reset'): string {
  return `${ctx.prefix}/admin/people/${uid}/${action}`;
}

/** The "forgotten password" form. */
export function passwordUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/user/password`;
}

/** A one-time password reset link (relative; the mail carries the absolute form). */
export function resetUrl(ctx: SiteContext, token: string): string {
  return `${ctx.prefix}/user/reset/${token}`;
}

/** A one-time invitation link. */
export function invitationUrl(ctx: SiteContext, token: string): string {
  return `${ctx.prefix}/user/invite/${token}`;
}

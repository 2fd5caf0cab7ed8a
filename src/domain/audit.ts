/**
 * The audit log's vocabulary (issue 12, point 7): every editorial and administrative action is
 * kept as who did what to which thing, when, and the ids it changed from and to.
 */

/** What was done. Grouped by the thing acted on, so the log page can filter by area. */
export type AuditAction =
  // People (admins).
  | 'user.invite' | 'user.join' | 'user.role' | 'user.disable' | 'user.enable' | 'user.reset'
  // Articles (writers and editors).
  | 'article.create' | 'article.save' | 'article.publish' | 'article.schedule' | 'article.unpublish'
  | 'article.trash' | 'article.restore-from-trash' | 'article.delete' | 'article.slug' | 'article.revert'
  | 'trash.empty'
  // Media and the front page.
  | 'media.upload' | 'media.edit' | 'media.delete'
  | 'front.arrange'
  // Corrections and settings.
  | 'correction.record' | 'settings.change';

/** Every action, for validation of a filter given in a query string. */
export const AUDIT_ACTIONS: readonly AuditAction[] = Object.freeze([
  'user.invite', 'user.join', 'user.role', 'user.disable', 'user.enable', 'user.reset',
  'article.create', 'article.save', 'article.publish', 'article.schedule', 'article.unpublish',
  'article.trash', 'article.restore-from-trash', 'article.delete', 'article.slug', 'article.revert',
  'trash.empty', 'media.upload', 'media.edit', 'media.delete', 'front.arrange', 'correction.record', 'settings.change',
] as const satisfies readonly AuditAction[]);

/** True when the string names an action. */
export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** The areas the log page filters by: the part of an action's name before the dot. */
export const AUDIT_AREAS = Object.freeze(['user', 'article', 'trash', 'media', 'front', 'correction', 'settings'] as const);
export type AuditArea = (typeof AUDIT_AREAS)[number];

/** True when the string names an area. */
export function isAuditArea(value: string): value is AuditArea {
  return (AUDIT_AREAS as readonly string[]).includes(value);
}

/** Who acted: a signed-in user, or the command line (which has the database, so is trusted). */
export type AuditActor = { readonly uid: number; readonly name: string } | 'cli' | 'system';

/** One thing that happened, as it is recorded. */
export interface AuditEvent {
  readonly actor: AuditActor;
  readonly action: AuditAction;
  /** What it was done to: 'node', 'user', 'media', 'edition'… and its id. */
  readonly subject: { readonly type: string; readonly id: string };
  /** The edition concerned, when there is one. */
  readonly edition?: string | null;
  /** The ids (revision hash, role, slug, status…) before and after, when the action changes one. */
  readonly before?: string | null;
  readonly after?: string | null;
  /** A short human note (a title, a count), never private data such as an e-mail address or a password. */
  readonly note?: string | null;
}

/** A recorded event, as the log page reads it. */
export interface AuditEntry {
  readonly id: string;
  /** Milliseconds since the epoch. */
  readonly at: number;
  readonly actorUid: number | null;
  /** The user's name at the time, or 'cli' / 'system'. */
  readonly actorName: string;
  readonly action: AuditAction;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly edition: string | null;
  readonly before: string | null;
  readonly after: string | null;
  readonly note: string | null;
}

/** A page of the log: newest first, optionally narrowed. `olderThan` is the keyset cursor (an entry's at and id). */
export interface AuditQuery {
  readonly limit: number;
  readonly olderThan?: { readonly at: number; readonly id: string } | null;
  readonly actorUid?: number | null;
  readonly actionPrefix?: string | null;
  readonly subject?: { readonly type: string; readonly id: string } | null;
}

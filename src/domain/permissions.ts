/** Roles of people who sign in. Readers and commenters never sign in. */
export type Role = 'writer' | 'editor' | 'moderator' | 'admin';

/** What a role may do (issue 12, point 1). */
export type Permission =
  | 'write drafts'
  | 'edit any article'
  | 'publish articles'
  | 'schedule articles'
  | 'arrange front page'
  | 'moderate comments'
  | 'see commenter e-mail'
  | 'skip comment approval'
  | 'record corrections'
  | 'invite writers'
  | 'manage people'
  | 'manage settings';

const WRITER: readonly Permission[] = ['write drafts'];
const MODERATOR: readonly Permission[] = ['moderate comments', 'see commenter e-mail', 'skip comment approval'];
const EDITOR: readonly Permission[] = [...WRITER, ...MODERATOR, 'edit any article', 'publish articles', 'schedule articles', 'arrange front page', 'invite writers'];

/**
 * The one permission table (STYLE.md habit 5: a table, not ifs in handlers). Writers keep to
 * their own drafts; editors publish, schedule and edit anyone's work (and moderate, as before);
 * moderators handle comments only; admins do everything, and alone manage people and settings.
 * Editors bring in their writers: they may invite someone as a writer, and see who is in the newsroom.
 */
export const PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = Object.freeze({
  writer: WRITER,
  editor: EDITOR,
  moderator: MODERATOR,
  admin: [...EDITOR, 'record corrections', 'manage people', 'manage settings'],
});

/** Every role, for validation of `--role` and the role picker. */
export const ROLES: readonly Role[] = Object.freeze(Object.keys(PERMISSIONS) as Role[]);

/** True when the string names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether someone with this role may do this. */
export function can(role: string | null | undefined, permission: Permission): boolean {
  return role !== null && role !== undefined && isRole(role) && PERMISSIONS[role].includes(permission);
}

/** An article as far as who may change it is concerned. */
export interface ArticleOwnership {
  /** The uid of the user who created it; null for imported and CLI-published items. */
  readonly ownerUid: number | null;
  readonly state: 'draft' | 'scheduled' | 'published';
}

/**
 * Whether this user may edit this article: anyone's with "edit any article", otherwise only
 * their own drafts (a writer's work is frozen for them once an editor schedules or publishes it).
 */
export function isArticleEditableBy(user: { readonly uid: number; readonly role: string }, article: ArticleOwnership): boolean {
  if (can(user.role, 'edit any article')) return true;
  return can(user.role, 'write drafts') && article.state === 'draft' && article.ownerUid === user.uid;
}

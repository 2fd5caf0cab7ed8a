/** Roles of people who sign in. Readers and commenters never sign in. */
export type Role = 'moderator' | 'editor' | 'admin';

/** What a role may do. */
export type Permission = 'moderate comments' | 'see commenter e-mail' | 'skip comment approval' | 'publish articles' | 'record corrections';

/** The permission table (STYLE.md habit 5: a table, not ifs in handlers). */
export const PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = Object.freeze({
  moderator: ['moderate comments', 'see commenter e-mail', 'skip comment approval'],
  editor: ['moderate comments', 'see commenter e-mail', 'skip comment approval', 'publish articles'],
  admin: ['moderate comments', 'see commenter e-mail', 'skip comment approval', 'publish articles', 'record corrections'],
});

/** Every role, for validation of `--role`. */
export const ROLES: readonly Role[] = Object.freeze(Object.keys(PERMISSIONS) as Role[]);

/** True when the string names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether someone with this role may do this. */
export function can(role: string | null | undefined, permission: Permission): boolean {
  return role !== null && role !== undefined && isRole(role) && PERMISSIONS[role].includes(permission);
}

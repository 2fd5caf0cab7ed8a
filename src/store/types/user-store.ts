/** A user who signs in. */
export interface UserRecord {
  readonly uid: number;
  readonly name: string;
  readonly email: string | null;
  readonly passwordHash: string | null;
  readonly role: string;
  /** 'active' or 'disabled': a disabled user cannot sign in and has no sessions. */
  readonly status: string;
  readonly failedLogins: number;
  readonly lockedUntil: number | null;
}

/** Users and their sessions. */
export interface UserStore {
  createUser(user: { name: string; email: string | null; passwordHash: string; role: string; createdAt: number }): Promise<number>;
  findUserByName(name: string): Promise<UserRecord | undefined>;
  /** True when a name is taken by a registered user, compared case-insensitively as Drupal did. */
  nameTaken(name: string): Promise<boolean>;
  recordFailedLogin(uid: number, failedLogins: number, lockedUntil: number | null): Promise<void>;
  resetFailedLogins(uid: number): Promise<void>;
  createSession(idHash: string, uid: number, createdAt: number, expiresAt: number): Promise<void>;
  findSessionUser(idHash: string, now: number): Promise<UserRecord | undefined>;
  deleteSession(idHash: string): Promise<void>;
  listUsers(): Promise<UserRecord[]>;
}

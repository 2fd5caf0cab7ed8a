import { createHash, randomBytes } from 'node:crypto';
import { Invalid, RateLimited, Unauthorized } from '../domain/errors.ts';
import { isRole, ROLES } from '../domain/permissions.ts';
import type { PeopleStore, UserRecord, UserStore } from '../store/types.ts';

export type { UserRecord };
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './password-hash.ts';

/** Failed sign-ins before an account locks: enough for typos, too few for guessing. */
export const MAX_FAILED_LOGINS = 5;
/** How long a locked account stays locked. */
export const LOCKOUT_SECONDS = 15 * 60;
/**
 * The absolute limit of a session: however active, a newsroom login lasts one long working day
 * (a shift plus overtime), then asks for the password again. OWASP's Session Management Cheat
 * Sheet asks for both an absolute and an idle limit on every session.
 */
export const SESSION_SECONDS = 12 * 3600;
/** The idle limit: a session unused this long is over (a desk left for lunch stays signed in; overnight does not). */
export const SESSION_IDLE_SECONDS = 2 * 3600;
/** A session's last use is written at most this often, so reading pages is not a write per request. */
export const SESSION_TOUCH_SECONDS = 60;
/** Shortest password accepted for a new user. */
export const MIN_PASSWORD_LENGTH = 10;

/** The SHA-256 of a session token: the database never holds a usable cookie. */
export function sessionHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Signing in and out; users and sessions. */
export class AuthService {
  constructor(
    private readonly users: UserStore,
    private readonly people: PeopleStore,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  /** Creates a user who can sign in; throws Invalid naming what is wrong. */
  async addUser(input: { name: string; email: string | null; password: string; role: string }): Promise<number> {
    const name = input.name.trim();
    if (name === '' || [...name].length > 60) throw new Invalid('the user name must be 1 to 60 characters', 'name');
    if (!isRole(input.role)) throw new Invalid(`the role must be one of ${ROLES.join(', ')} (got "${input.role}")`, 'role');
    if ([...input.password].length < MIN_PASSWORD_LENGTH) throw new Invalid(`the password must be at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
    if (await this.users.nameTaken(name)) throw new Invalid(`a user named "${name}" already exists`, 'name');
    return this.users.createUser({ name, email: input.email, passwordHash: await hashPassword(input.password), role: input.role, createdAt: this.now() });
  }

  /** Every user, for the command line's listing (callers pick the fields they show: never the hash). */
  listUsers(): Promise<UserRecord[]> {
    return this.users.listUsers();
  }

  /** Checks a name and password; returns a new session token. Locks the account after repeated failures. */
  async signIn(name: string, password: string): Promise<{ token: string; user: UserRecord }> {
    const user = await this.users.findUserByName(name);
    const now = this.now();
    if (user?.lockedUntil !== null && user?.lockedUntil !== undefined && user.lockedUntil > now) {
      const minutes = Math.ceil((user.lockedUntil - now) / 60);
      throw new RateLimited({
        en: `This account is locked after ${MAX_FAILED_LOGINS} failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        ar: `هذا الحساب مقفل بعد ${MAX_FAILED_LOGINS} محاولات دخول فاشلة. حاول مجدداً بعد ${minutes} دقيقة.`,
      });
    }
    // Verify even for unknown names, so response time does not tell which names exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!user || !ok) {
      if (user) {
        const failed = user.failedLogins + 1;
        await this.users.recordFailedLogin(user.uid, failed, failed >= MAX_FAILED_LOGINS ? now + LOCKOUT_SECONDS : null);
      }
      throw new Unauthorized({ en: 'Unrecognized username or password.', ar: 'اسم المستخدم أو كلمة المرور غير معروفين.' });
    }
    // Said only to someone who knows the password: it tells nobody else the account exists.
    if (user.status !== 'active') throw new Unauthorized({ en: 'This account has been disabled.', ar: 'هذا الحساب معطَّل.' });
    await this.users.resetFailedLogins(user.uid);
    const token = randomBytes(32).toString('base64url');
    await this.users.createSession(sessionHash(token), user.uid, now, now + SESSION_SECONDS);
    return { token, user };
  }

  /**
   * The user a session token belongs to, if the session is live: within its absolute limit, used
   * within the idle limit, and its user still active. The database decides, so a user disabled
   * through one instance is signed out on every instance at their next request.
   */
  async userForToken(token: string | undefined): Promise<UserRecord | undefined> {
    if (!token || token.length > 100) return undefined;
    const now = this.now();
    const idHash = sessionHash(token);
    const session = await this.people.findLiveSession(idHash, now, now - SESSION_IDLE_SECONDS);
    if (!session) return undefined;
    if (now - session.lastSeenAt >= SESSION_TOUCH_SECONDS) await this.people.touchSession(idHash, now);
    return session.user;
  }

  /** Ends a session. */
  async signOut(token: string | undefined): Promise<void> {
    if (token) await this.users.deleteSession(sessionHash(token));
  }
}

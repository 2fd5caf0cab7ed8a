import type { Kysely, Selectable } from 'kysely';
import type { Database, UsersTable } from '../schema.ts';
import type { UserRecord, UserStore } from '../types.ts';
import { maxId } from './ids.ts';
import { CompiledOnce } from './compiled-once.ts';

// Every visitor's comment post asks whether its name is a user's: compiled once (compiled-once.ts),
// and it reads the key from the index alone rather than the whole row.
const NAME_TAKEN = new CompiledOnce<readonly [string], { uid: number }>(
  (db, key) => db.selectFrom('users').select('uid').where('name_key', '=', key).limit(1),
  ['\u0000name-key'],
);

/** A users row as a UserRecord. */
export function toUser(row: Selectable<UsersTable>): UserRecord {
  return {
    uid: row.uid, name: row.name, email: row.email, passwordHash: row.password_hash, role: row.role,
    failedLogins: row.failed_logins, lockedUntil: row.locked_until === null ? null : Number(row.locked_until), status: row.status,
  };
}

/** Names compare case-insensitively, as Drupal's user names did. */
/** The case-insensitive key of a user name (Drupal matched names case-insensitively). */
export function nameKey(name: string): string {
  return name.trim().normalize('NFKC').toLowerCase();
}

/** Users and sessions in SQL. */
export class KyselyUserStore implements UserStore {
  constructor(private readonly db: Kysely<Database>) {}

  async createUser(user: { name: string; email: string | null; passwordHash: string; role: string; createdAt: number }): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const uid = (await maxId(trx, 'user')) + 1;
      await trx.insertInto('users').values({
        uid, name: user.name.trim(), name_key: nameKey(user.name), email: user.email, password_hash: user.passwordHash,
        role: user.role, failed_logins: 0, locked_until: null, created_at: user.createdAt,
      }).execute();
      return uid;
    });
  }

  async findUserByName(name: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('name_key', '=', nameKey(name)).executeTakeFirst();
    return row && toUser(row);
  }

  async nameTaken(name: string): Promise<boolean> {
    return (await NAME_TAKEN.execute(this.db, nameKey(name))).length > 0;
  }

  async recordFailedLogin(uid: number, failedLogins: number, lockedUntil: number | null): Promise<void> {
    await this.db.updateTable('users').set({ failed_logins: failedLogins, locked_until: lockedUntil }).where('uid', '=', uid).execute();
  }

  async resetFailedLogins(uid: number): Promise<void> {
    await this.db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('uid', '=', uid).execute();
  }

  async createSession(idHash: string, uid: number, createdAt: number, expiresAt: number): Promise<void> {
    await this.db.insertInto('sessions').values({ id_hash: idHash, uid, created_at: createdAt, expires_at: expiresAt, last_seen_at: createdAt }).execute();
  }

  async findSessionUser(idHash: string, now: number): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('sessions').innerJoin('users', 'users.uid', 'sessions.uid').selectAll('users')
      .where('sessions.id_hash', '=', idHash).where('sessions.expires_at', '>', now).where('users.status', '=', 'active').executeTakeFirst();
    return row && toUser(row);
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.db.selectFrom('users').selectAll().orderBy('uid').execute()).map(toUser);
  }
}

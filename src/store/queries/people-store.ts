import type { Kysely, Selectable } from 'kysely';
import type { Database, UserTokensTable } from '../schema.ts';
import type { InvitationOutcome, LiveSession, PeopleStore, PendingInvitation, TokenPurpose, UserTokenRecord } from '../types.ts';
import type { UserRecord } from '../types.ts';
import { maxId } from './ids.ts';
import { nameKey, toUser } from './user-store.ts';

function toToken(row: Selectable<UserTokensTable>): UserTokenRecord {
  return {
    purpose: row.purpose as TokenPurpose, uid: row.uid, email: row.email, role: row.role, createdBy: row.created_by,
    createdAt: Number(row.created_at), expiresAt: Number(row.expires_at),
  };
}

/** People, their sessions and one-time links in SQL (012-people). */
export class KyselyPeopleStore implements PeopleStore {
  constructor(private readonly db: Kysely<Database>) {}

  async findUser(uid: number): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('uid', '=', uid).executeTakeFirst();
    return row && toUser(row);
  }

  async findUsersByEmail(email: string): Promise<UserRecord[]> {
    const rows = await this.db.selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
      .where('status', '=', 'active').orderBy('uid').execute();
    return rows.map(toUser);
  }

  async setRole(uid: number, role: string): Promise<void> {
    await this.db.updateTable('users').set({ role }).where('uid', '=', uid).execute();
  }

  async setStatus(uid: number, status: 'active' | 'disabled'): Promise<void> {
    await this.db.updateTable('users').set({ status }).where('uid', '=', uid).execute();
  }

  async deleteUserSessions(uid: number): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('uid', '=', uid).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async findLiveSession(idHash: string, now: number, idleSince: number): Promise<LiveSession | undefined> {
    const row = await this.db.selectFrom('sessions').innerJoin('users', 'users.uid', 'sessions.uid').selectAll('users')
      .select(['sessions.created_at as session_created_at', 'sessions.last_seen_at as session_last_seen_at'])
      .where('sessions.id_hash', '=', idHash).where('sessions.expires_at', '>', now).where('sessions.last_seen_at', '>', idleSince)
      .where('users.status', '=', 'active').executeTakeFirst();
    if (!row) return undefined;
    return { user: toUser(row), createdAt: Number(row.session_created_at), lastSeenAt: Number(row.session_last_seen_at) };
  }

  async touchSession(idHash: string, at: number): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
  }

  async saveToken(tokenHash: string, t: UserTokenRecord): Promise<void> {
    await this.db.insertInto('user_tokens').values({
      token_hash: tokenHash, purpose: t.purpose, uid: t.uid, email: t.email, role: t.role, created_by: t.createdBy,
      created_at: t.createdAt, expires_at: t.expiresAt, used_at: null,
    }).execute();
  }

  async peekToken(tokenHash: string, purpose: TokenPurpose, now: number): Promise<UserTokenRecord | undefined> {
    const row = await this.db.selectFrom('user_tokens').selectAll().where('token_hash', '=', tokenHash).where('purpose', '=', purpose)
      .where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
    return row && toToken(row);
  }

  async acceptInvitation(tokenHash: string, now: number, user: { name: string; passwordHash: string }): Promise<InvitationOutcome> {
    return this.db.transaction().execute(async (trx): Promise<InvitationOutcome> => {
      const token = await trx.selectFrom('user_tokens').selectAll().where('token_hash', '=', tokenHash).where('purpose', '=', 'invite')
        .where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
      if (!token || token.role === null) return { refused: 'invalid' };
      const taken = await trx.selectFrom('users').select('uid').where('name_key', '=', nameKey(user.name)).executeTakeFirst();
      if (taken) return { refused: 'name-taken' };
      // The guard on used_at makes the claim itself atomic: of two concurrent acceptances one updates a row.
      const claimed = await trx.updateTable('user_tokens').set({ used_at: now }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return { refused: 'invalid' };
      const uid = (await maxId(trx, 'user')) + 1;
      await trx.insertInto('users').values({
        uid, name: user.name.trim(), name_key: nameKey(user.name), email: token.email, password_hash: user.passwordHash,
        role: token.role, failed_logins: 0, locked_until: null, created_at: now, status: 'active',
      }).execute();
      await trx.updateTable('user_tokens').set({ uid }).where('token_hash', '=', tokenHash).execute();
      return { uid };
    });
  }

  async redeemReset(tokenHash: string, now: number, passwordHash: string): Promise<number | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const token = await trx.selectFrom('user_tokens').select('uid').where('token_hash', '=', tokenHash).where('purpose', '=', 'reset')
        .where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
      if (!token || token.uid === null) return undefined;
      const claimed = await trx.updateTable('user_tokens').set({ used_at: now }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return undefined;
      const updated = await trx.updateTable('users').set({ password_hash: passwordHash, failed_logins: 0, locked_until: null })
        .where('uid', '=', token.uid).where('status', '=', 'active').executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return undefined;
      // A new password ends every session, so whoever knew the old one is signed out too.
      await trx.deleteFrom('sessions').where('uid', '=', token.uid).execute();
      return token.uid;
    });
  }

  async revokeResets(uid: number, now: number): Promise<void> {
    await this.db.updateTable('user_tokens').set({ used_at: now }).where('uid', '=', uid).where('purpose', '=', 'reset').where('used_at', 'is', null).execute();
  }

  async listPendingInvitations(now: number): Promise<PendingInvitation[]> {
    const rows = await this.db.selectFrom('user_tokens').select(['email', 'role', 'created_at', 'expires_at']).where('purpose', '=', 'invite')
      .where('used_at', 'is', null).where('expires_at', '>', now).orderBy('created_at').execute();
    return rows.map((r) => ({ email: r.email, role: r.role ?? '', createdAt: Number(r.created_at), expiresAt: Number(r.expires_at) }));
  }
}

import type { UserRecord } from './user-store.ts';

/** Why a one-time link exists. */
export type TokenPurpose = 'invite' | 'reset';

/** A one-time link as stored: only its hash, what it is for, and until when. */
export interface UserTokenRecord {
  readonly purpose: TokenPurpose;
  /** The user a reset is for; null for an invitation (the account is made when it is accepted). */
  readonly uid: number | null;
  readonly email: string | null;
  readonly role: string | null;
  readonly createdBy: number | null;
  readonly createdAt: number;
  readonly expiresAt: number;
}

/** An invitation not yet accepted and not expired, for the people page. */
export interface PendingInvitation {
  readonly email: string | null;
  readonly role: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

/** A live session and its user. */
export interface LiveSession {
  readonly user: UserRecord;
  readonly createdAt: number;
  readonly lastSeenAt: number;
}

/** What accepting an invitation did: the new uid, or why not. */
export type InvitationOutcome = { readonly uid: number } | { readonly refused: 'invalid' | 'name-taken' };

/** The newsroom's people: roles, status, sessions by user, and one-time links (issue 12, point 1). */
export interface PeopleStore {
  findUser(uid: number): Promise<UserRecord | undefined>;
  /** Active users with this e-mail address (compared case-insensitively). */
  findUsersByEmail(email: string): Promise<UserRecord[]>;
  setRole(uid: number, role: string): Promise<void>;
  setStatus(uid: number, status: 'active' | 'disabled'): Promise<void>;
  /** Ends every session of a user; returns how many there were. */
  deleteUserSessions(uid: number): Promise<number>;
  /** The session with this hash if it is neither past its absolute limit (`now`) nor idle since before `idleSince`, and its user is active. */
  findLiveSession(idHash: string, now: number, idleSince: number): Promise<LiveSession | undefined>;
  touchSession(idHash: string, at: number): Promise<void>;
  saveToken(tokenHash: string, token: UserTokenRecord): Promise<void>;
  /** An unused, unexpired link, without using it (to show its form). */
  peekToken(tokenHash: string, purpose: TokenPurpose, now: number): Promise<UserTokenRecord | undefined>;
  /**
   * Uses an invitation and creates its account, in one transaction: the link works once, and a
   * name already taken leaves it unused so the invitee can pick another.
   */
  acceptInvitation(tokenHash: string, now: number, user: { name: string; passwordHash: string }): Promise<InvitationOutcome>;
  /** Uses a reset link: sets the password, clears the lockout, ends the user's sessions. Returns the uid, or undefined for a bad link. */
  redeemReset(tokenHash: string, now: number, passwordHash: string): Promise<number | undefined>;
  /** Makes a user's earlier unused reset links useless (a new one replaces them). */
  revokeResets(uid: number, now: number): Promise<void>;
  listPendingInvitations(now: number): Promise<PendingInvitation[]>;
}

import { createHash, randomBytes } from 'node:crypto';
import { Conflict, Forbidden, Invalid, NotFound } from '../domain/errors.ts';
import { can, isRole, ROLES, type Role } from '../domain/permissions.ts';
import type { PeopleStore, PendingInvitation, TokenPurpose, UserRecord, UserStore } from '../store/types.ts';
import { MIN_PASSWORD_LENGTH } from './auth-service.ts';
import type { AuditEvent } from '../domain/audit.ts';
import type { AuditService } from './audit-service.ts';
import type { Mailer } from './mailer.ts';
import { hashPassword } from './password-hash.ts';

export type { PendingInvitation, UserRecord };

/** An invitation lasts a week: long enough for a new colleague to find the mail, short enough to go stale safely. */
export const INVITATION_SECONDS = 7 * 24 * 3600;
/** A reset link lasts an hour (OWASP Forgot Password Cheat Sheet: short-lived, single use). */
export const RESET_SECONDS = 3600;
/** Random bytes in a one-time link: 256 bits, stored only as a SHA-256 hash. */
const TOKEN_BYTES = 32;

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

/** Who acts: a signed-in user (who needs "manage people"), or the command line (trusted: it has the database). */
export type PeopleActor = { readonly kind: 'user'; readonly user: UserRecord } | { readonly kind: 'cli' };

/** Builds the absolute link for a token (the web layer or the CLI knows the URLs; this service does not). */
export type LinkFor = (token: string) => string;

/** Where a one-time link went: mailed to the person, or (no SMTP, or no address) to the server log and back to the caller. */
export type LinkDelivery = { readonly mailed: true } | { readonly mailed: false; readonly link: string };

/** Writes a line to the server log. */
export type LogLine = (message: string, fields: Readonly<Record<string, unknown>>) => void;

/** The hash under which a one-time link is stored. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new Invalid({ en: `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`, ar: `يجب ألا تقل كلمة المرور عن ${MIN_PASSWORD_LENGTH} محارف.` }, 'password');
  }
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || [...trimmed].length > 60) throw new Invalid({ en: 'The name must be 1 to 60 characters.', ar: 'يجب أن يتألف الاسم من محرف واحد إلى ٦٠ محرفاً.' }, 'name');
  return trimmed;
}

function checkRole(role: string): Role {
  if (!isRole(role)) throw new Invalid({ en: `The role must be one of ${ROLES.join(', ')}.`, ar: `يجب أن يكون الدور أحد: ${ROLES.join('، ')}.` }, 'role');
  return role;
}

/** The newsroom's people: invitations, roles, disabling, and password resets (issue 12, point 1). */
export class PeopleService {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly users: UserStore,
    private readonly people: PeopleStore,
    private readonly mailer: Mailer | null,
    private readonly log: LogLine,
    private readonly audit: AuditService | null = null,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
    /** Told when someone joins, with the name they took. */
    private readonly joined: (name: string) => void = () => {},
  ) {}

  /** Whether links are mailed (SMTP configured) or only logged and shown to the admin. */
  get mails(): boolean {
    return this.mailer !== null;
  }

  /** A user by uid or by name (how the command line names one). */
  async findUser(who: number | string): Promise<UserRecord | undefined> {
    return typeof who === 'number' ? this.people.findUser(who) : this.users.findUserByName(who);
  }

  /** Everyone who can sign in, and the invitations still open. */
  async list(actor: PeopleActor): Promise<{ users: UserRecord[]; invitations: PendingInvitation[] }> {
    this.authorise(actor, 'invite writers');
    return { users: await this.users.listUsers(), invitations: await this.people.listPendingInvitations(this.now()) };
  }

  /** Invites someone by e-mail to join with a role; they choose their name and password at the link. */
  async invite(actor: PeopleActor, input: { email: string; role: string }, linkFor: LinkFor): Promise<LinkDelivery> {
    const inviter = this.authorise(actor, 'invite writers');
    const email = input.email.trim();
    if (!EMAIL.test(email)) throw new Invalid({ en: 'Give an e-mail address, such as name@example.org.', ar: 'أدخل عنوان بريد إلكتروني، مثل name@example.org.' }, 'email');
    const role = checkRole(input.role);
    if (role !== 'writer' && actor.kind === 'user' && !can(actor.user.role, 'manage people')) {
      throw new Forbidden({ en: 'Editors invite writers; only an admin can invite someone with another role.', ar: 'يدعو المحررون كتّاباً فقط؛ لا يدعو بدور آخر إلا المدير.' });
    }
    const token = await this.issue('invite', { uid: null, email, role, createdBy: inviter }, INVITATION_SECONDS);
    const link = linkFor(token);
    // The log names the invitation by its hash's start, never by the address (kept out of the log).
    await this.record(actor, { action: 'user.invite', subject: { type: 'invitation', id: tokenHash(token).slice(0, 12) }, after: role });
    return this.deliver(email, {
      subject: 'Your invitation to the newsroom / دعوة للانضمام إلى غرفة الأخبار',
      text: `You are invited to join the newsroom as ${role}. Choose your name and password here (the link works once, for 7 days):\n\nدُعيت للانضمام إلى غرفة الأخبار. اختر اسمك وكلمة مرورك من هنا (يعمل الرابط مرة واحدة، مدة ٧ أيام):\n\n${link}\n`,
    }, link, { purpose: 'invite', email });
  }

  /** An invitation's details, if its link is still good. */
  async invitation(token: string): Promise<{ email: string | null; role: string } | undefined> {
    const found = await this.people.peekToken(tokenHash(token), 'invite', this.now());
    return found && { email: found.email, role: found.role ?? '' };
  }

  /** Accepts an invitation: the account exists from now on, with the role the inviter chose. */
  async acceptInvitation(token: string, input: { name: string; password: string }): Promise<number> {
    const name = checkName(input.name);
    checkPassword(input.password);
    const outcome = await this.people.acceptInvitation(tokenHash(token), this.now(), { name, passwordHash: await hashPassword(input.password) });
    if ('uid' in outcome) {
      this.joined(name);
      await this.audit?.record({ actor: { uid: outcome.uid, name }, action: 'user.join', subject: { type: 'invitation', id: tokenHash(token).slice(0, 12) }, after: String(outcome.uid) });
      return outcome.uid;
    }
    if (outcome.refused === 'name-taken') throw new Invalid({ en: `The name "${name}" is taken: choose another.`, ar: `الاسم "${name}" مأخوذ: اختر اسماً آخر.` }, 'name');
    throw new NotFound({ en: 'This invitation link is not valid: it was used already or has expired.', ar: 'رابط الدعوة هذا غير صالح: استُخدم من قبل أو انتهت مدته.' });
  }

  /** Changes someone's role. Nobody changes their own, and the last admin stays an admin. */
  async changeRole(actor: PeopleActor, uid: number, role: string): Promise<UserRecord> {
    this.authorise(actor);
    const next = checkRole(role);
    const user = await this.target(actor, uid, { en: 'You cannot change your own role.', ar: 'لا يمكنك تغيير دورك.' });
    if (user.role === 'admin' && next !== 'admin') await this.keepAnAdmin(uid);
    await this.people.setRole(uid, next);
    await this.record(actor, { action: 'user.role', subject: { type: 'user', id: String(uid) }, before: user.role, after: next, note: user.name });
    return { ...user, role: next };
  }

  /** Disables an account and ends all its sessions at once (sessions live in the database, so on every instance). */
  async disable(actor: PeopleActor, uid: number): Promise<{ user: UserRecord; sessionsEnded: number }> {
    this.authorise(actor);
    const user = await this.target(actor, uid, { en: 'You cannot disable your own account.', ar: 'لا يمكنك تعطيل حسابك.' });
    if (user.role === 'admin') await this.keepAnAdmin(uid);
    await this.people.setStatus(uid, 'disabled');
    const sessionsEnded = await this.people.deleteUserSessions(uid);
    await this.people.revokeResets(uid, this.now());
    await this.record(actor, { action: 'user.disable', subject: { type: 'user', id: String(uid) }, before: user.status, after: 'disabled', note: user.name });
    return { user: { ...user, status: 'disabled' }, sessionsEnded };
  }

  /** Lets a disabled account sign in again (with its old password). */
  async enable(actor: PeopleActor, uid: number): Promise<UserRecord> {
    this.authorise(actor);
    const user = await this.target(actor, uid, { en: 'You cannot enable your own account.', ar: 'لا يمكنك تفعيل حسابك.' });
    await this.people.setStatus(uid, 'active');
    await this.record(actor, { action: 'user.enable', subject: { type: 'user', id: String(uid) }, before: user.status, after: 'active', note: user.name });
    return { ...user, status: 'active' };
  }

  /** An admin asks for a reset link for someone: mailed to them, or (no SMTP or no address) shown to the admin. */
  async issueReset(actor: PeopleActor, uid: number, linkFor: LinkFor): Promise<LinkDelivery> {
    const by = this.authorise(actor);
    const user = await this.people.findUser(uid);
    if (!user) throw new NotFound();
    if (user.status !== 'active') throw new Conflict({ en: 'This account is disabled: enable it first.', ar: 'هذا الحساب معطَّل: فعِّله أولاً.' });
    const delivery = await this.sendReset(user, linkFor, by);
    await this.record(actor, { action: 'user.reset', subject: { type: 'user', id: String(uid) }, after: delivery.mailed ? 'mailed' : 'shown', note: user.name });
    return delivery;
  }

  /**
   * Someone forgot their password: a link goes to the account named (by name or e-mail) if it
   * exists, is active and (with SMTP) has an address. The caller answers the same in every case,
   * and the mail is not awaited, so neither the answer nor its timing says whether the account exists.
   */
  async requestReset(nameOrEmail: string, linkFor: LinkFor): Promise<void> {
    const key = nameOrEmail.trim();
    if (key === '' || key.length > 255) return;
    const byName = await this.users.findUserByName(key);
    const found = byName && byName.status === 'active' ? [byName] : key.includes('@') ? await this.people.findUsersByEmail(key) : [];
    for (const user of found) {
      const sending = this.sendReset(user, linkFor, null).then(() => undefined, (err: unknown) => this.log('password reset mail failed', { uid: user.uid, err }));
      this.inFlight.add(sending);
      void sending.finally(() => this.inFlight.delete(sending));
    }
  }

  /** Resolves once every reset requested so far has been mailed or logged (at shutdown, and in tests). */
  async settled(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  /** Whether a reset link is still good (to show its form). */
  async resetIsValid(token: string): Promise<boolean> {
    return (await this.people.peekToken(tokenHash(token), 'reset', this.now())) !== undefined;
  }

  /** Sets a new password through a reset link; every session of that user ends. */
  async resetPassword(token: string, password: string): Promise<number> {
    checkPassword(password);
    const uid = await this.people.redeemReset(tokenHash(token), this.now(), await hashPassword(password));
    if (uid === undefined) throw new NotFound({ en: 'This reset link is not valid: it was used already or has expired. Ask for a new one.', ar: 'رابط إعادة التعيين هذا غير صالح: استُخدم من قبل أو انتهت مدته. اطلب رابطاً جديداً.' });
    return uid;
  }

  private async sendReset(user: UserRecord, linkFor: LinkFor, by: number | null): Promise<LinkDelivery> {
    // One live link per person: asking again makes the earlier ones useless.
    await this.people.revokeResets(user.uid, this.now());
    const token = await this.issue('reset', { uid: user.uid, email: user.email, role: null, createdBy: by }, RESET_SECONDS);
    const link = linkFor(token);
    return this.deliver(user.email, {
      subject: 'Reset your newsroom password / إعادة تعيين كلمة المرور',
      text: `Hello ${user.name},\n\nSet a new password here (the link works once, for one hour):\nاختر كلمة مرور جديدة من هنا (يعمل الرابط مرة واحدة، مدة ساعة):\n\n${link}\n\nIf you did not ask for this, ignore this message.\nإن لم تطلب ذلك فتجاهل هذه الرسالة.\n`,
    }, link, { purpose: 'reset', uid: user.uid });
  }

  private async issue(purpose: TokenPurpose, what: { uid: number | null; email: string | null; role: string | null; createdBy: number | null }, seconds: number): Promise<string> {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    const now = this.now();
    await this.people.saveToken(tokenHash(token), { purpose, ...what, createdAt: now, expiresAt: now + seconds });
    return token;
  }

  private async deliver(to: string | null, message: { subject: string; text: string }, link: string, fields: Record<string, unknown>): Promise<LinkDelivery> {
    if (this.mailer && to) {
      await this.mailer.send({ to, ...message });
      this.log('one-time link mailed', fields);
      return { mailed: true };
    }
    // No SMTP (or no address to send to): the operator's log has the link, and so does the admin who asked.
    this.log(`one-time link (not mailed: ${this.mailer ? 'no e-mail address' : 'FOLIO_SMTP_URL is not set'}): ${link}`, fields);
    return { mailed: false, link };
  }

  private async record(actor: PeopleActor, event: Omit<AuditEvent, 'actor'>): Promise<void> {
    await this.audit?.record({ actor: actor.kind === 'cli' ? 'cli' : { uid: actor.user.uid, name: actor.user.name }, ...event });
  }

  /** Checks the actor may manage people (or do the lesser thing asked); returns their uid (null for the command line). */
  private authorise(actor: PeopleActor, permission: 'manage people' | 'invite writers' = 'manage people'): number | null {
    if (actor.kind === 'cli') return null;
    if (!can(actor.user.role, permission)) throw new Forbidden();
    return actor.user.uid;
  }

  private async target(actor: PeopleActor, uid: number, self: { en: string; ar: string }): Promise<UserRecord> {
    if (actor.kind === 'user' && actor.user.uid === uid) throw new Conflict(self);
    const user = await this.people.findUser(uid);
    if (!user) throw new NotFound({ en: `There is no user ${uid}.`, ar: `لا يوجد مستخدم رقمه ${uid}.` });
    return user;
  }

  private async keepAnAdmin(leaving: number): Promise<void> {
    const admins = (await this.users.listUsers()).filter((u) => u.role === 'admin' && u.status === 'active' && u.uid !== leaving);
    if (admins.length === 0) throw new Conflict({ en: 'This is the last active admin: make someone else admin first.', ar: 'هذا آخر مدير فعّال: اجعل شخصاً آخر مديراً أولاً.' });
  }
}

import type { AuditActor, AuditEntry, AuditEvent, AuditQuery } from '../domain/audit.ts';
import { Forbidden } from '../domain/errors.ts';
import { can } from '../domain/permissions.ts';
import type { AuditStore, UserRecord } from '../store/types.ts';

/** The most entries one page of the log shows. */
export const AUDIT_PAGE_MAX = 200;

/** The actor of an audit event for a signed-in user, or the command line. */
export function auditActor(user: Pick<UserRecord, 'uid' | 'name'> | null): AuditActor {
  return user === null ? 'cli' : { uid: user.uid, name: user.name };
}

/**
 * The audit log (issue 12, point 7). Services record an event after the change it describes has
 * been written, so the log never claims something that did not happen; reading it is for admins.
 */
export class AuditService {
  constructor(
    private readonly store: AuditStore,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Records one event. */
  async record(event: AuditEvent): Promise<AuditEntry> {
    return this.store.record(event, this.now());
  }

  /** A page of the log, newest first; only for people who manage settings (admins). */
  async list(reader: Pick<UserRecord, 'role'> | 'cli', query: AuditQuery): Promise<AuditEntry[]> {
    if (reader !== 'cli' && !can(reader.role, 'manage settings')) throw new Forbidden();
    return this.store.list({ ...query, limit: Math.max(1, Math.min(AUDIT_PAGE_MAX, Math.floor(query.limit))) });
  }
}

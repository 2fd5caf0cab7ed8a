import type { AuditEntry, AuditEvent, AuditQuery } from '../../domain/audit.ts';

/** The audit log (013-audit): written on every editorial and administrative action, read by /admin/log. */
export interface AuditStore {
  /** Appends one event at the given time (milliseconds). */
  record(event: AuditEvent, at: number): Promise<AuditEntry>;
  /** A page of entries, newest first. */
  list(query: AuditQuery): Promise<AuditEntry[]>;
}

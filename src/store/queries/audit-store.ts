import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { AuditAction, AuditEntry, AuditEvent, AuditQuery } from '../../domain/audit.ts';
import type { AuditLogTable, Database } from '../schema.ts';
import type { AuditStore } from '../types.ts';

function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id, at: Number(row.at), actorUid: row.actor_uid, actorName: row.actor_name, action: row.action as AuditAction,
    subjectType: row.subject_type, subjectId: row.subject_id, edition: row.edition,
    before: row.before_ref, after: row.after_ref, note: row.note,
  };
}

/** The audit log in SQL. Appended to, never updated. */
export class KyselyAuditStore implements AuditStore {
  constructor(private readonly db: Kysely<Database>) {}

  async record(event: AuditEvent, at: number): Promise<AuditEntry> {
    const row: Selectable<AuditLogTable> = {
      id: randomUUID(),
      at,
      actor_uid: typeof event.actor === 'object' ? event.actor.uid : null,
      actor_name: typeof event.actor === 'object' ? event.actor.name : event.actor,
      action: event.action,
      subject_type: event.subject.type,
      subject_id: event.subject.id,
      edition: event.edition ?? null,
      before_ref: event.before ?? null,
      after_ref: event.after ?? null,
      note: event.note ?? null,
    };
    await this.db.insertInto('audit_log').values(row).execute();
    return toEntry(row);
  }

  async list(query: AuditQuery): Promise<AuditEntry[]> {
    let q = this.db.selectFrom('audit_log').selectAll();
    if (query.olderThan) {
      const { at, id } = query.olderThan;
      q = q.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
    }
    if (query.actorUid !== undefined && query.actorUid !== null) q = q.where('actor_uid', '=', query.actorUid);
    if (query.actionPrefix) q = q.where('action', 'like', `${query.actionPrefix.replace(/[%_\\]/g, '')}%`);
    if (query.subject) q = q.where('subject_type', '=', query.subject.type).where('subject_id', '=', query.subject.id);
    const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
    return rows.map(toEntry);
  }
}

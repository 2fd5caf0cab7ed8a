import type { FastifyInstance } from 'fastify';
import { isAuditArea, type AuditQuery } from '../../domain/audit.ts';
import type { Edition } from '../../domain/edition.ts';
import { th } from '../../text/history-messages.ts';
import { toAsciiDigits } from '../../text/numerals.ts';
import { siteContextFor } from '../site-context-for.ts';
import { auditLogView, type AuditFilterValues, type AuditLogModel } from '../views/audit-log-view.ts';
import type { WebDeps } from '../web-deps.ts';
import { sendStaffPage } from './send-staff-page.ts';
import { staffWith } from './staff-guard.ts';

type LogQuery = { Querystring: { person?: string; area?: string; node?: string; before?: string } };

/** Entries a page of the log shows: a screenful of a busy morning. */
export const LOG_PAGE_SIZE = 50;

/** The keyset cursor: an entry's time (ms) and id, "older than this one". */
const CURSOR = /^(\d{1,15})~([0-9a-f-]{36})$/;

/** Encodes the cursor that follows an entry. */
function cursorAfter(entry: { at: number; id: string }): string {
  return `${entry.at}~${entry.id}`;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim().slice(0, 100) : '';
}

/**
 * The query a page asks for, or which filter is wrong. Digits typed in Arabic-Indic are read
 * as digits, so an article number copied from an Arabic page works.
 */
function parse(query: LogQuery['Querystring'], filters: AuditFilterValues, knownUids: ReadonlySet<number>):
  { query: AuditQuery } | { error: { field: keyof AuditFilterValues | 'before'; key: 'badPerson' | 'badArea' | 'badNode' | 'badCursor' } } {
  const person = toAsciiDigits(filters.person);
  const node = toAsciiDigits(filters.node);
  if (person !== '' && (!/^\d{1,10}$/.test(person) || !knownUids.has(Number(person)))) return { error: { field: 'person', key: 'badPerson' } };
  if (filters.area !== '' && !isAuditArea(filters.area)) return { error: { field: 'area', key: 'badArea' } };
  if (node !== '' && !/^\d{1,10}$/.test(node)) return { error: { field: 'node', key: 'badNode' } };
  const before = text(query.before);
  const cursor = before === '' ? null : CURSOR.exec(before);
  if (before !== '' && !cursor) return { error: { field: 'before', key: 'badCursor' } };
  return {
    query: {
      // One more than a page: whether it comes back says if there is an older page.
      limit: LOG_PAGE_SIZE + 1,
      olderThan: cursor ? { at: Number(cursor[1]), id: cursor[2]! } : null,
      actorUid: person === '' ? null : Number(person),
      actionPrefix: filters.area === '' ? null : `${filters.area}.`,
      subject: node === '' ? null : { type: 'node', id: String(Number(node)) },
    },
  };
}

/** /admin/log: the audit log (issue 12, point 7), for admins ("manage settings"). */
export function auditLogRoutes(edition: Edition, deps: WebDeps) {
  return async function register(app: FastifyInstance): Promise<void> {
    app.get<LogQuery>('/admin/log', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const me = await staffWith(request, reply, deps, ctx, 'manage settings', request.originalUrl);
      if (!me) return reply;
      const q = request.query;
      const filters: AuditFilterValues = { person: text(q.person), area: text(q.area), node: text(q.node) };
      const { users } = await deps.people.list({ kind: 'user', user: me });
      const people = users.map((u) => ({ uid: u.uid, name: u.name }));
      const parsed = parse(q, filters, new Set(people.map((p) => p.uid)));
      const staff = { name: me.name, csrfToken: reply.generateCsrf() };
      let model: AuditLogModel;
      if ('error' in parsed) {
        model = { staff, filters, people, entries: null, error: { field: parsed.error.field, text: th(edition.lang, parsed.error.key) }, older: null, paged: false };
      } else {
        const found = await deps.audit.list(me, parsed.query);
        const entries = found.slice(0, LOG_PAGE_SIZE);
        const last = entries.at(-1);
        model = { staff, filters, people, entries, error: null, older: found.length > LOG_PAGE_SIZE && last ? cursorAfter(last) : null, paged: parsed.query.olderThan !== null };
      }
      const body = auditLogView(ctx, model);
      return sendStaffPage(request, reply, deps, ctx, { title: th(edition.lang, 'logTitle'), body, status: model.error ? 400 : 200 });
    });
  };
}

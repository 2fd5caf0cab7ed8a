import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Edition } from '../../domain/edition.ts';
import { FolioError } from '../../domain/errors.ts';
import type { UserRecord } from '../../services/auth-service.ts';
import type { RevisionHistory } from '../../services/revision-service.ts';
import { th } from '../../text/history-messages.ts';
import type { ParsedForm } from '../form-parser.ts';
import { siteContextFor } from '../site-context-for.ts';
import type { SiteContext } from '../site-context.ts';
import { revisionsUrl } from '../urls.ts';
import { revisionDiffView } from '../views/revision-diff-view.ts';
import { revisionsView, type RevisionNotice } from '../views/revision-list-view.ts';
import type { WebDeps } from '../web-deps.ts';
import { expiredFormsAsForbidden } from './expired-forms.ts';
import { seeOther, sendStaffPage } from './send-staff-page.ts';
import { staffWith } from './staff-guard.ts';

type NidParams = { Params: { nid: string } };
type ListQuery = NidParams & { Querystring: { restored?: string } };
type DiffQuery = NidParams & { Querystring: { from?: string; to?: string } };

const NID = ':nid(^\\d{1,10}$)';
/** A revision's hash as the list gives it (hex for live revisions; imported ones keep their source's key). */
const HASH = /^[0-9A-Za-z_-]{1,128}$/;

/**
 * An article's revisions (issue 12, point 4): the list, the word diff of two, and restore. Only
 * live editions take a restore; an archive's revisions are there to read and compare.
 */
export function revisionRoutes(edition: Edition, deps: WebDeps) {
  async function listPage(
    request: FastifyRequest, reply: FastifyReply, ctx: SiteContext, me: UserRecord, nid: number, notice: RevisionNotice | null, status = 200, read?: RevisionHistory,
  ) {
    const history = read ?? await deps.revisions.history(me, edition, nid);
    const body = revisionsView(ctx, { history, staff: { name: me.name, csrfToken: reply.generateCsrf() }, notice });
    return sendStaffPage(request, reply, deps, ctx, { title: th(edition.lang, 'revisionsTitle', { title: history.node.title }), body, status });
  }

  return async function register(app: FastifyInstance): Promise<void> {
    expiredFormsAsForbidden(app);

    app.get<ListQuery>(`/admin/content/${NID}/revisions`, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const me = await staffWith(request, reply, deps, ctx, 'write drafts', request.originalUrl);
      if (!me) return reply;
      const nid = Number(request.params.nid);
      // The notice after a restore names the revision copied; its time is read from the list, never from the query.
      const restored = typeof request.query.restored === 'string' && HASH.test(request.query.restored) ? request.query.restored : null;
      const history = await deps.revisions.history(me, edition, nid);
      const copy = restored === null ? undefined : history.revisions.find((r) => r.contentHash === restored);
      return listPage(request, reply, ctx, me, nid, copy ? { kind: 'restored', at: copy.revisedAt } : null, 200, history);
    });

    app.get<DiffQuery>(`/admin/content/${NID}/revisions/diff`, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const me = await staffWith(request, reply, deps, ctx, 'write drafts', request.originalUrl);
      if (!me) return reply;
      const nid = Number(request.params.nid);
      const { from, to } = request.query;
      let pick: { from: string; to: string } | null = typeof from === 'string' && typeof to === 'string' && HASH.test(from) && HASH.test(to) && from !== to ? { from, to } : null;
      if (pick === null && from === undefined && to === undefined) {
        // No choice made (a bare link): the newest change; with a single revision, the list says there is none yet.
        const history = await deps.revisions.history(me, edition, nid);
        const [newest, previous] = history.revisions;
        if (!newest || !previous) return listPage(request, reply, ctx, me, nid, null, 200, history);
        pick = { from: previous.contentHash, to: newest.contentHash };
      }
      if (pick === null) return listPage(request, reply, ctx, me, nid, { kind: 'error', text: th(edition.lang, 'chooseTwo') }, 400);
      const comparison = await deps.revisions.compare(me, edition, nid, pick.from, pick.to);
      const body = revisionDiffView(ctx, { comparison, staff: { name: me.name, csrfToken: reply.generateCsrf() }, backTo: revisionsUrl(ctx, nid) });
      return sendStaffPage(request, reply, deps, ctx, { title: th(edition.lang, 'diffTitle', { title: comparison.node.title }), body });
    });

    if (edition.mode === 'archive') return;

    app.post<NidParams>(`/admin/content/${NID}/revisions/restore`, { preValidation: app.csrfProtection }, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const nid = Number(request.params.nid);
      const me = await staffWith(request, reply, deps, ctx, 'write drafts', revisionsUrl(ctx, nid));
      if (!me) return reply;
      const revision = ((request.body ?? {}) as ParsedForm).revision ?? '';
      try {
        const done = await deps.revisions.restore(me, edition, nid, revision);
        return seeOther(reply, `${revisionsUrl(ctx, nid)}?restored=${encodeURIComponent(done.restoredFrom)}`);
      } catch (err) {
        // A refusal the person can act on comes back on the list; a permission refusal is the 403 page.
        if (err instanceof FolioError && ['INVALID', 'CONFLICT'].includes(err.code)) {
          return listPage(request, reply, ctx, me, nid, { kind: 'error', text: err.messageIn(edition.lang) }, err.status);
        }
        throw err;
      }
    });
  };
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CommentStatusName, ModerationAction } from '../../domain/comment.ts';
import type { Edition } from '../../domain/edition.ts';
import { Forbidden, Invalid } from '../../domain/errors.ts';
import { parsePageParam } from '../../domain/pagination.ts';
import { can } from '../../domain/permissions.ts';
import { QUEUE_PAGE_SIZE, type Moderator } from '../../services/moderation-service.ts';
import { t } from '../../text/messages.ts';
import { localizeDigits } from '../../text/numerals.ts';
import { currentUser } from '../session.ts';
import { siteContextFor } from '../site-context-for.ts';
import type { SiteContext } from '../site-context.ts';
import { moderationHistoryView } from '../views/moderation-history-view.ts';
import { moderationQueueView, QUEUE_TITLES, type QueueNotice } from '../views/moderation-queue-view.ts';
import { loginUrl, queuePath, queueUrl } from '../urls.ts';
import type { WebDeps } from '../web-deps.ts';
import { MODERATION_BODY, type ModerationBody } from '../form-schemas.ts';
import { expiredFormsAsForbidden } from './expired-forms.ts';
import { seeOther, sendStaffPage } from './send-staff-page.ts';

type QueueQuery = { Querystring: { page?: string; done?: string; changed?: string; error?: string } };

const QUEUES: readonly CommentStatusName[] = ['published', 'pending', 'spam'];
const ACTIONS: readonly ModerationAction[] = ['approve', 'unpublish', 'spam', 'delete'];
/** Drupal 7's checkbox names, `comments[<cid>]`: our form parser keeps one value per name. */
const CHECKBOX = /^comments\[(\d{1,10})\]$/;
const CID_LIST = /^\d{1,10}(?:,\d{1,10})*$/;

function isAction(value: unknown): value is ModerationAction {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}

/** The notice a 303 carries back: what the last decision changed, or that nothing was selected. */
function noticeFrom(query: QueueQuery['Querystring']): QueueNotice | null {
  if (query.error === 'select') return { kind: 'noSelection' };
  if (!isAction(query.done)) return null;
  const changed = typeof query.changed === 'string' && CID_LIST.test(query.changed) ? query.changed.split(',').map(Number) : [];
  return { kind: 'done', action: query.done, cids: changed };
}

/** The moderation queues at Drupal 7's /admin/content/comment paths, and each comment's record. */
export function moderationRoutes(edition: Edition, deps: WebDeps) {
  /**
   * The signed-in moderator, or null once a 303 to the sign-in page is on its way. Signed in
   * without the permission is a 403: the permission table decides, not this route.
   */
  async function moderatorOf(request: FastifyRequest, reply: FastifyReply, ctx: SiteContext, comeBackTo: string) {
    const user = await currentUser(request, deps);
    if (!user) {
      seeOther(reply, loginUrl(ctx, comeBackTo));
      return null;
    }
    if (!can(user.role, 'moderate comments')) throw new Forbidden();
    const moderator: Moderator = { kind: 'user', user };
    return { moderator, name: user.name, showEmail: can(user.role, 'see commenter e-mail') };
  }

  return async function register(app: FastifyInstance): Promise<void> {
    expiredFormsAsForbidden(app);

    for (const status of QUEUES) {
      app.get<QueueQuery>(queuePath(status), async (request, reply) => {
        const ctx = siteContextFor(request, edition, deps);
        const who = await moderatorOf(request, reply, ctx, request.originalUrl);
        if (!who) return reply;
        const page = parsePageParam(request.query.page);
        const { items, total } = await deps.moderation.list(who.moderator, { status, edition: edition.code, page, limit: QUEUE_PAGE_SIZE });
        const body = moderationQueueView(ctx, {
          status, items, page, pageSize: QUEUE_PAGE_SIZE, total, csrfToken: reply.generateCsrf(),
          moderatorName: who.name, showEmail: who.showEmail, notice: noticeFrom(request.query),
        });
        return sendStaffPage(request, reply, deps, ctx, { title: t(edition.lang, QUEUE_TITLES[status]), body });
      });

      app.post<{ Body: ModerationBody }>(queuePath(status), { config: { acceptsWrites: true }, preValidation: app.csrfProtection, schema: { body: MODERATION_BODY }, attachValidation: true }, async (request, reply) => {
        const ctx = siteContextFor(request, edition, deps);
        const self = queueUrl(ctx, status);
        const who = await moderatorOf(request, reply, ctx, self);
        if (!who) return reply;
        const body = request.body;
        // A body outside the schema (no action, or one the queue does not offer) gets the error page, in the moderator's language.
        if (request.validationError || !isAction(body.op)) throw new Invalid({ en: 'Choose approve, unpublish, spam or delete.', ar: 'اختر الاعتماد أو إلغاء النشر أو الوسم كرسالة مزعجة أو الحذف.' }, 'op');
        const page = parsePageParam(body.page);
        const back = page > 0 ? `${self}?page=${page}&` : `${self}?`;
        const cids = Object.keys(body).flatMap((key) => {
          const match = CHECKBOX.exec(key);
          return match ? [Number(match[1])] : [];
        });
        if (cids.length === 0) return seeOther(reply, `${back}error=select`);
        const changed = await deps.moderation.act(who.moderator, body.op, cids);
        // In id order: the store returns them in whatever order its database found them.
        return seeOther(reply, `${back}done=${body.op}&changed=${[...changed].sort((a, b) => a - b).join(',')}`);
      });
    }

    app.get<{ Params: { cid: string } }>('/admin/content/comment/:cid(^\\d{1,10}$)/history', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const who = await moderatorOf(request, reply, ctx, request.originalUrl);
      if (!who) return reply;
      const cid = Number(request.params.cid);
      const records = await deps.moderation.history(who.moderator, cid);
      const body = moderationHistoryView(ctx, { cid, records, moderatorName: who.name, csrfToken: reply.generateCsrf() });
      return sendStaffPage(request, reply, deps, ctx, { title: t(edition.lang, 'historyTitle', { cid: localizeDigits(String(cid), edition.lang, edition.digits) }), body });
    });
  };
}

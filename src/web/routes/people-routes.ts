import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Edition } from '../../domain/edition.ts';
import { FolioError } from '../../domain/errors.ts';
import type { LinkDelivery, UserRecord } from '../../services/people-service.ts';
import { localizeDigits } from '../../text/numerals.ts';
import { tp } from '../../text/people-messages.ts';
import type { ParsedForm } from '../form-parser.ts';
import { siteContextFor } from '../site-context-for.ts';
import type { SiteContext } from '../site-context.ts';
import { peopleView, roleLabel, type PeopleNotice } from '../views/people-view.ts';
import { absoluteUrl, invitationUrl, peopleUrl, resetUrl } from '../urls.ts';
import type { WebDeps } from '../web-deps.ts';
import { expiredFormsAsForbidden } from './expired-forms.ts';
import { seeOther, sendStaffPage } from './send-staff-page.ts';
import { staffWith } from './staff-guard.ts';

type PeopleQuery = { Querystring: { done?: string; uid?: string; ended?: string } };
type PersonParams = { Params: { uid: string } };

/** The person-level actions, each a POST to /admin/people/<uid>/<action>. */
const UID = ':uid(^\\d{1,10}$)';
const DONE = new Set(['role', 'disabled', 'enabled']);

/**
 * /admin/people: list, invite, change role, disable and enable, reset links (issue 12, point 1).
 * Admins do all of it; editors see the list and invite writers.
 */
export function peopleRoutes(edition: Edition, deps: WebDeps) {
  async function page(
    request: FastifyRequest, reply: FastifyReply, ctx: SiteContext, me: UserRecord,
    extra: { notice: PeopleNotice | null; status?: number; invite?: { email: string; role: string } },
  ) {
    const { users, invitations } = await deps.people.list({ kind: 'user', user: me });
    const body = peopleView(ctx, {
      me, users, invitations, csrfToken: reply.generateCsrf(), notice: extra.notice, inviteValues: extra.invite ?? { email: '', role: 'writer' },
    });
    return sendStaffPage(request, reply, deps, ctx, { title: tp(edition.lang, 'peopleTitle'), body, status: extra.status ?? 200 });
  }

  /** The notice a 303 carries back (names are looked up again, never taken from the query). */
  async function noticeFrom(query: PeopleQuery['Querystring'], me: UserRecord): Promise<PeopleNotice | null> {
    if (typeof query.done !== 'string' || !DONE.has(query.done) || !/^\d{1,10}$/.test(query.uid ?? '')) return null;
    const { users } = await deps.people.list({ kind: 'user', user: me });
    const user = users.find((u) => u.uid === Number(query.uid));
    if (!user) return null;
    const lang = edition.lang;
    if (query.done === 'role') return { kind: 'done', text: tp(lang, 'doneRole', { name: user.name, role: roleLabel(lang, user.role) }) };
    if (query.done === 'enabled') return { kind: 'done', text: tp(lang, 'doneEnabled', { name: user.name }) };
    const ended = /^\d{1,6}$/.test(query.ended ?? '') ? query.ended! : '0';
    return { kind: 'done', text: tp(lang, 'doneDisabled', { name: user.name, count: localizeDigits(ended, lang, edition.digits) }) };
  }

  function linkNotice(delivery: LinkDelivery, mailedText: string): PeopleNotice {
    if (delivery.mailed) return { kind: 'done', text: mailedText };
    return { kind: 'link', why: deps.people.mails ? 'whyNoAddress' : 'whyNoSmtp', link: delivery.link };
  }

  /** A refusal the admin can act on (bad address, last admin, own account) comes back on the page; anything else goes to the error page. */
  async function orRefusal(request: FastifyRequest, reply: FastifyReply, ctx: SiteContext, me: UserRecord, work: () => Promise<FastifyReply>, invite?: { email: string; role: string }) {
    try {
      return await work();
    } catch (err) {
      if (err instanceof FolioError && ['INVALID', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN'].includes(err.code)) {
        return page(request, reply, ctx, me, { notice: { kind: 'error', text: err.messageIn(edition.lang) }, status: err.status, ...(invite ? { invite } : {}) });
      }
      throw err;
    }
  }

  return async function register(app: FastifyInstance): Promise<void> {
    expiredFormsAsForbidden(app);
    const writes = { config: { acceptsWrites: true }, preValidation: app.csrfProtection };

    app.get<PeopleQuery>('/admin/people', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const me = await staffWith(request, reply, deps, ctx, 'invite writers', request.originalUrl);
      if (!me) return reply;
      return page(request, reply, ctx, me, { notice: await noticeFrom(request.query, me) });
    });

    app.post('/admin/people/invite', writes, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const me = await staffWith(request, reply, deps, ctx, 'invite writers', peopleUrl(ctx));
      if (!me) return reply;
      const body = (request.body ?? {}) as ParsedForm;
      const values = { email: (body.email ?? '').trim(), role: body.role ?? '' };
      return orRefusal(request, reply, ctx, me, async () => {
        const delivery = await deps.people.invite({ kind: 'user', user: me }, values, (token) => absoluteUrl(ctx, invitationUrl(ctx, token)));
        // Answered with the page itself, not a 303: a link to hand over must not travel in a URL.
        return page(request, reply, ctx, me, { notice: linkNotice(delivery, tp(edition.lang, 'doneInviteMailed', { email: values.email })) });
      }, values);
    });

    /** A change to one person: the admin's check, then the work, with a refusal shown on the people page. */
    type PersonWork = (request: FastifyRequest<PersonParams>, reply: FastifyReply, ctx: SiteContext, me: UserRecord, uid: number) => Promise<FastifyReply>;
    const personAction = (action: 'role' | 'disable' | 'enable' | 'reset', work: PersonWork) =>
      app.post<PersonParams>(`/admin/people/${UID}/${action}`, writes, async (request, reply) => {
        const ctx = siteContextFor(request, edition, deps);
        const me = await staffWith(request, reply, deps, ctx, 'manage people', peopleUrl(ctx));
        if (!me) return reply;
        const uid = Number(request.params.uid);
        return orRefusal(request, reply, ctx, me, () => work(request, reply, ctx, me, uid));
      });

    personAction('role', async (request, reply, ctx, me, uid) => {
      await deps.people.changeRole({ kind: 'user', user: me }, uid, ((request.body ?? {}) as ParsedForm).role ?? '');
      return seeOther(reply, `${peopleUrl(ctx)}?done=role&uid=${uid}`);
    });
    personAction('disable', async (_request, reply, ctx, me, uid) => {
      const { sessionsEnded } = await deps.people.disable({ kind: 'user', user: me }, uid);
      return seeOther(reply, `${peopleUrl(ctx)}?done=disabled&uid=${uid}&ended=${sessionsEnded}`);
    });
    personAction('enable', async (_request, reply, ctx, me, uid) => {
      await deps.people.enable({ kind: 'user', user: me }, uid);
      return seeOther(reply, `${peopleUrl(ctx)}?done=enabled&uid=${uid}`);
    });
    personAction('reset', async (request, reply, ctx, me, uid) => {
      const delivery = await deps.people.issueReset({ kind: 'user', user: me }, uid, (token) => absoluteUrl(ctx, resetUrl(ctx, token)));
      // One user read for the name, not the whole list with its invitations.
      const name = (await deps.people.findUser(uid))?.name ?? String(uid);
      return page(request, reply, ctx, me, { notice: linkNotice(delivery, tp(edition.lang, 'doneResetMailed', { name })) });
    });
  };
}

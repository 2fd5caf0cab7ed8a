import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ArticleRejected, type FieldErrors } from '../../domain/article-form.ts';
import type { Edition } from '../../domain/edition.ts';
import type { Editor } from '../../services/article-editing-service.ts';
import { tn } from '../../text/newsroom-messages.ts';
import type { ParsedForm } from '../form-parser.ts';
import { siteContextFor } from '../site-context-for.ts';
import type { SiteContext } from '../site-context.ts';
import { frontAdminUrl } from '../urls.ts';
import type { DeskNotice } from '../views/content-list-view.ts';
import { frontView } from '../views/front-view.ts';
import type { WebDeps } from '../web-deps.ts';
import { expiredFormsAsForbidden } from './expired-forms.ts';
import { seeOther, sendStaffPage } from './send-staff-page.ts';
import { staffWith } from './staff-guard.ts';

/** The section order typed: each position-<tid> field with a number, sorted by it (ties by tid); blanks are left off. */
function orderFrom(body: ParsedForm, tids: readonly number[]): { order: number[]; typed: Map<number, string>; bad: boolean } {
  const typed = new Map<number, string>();
  const numbered: [number, number][] = [];
  let bad = false;
  for (const tid of tids) {
    const raw = (body[`position-${tid}`] ?? '').trim();
    typed.set(tid, raw);
    if (raw === '') continue;
    if (!/^\d{1,2}$/.test(raw)) bad = true;
    else numbered.push([Number(raw), tid]);
  }
  numbered.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { order: numbered.map(([, tid]) => tid), typed, bad };
}

/** /admin/front: the live edition's lead story and section order (issue 12, point 6). Editors and admins. */
export function frontRoutes(edition: Edition, deps: WebDeps) {
  const lang = edition.lang;

  async function page(request: FastifyRequest, reply: FastifyReply, ctx: SiteContext, me: Editor, form: { lead: string; positions: Map<number, string>; errors: FieldErrors; notice: DeskNotice | null; status?: number }) {
    const candidates = await deps.newsroom.list(me, edition, { status: 'published', section: null, author: null, olderThan: null });
    const body = frontView(ctx, {
      me, csrfToken: reply.generateCsrf(), candidates, sections: await deps.newsroom.sections(edition), lead: form.lead, positions: form.positions,
      errors: form.errors, notice: form.notice,
    });
    return sendStaffPage(request, reply, deps, ctx, { title: tn(lang, 'frontTitle'), body, status: form.status ?? 200 });
  }

  return async function register(app: FastifyInstance): Promise<void> {
    if (edition.mode === 'archive') return;
    expiredFormsAsForbidden(app);

    app.get<{ Querystring: { done?: string } }>('/admin/front', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const me = await staffWith(request, reply, deps, ctx, 'arrange front page', request.originalUrl);
      if (!me) return reply;
      const front = await deps.newsroom.front(edition);
      const positions = new Map(front.sections.map((tid, i) => [tid, String(i + 1)]));
      return page(request, reply, ctx, me, {
        lead: front.lead === null ? '' : String(front.lead), positions, errors: {},
        notice: request.query.done === 'saved' ? { kind: 'done', text: tn(lang, 'frontSaved') } : null,
      });
    });

    app.post('/admin/front', { config: { acceptsWrites: true }, preValidation: app.csrfProtection }, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const me = await staffWith(request, reply, deps, ctx, 'arrange front page', frontAdminUrl(ctx));
      if (!me) return reply;
      const body = (request.body ?? {}) as ParsedForm;
      const lead = (body.lead ?? '').trim();
      const { order, typed, bad } = orderFrom(body, (await deps.newsroom.sections(edition)).map((s) => s.tid));
      try {
        if (bad) throw new ArticleRejected({ sections: { en: 'Positions are whole numbers from 1 to 99.', ar: 'الترتيب أعداد صحيحة من ١ إلى ٩٩.' } });
        if (lead !== '' && !/^\d{1,10}$/.test(lead)) throw new ArticleRejected({ lead: { en: 'Choose the lead story from the list.', ar: 'اختر الخبر الرئيسي من القائمة.' } });
        await deps.newsroom.arrangeFront(me, edition, { lead: lead === '' ? null : Number(lead), sections: order });
      } catch (err) {
        if (!(err instanceof ArticleRejected)) throw err;
        return page(request, reply, ctx, me, { lead, positions: typed, errors: err.fields, notice: null, status: 400 });
      }
      return seeOther(reply, `${frontAdminUrl(ctx)}?done=saved`);
    });
  };
}

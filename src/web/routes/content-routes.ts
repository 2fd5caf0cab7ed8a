import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ArticleRejected, commentFormValue, type ArticleFormValues, type FieldErrors } from '../../domain/article-form.ts';
import type { Edition } from '../../domain/edition.ts';
import { FolioError } from '../../domain/errors.ts';
import { nodeStatusName, type NodeStatusName } from '../../domain/node-status.ts';
import type { DeskFilters, Editor, SaveIntent } from '../../services/article-editing-service.ts';
import type { DeskArticle } from '../../services/article-editing-service.ts';
import { tn, type NewsroomMessageKey } from '../../text/newsroom-messages.ts';
import { toWallClock } from '../../text/wall-clock.ts';
import type { ParsedForm } from '../form-parser.ts';
import { siteContextFor } from '../site-context-for.ts';
import type { SiteContext } from '../site-context.ts';
import { contentListUrl, editArticleUrl, newArticleUrl } from '../urls.ts';
import { articleFormView } from '../views/article-form-view.ts';
import { archiveContentView, contentListView, STATUS_FILTERS, type DeskNotice } from '../views/content-list-view.ts';
import type { WebDeps } from '../web-deps.ts';
import { mediaPhoto } from '../../domain/media.ts';
import { MEDIA_BASE } from '../../services/media-service.ts';
import { sendPreview } from './article-preview.ts';
import { seeOther, sendStaffPage } from './send-staff-page.ts';
import { expiredFormsAsForbidden } from './expired-forms.ts';
import { staffWith } from './staff-guard.ts';

type ListQuery = { Querystring: { status?: string; section?: string; author?: string; before?: string; done?: string; count?: string } };
type NidParams = { Params: { nid: string }; Querystring: { done?: string } };

const NID = ':nid(^\\d{1,10}$)';
/** The header the editor's script sends with an autosave (the contract in the README's Newsroom section). */
export const AUTOSAVE_HEADER = 'x-folio-autosave';

/** The notices a 303 may carry back, by the name in its query. */
const DONE: Readonly<Record<string, NewsroomMessageKey>> = {
  saved: 'doneSaved', published: 'donePublished', scheduled: 'doneScheduled', unpublished: 'doneUnpublished', trashed: 'doneTrashed', restored: 'doneRestored',
};
const DONE_BY_STATUS: Readonly<Record<NodeStatusName, string>> = { draft: 'saved', unpublished: 'saved', published: 'published', scheduled: 'scheduled' };


/** How many of the library's newest photos the article form offers as its lead photo. */
const PICKER_PHOTOS = 12;

function isAutosave(request: FastifyRequest): boolean {
  return request.headers[AUTOSAVE_HEADER] === '1';
}

/** The form's fields as typed. A checkbox left unticked is absent from the post, so it reads as false. */
export function formValues(body: ParsedForm): ArticleFormValues {
  const s = (k: string) => (typeof body[k] === 'string' ? body[k] : '');
  return {
    title: s('title'), slug: s('slug'), summary: s('summary'), body: s('body'), section: s('section'), tags: s('tags'), authors: s('authors'),
    credit: s('credit'), photoSrc: s('photoSrc'), photoCaption: s('photoCaption'), photoCredit: s('photoCredit'),
    promoted: s('promoted') === '1', sticky: s('sticky') === '1', comments: s('comments'), translationOf: s('translationOf'), publishAt: s('publishAt'),
  };
}

function intentOf(body: ParsedForm): SaveIntent {
  return body.op === 'publish' || body.op === 'schedule' ? body.op : 'save';
}

/** A saved article's fields as the form shows them. */
function storedValues(edition: Edition, a: DeskArticle, sectionSlug: string): ArticleFormValues {
  return {
    title: a.title, slug: a.path?.replace(/^content\//, '') ?? '', summary: a.summary ?? '', body: a.bodyHtml, section: sectionSlug,
    tags: a.tags.join(', '), authors: a.authors.join(', '), credit: a.credit ?? '', photoSrc: a.photo?.src ?? '', photoCaption: a.photo?.caption ?? '',
    photoCredit: a.photo?.credit ?? '', promoted: a.promoted, sticky: a.sticky, comments: commentFormValue(a.commentPolicy),
    translationOf: a.translationOf === null ? '' : String(a.translationOf),
    publishAt: nodeStatusName(a.status) === 'scheduled' ? toWallClock(new Date(a.publishedAt * 1000), edition.timeZone) : '',
  };
}

/** /admin/content: the newsroom's articles (issue 12, point 2). Archives get one page that says they are read-only. */
export function contentRoutes(edition: Edition, deps: WebDeps) {
  const lang = edition.lang;

  async function formPage(
    request: FastifyRequest, reply: FastifyReply, ctx: SiteContext, me: Editor,
    form: { nid: number | null; article: DeskArticle | null; values: ArticleFormValues; errors: FieldErrors; notice: DeskNotice | null; status?: number },
  ) {
    const sections = await deps.newsroom.sections(edition);
    const a = form.article;
    // The library's newest photos to pick from, and the one the form holds now (its path matches).
    const { items } = await deps.media.list(me, { edition: edition.code, limit: PICKER_PHOTOS });
    const chosen = items.find((item) => mediaPhoto(item, MEDIA_BASE).src === form.values.photoSrc);
    const body = articleFormView(ctx, {
      me, csrfToken: reply.generateCsrf(), nid: form.nid, status: a ? nodeStatusName(a.status) : null, trashed: a?.trashedAt != null,
      publishedAt: a?.publishedAt ?? null, values: form.values, errors: form.errors, sections, notice: form.notice,
      media: { name: 'photoMedia', items, selected: chosen?.id ?? null },
    });
    const title = form.nid === null ? tn(lang, 'newTitle') : tn(lang, 'editTitle', { title: form.values.title });
    return sendStaffPage(request, reply, deps, ctx, { title, body, status: form.status ?? 200 });
  }

  /** A save: 303 to the edit page on success; the form again with every field's error (400) when refused; JSON for an autosave. */
  async function save(request: FastifyRequest, reply: FastifyReply, ctx: SiteContext, me: Editor, nid: number | null, current: DeskArticle | null) {
    const body = (request.body ?? {}) as ParsedForm;
    const typed = formValues(body);
    try {
      const values = await withPickedPhoto(typed, body.photoMedia);
      if (isAutosave(request)) {
        const saved = nid === null ? await deps.newsroom.create(me, edition, values, 'save') : await deps.newsroom.autosave(me, edition, nid, values);
        return reply.header('cache-control', 'no-store').send({ saved: true, revision: saved.revision, savedAt: saved.savedAt, nid: saved.nid, action: editArticleUrl(ctx, saved.nid) });
      }
      const intent = intentOf(body);
      const saved = nid === null ? await deps.newsroom.create(me, edition, values, intent) : await deps.newsroom.save(me, edition, nid, values, intent);
      return seeOther(reply, `${editArticleUrl(ctx, saved.nid)}?done=${DONE_BY_STATUS[saved.status]}`);
    } catch (err) {
      if (!(err instanceof ArticleRejected) || isAutosave(request)) throw err;
      return formPage(request, reply, ctx, me, { nid, article: current, values: typed, errors: err.fields, notice: null, status: 400 });
    }
  }

  /** A photo picked from the library fills the path, and the caption and credit left empty. */
  async function withPickedPhoto(values: ArticleFormValues, picked: unknown): Promise<ArticleFormValues> {
    if (typeof picked !== 'string' || picked === '') return values;
    const photo = await deps.media.photoFor(picked);
    return { ...values, photoSrc: photo.src, photoCaption: values.photoCaption.trim() || (photo.caption ?? ''), photoCredit: values.photoCredit.trim() || (photo.credit ?? '') };
  }

  function noticeFrom(done: string | undefined, count?: string): DeskNotice | null {
    if (done === 'emptied') return { kind: 'done', text: tn(lang, 'doneEmptied', { count: /^\d{1,6}$/.test(count ?? '') ? count! : '0' }) };
    const key = done === undefined ? undefined : DONE[done];
    return key ? { kind: 'done', text: tn(lang, key) } : null;
  }

  return async function register(app: FastifyInstance): Promise<void> {
    // An autosave is answered in JSON, whatever went wrong, so the editor's script can say what.
    expiredFormsAsForbidden(app, {
      answer: (error, request, reply) => {
        if (!isAutosave(request) || !(error instanceof FolioError)) return null;
        const fields = error instanceof ArticleRejected ? Object.fromEntries(Object.entries(error.fields).map(([k, m]) => [k, m[lang]])) : {};
        return reply.code(error.status).header('cache-control', 'no-store').send({ saved: false, message: error.messageIn(lang), errors: fields });
      },
    });
    const writes = { config: { acceptsWrites: true }, preValidation: app.csrfProtection };

    if (edition.mode === 'archive') {
      app.get('/admin/content', async (request, reply) => {
        const ctx = siteContextFor(request, edition, deps);
        const me = await staffWith(request, reply, deps, ctx, 'write drafts', request.originalUrl);
        if (!me) return reply;
        const live = deps.editions.all.find((e) => e.mode === 'live') ?? null;
        return sendStaffPage(request, reply, deps, ctx, { title: tn(lang, 'contentTitle'), body: archiveContentView(ctx, me, reply.generateCsrf(), live && { url: contentListUrl({ ...ctx, prefix: live.pathPrefix }) }) });
      });
      return;
    }

    app.get<ListQuery>('/admin/content', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const me = await staffWith(request, reply, deps, ctx, 'write drafts', request.originalUrl);
      if (!me) return reply;
      const q = request.query;
      const status = (STATUS_FILTERS as readonly string[]).includes(q.status ?? '') ? q.status as DeskFilters['status'] : null;
      const section = /^\d{1,10}$/.test(q.section ?? '') ? Number(q.section) : null;
      const authorName = (q.author ?? '').trim().slice(0, 120);
      const cursor = /^(\d{1,12})\.(\d{1,10})$/.exec(q.before ?? '');
      const author = authorName === '' ? null : await deps.newsroom.authorId(edition, authorName);
      const items = author === undefined ? [] : await deps.newsroom.list(me, edition, {
        status, section, author, olderThan: cursor ? { updatedAt: Number(cursor[1]), nid: Number(cursor[2]) } : null,
      });
      const last = items.at(-1);
      const params = new URLSearchParams({ ...(status ? { status } : {}), ...(section !== null ? { section: String(section) } : {}), ...(authorName ? { author: authorName } : {}) });
      if (last && items.length >= deps.newsroom.pageSize) params.set('before', `${last.updatedAt}.${last.nid}`);
      const body = contentListView(ctx, {
        me, csrfToken: reply.generateCsrf(), items, sections: await deps.newsroom.sections(edition),
        filters: { status: status ?? '', section: section === null ? '' : String(section), author: authorName },
        olderUrl: params.has('before') ? `${contentListUrl(ctx)}?${params.toString()}` : null, notice: noticeFrom(q.done, q.count),
      });
      return sendStaffPage(request, reply, deps, ctx, { title: tn(lang, 'contentTitle'), body });
    });

    app.get<{ Querystring: { kind?: string; q?: string } }>('/admin/content/suggest', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const me = await staffWith(request, reply, deps, ctx, 'write drafts', contentListUrl(ctx));
      if (!me) return reply;
      const kind = request.query.kind === 'author' ? 'author' : 'tag';
      const names = await deps.newsroom.suggest(me, edition, kind, typeof request.query.q === 'string' ? request.query.q : '');
      return reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex, nofollow').send({ names });
    });

    app.get('/admin/content/new', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const me = await staffWith(request, reply, deps, ctx, 'write drafts', request.originalUrl);
      if (!me) return reply;
      const values = formValues({} as ParsedForm);
      return formPage(request, reply, ctx, me, { nid: null, article: null, values: { ...values, promoted: deps.newsroom.promoteByDefault }, errors: {}, notice: null });
    });

    app.post('/admin/content/new', writes, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const me = await staffWith(request, reply, deps, ctx, 'write drafts', newArticleUrl(ctx));
      if (!me) return reply;
      return save(request, reply, ctx, me, null, null);
    });

    app.get<NidParams>(`/admin/content/${NID}/edit`, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const me = await staffWith(request, reply, deps, ctx, 'write drafts', request.originalUrl);
      if (!me) return reply;
      const article = await deps.newsroom.article(me, edition, Number(request.params.nid));
      const sections = await deps.newsroom.sections(edition);
      const slug = sections.find((s) => s.tid === article.sectionTid)?.slug ?? '';
      return formPage(request, reply, ctx, me, { nid: article.nid, article, values: storedValues(edition, article, slug), errors: {}, notice: noticeFrom(request.query.done) });
    });

    app.post<NidParams>(`/admin/content/${NID}/edit`, writes, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const nid = Number(request.params.nid);
      const me = await staffWith(request, reply, deps, ctx, 'write drafts', editArticleUrl(ctx, nid));
      if (!me) return reply;
      const current = await deps.newsroom.article(me, edition, nid);
      return save(request, reply, ctx, me, nid, current);
    });

    app.get<NidParams>(`/admin/content/${NID}/preview`, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const me = await staffWith(request, reply, deps, ctx, 'write drafts', request.originalUrl);
      if (!me) return reply;
      return sendPreview(request, reply, deps, ctx, await deps.newsroom.preview(me, edition, Number(request.params.nid)));
    });

    /** The one-button actions on an article: each a POST that answers a 303 back to the edit page (or the list). */
    const action = (name: 'unpublish' | 'trash' | 'restore', work: (me: Editor, nid: number) => Promise<void>, done: string, back: 'edit' | 'list') =>
      app.post<NidParams>(`/admin/content/${NID}/${name}`, writes, async (request, reply) => {
        const ctx = siteContextFor(request, edition, deps);
        const nid = Number(request.params.nid);
        const me = await staffWith(request, reply, deps, ctx, name === 'unpublish' ? 'publish articles' : name === 'restore' ? 'edit any article' : 'write drafts', editArticleUrl(ctx, nid));
        if (!me) return reply;
        await work(me, nid);
        return seeOther(reply, back === 'edit' ? `${editArticleUrl(ctx, nid)}?done=${done}` : `${contentListUrl(ctx)}?done=${done}`);
      });
    action('unpublish', (me, nid) => deps.newsroom.unpublish(me, edition, nid), 'unpublished', 'edit');
    action('trash', (me, nid) => deps.newsroom.trash(me, edition, nid), 'trashed', 'list');
    action('restore', (me, nid) => deps.newsroom.restore(me, edition, nid), 'restored', 'edit');

    app.post('/admin/content/trash/empty', writes, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const me = await staffWith(request, reply, deps, ctx, 'manage settings', `${contentListUrl(ctx)}?status=trash`);
      if (!me) return reply;
      const count = await deps.newsroom.emptyTrash(me, edition);
      return seeOther(reply, `${contentListUrl(ctx)}?status=trash&done=emptied&count=${count}`);
    });
  };
}

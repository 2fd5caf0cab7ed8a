import type { NodeStatusName } from '../../domain/node-status.ts';
import { nodeStatusName } from '../../domain/node-status.ts';
import { can, isArticleEditableBy } from '../../domain/permissions.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import type { DeskListItem } from '../../services/article-editing-service.ts';
import { formatShortDate } from '../../text/dates.ts';
import { tn, type NewsroomMessageKey } from '../../text/newsroom-messages.ts';
import type { SiteContext } from '../site-context.ts';
import { articleActionUrl, contentListUrl, editArticleUrl, emptyTrashUrl, homeUrl, frontAdminUrl, newArticleUrl, nodeUrl } from '../urls.ts';
import { html } from './html.ts';
import { staffBar } from './moderation-queue-view.ts';

/** What a newsroom page reports at the top: a change made, or a refusal. */
export type DeskNotice = { readonly kind: 'done' | 'error'; readonly text: string };

/** The notice paragraph (a status for a change made, an alert for a refusal). */
export function deskNotice(notice: DeskNotice | null): SafeHtml {
  if (!notice) return html``;
  return notice.kind === 'error' ? html`<p class="messages error" role="alert">${notice.text}</p>` : html`<p class="messages" role="status">${notice.text}</p>`;
}

const STATUS_LABELS: Readonly<Record<NodeStatusName | 'trash', NewsroomMessageKey>> = {
  draft: 'statusDraft', scheduled: 'statusScheduled', published: 'statusPublished', unpublished: 'statusUnpublished', trash: 'statusTrash',
};

/** The statuses the list filters by, in the order the select offers them. */
export const STATUS_FILTERS: readonly (NodeStatusName | 'trash')[] = ['draft', 'scheduled', 'published', 'unpublished', 'trash'];

/** A status's label in the page's language. */
export function statusLabel(lang: 'en' | 'ar', status: NodeStatusName | 'trash'): string {
  return tn(lang, STATUS_LABELS[status]);
}

/** The content list's data. */
export interface ContentListModel {
  readonly me: { readonly uid: number; readonly name: string; readonly role: string };
  readonly csrfToken: string;
  readonly items: readonly DeskListItem[];
  readonly filters: { readonly status: string; readonly section: string; readonly author: string };
  readonly sections: readonly { readonly tid: number; readonly name: string }[];
  /** The next page's URL (keyset), or null on the last. */
  readonly olderUrl: string | null;
  readonly notice: DeskNotice | null;
}

function row(ctx: SiteContext, model: ContentListModel, item: DeskListItem): SafeHtml {
  const lang = ctx.edition.lang;
  const status = item.trashedAt !== null ? 'trash' : nodeStatusName(item.status);
  const state = status === 'draft' ? 'draft' : status === 'scheduled' ? 'scheduled' : 'published';
  const editable = item.trashedAt === null && isArticleEditableBy(model.me, { ownerUid: item.ownerUid, state });
  const csrf = html`<input type="hidden" name="_csrf" value="${model.csrfToken}">`;
  const actions = [
    editable ? html`<a href="${editArticleUrl(ctx, item.nid)}">${tn(lang, 'edit')}<span class="visually-hidden">: <bdi>${item.title}</bdi></span></a>` : '',
    status === 'published' ? html` <a href="${nodeUrl(ctx, item)}">${tn(lang, 'view')}<span class="visually-hidden">: <bdi>${item.title}</bdi></span></a>` : '',
    status === 'trash' && can(model.me.role, 'edit any article') ? html`<form class="inline-form" action="${articleActionUrl(ctx, item.nid, 'restore')}" method="post">${csrf}<button type="submit">${tn(lang, 'restore')}<span class="visually-hidden">: <bdi>${item.title}</bdi></span></button></form>` : '',
  ];
  return html`<tr>
<td><bdi>${item.title}</bdi></td>
<td>${statusLabel(lang, status)}</td>
<td>${item.sectionName ? html`<bdi>${item.sectionName}</bdi>` : ''}</td>
<td>${item.ownerName ? html`<bdi>${item.ownerName}</bdi>` : ''}</td>
<td>${formatShortDate(new Date(item.updatedAt * 1000), lang, ctx.edition.timeZone, ctx.edition.digits)}</td>
<td>${actions}</td>
</tr>`;
}

/**
 * /admin/content: the edition's articles, newest change first, with filters by status, section
 * and author (a GET form, so filtered lists can be bookmarked), and keyset paging.
 */
export function contentListView(ctx: SiteContext, model: ContentListModel): SafeHtml {
  const lang = ctx.edition.lang;
  const f = model.filters;
  const option = (value: string, label: string, selected: string) => html`<option value="${value}"${value === selected ? html` selected` : ''}>${label}</option>`;
  return html`<div class="newsroom content-list">
${staffBar(ctx, model.me.name, model.csrfToken)}
<h1 class="page-title">${tn(lang, 'contentTitle')}</h1>
${deskNotice(model.notice)}
<p>${tn(lang, 'contentIntro')}</p>
<p><a href="${newArticleUrl(ctx)}">${tn(lang, 'newArticle')}</a>${can(model.me.role, 'arrange front page') ? html` · <a href="${frontAdminUrl(ctx)}">${tn(lang, 'frontLink')}</a>` : ''}</p>
<form class="content-filters" action="${contentListUrl(ctx)}" method="get" role="search" aria-label="${tn(lang, 'filters')}">
<div class="form-item"><label for="filter-status">${tn(lang, 'filterStatus')}</label>
<select id="filter-status" name="status">${option('', tn(lang, 'filterAny'), f.status)}${STATUS_FILTERS.map((s) => option(s, statusLabel(lang, s), f.status))}</select></div>
<div class="form-item"><label for="filter-section">${tn(lang, 'filterSection')}</label>
<select id="filter-section" name="section">${option('', tn(lang, 'filterAny'), f.section)}${model.sections.map((s) => option(String(s.tid), s.name, f.section))}</select></div>
<div class="form-item"><label for="filter-author">${tn(lang, 'filterAuthor')}</label>
<input type="text" id="filter-author" name="author" value="${f.author}" dir="auto"></div>
<div class="form-actions"><button type="submit">${tn(lang, 'filterApply')}</button></div>
</form>
${model.items.length === 0 ? html`<p>${tn(lang, 'noArticles')}</p>` : html`<table class="content-table">
<thead><tr><th scope="col">${tn(lang, 'colTitle')}</th><th scope="col">${tn(lang, 'colStatus')}</th><th scope="col">${tn(lang, 'colSection')}</th><th scope="col">${tn(lang, 'colOwner')}</th><th scope="col">${tn(lang, 'colChanged')}</th><th scope="col">${tn(lang, 'colActions')}</th></tr></thead>
<tbody>
${model.items.map((item) => row(ctx, model, item))}
</tbody>
</table>`}
${model.olderUrl ? html`<nav class="pager" aria-label="${tn(lang, 'older')}"><a href="${model.olderUrl}" rel="next">${tn(lang, 'older')}</a></nav>` : ''}
${f.status === 'trash' && can(model.me.role, 'manage settings') ? html`<form class="empty-trash" action="${emptyTrashUrl(ctx)}" method="post">
<input type="hidden" name="_csrf" value="${model.csrfToken}">
<p id="empty-trash-hint">${tn(lang, 'emptyTrashHint')}</p>
<button type="submit" class="danger" aria-describedby="empty-trash-hint">${tn(lang, 'emptyTrash')}</button>
</form>` : ''}
</div>`;
}

/** The content page of an archive edition: it says the edition is read-only and offers nothing that writes. */
export function archiveContentView(ctx: SiteContext, me: { readonly name: string }, csrfToken: string, live: { readonly url: string } | null): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<div class="newsroom content-list">
${staffBar(ctx, me.name, csrfToken)}
<h1 class="page-title">${tn(lang, 'contentTitle')}</h1>
<p class="messages" role="status">${tn(lang, 'archiveReadOnly')}</p>
${live ? html`<p><a href="${live.url}">${tn(lang, 'archiveGoLive')}</a></p>` : ''}
<p><a href="${homeUrl(ctx)}">${ctx.edition.siteName}</a></p>
</div>`;
}

import type { SafeHtml } from '../../domain/safe-html.ts';
import { nodeStatusName, type NodeStatusName } from '../../domain/node-status.ts';
import { restoredFrom, type RevisionEntry, type RevisionHistory } from '../../services/revision-service.ts';
import { th, type HistoryMessageKey } from '../../text/history-messages.ts';
import type { SiteContext } from '../site-context.ts';
import { articleEditUrl, nodeUrl, revisionDiffUrl, revisionRestoreUrl } from '../urls.ts';
import { messageWith, savedAt, savedAtText } from './history-parts.ts';
import { html } from './html.ts';
import { staffBar } from './moderation-queue-view.ts';

const STATUS_LABELS: Readonly<Record<NodeStatusName, HistoryMessageKey>> = Object.freeze({
  draft: 'statusDraft', scheduled: 'statusScheduled', published: 'statusPublished', unpublished: 'statusUnpublished',
});

/** What the revision pages report at the top. */
export type RevisionNotice = { readonly kind: 'restored'; readonly at: number } | { readonly kind: 'error'; readonly text: string };

/** The signed-in person and their form token, for the staff bar. */
export interface StaffFrame {
  readonly name: string;
  readonly csrfToken: string;
}

/** Who saved a revision: their name, or where it came from when nobody signed in saved it. */
export function revisionAuthor(lang: 'en' | 'ar', r: RevisionEntry): string {
  if (r.authorName !== null) return r.authorName;
  return th(lang, r.sourceVid !== null ? 'authorImported' : 'authorCli');
}

/** The page's heading, with the article's title isolated (it may mix Arabic and Latin). */
export function titleHeading(ctx: SiteContext, key: HistoryMessageKey, title: string): SafeHtml {
  return html`<h1 class="page-title">${messageWith(ctx.edition.lang, key, 'title', html`<bdi>${title}</bdi>`)}</h1>`;
}

/** The status of the article and links to it (its page when readers can see it) and to its edit page. */
export function articleLinks(ctx: SiteContext, history: RevisionHistory): SafeHtml {
  const lang = ctx.edition.lang;
  const { node } = history;
  const status = nodeStatusName(node.status);
  const page = status === 'published' ? html` · <a href="${nodeUrl(ctx, node)}">${th(lang, 'viewArticle')}</a>` : '';
  const edit = ctx.edition.mode === 'archive' ? '' : html` · <a href="${articleEditUrl(ctx, node.nid)}">${th(lang, 'editArticle')}</a>`;
  return html`<p class="revision-article">${th(lang, 'statusLine', { status: th(lang, STATUS_LABELS[status]) })}${page}${edit}</p>`;
}

/** Why there are no restore buttons, when there are none. */
function restoreNote(ctx: SiteContext, history: RevisionHistory): SafeHtml {
  if (history.canRestore) return html``;
  const lang = ctx.edition.lang;
  const key: HistoryMessageKey = ctx.edition.mode === 'archive' ? 'archiveReadOnly' : history.node.trashedAt !== null ? 'inTrash' : 'restoreNotYours';
  return html`<p class="messages">${th(lang, key)}</p>`;
}

function noticeView(ctx: SiteContext, notice: RevisionNotice | null): SafeHtml {
  if (!notice) return html``;
  if (notice.kind === 'error') return html`<p class="messages error" role="alert">${notice.text}</p>`;
  return html`<p class="messages" role="status">${th(ctx.edition.lang, 'doneRestored', { when: savedAtText(ctx, notice.at) })}</p>`;
}

function revisionRow(ctx: SiteContext, history: RevisionHistory, r: RevisionEntry, i: number): SafeHtml {
  const lang = ctx.edition.lang;
  const when = savedAtText(ctx, r.revisedAt);
  const copied = restoredFrom(r.log);
  const source = copied === null ? undefined : history.revisions.find((x) => x.contentHash === copied);
  const note = i === 0 ? th(lang, 'currentRevision') : '';
  const restoredNote = source ? th(lang, 'restoredFrom', { when: savedAtText(ctx, source.revisedAt) }) : '';
  // The newest two are chosen by default: the last change is what is asked about most.
  return html`<tr>
<td><input type="radio" name="from" value="${r.contentHash}" id="from-${i}" aria-label="${th(lang, 'compareOlderLabel', { when })}"${i === 1 ? html` checked` : ''}></td>
<td><input type="radio" name="to" value="${r.contentHash}" id="to-${i}" aria-label="${th(lang, 'compareNewerLabel', { when })}"${i === 0 ? html` checked` : ''}></td>
<td>${savedAt(ctx, r.revisedAt)}</td>
<td><bdi>${revisionAuthor(lang, r)}</bdi></td>
<td dir="auto">${r.title}</td>
<td>${[note, restoredNote].filter((s) => s !== '').join(' · ')}</td>
${history.canRestore ? html`<td>${i === 0 ? '' : html`<button type="submit" form="restore-form" name="revision" value="${r.contentHash}" aria-label="${th(lang, 'restoreLabel', { when })}">${th(lang, 'restoreButton')}</button>`}</td>` : ''}
</tr>`;
}

/**
 * /admin/content/<nid>/revisions: every save, newest first, with who saved it and when. Two radio
 * columns choose the revisions to compare (a GET form, so it works without JavaScript); restore
 * buttons post, each naming its revision, through one form outside the table (forms cannot nest).
 */
export function revisionsView(ctx: SiteContext, model: { history: RevisionHistory; staff: StaffFrame; notice: RevisionNotice | null }): SafeHtml {
  const lang = ctx.edition.lang;
  const { history } = model;
  const nid = history.node.nid;
  const restoreHeader = history.canRestore ? html`<th scope="col">${th(lang, 'restoreButton')}</th>` : '';
  return html`<div class="revisions">
${staffBar(ctx, model.staff.name, model.staff.csrfToken)}
${titleHeading(ctx, 'revisionsTitle', history.node.title)}
${noticeView(ctx, model.notice)}
${articleLinks(ctx, history)}
<p>${th(lang, 'revisionsIntro')}</p>
${restoreNote(ctx, history)}
${history.canRestore ? html`<form id="restore-form" action="${revisionRestoreUrl(ctx, nid)}" method="post"><input type="hidden" name="_csrf" value="${model.staff.csrfToken}"></form>` : ''}
<form class="revision-compare" action="${revisionDiffUrl(ctx, nid)}" method="get">
<div class="table-scroll">
<table class="revision-table">
<caption>${th(lang, 'revisionsCaption')}</caption>
<thead><tr><th scope="col">${th(lang, 'compareOlder')}</th><th scope="col">${th(lang, 'compareNewer')}</th><th scope="col">${th(lang, 'revisionWhen')}</th><th scope="col">${th(lang, 'revisionWho')}</th><th scope="col">${th(lang, 'revisionTitle')}</th><th scope="col">${th(lang, 'revisionNote')}</th>${restoreHeader}</tr></thead>
<tbody>
${history.revisions.map((r, i) => revisionRow(ctx, history, r, i))}
</tbody>
</table>
</div>
${history.revisions.length < 2 ? html`<p>${th(lang, 'onlyOneRevision')}</p>` : html`<div class="form-actions"><button type="submit">${th(lang, 'compareSubmit')}</button></div>`}
</form>
</div>`;
}

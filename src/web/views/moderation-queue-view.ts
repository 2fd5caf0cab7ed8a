import type { CommentStatusName, ModeratedComment, ModerationAction } from '../../domain/comment.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import { formatCount, localizeDigits } from '../../text/numerals.ts';
import { t, type MessageKey } from '../../text/messages.ts';
import type { SiteContext } from '../site-context.ts';
import { html } from './html.ts';
import { logoutButton } from './login-view.ts';
import { moderatedCommentView } from './moderated-comment-view.ts';
import { pager } from './parts.ts';
import { queueUrl } from '../urls.ts';

/** What the last POST did, carried back through the 303 in the query string. */
export type QueueNotice =
  | { readonly kind: 'done'; readonly action: ModerationAction; readonly cids: readonly number[] }
  | { readonly kind: 'noSelection' };

/** One page of one queue, and who is looking at it. */
export interface QueueModel {
  readonly status: CommentStatusName;
  readonly items: readonly ModeratedComment[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly csrfToken: string;
  readonly moderatorName: string;
  readonly showEmail: boolean;
  readonly notice: QueueNotice | null;
}

/** The tabs in Drupal 7's order, with their headings. */
export const QUEUE_TITLES: Readonly<Record<CommentStatusName, MessageKey>> = Object.freeze({
  published: 'queuePublished',
  pending: 'queuePending',
  spam: 'queueSpam',
});

const TAB_ORDER: readonly CommentStatusName[] = ['published', 'pending', 'spam'];

/** The decisions each queue offers: every one that would change a comment in it. */
const ACTIONS: Readonly<Record<CommentStatusName, readonly ModerationAction[]>> = Object.freeze({
  pending: ['approve', 'spam', 'delete'],
  published: ['unpublish', 'spam', 'delete'],
  spam: ['approve', 'unpublish', 'delete'],
});

const ACTION_LABELS: Readonly<Record<ModerationAction, MessageKey>> = Object.freeze({
  approve: 'actionApprove', unpublish: 'actionUnpublish', spam: 'actionSpam', delete: 'actionDelete',
});

const DONE_MESSAGES: Readonly<Record<ModerationAction, MessageKey>> = Object.freeze({
  approve: 'doneApprove', unpublish: 'doneUnpublish', spam: 'doneSpam', delete: 'doneDelete',
});

function noticeView(ctx: SiteContext, notice: QueueNotice | null): SafeHtml {
  if (!notice) return html``;
  const lang = ctx.edition.lang;
  if (notice.kind === 'noSelection') return html`<p class="messages error" role="alert">${t(lang, 'noSelection')}</p>`;
  if (notice.cids.length === 0) return html`<p class="messages" role="status">${t(lang, 'doneNothing')}</p>`;
  const list = notice.cids.map((cid) => `#${localizeDigits(String(cid), lang, ctx.edition.digits)}`).join(lang === 'ar' ? '، ' : ', ');
  return html`<p class="messages" role="status">${t(lang, DONE_MESSAGES[notice.action], { list })}</p>`;
}

/** The staff bar on every moderation page: who is signed in, and the sign-out button. */
export function staffBar(ctx: SiteContext, moderatorName: string, csrfToken: string): SafeHtml {
  return html`<div class="staff-bar">
<p>${t(ctx.edition.lang, 'signedInAs', { name: moderatorName })}</p>
${logoutButton(ctx, csrfToken)}
</div>`;
}

/** The tabs between the three queues. */
export function queueTabs(ctx: SiteContext, current: CommentStatusName | null): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<nav class="tabs" aria-label="${t(lang, 'queueTabs')}"><ul>
${TAB_ORDER.map((status) => html`<li${status === current ? html` class="active"` : ''}><a href="${queueUrl(ctx, status)}"${status === current ? html` aria-current="page"` : ''}>${t(lang, QUEUE_TITLES[status])}</a></li>`)}
</ul></nav>`;
}

/**
 * A moderation queue (Drupal 7's admin/content/comment and its approval tab, plus spam): the
 * comments newest first, 50 a page, each with a labelled checkbox, and one button per decision.
 * It works without JavaScript: the buttons submit the form with the boxes ticked.
 */
export function moderationQueueView(ctx: SiteContext, model: QueueModel): SafeHtml {
  const lang = ctx.edition.lang;
  const self = queueUrl(ctx, model.status);
  return html`<div class="moderation">
${staffBar(ctx, model.moderatorName, model.csrfToken)}
<h1 class="page-title">${t(lang, QUEUE_TITLES[model.status])}</h1>
${queueTabs(ctx, model.status)}
${noticeView(ctx, model.notice)}
<p class="queue-total">${t(lang, 'queueTotal', { count: formatCount(model.total, lang, ctx.edition.digits) })}</p>
${model.items.length === 0 ? html`<p class="queue-empty">${t(lang, 'queueEmpty')}</p>` : html`<form class="moderation-form" action="${self}" method="post">
<input type="hidden" name="_csrf" value="${model.csrfToken}">
<input type="hidden" name="page" value="${model.page}">
<fieldset class="moderation-actions">
<legend>${t(lang, 'queueActions')}</legend>
${ACTIONS[model.status].map((action) => html`<button type="submit" name="op" value="${action}"${action === 'delete' ? html` class="danger"` : ''}>${t(lang, ACTION_LABELS[action])}</button>`)}
</fieldset>
<ol class="moderation-list">
${model.items.map((c) => html`<li>${moderatedCommentView(ctx, c, model.showEmail)}</li>`)}
</ol>
</form>`}
${pager(ctx, self, { page: model.page, pageSize: model.pageSize, total: model.total })}
</div>`;
}

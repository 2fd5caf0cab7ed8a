import { statusName, type ModerationRecord } from '../../domain/comment.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import { formatCommentDate } from '../../text/dates.ts';
import { localizeDigits } from '../../text/numerals.ts';
import { t, type MessageKey } from '../../text/messages.ts';
import type { SiteContext } from '../site-context.ts';
import { html } from './html.ts';
import { queueTabs, staffBar } from './moderation-queue-view.ts';
import { queueUrl } from '../urls.ts';
import { timeTag } from './teasers.ts';

const ACTION_LABELS: Readonly<Record<ModerationRecord['action'], MessageKey>> = Object.freeze({
  post: 'logPost', approve: 'logApprove', unpublish: 'logUnpublish', spam: 'logSpam', delete: 'logDelete', erase: 'logErase',
});

const STATUS_LABELS: Readonly<Record<ReturnType<typeof statusName>, MessageKey>> = Object.freeze({
  pending: 'statusPending', published: 'statusPublished', spam: 'statusSpam',
});

function statusLabel(ctx: SiteContext, status: number | null, gone: boolean): string {
  const lang = ctx.edition.lang;
  if (status === null) return gone ? t(lang, 'statusGone') : '';
  return t(lang, STATUS_LABELS[statusName(status)]);
}

/** "published → spam"; an erasure keeps the status, so it shows nothing here. */
function change(ctx: SiteContext, r: ModerationRecord): string {
  const from = statusLabel(ctx, r.fromStatus, false);
  const to = statusLabel(ctx, r.toStatus, r.action === 'delete');
  return from && to ? `${from} → ${to}` : to || from;
}

/** The moderation record of one comment: every decision, who made it and when, oldest first. */
export function moderationHistoryView(ctx: SiteContext, model: {
  readonly cid: number; readonly records: readonly ModerationRecord[]; readonly moderatorName: string; readonly csrfToken: string;
}): SafeHtml {
  const { lang, timeZone } = ctx.edition;
  const cid = localizeDigits(String(model.cid), lang, ctx.edition.digits);
  return html`<div class="moderation">
${staffBar(ctx, model.moderatorName, model.csrfToken)}
<h1 class="page-title">${t(lang, 'historyTitle', { cid })}</h1>
${queueTabs(ctx, null)}
${model.records.length === 0 ? html`<p>${t(lang, 'historyEmpty')}</p>` : html`<table class="moderation-history">
<caption>${t(lang, 'historyCaption', { cid })}</caption>
<thead><tr><th scope="col">${t(lang, 'historyWhen')}</th><th scope="col">${t(lang, 'historyWho')}</th><th scope="col">${t(lang, 'historyWhat')}</th><th scope="col">${t(lang, 'historyStatus')}</th></tr></thead>
<tbody>
${model.records.map((r) => html`<tr><td>${timeTag(ctx, r.at, formatCommentDate(r.at, lang, timeZone, ctx.edition.digits))}</td><td>${r.actor}</td><td>${t(lang, ACTION_LABELS[r.action])}</td><td>${change(ctx, r)}</td></tr>`)}
</tbody>
</table>`}
<p><a href="${queueUrl(ctx, 'pending')}">${t(lang, 'backToQueue')}</a></p>
</div>`;
}

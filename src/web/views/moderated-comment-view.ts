import { statusName, type ModeratedComment } from '../../domain/comment.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import { formatCommentDate } from '../../text/dates.ts';
import { localizeDigits } from '../../text/numerals.ts';
import { t } from '../../text/messages.ts';
import type { SiteContext } from '../site-context.ts';
import { commentUrl, historyUrl, nodeUrl } from '../urls.ts';
import { readerText } from './bidi.ts';
import { html } from './html.ts';
import { timeTag } from './teasers.ts';

function field(label: string, value: SafeHtml | string | null): SafeHtml {
  return html`<dt>${label}</dt><dd>${value ?? ''}</dd>`;
}

/** Addresses and URLs read left to right even on the Arabic pages. */
function ltr(ctx: SiteContext, value: string | null): SafeHtml {
  return value ? html`<span dir="ltr">${value}</span>` : html`${t(ctx.edition.lang, 'notGiven')}`;
}

/**
 * One comment in the moderation queue, with everything a moderator decides on: where it was
 * posted (title and excerpt), what it answers, who sent it from where, and the comment as it
 * will look. The e-mail appears only when `showEmail` (the moderator's role may see it): this
 * is the one page where commenters' addresses are shown at all.
 */
export function moderatedCommentView(ctx: SiteContext, c: ModeratedComment, showEmail: boolean): SafeHtml {
  const { lang, timeZone } = ctx.edition;
  const article = nodeUrl(ctx, { nid: c.nid, path: c.nodePath });
  const published = statusName(c.status) === 'published';
  const label = t(lang, 'selectComment', { cid: localizeDigits(String(c.cid), lang, ctx.edition.digits) });
  // Every item has the same two links: name the comment too, for lists of links read aloud.
  const which = html`<span class="visually-hidden"> (${readerText(c.subject)})</span>`;
  return html`<article class="moderated-comment" id="comment-${c.cid}" aria-labelledby="comment-${c.cid}-subject">
<p class="select-comment"><input type="checkbox" id="select-${c.cid}" name="comments[${c.cid}]" value="1"> <label for="select-${c.cid}">${label}</label></p>
<h2 class="comment-subject" id="comment-${c.cid}-subject">${readerText(c.subject)}</h2>
<dl class="comment-meta">
${field(t(lang, 'fieldAuthor'), readerText(c.name))}
${showEmail ? field(t(lang, 'formEmail'), ltr(ctx, c.email)) : ''}
${field(t(lang, 'formHomepage'), ltr(ctx, c.homepage))}
${field(t(lang, 'fieldHostname'), ltr(ctx, c.hostname))}
${field(t(lang, 'fieldPosted'), timeTag(ctx, c.createdAt, formatCommentDate(c.createdAt, lang, timeZone, ctx.edition.digits)))}
${field(t(lang, 'fieldPostedIn'), html`<a href="${article}">${c.nodeTitle}</a>`)}
</dl>
<div class="comment-body">${c.bodyHtml}</div>
${c.parent ? html`<div class="comment-context">
<p class="context-label">${t(lang, 'inReplyTo')}: <strong>${readerText(c.parent.subject)}</strong> – ${readerText(c.parent.name)}</p>
<div class="comment-body">${c.parent.bodyHtml}</div>
</div>` : ''}
${c.nodeTeaser ? html`<div class="comment-context">
<p class="context-label">${t(lang, 'fieldArticleExcerpt')}: <a href="${article}">${c.nodeTitle}</a></p>
<p>${c.nodeTeaser}</p>
</div>` : ''}
<p class="comment-links"><a href="${historyUrl(ctx, c.cid)}">${t(lang, 'moderationHistory')}${which}</a>${
    published ? html` · <a href="${commentUrl(ctx, c.cid)}#comment-${c.cid}">${t(lang, 'viewPublished')}${which}</a>` : ''
  }</p>
</article>`;
}

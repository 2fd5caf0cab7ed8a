import { isValidHomepage } from '../../domain/comment-form.ts';
import type { PublicComment } from '../../domain/content.ts';
import type { Page } from '../../domain/pagination.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import { formatCommentDate } from '../../text/dates.ts';
import { stripBidiControls } from '../../text/bidi-controls.ts';
import { t } from '../../text/messages.ts';
import type { SiteContext } from '../site-context.ts';
import { commentReplyUrl, commentUrl } from '../urls.ts';
import { readerText } from './bidi.ts';
import { html } from './html.ts';
import { pager } from './parts.ts';
import { timeTag } from './teasers.ts';

/** Drupal shows names over 20 characters as their first 15 plus "...". */
const NAME_MAX = 20;
const NAME_KEEP = 15;

function displayName(name: string): string {
  const chars = [...name];
  return chars.length > NAME_MAX ? `${chars.slice(0, NAME_KEEP).join('')}...` : name;
}

/**
 * The author: name + " (not verified)" for anonymous posters, linked nofollow to their homepage.
 * The homepage is checked again here: imported comments never went through the form, and only
 * http(s) pages may become links (docs/url-schemes.md).
 */
export function commentAuthor(ctx: SiteContext, c: PublicComment): SafeHtml {
  // The name alone is isolated: "(not verified)" must stay out of reach of its controls.
  const label = html`${readerText(displayName(c.name))}${c.verified ? '' : t(ctx.edition.lang, 'notVerified')}`;
  return c.homepage && isValidHomepage(c.homepage)
    ? html`<a class="username" href="${c.homepage}" rel="nofollow ugc noopener">${label}</a>`
    : html`<span class="username">${label}</span>`;
}

function depth(thread: string): number {
  return thread.replace(/\/$/, '').split('.').length - 1;
}

/**
 * Published comments in thread order. Each level deeper opens a `div.indented` and the
 * matching closes come when the depth drops, as Drupal's threaded display did.
 */
export function commentsView(ctx: SiteContext, comments: Page<PublicComment>, nodeUrl: string, replyTo: number | null): SafeHtml {
  if (comments.total === 0) return html``;
  const lang = ctx.edition.lang;
  let open = 0;
  const parts: SafeHtml[] = [];
  for (const c of comments.items) {
    const d = depth(c.thread);
    while (open < d) { parts.push(html`<div class="indented">`); open++; }
    while (open > d) { parts.push(html`</div>`); open--; }
    const permalink = `${commentUrl(ctx, c.cid)}#comment-${c.cid}`;
    parts.push(html`<article class="comment${c.verified ? '' : ' comment-by-anonymous'}" id="comment-${c.cid}">
<h3 class="comment-subject"><a href="${permalink}" rel="bookmark" class="permalink">${readerText(c.subject)}</a></h3>
<p class="submitted">${commentAuthor(ctx, c)} – ${timeTag(ctx, c.createdAt, formatCommentDate(c.createdAt, lang, ctx.edition.timeZone, ctx.edition.digits))}</p>
<div class="comment-body">${c.bodyHtml}</div>
${replyTo !== null ? html`<p class="comment-links"><a href="${commentReplyUrl(ctx, replyTo, c.cid)}" aria-label="${t(lang, 'reply')}: ${stripBidiControls(c.subject)}">${t(lang, 'reply')}</a></p>` : ''}
</article>`);
  }
  while (open > 0) { parts.push(html`</div>`); open--; }
  return html`<section class="comments" id="comments" aria-labelledby="comments-title">
<h2 id="comments-title">${t(lang, 'comments')}</h2>
${parts}
${pager(ctx, nodeUrl, comments)}
</section>`;
}

import type { NodeSummary } from '../../domain/content.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import { formatBlogMeta, formatDateLine, formatPublished, formatShortDate, isoDateTime } from '../../text/dates.ts';
import { t } from '../../text/messages.ts';
import type { SiteContext } from '../site-context.ts';
import { blogUrl, nodeUrl } from '../urls.ts';
import { html } from './html.ts';
import { authorLinks, byline, readMoreLinks } from './parts.ts';

/** A <time> element with the machine-readable instant in the newsroom's zone. */
export function timeTag(ctx: SiteContext, seconds: number, label: string): SafeHtml {
  return html`<time datetime="${isoDateTime(seconds, ctx.edition.timeZone)}">${label}</time>`;
}

/**
 * A standard listing item: author line, title link, teaser, date line, read more. Author
 * pages leave the author line out, since the page itself names the author.
 */
export function standardTeaser(ctx: SiteContext, node: NodeSummary, options: { showAuthors: boolean; headingLevel?: 2 | 3 }): SafeHtml {
  const { lang, timeZone } = ctx.edition;
  const heading = options.headingLevel === 3
    ? html`<h3 class="teaser-title"><a href="${nodeUrl(ctx, node)}">${node.title}</a></h3>`
    : html`<h2 class="teaser-title"><a href="${nodeUrl(ctx, node)}">${node.title}</a></h2>`;
  return html`<article class="teaser">
${options.showAuthors && node.authors.length > 0 ? html`<p class="byline">${authorLinks(ctx, node.authors)}</p>` : ''}
${heading}
<p class="teaser-text">${node.teaser}</p>
${node.showDate ? html`<p class="date">${timeTag(ctx, node.publishedAt, formatDateLine(node.publishedAt, lang, timeZone, ctx.edition.digits))}</p>` : ''}
${readMoreLinks(ctx, node)}
</article>`;
}

/** A blog listing item: title, "By <Name> – <date> - <Blog>", then the whole first paragraph. */
export function blogTeaser(ctx: SiteContext, node: NodeSummary): SafeHtml {
  const { lang, timeZone } = ctx.edition;
  const by = node.authors.length > 0 ? html`${t(lang, 'byBlog')} ${authorLinks(ctx, node.authors)}` : '';
  const date = node.showDate ? timeTag(ctx, node.publishedAt, formatBlogMeta(node.publishedAt, lang, timeZone, ctx.edition.digits)) : '';
  const meta = [by, date, node.blog ? html`<a href="${blogUrl(ctx, node.blog)}">${node.blog.title}</a>` : ''].filter((p) => p !== '');
  return html`<article class="teaser teaser-blog">
<h2 class="teaser-title"><a href="${nodeUrl(ctx, node)}">${node.title}</a></h2>
${meta.length > 0 ? html`<p class="meta">${meta.map((p, i) => html`${i === 0 ? '' : i === 1 && by !== '' ? ' – ' : ' - '}${p}`)}</p>` : ''}
<div class="lead">${node.leadHtml}</div>
${readMoreLinks(ctx, node)}
</article>`;
}

/** Full-teaser style (home page and /node): title, photo caption, By:, Published, first paragraph. */
export function fullTeaser(ctx: SiteContext, node: NodeSummary, headingLevel: 2 | 3 = 2): SafeHtml {
  const { lang, timeZone } = ctx.edition;
  const title = html`<a href="${nodeUrl(ctx, node)}">${node.title}</a>`;
  return html`<article class="teaser teaser-full">
${headingLevel === 2 ? html`<h2 class="teaser-title">${title}</h2>` : html`<h3 class="teaser-title">${title}</h3>`}
${node.photo?.caption ? html`<p class="photo-caption">${node.photo.caption}</p>` : ''}
${byline(ctx, node.authors)}
${node.showDate ? html`<p class="published">${timeTag(ctx, node.publishedAt, formatPublished(node.publishedAt, lang, timeZone, ctx.edition.digits))}</p>` : ''}
<div class="lead">${node.leadHtml}</div>
${readMoreLinks(ctx, node)}
</article>`;
}

/** A compact line: "<title> | Aug 26 2014", as the Bloggers & Contributors block showed posts. */
export function compactItem(ctx: SiteContext, node: NodeSummary): SafeHtml {
  const { lang, timeZone } = ctx.edition;
  return html`<li><a href="${nodeUrl(ctx, node)}">${node.title}</a> | ${timeTag(ctx, node.publishedAt, formatShortDate(node.publishedAt, lang, timeZone, ctx.edition.digits))}</li>`;
}

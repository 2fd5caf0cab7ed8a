import type { SafeHtml } from '../../domain/safe-html.ts';
import type { CommentContext, RenderedComment } from '../../services/comment-service.ts';
import { t } from '../../text/messages.ts';
import type { SiteContext } from '../site-context.ts';
import { nodeUrl } from '../urls.ts';
import { commentFormView, type CommentFormModel } from './comment-form-view.ts';
import { readerText } from './bidi.ts';
import { html } from './html.ts';
import { archiveNotice, backToTop } from './parts.ts';

/** What the reply, preview and refused-post pages show. */
export interface CommentPageModel {
  readonly title: string;
  readonly context: CommentContext;
  readonly preview: { readonly rendered: RenderedComment; readonly author: string } | null;
  readonly form: CommentFormModel | null;
}

/**
 * The page at /comment/reply/<nid>[/<pid>]: the comment being answered, the preview of the
 * reader's comment exactly as it will be published, and the form with everything they typed.
 */
export function commentPageView(ctx: SiteContext, model: CommentPageModel): SafeHtml {
  const lang = ctx.edition.lang;
  const { target, parent } = model.context;
  return html`<div class="comment-page">
<h1 class="page-title">${model.title}</h1>
${archiveNotice(ctx.edition)}
<p class="comment-target">${t(lang, 'inReplyTo')}: <a href="${nodeUrl(ctx, target)}">${target.title}</a></p>
${parent?.bodyHtml && parent.bodyHtml.html !== '' ? html`<article class="comment comment-parent">
<h2 class="comment-subject">${readerText(parent.subject)}</h2>
<p class="submitted">${readerText(parent.name)}</p>
<div class="comment-body">${parent.bodyHtml}</div>
</article>` : ''}
${model.preview ? html`<section class="comment-preview" aria-labelledby="preview-title">
<h2 id="preview-title" class="visually-hidden">${t(lang, 'previewComment')}</h2>
<p class="messages" role="status">${t(lang, 'previewNote')}</p>
<article class="comment comment-by-anonymous">
<h3 class="comment-subject">${readerText(model.preview.rendered.subject)}</h3>
<p class="submitted"><span class="username">${readerText(model.preview.author)}</span></p>
<div class="comment-body">${model.preview.rendered.bodyHtml}</div>
</article>
</section>` : ''}
${model.form ? commentFormView(ctx, model.form) : html`<p class="comments-closed">${t(lang, 'commentsClosed')}</p>`}
${backToTop(ctx)}
</div>`;
}

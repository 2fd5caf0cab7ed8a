import { DERIVATIVE_FORMATS, derivativeHeight, derivativeName, renditionOf, type MediaItem } from '../../domain/media.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import type { UserRecord } from '../../services/auth-service.ts';
import { MEDIA_BASE } from '../../services/media-service.ts';
import { formatShortDate } from '../../text/dates.ts';
import { tm } from '../../text/media-messages.ts';
import { localizeDigits } from '../../text/numerals.ts';
import type { SiteContext } from '../site-context.ts';
import { mediaActionUrl, mediaFileUrl, mediaLibraryUrl } from '../urls.ts';
import { html } from './html.ts';
import { staffBar } from './moderation-queue-view.ts';
import { pictureElement } from './responsive-image.ts';

/** What the page reports at the top: a change made, or a refusal. */
export type MediaNotice = { readonly kind: 'done' | 'error'; readonly text: string };

/** The three text fields, as typed (kept when a form comes back with an error). */
export interface MediaFields {
  readonly caption: string;
  readonly credit: string;
  readonly alt: string;
}

/** The library page's data. */
export interface MediaLibraryModel {
  readonly me: UserRecord;
  readonly items: readonly MediaItem[];
  readonly csrfToken: string;
  readonly notice: MediaNotice | null;
  /** The upload form's fields as typed. */
  readonly upload: MediaFields;
  /** An item's edit form as typed, after its save was refused. */
  readonly editing: ({ readonly id: string } & MediaFields) | null;
  readonly search: string;
  /** The cursor of the next (older) page, or null on the last. */
  readonly older: string | null;
  /** Whether this is not the first page (so a link back to the newest is shown). */
  readonly paged: boolean;
  readonly limits: { readonly mb: number; readonly megapixels: number };
  /** Whether the user may delete (editors and admins). */
  readonly mayDelete: boolean;
}

function noticeView(notice: MediaNotice | null): SafeHtml {
  if (!notice) return html``;
  return notice.kind === 'error'
    ? html`<p class="messages error" role="alert" id="media-error">${notice.text}</p>`
    : html`<p class="messages" role="status">${notice.text}</p>`;
}

/** The caption, credit and alt inputs; ids carry a prefix so each item's form has its own. */
function textFields(ctx: SiteContext, idBase: string, values: MediaFields, describedBy: SafeHtml | ''): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<div class="form-item"><label for="${idBase}-caption">${tm(lang, 'fieldCaption')}</label>
<textarea id="${idBase}-caption" name="caption" rows="2" maxlength="1000" dir="auto"${describedBy}>${values.caption}</textarea></div>
<div class="form-item"><label for="${idBase}-credit">${tm(lang, 'fieldCredit')}</label>
<input type="text" id="${idBase}-credit" name="credit" value="${values.credit}" maxlength="255" dir="auto"${describedBy}></div>
<div class="form-item"><label for="${idBase}-alt">${tm(lang, 'fieldAlt')}</label>
<input type="text" id="${idBase}-alt" name="alt" value="${values.alt}" maxlength="500" dir="auto" aria-describedby="${idBase}-alt-hint"><p class="description" id="${idBase}-alt-hint">${tm(lang, 'altHint')}</p></div>`;
}

function itemView(ctx: SiteContext, model: MediaLibraryModel, item: MediaItem): SafeHtml {
  const lang = ctx.edition.lang;
  const digits = (n: number) => localizeDigits(String(n), lang, ctx.edition.digits);
  const csrf = html`<input type="hidden" name="_csrf" value="${model.csrfToken}">`;
  const typed = model.editing?.id === item.id ? model.editing : null;
  const values: MediaFields = typed ?? { caption: item.caption ?? '', credit: item.credit ?? '', alt: item.alt ?? '' };
  const idBase = `media-${item.id}`;
  return html`<li class="media-item" id="${idBase}">
${pictureElement(renditionOf(item, MEDIA_BASE), { alt: item.alt ?? '', sizes: '16rem', lazy: true })}
<div class="media-details">
<p><bdi>${item.originalName}</bdi> · ${tm(lang, 'dimensions', { width: digits(item.width), height: digits(item.height) })} · ${formatShortDate(new Date(item.uploadedAt * 1000), lang, ctx.edition.timeZone, ctx.edition.digits)}</p>
${item.alt ? '' : html`<p class="media-warning">${tm(lang, 'noAlt')}</p>`}
<p>${tm(lang, 'sizes')}: ${item.widths.map((w) => html`<span class="media-size">${DERIVATIVE_FORMATS.map((f) => html`<a href="${mediaFileUrl(derivativeName(item.id, w, f))}" dir="ltr">${digits(w)}×${digits(derivativeHeight(item, w))} ${f.toUpperCase()}</a> `)}</span>`)}</p>
<form class="media-edit" action="${mediaActionUrl(ctx, item.id, 'edit')}" method="post" accept-charset="UTF-8">${csrf}
${textFields(ctx, idBase, values, typed && model.notice?.kind === 'error' ? html` aria-describedby="media-error"` : '')}
<div class="form-actions"><button type="submit">${tm(lang, 'save')}</button></div>
</form>
${model.mayDelete ? html`<form class="inline-form" action="${mediaActionUrl(ctx, item.id, 'delete')}" method="post">${csrf}<button type="submit" class="danger">${tm(lang, 'delete')}</button></form>` : ''}
</div>
</li>`;
}

/**
 * /admin/media: the upload form (file, caption, credit, alt), a search over the library, and the
 * items newest first, each with its sizes and a form for its text. Plain forms, so it all works
 * without JavaScript; the upload is multipart.
 */
export function mediaLibraryView(ctx: SiteContext, model: MediaLibraryModel): SafeHtml {
  const lang = ctx.edition.lang;
  const uploadError = model.notice?.kind === 'error' && model.editing === null ? html` aria-describedby="media-error"` : '';
  return html`<div class="media-library">
${staffBar(ctx, model.me.name, model.csrfToken)}
<h1 class="page-title">${tm(lang, 'mediaTitle')}</h1>
${noticeView(model.notice)}
<p>${tm(lang, 'mediaIntro')}</p>
<h2 id="upload">${tm(lang, 'uploadTitle')}</h2>
<form class="media-upload" action="${mediaLibraryUrl(ctx)}" method="post" enctype="multipart/form-data" accept-charset="UTF-8">
<input type="hidden" name="_csrf" value="${model.csrfToken}">
<div class="form-item"><label for="media-file">${tm(lang, 'uploadFile', { mb: localizeDigits(String(model.limits.mb), lang, ctx.edition.digits), mp: localizeDigits(String(model.limits.megapixels), lang, ctx.edition.digits) })}</label>
<input type="file" id="media-file" name="file" accept="image/jpeg,image/png,image/webp,image/avif" required${uploadError}></div>
${textFields(ctx, 'upload', model.upload, uploadError)}
<div class="form-actions"><button type="submit">${tm(lang, 'uploadSubmit')}</button></div>
</form>
<h2 id="library">${tm(lang, 'mediaTitle')}</h2>
<form class="media-search" action="${mediaLibraryUrl(ctx)}" method="get" role="search">
<label for="media-q">${tm(lang, 'searchLabel')}</label>
<input type="search" id="media-q" name="q" value="${model.search}" maxlength="200" dir="auto">
<button type="submit">${tm(lang, 'searchSubmit')}</button>
</form>
${model.items.length === 0 ? html`<p>${tm(lang, model.search ? 'searchNone' : 'libraryEmpty')}</p>` : html`<ul class="media-items">
${model.items.map((item) => itemView(ctx, model, item))}
</ul>`}
${model.paged || model.older ? html`<nav class="pager" aria-label="${tm(lang, 'mediaTitle')}"><ul>
${model.paged ? html`<li><a href="${mediaLibraryUrl(ctx, { q: model.search })}">${tm(lang, 'newestPage')}</a></li>` : ''}
${model.older ? html`<li><a href="${mediaLibraryUrl(ctx, { q: model.search, before: model.older })}" rel="next">${tm(lang, 'olderPage')}</a></li>` : ''}
</ul></nav>` : ''}
</div>`;
}

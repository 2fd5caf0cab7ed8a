import type { ArticleFormValues, FieldErrors } from '../../domain/article-form.ts';
import type { NodeStatusName } from '../../domain/node-status.ts';
import { can } from '../../domain/permissions.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import { formatShortDate } from '../../text/dates.ts';
import { tn } from '../../text/newsroom-messages.ts';
import type { SiteContext } from '../site-context.ts';
import { articleActionUrl, editArticleUrl, newArticleUrl, suggestUrl } from '../urls.ts';
import { formField } from './form-field.ts';
import { assetPath } from '../asset-catalogue.ts';
import { html } from './html.ts';
import { leadPhotoFields } from './lead-photo-fields.ts';
import { editorAssets, staffFormatTipsView } from './editor-assets.ts';
import type { MediaPickerModel } from './media-picker-field.ts';
import { staffBar } from './moderation-queue-view.ts';
import { statusLabel, type DeskNotice, deskNotice } from './content-list-view.ts';

/** The article form's data: a new article (nid null) or a saved one with its status. */
export interface ArticleFormModel {
  readonly me: { readonly name: string; readonly role: string };
  readonly csrfToken: string;
  readonly nid: number | null;
  readonly status: NodeStatusName | null;
  readonly trashed: boolean;
  /** For a scheduled article: when (seconds). */
  readonly publishedAt: number | null;
  readonly values: ArticleFormValues;
  readonly errors: FieldErrors;
  readonly sections: readonly { readonly slug: string; readonly name: string }[];
  readonly notice: DeskNotice | null;
  /** The media library's newest photos to pick the lead photo from, and the one chosen (issue 12, point 5). */
  readonly media: MediaPickerModel | null;
}

const COMMENT_OPTIONS = [['', 'commentsDefault'], ['0', 'commentsHidden'], ['1', 'commentsClosed'], ['2', 'commentsOpen']] as const;

/**
 * The one article form (issue 12, point 2): every field, with each error next to its field and
 * everything typed kept. A plain POST with its buttons, so it works without JavaScript; the body
 * textarea is marked for the editor script, and tags and authors get suggestions from a datalist.
 */
export function articleFormView(ctx: SiteContext, model: ArticleFormModel): SafeHtml {
  const lang = ctx.edition.lang;
  const v = model.values;
  const e = model.errors;
  const action = model.nid === null ? newArticleUrl(ctx) : editArticleUrl(ctx, model.nid);
  const mayPublish = can(model.me.role, 'publish articles');
  const maySchedule = can(model.me.role, 'schedule articles');
  const hasErrors = Object.keys(e).length > 0;
  const csrf = html`<input type="hidden" name="_csrf" value="${model.csrfToken}">`;
  const title = model.nid === null ? tn(lang, 'newTitle') : tn(lang, 'editTitle', { title: v.title });
  const when = model.status === 'scheduled' && model.publishedAt !== null
    ? html` <span>${tn(lang, 'scheduledFor', { when: formatShortDate(new Date(model.publishedAt * 1000), lang, ctx.edition.timeZone, ctx.edition.digits) })}</span>` : '';
  return html`<div class="newsroom article-edit">
${editorAssets()}
${staffBar(ctx, model.me.name, model.csrfToken)}
<h1 class="page-title" dir="auto">${title}</h1>
${deskNotice(model.notice)}
${hasErrors ? html`<p class="messages error" role="alert">${tn(lang, 'errorSummary')}</p>` : ''}
${model.status ? html`<p class="article-status">${tn(lang, 'currentStatus', { status: statusLabel(lang, model.trashed ? 'trash' : model.status) })}${when}</p>` : ''}
<form class="article-form" action="${action}" method="post" accept-charset="UTF-8" data-folio-autosave="${action}">
${csrf}
${formField(ctx, e, { name: 'title', label: tn(lang, 'fieldTitle'), control: (a) => html`<input type="text" id="field-title" name="title" value="${v.title}" maxlength="255" required dir="auto"${a}>` })}
${formField(ctx, e, { name: 'slug', label: tn(lang, 'fieldSlug'), hint: tn(lang, 'fieldSlugHint'), control: (a) => html`<input type="text" id="field-slug" name="slug" value="${v.slug}" maxlength="120" dir="auto"${a}>` })}
${formField(ctx, e, { name: 'summary', label: tn(lang, 'fieldSummary'), control: (a) => html`<textarea id="field-summary" name="summary" rows="2" maxlength="600" dir="auto"${a}>${v.summary}</textarea>` })}
${formField(ctx, e, { name: 'body', label: tn(lang, 'fieldBody'), hint: tn(lang, 'fieldBodyHint'), control: (a) => html`<textarea id="field-body" name="body" rows="20" dir="auto" data-folio-editor="staff_html"${a}>${v.body}</textarea>` })}
${staffFormatTipsView(lang, 'body-format-tips')}
${formField(ctx, e, { name: 'section', label: tn(lang, 'fieldSection'), control: (a) => html`<select id="field-section" name="section" required${a}>
<option value="">${tn(lang, 'fieldSectionChoose')}</option>
${model.sections.map((s) => html`<option value="${s.slug}"${s.slug === v.section ? html` selected` : ''}>${s.name}</option>`)}
</select>` })}
${formField(ctx, e, { name: 'tags', label: tn(lang, 'fieldTags'), hint: tn(lang, 'fieldNamesHint'), control: (a) => html`<input type="text" id="field-tags" name="tags" value="${v.tags}" dir="auto" list="suggest-tag" data-suggest="${suggestUrl(ctx, 'tag')}" autocomplete="off"${a}>` })}
${formField(ctx, e, { name: 'authors', label: tn(lang, 'fieldAuthors'), hint: tn(lang, 'fieldNamesHint'), control: (a) => html`<input type="text" id="field-authors" name="authors" value="${v.authors}" dir="auto" list="suggest-author" data-suggest="${suggestUrl(ctx, 'author')}" autocomplete="off"${a}>` })}
<datalist id="suggest-tag"></datalist><datalist id="suggest-author"></datalist>
${formField(ctx, e, { name: 'credit', label: tn(lang, 'fieldCredit'), control: (a) => html`<input type="text" id="field-credit" name="credit" value="${v.credit}" maxlength="255" dir="auto"${a}>` })}
${leadPhotoFields(ctx, v, e, model.media)}
<fieldset class="article-options">
<legend>${tn(lang, 'optionsLegend')}</legend>
<div class="form-item form-checkbox"><input type="checkbox" id="field-promoted" name="promoted" value="1"${v.promoted ? html` checked` : ''}> <label for="field-promoted">${tn(lang, 'fieldPromoted')}</label></div>
<div class="form-item form-checkbox"><input type="checkbox" id="field-sticky" name="sticky" value="1"${v.sticky ? html` checked` : ''}> <label for="field-sticky">${tn(lang, 'fieldSticky')}</label></div>
${formField(ctx, e, { name: 'comments', label: tn(lang, 'fieldComments'), control: (a) => html`<select id="field-comments" name="comments"${a}>
${COMMENT_OPTIONS.map(([value, key]) => html`<option value="${value}"${value === v.comments ? html` selected` : ''}>${tn(lang, key)}</option>`)}
</select>` })}
${formField(ctx, e, { name: 'translationOf', label: tn(lang, 'fieldTranslationOf'), hint: tn(lang, 'fieldTranslationHint'), control: (a) => html`<input type="text" id="field-translationOf" name="translationOf" value="${v.translationOf}" maxlength="2048" dir="ltr"${a}>` })}
</fieldset>
${maySchedule ? formField(ctx, e, { name: 'publishAt', label: tn(lang, 'fieldPublishAt', { zone: ctx.edition.timeZone }), control: (a) => html`<input type="datetime-local" id="field-publishAt" name="publishAt" value="${v.publishAt}"${a}>` }) : ''}
<div class="form-actions">
<button type="submit" name="op" value="save">${tn(lang, model.status === null || model.status === 'draft' ? 'saveDraft' : 'save')}</button>
${mayPublish ? html`<button type="submit" name="op" value="publish">${tn(lang, 'publish')}</button>` : ''}
${maySchedule ? html`<button type="submit" name="op" value="schedule">${tn(lang, 'schedule')}</button>` : ''}
</div>
</form>
${model.nid === null ? '' : articleActions(ctx, model, model.nid, csrf, mayPublish)}
<script src="${assetPath('newsroom-suggest.js')}" defer></script>
</div>`;
}

/** The actions on a saved article, each its own small form (preview is a link). */
function articleActions(ctx: SiteContext, model: ArticleFormModel, nid: number, csrf: SafeHtml, mayPublish: boolean): SafeHtml {
  const lang = ctx.edition.lang;
  const live = model.status === 'published' || model.status === 'scheduled';
  return html`<div class="article-actions">
<p><a href="${articleActionUrl(ctx, nid, 'preview')}">${tn(lang, 'preview')}</a></p>
${mayPublish && live && !model.trashed ? html`<form class="inline-form" action="${articleActionUrl(ctx, nid, 'unpublish')}" method="post">${csrf}<button type="submit">${tn(lang, 'unpublish')}</button></form>` : ''}
${model.trashed ? '' : html`<form class="inline-form" action="${articleActionUrl(ctx, nid, 'trash')}" method="post">${csrf}<button type="submit" class="danger">${tn(lang, 'moveToTrash')}</button></form>`}
</div>`;
}

import { COMMENT_LIMITS, type CommentErrors, type CommentField, type CommentFormValues } from '../../domain/comment-form.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import { shortTips } from '../../filter/index.ts';
import { t, type MessageKey } from '../../text/messages.ts';
import type { SiteContext } from '../site-context.ts';
import { tipsUrl } from '../urls.ts';
import { html } from './html.ts';

/** Everything the form needs to render, including what the reader typed last time. */
export interface CommentFormModel {
  readonly action: string;
  readonly formToken: string;
  readonly values: CommentFormValues;
  readonly errors: CommentErrors;
  /** A signed-in user posts under their account: no name, e-mail or homepage fields. */
  readonly signedInAs: string | null;
  /** Set with signedInAs: staff posts must carry a valid CSRF token (web/csrf-token.ts). */
  readonly csrfToken?: string | null;
  readonly heading: 'postNewComment' | 'replyToComment';
}

/** Empty form values. */
export const EMPTY_COMMENT: CommentFormValues = Object.freeze({ name: '', mail: '', homepage: '', subject: '', comment: '' });

const LABEL: Readonly<Record<CommentField, MessageKey>> = {
  name: 'formName', mail: 'formEmail', homepage: 'formHomepage', subject: 'formSubject', comment: 'formComment',
};

const INPUT: Readonly<Record<Exclude<CommentField, 'comment'>, { type: string; autocomplete: string; required: boolean }>> = {
  name: { type: 'text', autocomplete: 'name', required: true },
  mail: { type: 'email', autocomplete: 'email', required: true },
  homepage: { type: 'url', autocomplete: 'url', required: false },
  subject: { type: 'text', autocomplete: 'off', required: false },
};

function fieldError(ctx: SiteContext, field: CommentField, model: CommentFormModel): SafeHtml {
  const error = model.errors[field];
  return error ? html`<p class="form-error" id="edit-${field}-error">${error[ctx.edition.lang]}</p>` : html``;
}

function describedBy(field: CommentField, model: CommentFormModel, extra?: string): string | undefined {
  const ids = [extra, model.errors[field] ? `edit-${field}-error` : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function requiredMark(ctx: SiteContext): SafeHtml {
  return html` <span class="form-required" title="${t(ctx.edition.lang, 'formRequired')}">*</span>`;
}

function input(ctx: SiteContext, field: Exclude<CommentField, 'comment'>, model: CommentFormModel, description?: SafeHtml): SafeHtml {
  const spec = INPUT[field];
  const by = describedBy(field, model, description ? `edit-${field}-description` : undefined);
  return html`<div class="form-item${model.errors[field] ? ' has-error' : ''}">
<label for="edit-${field}">${t(ctx.edition.lang, LABEL[field])}${spec.required ? requiredMark(ctx) : ''}</label>
<input type="${spec.type}" id="edit-${field}" name="${field}" value="${model.values[field]}" maxlength="${COMMENT_LIMITS[field]}" autocomplete="${spec.autocomplete}"${spec.required ? html` required` : ''}${model.errors[field] ? html` aria-invalid="true"` : ''}${by ? html` aria-describedby="${by}"` : ''}${field === 'homepage' || field === 'mail' ? html` dir="ltr"` : ''}>
${description ?? ''}
${fieldError(ctx, field, model)}
</div>`;
}

/**
 * The "Post new comment" form of the original site: Name, E-mail (private), Homepage, Subject,
 * Comment, the three tips and the formatting link, Preview and Save. It works without JavaScript.
 */
export function commentFormView(ctx: SiteContext, model: CommentFormModel): SafeHtml {
  const lang = ctx.edition.lang;
  const tips = shortTips('filtered_html', lang);
  const formError = model.errors.form;
  const hasFieldErrors = Object.keys(model.errors).some((k) => k !== 'form');
  return html`<section class="comment-form-wrapper" id="comment-form" aria-labelledby="comment-form-title">
<h2 id="comment-form-title">${t(lang, model.heading)}</h2>
<form class="comment-form" action="${model.action}" method="post" accept-charset="UTF-8">
${formError ? html`<p class="messages error" role="alert">${formError[lang]}</p>` : ''}
${hasFieldErrors ? html`<p class="messages error" role="alert">${t(lang, 'formProblems')}</p>` : ''}
${model.signedInAs === null ? [
    input(ctx, 'name', model),
    input(ctx, 'mail', model, html`<p class="description" id="edit-mail-description">${t(lang, 'formEmailDescription')}</p>`),
    input(ctx, 'homepage', model),
  ] : ''}
${input(ctx, 'subject', model)}
<div class="form-item${model.errors.comment ? ' has-error' : ''}">
<label for="edit-comment">${t(lang, 'formComment')}${requiredMark(ctx)}</label>
<textarea id="edit-comment" name="comment" rows="8" cols="60" required${model.errors.comment ? html` aria-invalid="true" aria-describedby="edit-comment-error"` : ''}>${model.values.comment}</textarea>
${fieldError(ctx, 'comment', model)}
<ul class="tips">${tips.map((tip) => html`<li id="${tip.id}">${tip.text}</li>`)}</ul>
<p class="filter-help"><a href="${tipsUrl(ctx)}">${t(lang, 'formMoreInformation')}</a></p>
</div>
<div class="form-item hp-field">
<label for="edit-website">${t(lang, 'formHoneypot')}</label>
<input type="text" id="edit-website" name="website" value="" tabindex="-1" autocomplete="off">
</div>
<input type="hidden" name="form_token" value="${model.formToken}">
${model.csrfToken ? html`<input type="hidden" name="_csrf" value="${model.csrfToken}">` : ''}
<div class="form-actions">
<button type="submit" name="op" value="save">${t(lang, 'formSave')}</button>
<button type="submit" name="op" value="preview" class="secondary">${t(lang, 'formPreview')}</button>
</div>
</form>
</section>`;
}

import type { ArticleFormValues, FieldErrors } from '../../domain/article-form.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import { tn } from '../../text/newsroom-messages.ts';
import type { SiteContext } from '../site-context.ts';
import { formField } from './form-field.ts';
import { html } from './html.ts';
import { mediaPickerField, type MediaPickerModel } from './media-picker-field.ts';

/**
 * The lead photo part of the article form: a photo picked from the media library (issue 12,
 * point 5), or a path (an archive file, another address), with caption and credit as text. A
 * picked photo fills the path, and the caption and credit where they are left empty.
 */
export function leadPhotoFields(ctx: SiteContext, values: ArticleFormValues, errors: FieldErrors, media: MediaPickerModel | null = null): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<fieldset class="lead-photo-fields">
<legend>${tn(lang, 'photoLegend')}</legend>
${media && media.items.length > 0 ? mediaPickerField(ctx, media) : ''}
${formField(ctx, errors, { name: 'photoSrc', label: tn(lang, 'fieldPhotoSrc'), control: (a) => html`<input type="text" id="field-photoSrc" name="photoSrc" value="${values.photoSrc}" maxlength="2048" dir="ltr"${a}>` })}
${formField(ctx, errors, { name: 'photoCaption', label: tn(lang, 'fieldPhotoCaption'), control: (a) => html`<input type="text" id="field-photoCaption" name="photoCaption" value="${values.photoCaption}" maxlength="1000" dir="auto"${a}>` })}
${formField(ctx, errors, { name: 'photoCredit', label: tn(lang, 'fieldPhotoCredit'), control: (a) => html`<input type="text" id="field-photoCredit" name="photoCredit" value="${values.photoCredit}" maxlength="255" dir="auto"${a}>` })}
</fieldset>`;
}

import type { FieldErrors } from '../../domain/article-form.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import type { SiteContext } from '../site-context.ts';
import { html } from './html.ts';

/**
 * One labelled form control with its hint and its error right after it, tied to the control by
 * aria-describedby (so a screen reader reads the problem with the field), and aria-invalid when bad.
 */
export function formField(ctx: SiteContext, errors: FieldErrors, field: {
  name: string; label: string; hint?: string; control: (describedBy: SafeHtml) => SafeHtml;
}): SafeHtml {
  const error = errors[field.name]?.[ctx.edition.lang];
  const ids = [field.hint ? `hint-${field.name}` : '', error ? `error-${field.name}` : ''].filter((id) => id !== '').join(' ');
  const attrs = html`${ids ? html` aria-describedby="${ids}"` : ''}${error ? html` aria-invalid="true"` : ''}`;
  return html`<div class="form-item${error ? ' form-item-error' : ''}">
<label for="field-${field.name}">${field.label}</label>
${field.control(attrs)}
${field.hint ? html`<p class="description" id="hint-${field.name}">${field.hint}</p>` : ''}
${error ? html`<p class="field-error" id="error-${field.name}">${error}</p>` : ''}
</div>`;
}

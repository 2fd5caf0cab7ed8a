import type { FieldErrors } from '../../domain/article-form.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import type { DeskListItem } from '../../services/article-editing-service.ts';
import { tn } from '../../text/newsroom-messages.ts';
import type { SiteContext } from '../site-context.ts';
import { frontAdminUrl } from '../urls.ts';
import { deskNotice, type DeskNotice } from './content-list-view.ts';
import { html } from './html.ts';
import { staffBar } from './moderation-queue-view.ts';

/** The front page form's data; `positions` are as typed (tid to text), so a refused form comes back whole. */
export interface FrontModel {
  readonly me: { readonly name: string };
  readonly csrfToken: string;
  readonly candidates: readonly DeskListItem[];
  readonly lead: string;
  readonly sections: readonly { readonly tid: number; readonly name: string }[];
  readonly positions: ReadonlyMap<number, string>;
  readonly errors: FieldErrors;
  readonly notice: DeskNotice | null;
}

/**
 * /admin/front (issue 12, point 6): the lead story (one of the newest published articles) and a
 * position number per section. Numbers rather than drag and drop, so it works without JavaScript; a text input, so a mistyped one comes back as typed.
 */
export function frontView(ctx: SiteContext, model: FrontModel): SafeHtml {
  const lang = ctx.edition.lang;
  const leadError = model.errors.lead?.[lang];
  const sectionsError = model.errors.sections?.[lang];
  return html`<div class="newsroom front-admin">
${staffBar(ctx, model.me.name, model.csrfToken)}
<h1 class="page-title">${tn(lang, 'frontTitle')}</h1>
${deskNotice(model.notice)}
<p>${tn(lang, 'frontIntro')}</p>
<form class="front-form" action="${frontAdminUrl(ctx)}" method="post" accept-charset="UTF-8">
<input type="hidden" name="_csrf" value="${model.csrfToken}">
<div class="form-item${leadError ? ' form-item-error' : ''}">
<label for="front-lead">${tn(lang, 'frontLead')}</label>
<select id="front-lead" name="lead"${leadError ? html` aria-describedby="error-lead" aria-invalid="true"` : ''}>
<option value="">${tn(lang, 'frontNoLead')}</option>
${model.candidates.map((c) => html`<option value="${String(c.nid)}"${String(c.nid) === model.lead ? html` selected` : ''}>${c.title}</option>`)}
</select>
${leadError ? html`<p class="field-error" id="error-lead">${leadError}</p>` : ''}
</div>
<fieldset aria-describedby="front-positions-hint${sectionsError ? ' error-sections' : ''}">
<legend>${tn(lang, 'frontSections')}</legend>
<p class="description" id="front-positions-hint">${tn(lang, 'frontPositionHint')}</p>
${sectionsError ? html`<p class="field-error" id="error-sections">${sectionsError}</p>` : ''}
${model.sections.map((s) => html`<div class="form-item">
<label for="front-position-${s.tid}">${tn(lang, 'frontPosition', { name: s.name })}</label>
<input type="text" id="front-position-${s.tid}" name="position-${s.tid}" value="${model.positions.get(s.tid) ?? ''}" size="3" maxlength="2" inputmode="numeric" pattern="[0-9]{1,2}">
</div>`)}
</fieldset>
<div class="form-actions"><button type="submit">${tn(lang, 'frontSave')}</button></div>
</form>
</div>`;
}

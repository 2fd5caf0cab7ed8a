import type { MediaItem } from '../../domain/media.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import { MEDIA_BASE } from '../../services/media-service.ts';
import { renditionOf } from '../../domain/media.ts';
import { tm } from '../../text/media-messages.ts';
import type { SiteContext } from '../site-context.ts';
import { mediaLibraryUrl } from '../urls.ts';
import { html } from './html.ts';
import { pictureElement } from './responsive-image.ts';

/** What the picker shows and which item is chosen. */
export interface MediaPickerModel {
  /** The form field's name; its value is the chosen item's id, or "" for none. */
  readonly name: string;
  /** The items offered (e.g. `deps.media.list(user, { edition, limit: 24 })`, or a search's result). */
  readonly items: readonly MediaItem[];
  /** The chosen item's id, or null for none. */
  readonly selected: string | null;
}

/**
 * A lead-photo picker for the article form (issue 12, point 5): radio buttons, each with the
 * photo's thumbnail and caption, and "no lead photo" first. It needs no JavaScript. The form's
 * handler turns the posted id into the article's photo with `deps.media.photoFor(id)`
 * (`{ src, caption, credit, rendition }`) and calls `deps.media.requireAlt(id)` before publishing.
 * A link opens the library (upload, search) in a new page, so nothing typed in the form is lost.
 */
export function mediaPickerField(ctx: SiteContext, model: MediaPickerModel): SafeHtml {
  const lang = ctx.edition.lang;
  const id = (suffix: string) => `${model.name}-${suffix}`;
  return html`<fieldset class="media-picker">
<legend>${tm(lang, 'pickerLegend')}</legend>
<div class="media-choice"><input type="radio" id="${id('none')}" name="${model.name}" value=""${model.selected === null ? html` checked` : ''}><label for="${id('none')}">${tm(lang, 'pickerNone')}</label></div>
${model.items.map((item) => html`<div class="media-choice"><input type="radio" id="${id(item.id)}" name="${model.name}" value="${item.id}"${item.id === model.selected ? html` checked` : ''}><label for="${id(item.id)}">${pictureElement(renditionOf(item, MEDIA_BASE), { alt: '', sizes: '8rem', lazy: true })} <bdi>${item.caption ?? item.originalName}</bdi>${item.alt ? '' : html` <span class="media-warning">(${tm(lang, 'noAlt')})</span>`}</label></div>`)}
<p><a href="${mediaLibraryUrl(ctx)}" target="_blank">${tm(lang, 'pickerLibrary')}</a></p>
</fieldset>`;
}

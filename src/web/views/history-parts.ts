import type { SafeHtml } from '../../domain/safe-html.ts';
import type { DiffLine } from '../../text/word-diff.ts';
import { formatSavedAt } from '../../text/dates.ts';
import { th, type HistoryMessageKey } from '../../text/history-messages.ts';
import type { SiteContext } from '../site-context.ts';
import { html, join } from './html.ts';
import { timeTag } from './teasers.ts';

/**
 * A message with one placeholder filled by markup (a <bdi> around a title that may mix Arabic
 * and Latin), the rest of the message escaped as text.
 */
export function messageWith(lang: 'en' | 'ar', key: HistoryMessageKey, name: string, value: SafeHtml): SafeHtml {
  return join(th(lang, key).split(`@${name}`).map((part) => html`${part}`), value.html);
}

/** A saved time, to the second, in the edition's zone and digits, as a <time>. */
export function savedAt(ctx: SiteContext, seconds: number): SafeHtml {
  return timeTag(ctx, seconds, savedAtText(ctx, seconds));
}

/** The same as plain text, for labels. */
export function savedAtText(ctx: SiteContext, seconds: number): string {
  return formatSavedAt(seconds, ctx.edition.lang, ctx.edition.timeZone, ctx.edition.digits);
}

/**
 * One line of a word diff. Insertions and deletions are <ins> and <del> (which screen readers do
 * not all announce), so each also carries hidden words saying which it is; each changed run is
 * isolated (<bdi>) so a Latin name changed inside Arabic keeps its place in the line.
 */
export function diffLineView(ctx: SiteContext, line: DiffLine): SafeHtml {
  const lang = ctx.edition.lang;
  const end = html`<span class="visually-hidden">${th(lang, 'markEnd')}</span>`;
  const marked = (kind: 'ins' | 'del', text: string) => (kind === 'ins'
    ? html`<ins><span class="visually-hidden">${th(lang, 'insertedStart')}</span><bdi>${text}</bdi>${end}</ins>`
    : html`<del><span class="visually-hidden">${th(lang, 'deletedStart')}</span><bdi>${text}</bdi>${end}</del>`);
  return html`<p dir="auto">${line.map((part) => (part.kind === 'same' ? part.text : marked(part.kind, part.text)))}</p>`;
}

import type { SafeHtml } from '../../domain/safe-html.ts';
import type { RevisionComparison } from '../../services/revision-service.ts';
import { th } from '../../text/history-messages.ts';
import type { SiteContext } from '../site-context.ts';
import { diffLineView, savedAtText } from './history-parts.ts';
import { html } from './html.ts';
import { staffBar } from './moderation-queue-view.ts';
import { articleLinks, revisionAuthor, titleHeading, type StaffFrame } from './revision-list-view.ts';

const FIELD_LABELS = Object.freeze({ title: 'fieldTitle', summary: 'fieldSummary', credit: 'fieldCredit', body: 'fieldBody' } as const);

/** Two revisions compared: each field's words, with insertions and deletions marked. */
export function revisionDiffView(ctx: SiteContext, model: { comparison: RevisionComparison; staff: StaffFrame; backTo: string }): SafeHtml {
  const lang = ctx.edition.lang;
  const c = model.comparison;
  const between = th(lang, 'diffBetween', {
    fromTime: savedAtText(ctx, c.from.revisedAt), fromWho: revisionAuthor(lang, c.from), toTime: savedAtText(ctx, c.to.revisedAt), toWho: revisionAuthor(lang, c.to),
  });
  return html`<div class="revisions">
${staffBar(ctx, model.staff.name, model.staff.csrfToken)}
${titleHeading(ctx, 'diffTitle', c.node.title)}
${articleLinks(ctx, c)}
<p>${between}</p>
<p class="diff-legend">${th(lang, 'diffLegend')}</p>
${c.fields.map((f) => html`<section class="word-diff" aria-labelledby="diff-${f.field}">
<h2 id="diff-${f.field}">${th(lang, FIELD_LABELS[f.field])}</h2>
${f.changed ? f.lines.map((line) => diffLineView(ctx, line)) : html`<p class="diff-same">${th(lang, f.lines.length === 0 ? 'emptyField' : 'unchanged')}</p>`}
</section>`)}
<p><a href="${model.backTo}">${th(lang, 'backToRevisions')}</a></p>
</div>`;
}

import { AUDIT_AREAS, type AuditArea, type AuditEntry } from '../../domain/audit.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import { th, type HistoryMessageKey } from '../../text/history-messages.ts';
import { localizeDigits } from '../../text/numerals.ts';
import type { SiteContext } from '../site-context.ts';
import { articleEditUrl, auditLogUrl, peopleUrl, queueUrl, revisionsUrl } from '../urls.ts';
import { savedAt } from './history-parts.ts';
import { html } from './html.ts';
import { staffBar } from './moderation-queue-view.ts';
import { roleLabel } from './people-view.ts';
import type { StaffFrame } from './revision-list-view.ts';

const AREA_LABELS: Readonly<Record<AuditArea, HistoryMessageKey>> = Object.freeze({
  user: 'areaUser', article: 'areaArticle', trash: 'areaTrash', media: 'areaMedia', front: 'areaFront', correction: 'areaCorrection', settings: 'areaSettings',
});

/** The filters as typed (shown again as typed, even when one is refused). */
export interface AuditFilterValues {
  readonly person: string;
  readonly area: string;
  readonly node: string;
}

/** The log page's data. */
export interface AuditLogModel {
  readonly staff: StaffFrame;
  readonly filters: AuditFilterValues;
  /** Who can be picked in the person filter. */
  readonly people: readonly { readonly uid: number; readonly name: string }[];
  /** Null when the filters were refused (see `error`). */
  readonly entries: readonly AuditEntry[] | null;
  readonly error: { readonly field: keyof AuditFilterValues | 'before'; readonly text: string } | null;
  /** The cursor of the next (older) page, when there is one. */
  readonly older: string | null;
  /** Whether this is a later page (so "newest entries" leads back). */
  readonly paged: boolean;
}

function who(ctx: SiteContext, e: AuditEntry): SafeHtml {
  if (e.actorUid !== null) return html`<bdi>${e.actorName}</bdi>`;
  return html`${th(ctx.edition.lang, e.actorName === 'system' ? 'actorSystem' : 'actorCli')}`;
}

/** The thing acted on, linked where it has a page: an article's edit page (its revisions in an archive), a person's row. */
function subject(ctx: SiteContext, e: AuditEntry): SafeHtml {
  const lang = ctx.edition.lang;
  const id = localizeDigits(e.subjectId, lang, ctx.edition.digits);
  const note = e.note ? html` <bdi class="audit-note">${e.note}</bdi>` : '';
  if (e.subjectType === 'node' && /^\d{1,10}$/.test(e.subjectId)) {
    const nid = Number(e.subjectId);
    const edition = ctx.editions.find((x) => x.code === e.edition) ?? ctx.edition;
    const where = { prefix: edition.code === ctx.edition.code ? ctx.prefix : edition.pathPrefix };
    const href = edition.mode === 'archive' ? revisionsUrl(where, nid) : articleEditUrl(where, nid);
    return html`<a href="${href}">${th(lang, 'subjectNode', { id })}</a>${note} (<a href="${auditLogUrl(ctx, { node: e.subjectId })}">${th(lang, 'logAllOnIt')}</a>)`;
  }
  if (e.subjectType === 'user') return html`<a href="${peopleUrl(ctx)}">${th(lang, 'subjectUser', { id })}</a>${note}`;
  if (e.subjectType === 'invitation') return html`${th(lang, 'subjectInvitation', { id: e.subjectId })}${note}`;
  return html`${th(lang, 'subjectOther', { type: e.subjectType, id: e.subjectId })}${note}`;
}

/** One side of a change: a role by its label, a revision hash shortened, anything else as stored. */
function value(ctx: SiteContext, e: AuditEntry, v: string | null): SafeHtml {
  if (v === null) return html``;
  if (e.action === 'user.role' || e.action === 'user.invite') return html`${roleLabel(ctx.edition.lang, v)}`;
  if (/^[0-9a-f]{64}$/.test(v)) return html`<code dir="ltr" title="${v}">${v.slice(0, 12)}</code>`;
  return html`<bdi>${v}</bdi>`;
}

function change(ctx: SiteContext, e: AuditEntry): SafeHtml {
  if (e.before === null && e.after === null) return html``;
  if (e.before === null) return value(ctx, e, e.after);
  return html`${value(ctx, e, e.before)} ${ctx.edition.lang === 'ar' ? '←' : '→'} ${value(ctx, e, e.after)}`;
}

function filtersForm(ctx: SiteContext, model: AuditLogModel): SafeHtml {
  const lang = ctx.edition.lang;
  const f = model.filters;
  const invalid = (field: keyof AuditFilterValues) => (model.error?.field === field ? html` aria-invalid="true" aria-describedby="log-error"` : '');
  return html`<form class="audit-filters" action="${auditLogUrl(ctx)}" method="get">
<fieldset><legend>${th(lang, 'logFilters')}</legend>
<div class="form-item"><label for="log-person">${th(lang, 'filterPerson')}</label>
<select id="log-person" name="person"${invalid('person')}><option value="">${th(lang, 'filterAnyone')}</option>
${model.people.map((p) => html`<option value="${p.uid}"${String(p.uid) === f.person ? html` selected` : ''}>${p.name}</option>`)}
</select></div>
<div class="form-item"><label for="log-area">${th(lang, 'filterArea')}</label>
<select id="log-area" name="area"${invalid('area')}><option value="">${th(lang, 'filterAnyArea')}</option>
${AUDIT_AREAS.map((a) => html`<option value="${a}"${a === f.area ? html` selected` : ''}>${th(lang, AREA_LABELS[a])}</option>`)}
</select></div>
<div class="form-item"><label for="log-node">${th(lang, 'filterNode')}</label>
<input type="text" id="log-node" name="node" value="${f.node}" inputmode="numeric" size="10" maxlength="20" dir="ltr"${invalid('node')}></div>
<div class="form-actions"><button type="submit">${th(lang, 'filterSubmit')}</button> <a href="${auditLogUrl(ctx)}">${th(lang, 'filterClear')}</a></div>
</fieldset>
</form>`;
}

function entriesTable(ctx: SiteContext, entries: readonly AuditEntry[]): SafeHtml {
  const lang = ctx.edition.lang;
  if (entries.length === 0) return html`<p class="audit-empty">${th(lang, 'logEmpty')}</p>`;
  return html`<div class="table-scroll"><table class="audit-table">
<caption>${th(lang, 'logCaption')}</caption>
<thead><tr><th scope="col">${th(lang, 'logWhen')}</th><th scope="col">${th(lang, 'logWho')}</th><th scope="col">${th(lang, 'logWhat')}</th><th scope="col">${th(lang, 'logSubject')}</th><th scope="col">${th(lang, 'logChange')}</th></tr></thead>
<tbody>
${entries.map((e) => html`<tr data-action="${e.action}"><td>${savedAt(ctx, Math.floor(e.at / 1000))}</td><td>${who(ctx, e)}</td><td>${th(lang, e.action)}</td><td>${subject(ctx, e)}</td><td>${change(ctx, e)}</td></tr>`)}
</tbody>
</table></div>`;
}

function pager(ctx: SiteContext, model: AuditLogModel): SafeHtml {
  if (!model.older && !model.paged) return html``;
  const lang = ctx.edition.lang;
  const f = model.filters;
  return html`<nav class="audit-pager" aria-label="${th(lang, 'logPaging')}"><ul>
${model.paged ? html`<li><a href="${auditLogUrl(ctx, { ...f })}">${th(lang, 'logNewest')}</a></li>` : ''}
${model.older ? html`<li><a href="${auditLogUrl(ctx, { ...f, before: model.older })}" rel="next">${th(lang, 'logOlder')}</a></li>` : ''}
</ul></nav>`;
}

/**
 * /admin/log: the audit log, newest first, a page at a time (keyset: "older" carries the last
 * entry's time and id, so new entries never shift a page), with filters by person, area and
 * article in a GET form that works without JavaScript.
 */
export function auditLogView(ctx: SiteContext, model: AuditLogModel): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<div class="audit-log">
${staffBar(ctx, model.staff.name, model.staff.csrfToken)}
<h1 class="page-title">${th(lang, 'logTitle')}</h1>
<p>${th(lang, 'logIntro')} <a href="${queueUrl(ctx, 'pending')}">${th(lang, 'logModeration')}</a></p>
${model.error ? html`<p class="messages error" role="alert" id="log-error">${model.error.text}</p>` : ''}
${filtersForm(ctx, model)}
${model.entries === null ? '' : entriesTable(ctx, model.entries)}
${pager(ctx, model)}
</div>`;
}

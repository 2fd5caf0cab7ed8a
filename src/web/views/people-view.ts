import type { SafeHtml } from '../../domain/safe-html.ts';
import { can, ROLES, type Role } from '../../domain/permissions.ts';
import type { PendingInvitation, UserRecord } from '../../services/people-service.ts';
import { formatShortDate } from '../../text/dates.ts';
import { tp, type PeopleMessageKey } from '../../text/people-messages.ts';
import type { SiteContext } from '../site-context.ts';
import { html } from './html.ts';
import { staffBar } from './moderation-queue-view.ts';
import { inviteUrl, personActionUrl } from '../urls.ts';

/** Each role's label. */
export const ROLE_LABELS: Readonly<Record<Role, PeopleMessageKey>> = Object.freeze({
  writer: 'roleWriter', editor: 'roleEditor', moderator: 'roleModerator', admin: 'roleAdmin',
});

/** A role's label in the page's language (an unknown stored role is shown as stored). */
export function roleLabel(lang: 'en' | 'ar', role: string): string {
  return role in ROLE_LABELS ? tp(lang, ROLE_LABELS[role as Role]) : role;
}

/** What the page reports at the top: a change made, a link to hand over, or an error. */
export type PeopleNotice =
  | { readonly kind: 'done'; readonly text: string }
  | { readonly kind: 'link'; readonly why: 'whyNoSmtp' | 'whyNoAddress'; readonly link: string }
  | { readonly kind: 'error'; readonly text: string };

/** The people page's data. */
export interface PeopleModel {
  readonly me: UserRecord;
  readonly users: readonly UserRecord[];
  readonly invitations: readonly PendingInvitation[];
  readonly csrfToken: string;
  readonly notice: PeopleNotice | null;
  /** What the invitation form shows again after an error. */
  readonly inviteValues: { readonly email: string; readonly role: string };
}

function noticeView(ctx: SiteContext, notice: PeopleNotice | null): SafeHtml {
  if (!notice) return html``;
  const lang = ctx.edition.lang;
  if (notice.kind === 'error') return html`<p class="messages error" role="alert" id="people-error">${notice.text}</p>`;
  if (notice.kind === 'done') return html`<p class="messages" role="status">${notice.text}</p>`;
  // The link is Latin and left-to-right inside an Arabic sentence: isolated, so the bidi algorithm keeps it whole.
  return html`<div class="messages" role="status"><p>${tp(lang, 'linkNotMailed', { why: tp(lang, notice.why) })}</p>
<p><code class="one-time-link" dir="ltr">${notice.link}</code></p></div>`;
}

function roleOptions(lang: 'en' | 'ar', selected: string, roles: readonly Role[] = ROLES): SafeHtml[] {
  return roles.map((r) => html`<option value="${r}"${r === selected ? html` selected` : ''}>${tp(lang, ROLE_LABELS[r])}</option>`);
}

function personRow(ctx: SiteContext, model: PeopleModel, user: UserRecord): SafeHtml {
  const lang = ctx.edition.lang;
  const self = user.uid === model.me.uid;
  // Editors see who is in the newsroom; only admins change anyone.
  const admin = can(model.me.role, 'manage people');
  const csrf = html`<input type="hidden" name="_csrf" value="${model.csrfToken}">`;
  const id = `role-${user.uid}`;
  const actions = self || !admin ? html`` : html`<form class="inline-form" action="${personActionUrl(ctx, user.uid, 'role')}" method="post">${csrf}
<label for="${id}" class="visually-hidden">${tp(lang, 'roleOf', { name: user.name })}</label>
<select id="${id}" name="role">${roleOptions(lang, user.role)}</select>
<button type="submit">${tp(lang, 'changeRole')}</button></form>
<form class="inline-form" action="${personActionUrl(ctx, user.uid, user.status === 'active' ? 'disable' : 'enable')}" method="post">${csrf}
<button type="submit"${user.status === 'active' ? html` class="danger"` : ''}>${tp(lang, user.status === 'active' ? 'disable' : 'enable')}</button></form>
${user.status === 'active' ? html`<form class="inline-form" action="${personActionUrl(ctx, user.uid, 'reset')}" method="post">${csrf}
<button type="submit">${tp(lang, 'resetLink')}</button></form>` : ''}`;
  return html`<tr>
<td><bdi>${user.name}</bdi>${self ? html` ${tp(lang, 'you')}` : ''}</td>
<td>${user.email ? html`<bdi dir="ltr">${user.email}</bdi>` : ''}</td>
<td>${roleLabel(lang, user.role)}</td>
<td>${tp(lang, user.status === 'active' ? 'statusActive' : 'statusDisabled')}</td>
<td>${actions}</td>
</tr>`;
}

/**
 * /admin/people: who signs in, with their role and status; a form per person to change the role,
 * disable or enable, and make a reset link; the open invitations; and the invitation form. Every
 * form is a plain POST with the CSRF token, so it all works without JavaScript.
 */
export function peopleView(ctx: SiteContext, model: PeopleModel): SafeHtml {
  const lang = ctx.edition.lang;
  const tz = ctx.edition.timeZone;
  const err = model.notice?.kind === 'error' ? html` aria-describedby="people-error"` : '';
  return html`<div class="people">
${staffBar(ctx, model.me.name, model.csrfToken)}
<h1 class="page-title">${tp(lang, 'peopleTitle')}</h1>
${noticeView(ctx, model.notice)}
<p>${tp(lang, 'peopleIntro')}</p>
<table class="people-table">
<thead><tr><th scope="col">${tp(lang, 'peopleName')}</th><th scope="col">${tp(lang, 'peopleEmail')}</th><th scope="col">${tp(lang, 'peopleRole')}</th><th scope="col">${tp(lang, 'peopleStatus')}</th><th scope="col">${tp(lang, 'peopleActions')}</th></tr></thead>
<tbody>
${model.users.map((u) => personRow(ctx, model, u))}
</tbody>
</table>
<h2>${tp(lang, 'pendingTitle')}</h2>
${model.invitations.length === 0 ? html`<p>${tp(lang, 'pendingNone')}</p>` : html`<table class="people-table">
<thead><tr><th scope="col">${tp(lang, 'peopleEmail')}</th><th scope="col">${tp(lang, 'peopleRole')}</th><th scope="col">${tp(lang, 'pendingExpires')}</th></tr></thead>
<tbody>
${model.invitations.map((i) => html`<tr><td>${i.email ? html`<bdi dir="ltr">${i.email}</bdi>` : ''}</td><td>${roleLabel(lang, i.role)}</td><td>${formatShortDate(new Date(i.expiresAt * 1000), lang, tz, ctx.edition.digits)}</td></tr>`)}
</tbody>
</table>`}
<h2 id="invite">${tp(lang, 'inviteTitle')}</h2>
<form class="invite-form" action="${inviteUrl(ctx)}" method="post" accept-charset="UTF-8">
<input type="hidden" name="_csrf" value="${model.csrfToken}">
<div class="form-item">
<label for="invite-email">${tp(lang, 'inviteEmail')}</label>
<input type="email" id="invite-email" name="email" value="${model.inviteValues.email}" maxlength="320" dir="ltr" autocomplete="off" required${err}>
</div>
<div class="form-item">
<label for="invite-role">${tp(lang, 'inviteRole')}</label>
<select id="invite-role" name="role">${roleOptions(lang, model.inviteValues.role, can(model.me.role, 'manage people') ? ROLES : ['writer'])}</select>
</div>
<div class="form-actions"><button type="submit">${tp(lang, 'inviteSubmit')}</button></div>
</form>
</div>`;
}

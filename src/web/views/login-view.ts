import type { SafeHtml } from '../../domain/safe-html.ts';
import { t } from '../../text/messages.ts';
import type { SiteContext } from '../site-context.ts';
import { html } from './html.ts';
import { tm } from '../../text/media-messages.ts';
import { tp } from '../../text/people-messages.ts';
import { can } from '../../domain/permissions.ts';
import { th } from '../../text/history-messages.ts';
import { tn } from '../../text/newsroom-messages.ts';
import { auditLogUrl, contentListUrl, frontAdminUrl, loginUrl, logoutUrl, mediaLibraryUrl, passwordUrl, peopleUrl, queueUrl } from '../urls.ts';

/** What the sign-in form shows: the name typed last time (never the password) and why it failed. */
export interface LoginFormModel {
  readonly csrfToken: string;
  readonly name: string;
  readonly destination: string | null;
  readonly error: string | null;
}

/** The sign-in page: name, password, and the error of the last attempt next to the form. */
export function loginView(ctx: SiteContext, model: LoginFormModel): SafeHtml {
  const lang = ctx.edition.lang;
  const described = model.error ? html` aria-describedby="login-error" aria-invalid="true"` : '';
  return html`<div class="login-page">
<h1 class="page-title">${t(lang, 'signIn')}</h1>
<p class="description">${t(lang, 'signInIntro')}</p>
${model.error ? html`<p class="messages error" role="alert" id="login-error">${model.error}</p>` : ''}
<form class="login-form" action="${loginUrl(ctx)}" method="post" accept-charset="UTF-8">
<div class="form-item">
<label for="edit-name">${t(lang, 'signInName')}</label>
<input type="text" id="edit-name" name="name" value="${model.name}" maxlength="60" autocomplete="username" autocapitalize="none" spellcheck="false" required${described}>
</div>
<div class="form-item">
<label for="edit-pass">${t(lang, 'signInPassword')}</label>
<input type="password" id="edit-pass" name="pass" autocomplete="current-password" required${described}>
</div>
<input type="hidden" name="_csrf" value="${model.csrfToken}">
${model.destination ? html`<input type="hidden" name="destination" value="${model.destination}">` : ''}
<div class="form-actions"><button type="submit">${t(lang, 'signInSubmit')}</button></div>
</form>
<p><a href="${passwordUrl(ctx)}">${tp(lang, 'forgotPassword')}</a></p>
</div>`;
}

/** A sign-out button: a POST with the CSRF token, so no link or image elsewhere can sign anyone out. */
export function logoutButton(ctx: SiteContext, csrfToken: string): SafeHtml {
  return html`<form class="logout-form" action="${logoutUrl(ctx)}" method="post">
<input type="hidden" name="_csrf" value="${csrfToken}">
<button type="submit">${t(ctx.edition.lang, 'signOut')}</button>
</form>`;
}

/** The sign-in page of someone already signed in: who they are, where to go, how to leave. */
export function signedInView(ctx: SiteContext, name: string, csrfToken: string, role = 'moderator'): SafeHtml {
  const lang = ctx.edition.lang;
  const links = [
    ...(can(role, 'moderate comments') ? [html`<li><a href="${queueUrl(ctx, 'pending')}">${t(lang, 'queuePending')}</a></li>`] : []),
    ...(can(role, 'write drafts') ? [html`<li><a href="${contentListUrl(ctx)}">${tn(lang, 'contentLink')}</a></li>`] : []),
    ...(can(role, 'arrange front page') && ctx.edition.mode === 'live' ? [html`<li><a href="${frontAdminUrl(ctx)}">${tn(lang, 'frontLink')}</a></li>`] : []),
    ...(can(role, 'write drafts') ? [html`<li><a href="${mediaLibraryUrl(ctx)}">${tm(lang, 'mediaTitle')}</a></li>`] : []),
    ...(can(role, 'invite writers') ? [html`<li><a href="${peopleUrl(ctx)}">${tp(lang, 'peopleTitle')}</a></li>`] : []),
    ...(can(role, 'manage settings') ? [html`<li><a href="${auditLogUrl(ctx)}">${th(lang, 'logTitle')}</a></li>`] : []),
  ];
  return html`<div class="login-page">
<h1 class="page-title">${t(lang, 'signIn')}</h1>
<p>${t(lang, 'signedInAs', { name })}</p>
${links.length > 0 ? html`<nav aria-label="${tp(lang, 'staffNav')}"><ul>${links}</ul></nav>` : ''}
${logoutButton(ctx, csrfToken)}
</div>`;
}

/** GET /user/logout: a confirmation with the button that signs out. */
export function logoutView(ctx: SiteContext, csrfToken: string): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<div class="login-page">
<h1 class="page-title">${t(lang, 'signOut')}</h1>
<p>${t(lang, 'signOutConfirm', { site: ctx.edition.siteName })}</p>
${logoutButton(ctx, csrfToken)}
</div>`;
}

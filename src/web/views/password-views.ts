import type { SafeHtml } from '../../domain/safe-html.ts';
import { MIN_PASSWORD_LENGTH } from '../../services/auth-service.ts';
import { localizeDigits } from '../../text/numerals.ts';
import { tp } from '../../text/people-messages.ts';
import type { SiteContext } from '../site-context.ts';
import { html } from './html.ts';
import { roleLabel } from './people-view.ts';
import { invitationUrl, loginUrl, passwordUrl, resetUrl } from '../urls.ts';

function errorLine(error: string | null): SafeHtml {
  return error ? html`<p class="messages error" role="alert" id="form-error">${error}</p>` : html``;
}

function described(error: string | null): SafeHtml {
  return error ? html` aria-describedby="form-error" aria-invalid="true"` : html``;
}

function newPasswordFields(ctx: SiteContext, error: string | null): SafeHtml {
  const lang = ctx.edition.lang;
  const hint = tp(lang, 'passwordHint', { min: localizeDigits(String(MIN_PASSWORD_LENGTH), lang, ctx.edition.digits) });
  return html`<div class="form-item">
<label for="edit-pass">${tp(lang, 'resetPassword')}</label>
<input type="password" id="edit-pass" name="pass" minlength="${MIN_PASSWORD_LENGTH}" autocomplete="new-password" required${described(error)}>
<p class="description">${hint}</p>
</div>
<div class="form-item">
<label for="edit-pass2">${tp(lang, 'resetConfirm')}</label>
<input type="password" id="edit-pass2" name="pass2" minlength="${MIN_PASSWORD_LENGTH}" autocomplete="new-password" required>
</div>`;
}

/** /user/password: name or e-mail, and the button that sends a link. */
export function passwordRequestView(ctx: SiteContext, csrfToken: string): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<div class="login-page">
<h1 class="page-title">${tp(lang, 'passwordTitle')}</h1>
<p class="description">${tp(lang, 'passwordIntro')}</p>
<form class="password-form" action="${passwordUrl(ctx)}" method="post" accept-charset="UTF-8">
<div class="form-item">
<label for="edit-name">${tp(lang, 'passwordName')}</label>
<input type="text" id="edit-name" name="name" maxlength="255" autocomplete="username" autocapitalize="none" spellcheck="false" required>
</div>
<input type="hidden" name="_csrf" value="${csrfToken}">
<div class="form-actions"><button type="submit">${tp(lang, 'passwordSubmit')}</button></div>
</form>
</div>`;
}

/** The answer to a reset request: the same words whether or not any account matched. */
export function passwordSentView(ctx: SiteContext): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<div class="login-page">
<h1 class="page-title">${tp(lang, 'passwordTitle')}</h1>
<p class="messages" role="status">${tp(lang, 'passwordSent')}</p>
<p><a href="${loginUrl(ctx)}">${tp(lang, 'signInNow')}</a></p>
</div>`;
}

/** /user/reset/<token>: the new password, twice. */
export function resetFormView(ctx: SiteContext, model: { token: string; csrfToken: string; error: string | null }): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<div class="login-page">
<h1 class="page-title">${tp(lang, 'resetTitle')}</h1>
${errorLine(model.error)}
<form class="password-form" action="${resetUrl(ctx, model.token)}" method="post" accept-charset="UTF-8">
${newPasswordFields(ctx, model.error)}
<input type="hidden" name="_csrf" value="${model.csrfToken}">
<div class="form-actions"><button type="submit">${tp(lang, 'resetSubmit')}</button></div>
</form>
</div>`;
}

/** A one-time link that no longer works (used, expired, or never issued). */
export function linkInvalidView(ctx: SiteContext, kind: 'reset' | 'invite'): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<div class="login-page">
<h1 class="page-title">${tp(lang, kind === 'reset' ? 'resetTitle' : 'inviteAcceptTitle')}</h1>
<p class="messages error" role="alert">${tp(lang, kind === 'reset' ? 'resetInvalid' : 'inviteInvalid')}</p>
${kind === 'reset' ? html`<p><a href="${passwordUrl(ctx)}">${tp(lang, 'askAgain')}</a></p>` : ''}
</div>`;
}

/** Done: the password is set or the account made; the way on is to sign in. */
export function doneView(ctx: SiteContext, kind: 'reset' | 'invite'): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<div class="login-page">
<h1 class="page-title">${tp(lang, kind === 'reset' ? 'resetTitle' : 'inviteAcceptTitle')}</h1>
<p class="messages" role="status">${tp(lang, kind === 'reset' ? 'resetDone' : 'inviteAccepted')}</p>
<p><a href="${loginUrl(ctx)}">${tp(lang, 'signInNow')}</a></p>
</div>`;
}

/** /user/invite/<token>: the invitee picks a name and a password. */
export function invitationView(ctx: SiteContext, model: { token: string; role: string; name: string; csrfToken: string; error: string | null }): SafeHtml {
  const lang = ctx.edition.lang;
  return html`<div class="login-page">
<h1 class="page-title">${tp(lang, 'inviteAcceptTitle')}</h1>
<p class="description">${tp(lang, 'inviteAcceptIntro', { role: roleLabel(lang, model.role) })}</p>
${errorLine(model.error)}
<form class="password-form" action="${invitationUrl(ctx, model.token)}" method="post" accept-charset="UTF-8">
<div class="form-item">
<label for="edit-name">${tp(lang, 'inviteAcceptName')}</label>
<input type="text" id="edit-name" name="name" value="${model.name}" maxlength="60" autocomplete="username" required${described(model.error)}>
</div>
${newPasswordFields(ctx, model.error)}
<input type="hidden" name="_csrf" value="${model.csrfToken}">
<div class="form-actions"><button type="submit">${tp(lang, 'inviteAcceptSubmit')}</button></div>
</form>
</div>`;
}

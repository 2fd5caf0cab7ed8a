import type { SafeHtml } from '../../domain/safe-html.ts';
import { staffFormatTips } from '../../filter/index.ts';
import { assetPath } from '../asset-catalogue.ts';
import { html } from './html.ts';

/**
 * The staff body editor's stylesheet and script, for a page whose form holds a
 * `<textarea data-folio-editor>`: hashed, immutable assets (no inline script or style, as the
 * CSP requires). `defer` runs the editor once the form is parsed.
 */
export function editorAssets(): SafeHtml {
  return html`<link rel="stylesheet" href="${assetPath('editor.css')}">
<script src="${assetPath('editor.js')}" defer></script>`;
}

/**
 * The staff format's tips under the body textarea (what works without JavaScript), in the page's
 * language; `id` is for the textarea's aria-describedby.
 */
export function staffFormatTipsView(lang: 'en' | 'ar', id: string): SafeHtml {
  const tips = staffFormatTips(lang);
  return html`<div class="format-tips staff-format-tips" id="${id}">
<ul>
${tips.short.map((tip) => html`<li id="staff-${tip.id}">${tip.text}</li>`)}
${tips.staff.map((tip) => html`<li id="${tip.id}">${tip.text}${tip.example === null ? '' : html` <code dir="ltr">${tip.example}</code>`}</li>`)}
</ul>
</div>`;
}

import { isSafeHtml, trustedHtml, type SafeHtml } from '../../domain/safe-html.ts';

/** A value a template may interpolate: text is escaped, SafeHtml is inserted as is, arrays are joined. */
export type TemplateValue = string | number | boolean | null | undefined | SafeHtml | readonly TemplateValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const ESCAPE_TEST = /[&<>"']/;
const ESCAPE_ALL = /[&<>"']/g;

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return ESCAPE_TEST.test(text) ? text.replace(ESCAPE_ALL, (c) => ESCAPES[c]!) : text;
}

function render(value: TemplateValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number' || value === true) return String(value);
  if (isSafeHtml(value)) return value.html;
  if (Array.isArray(value)) return value.map(render).join('');
  // Anything else (a plain object claiming to be safe, say) is a programming error, not markup.
  throw new TypeError('Template value of unsupported type');
}

/**
 * The one template tag: every interpolated value is escaped unless it is SafeHtml, so a view
 * cannot print reader-supplied text unescaped by accident (STYLE.md habit 4).
 */
export function html(strings: TemplateStringsArray, ...values: TemplateValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return trustedHtml(out);
}

/** Joins fragments without escaping them again. */
export function join(parts: readonly SafeHtml[], separator = ''): SafeHtml {
  return trustedHtml(parts.map((p) => p.html).join(separator));
}

// Characters that could end the <script> element or open a comment inside it, plus the two line
// separators some JavaScript parsers reject: JSON allows each as a \u escape, and means the same.
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * A JSON-LD data block. Browsers do not run scripts of this type, so the no-inline-script CSP
 * neither blocks nor reports it; escaping `<` keeps `</script>` and `<!--` in a headline inert.
 */
export function jsonLdScript(data: Readonly<Record<string, unknown>>): SafeHtml {
  const json = JSON.stringify(data).replace(UNSAFE_IN_SCRIPT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return trustedHtml(`<script type="application/ld+json">${json}</script>`);
}

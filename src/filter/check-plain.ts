/**
 * Drupal's `check_plain()`: escapes the five characters that matter in HTML text and in quoted
 * attribute values. `'` becomes `&#039;`, as in Drupal, so conformance output matches byte for byte.
 */
const PLAIN_SPECIALS = /[&<>"']/g;
const HAS_PLAIN_SPECIAL = /[&<>"']/;
const PLAIN_REPLACEMENTS: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#039;',
};

function replacePlain(c: string): string {
  return PLAIN_REPLACEMENTS[c] ?? c;
}

/** Escapes `& < > " '` for use in HTML text or attribute values. */
export function checkPlain(text: string): string {
  // Fast path: most text has nothing to escape, and a regex test is cheaper than a replace.
  return HAS_PLAIN_SPECIAL.test(text) ? text.replace(PLAIN_SPECIALS, replacePlain) : text;
}

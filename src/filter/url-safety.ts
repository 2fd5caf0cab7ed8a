/**
 * URL protocol checks. `stripDangerousProtocols` is Drupal 7's algorithm (kept for the helpers
 * and conformance); `isSafeUrl` is what Folio's own stages use (docs/comment-format.md decision 3).
 */
import { checkPlain } from './check-plain.ts';
import { decodeUntilStable } from './decode-entities.ts';
import { URL_SCHEMES } from '../domain/url-schemes.ts';
import { DRUPAL_PROTOCOLS } from './filter-settings.ts';

const RELATIVE_MARKERS = /[/?#]/;

/**
 * Drupal 7's `drupal_strip_dangerous_protocols()`: repeatedly removes a leading `scheme:` whose
 * scheme is not allowed; a colon after `/`, `?` or `#` means a relative URL and stops the loop.
 */
export function stripDangerousProtocols(uri: string, protocols: readonly string[] = DRUPAL_PROTOCOLS): string {
  let current = uri;
  for (;;) {
    const colon = current.indexOf(':');
    if (colon <= 0) return current;
    const scheme = current.slice(0, colon);
    if (RELATIVE_MARKERS.test(scheme)) return current;
    if (protocols.includes(scheme.toLowerCase())) return current;
    current = current.slice(colon + 1);
  }
}

/** Drupal 7's `check_url()`: strips dangerous protocols, then HTML-escapes. */
export function checkUrl(uri: string): string {
  return checkPlain(stripDangerousProtocols(uri));
}

// The WHATWG URL parser drops leading/trailing C0 controls and spaces and every tab or newline
// before it looks for a scheme, so `" \x0e javascript:"` and `"jav\tascript:"` are javascript:.
const URL_EDGE_JUNK = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const URL_TAB_NEWLINE = /[\t\n\r]/g;
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/** The scheme a browser would read from this attribute value (lowercased), or null if relative. */
export function urlScheme(value: string): string | null {
  const normalised = value.replace(URL_EDGE_JUNK, '').replace(URL_TAB_NEWLINE, '');
  const match = SCHEME.exec(normalised);
  return match?.[1] ? match[1].toLowerCase() : null;
}

// Characters a normalising consumer (a search index, a feed reader, a copy-paste) drops: zero-width
// space and joiners, word joiner, BOM, soft hyphen, bidi controls, variation selectors …
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
// Leading white space (NBSP and the ideographic space included; NFKC makes NBSP a space anyway)
// and controls, C0 and C1.
const LEADING_SPACE_OR_CONTROL = /^[\p{White_Space}\p{Cc}]+/u;
const NOT_ASCII = /[^\u0000-\u007f]/;

/**
 * The scheme of a URL as read on a normalised copy (NFKC, default-ignorable code points, tabs and
 * newlines removed, leading space and controls trimmed, lowercased): the text before the first
 * colon, or null when there is no colon, it comes first, or `/`, `?` or `#` precede it (a
 * relative URL). Unlike `urlScheme`, any text counts, so `java\u200Bscript` is a scheme, an
 * unknown one, as Drupal's filter_xss_bad_protocol reads it (docs/url-schemes.md).
 */
export function schemeCandidate(value: string): string | null {
  // NFKC also turns the fullwidth colon (U+FF1A) into ":", so it is found below.
  const folded = NOT_ASCII.test(value) ? value.normalize('NFKC').replace(IGNORABLE, '') : value;
  const normalised = folded.replace(URL_TAB_NEWLINE, '').replace(LEADING_SPACE_OR_CONTROL, '');
  const colon = normalised.indexOf(':');
  if (colon <= 0) return null;
  const scheme = normalised.slice(0, colon);
  return RELATIVE_MARKERS.test(scheme) ? null : scheme.toLowerCase();
}

function schemeAllowed(value: string, protocols: readonly string[]): boolean {
  // Both readings must pass: the browser's (which skips leading junk such as "\x0e ") and the
  // normalised one (which sees through invisible and fullwidth characters).
  const browser = urlScheme(value);
  if (browser !== null && !protocols.includes(browser)) return false;
  const normalised = schemeCandidate(value);
  return normalised === null || protocols.includes(normalised);
}

/**
 * True when a decoded attribute value may be used as a link or image URL: it is relative or its
 * scheme is allowed, and stays so however many more times it is entity-decoded (feeds and
 * careless consumers decode twice). An unknown scheme, however it is disguised, makes the value
 * unsafe; callers drop it.
 */
export function isSafeUrl(value: string, protocols: readonly string[] = URL_SCHEMES.links): boolean {
  if (!schemeAllowed(value, protocols)) return false;
  const fully = decodeUntilStable(value);
  return fully === value || schemeAllowed(fully, protocols);
}

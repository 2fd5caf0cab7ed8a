/**
 * URL protocol checks. `stripDangerousProtocols` is Drupal 7's algorithm (kept for the helpers
 * and conformance); `isSafeUrl` is what Folio's own stages use (docs/comment-format.md decision 3).
 */
import { checkPlain } from './check-plain.ts';
import { decodeUntilStable } from './decode-entities.ts';
import { DRUPAL_PROTOCOLS, FOLIO_PROTOCOLS } from './filter-settings.ts';

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

/**
 * True when a decoded attribute value may be used as a link or image URL: it is relative or its
 * scheme is allowed, and stays so however many more times it is entity-decoded (feeds and
 * careless consumers decode twice).
 */
export function isSafeUrl(value: string, protocols: readonly string[] = FOLIO_PROTOCOLS): boolean {
  const once = urlScheme(value);
  if (once !== null && !protocols.includes(once)) return false;
  const fully = decodeUntilStable(value);
  if (fully === value) return true;
  const deep = urlScheme(fully);
  return deep === null || protocols.includes(deep);
}

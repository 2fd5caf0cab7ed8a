// Captures of one page arrive as http and https, with and without host, query or trailing
// slash. A site path without scheme, host, query, fragment or leading slash is what the
// importer stores ("content/some-slug"), so every URL is reduced to that.

/**
 * Site path of a URL or path: "https://x.example/content/a?page=1#c" → "content/a"; "" for the home
 * page. Percent-escapes are decoded ("content/a%E2%80%99b" → "content/a’b"), as Drupal stored
 * aliases and as the web layer decodes a request's path, so the old URL answers byte for byte.
 */
export function sitePath(url: string): string {
  let rest = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/^\/\/[^/?#]*/, '');
  rest = rest.replace(/[?#].*$/, '');
  const path = rest.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\/{2,}/g, '/');
  // Drupal without clean URLs answered ?q=node/1; the query then holds the path.
  const q = /[?&]q=([^&#]+)/.exec(url);
  if (path === '' || path === 'index.php') return q ? decodeSafe(q[1]!).replace(/^\/+|\/+$/g, '') : '';
  return decodeSafe(path, false);
}

/**
 * A URL's site path with its query string, as a source URL of the report ("tags/x?page=2"); null
 * for a URL without one. Drupal's ?q= (clean URLs off) names the path itself, so it is no query.
 */
export function sourceUrlOf(url: string): string | null {
  const query = /\?([^#]*)/.exec(url)?.[1] ?? '';
  const kept = query.split('&').filter((p) => p !== '' && !p.startsWith('q=')).join('&');
  return kept === '' ? null : `${sitePath(url)}?${kept}`;
}

/** The node id in a path such as "node/8674" or "node/8674/edit"; null otherwise. */
export function nidOfPath(path: string): number | null {
  const m = /^node\/(\d+)(?:\/|$)/.exec(path);
  return m ? Number(m[1]) : null;
}

function decodeSafe(s: string, plusIsSpace = true): string {
  try {
    return decodeURIComponent(plusIsSpace ? s.replace(/\+/g, ' ') : s);
  } catch {
    return s;
  }
}

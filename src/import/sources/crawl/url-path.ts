// Captures of one page arrive as http and https, with and without host, query or trailing
// slash. A site path without scheme, host, query, fragment or leading slash is what the
// importer stores ("content/some-slug"), so every URL is reduced to that.

/** Site path of a URL or path: "https://x.example/content/a?page=1#c" → "content/a"; "" for the home page. */
export function sitePath(url: string): string {
  let rest = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/^\/\/[^/?#]*/, '');
  rest = rest.replace(/[?#].*$/, '');
  let path = rest.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\/{2,}/g, '/');
  // Drupal without clean URLs answered ?q=node/1; the query then holds the path.
  const q = /[?&]q=([^&#]+)/.exec(url);
  if (path === '' || path === 'index.php') path = q ? decodeSafe(q[1]!).replace(/^\/+|\/+$/g, '') : '';
  return path;
}

/** The node id in a path such as "node/8674" or "node/8674/edit"; null otherwise. */
export function nidOfPath(path: string): number | null {
  const m = /^node\/(\d+)(?:\/|$)/.exec(path);
  return m ? Number(m[1]) : null;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

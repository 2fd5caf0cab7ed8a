// Legacy paths as redirect files, for every kind of host: an nginx map, a Netlify-style
// _redirects file (also read by Cloudflare Pages), and meta-refresh pages for plain hosts.
// Targets are URI references made by the same function as the server's Location headers.

import { hasControlCharacter, toUriReference } from '../../text/uri-reference.ts';
import { escapeHtml } from '../../web/views/html.ts';

/** One old path and where its content now is. */
export interface Redirect {
  /** The old site path, decoded ("/content/old-slug"). */
  readonly from: string;
  /** The target's address on the static host ("/content/new-slug/"). */
  readonly to: string;
}

/** The nginx map's file name in the export. */
export const NGINX_MAP_FILE = 'redirects.nginx.map';
/** The Netlify/Cloudflare Pages redirects file name. */
export const REDIRECTS_FILE = '_redirects';

function nginxQuote(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * An nginx map body keyed by `$uri` (which nginx has already percent-decoded). Used as
 * `map $uri $folio_redirect { include redirects.nginx.map; }` in http{}, and
 * `if ($folio_redirect) { return 301 $folio_redirect; }` in the server{}.
 */
export function nginxMap(redirects: readonly Redirect[]): string {
  const lines = followable(redirects).map((r) => `${nginxQuote(r.from)} ${nginxQuote(toUriReference(r.to))};`);
  return `# Legacy paths of the archive (see the comment in Folio's redirect-files.ts for the nginx setup).\n${lines.join('\n')}\n`;
}

/** A `_redirects` file: one `from to 301` line per old path, URLs percent-encoded. */
export function redirectsFile(redirects: readonly Redirect[]): string {
  return `${followable(redirects).map((r) => `${toUriReference(r.from)} ${toUriReference(r.to)} 301`).join('\n')}\n`;
}

/** Redirects a host can follow: a control character would break a line of either file. */
function followable(redirects: readonly Redirect[]): readonly Redirect[] {
  return redirects.filter((r) => !hasControlCharacter(r.from) && !hasControlCharacter(r.to));
}

/** A page that sends the reader on to `href` at once, for hosts that cannot redirect. */
export function metaRefreshPage(href: string, lang: string, linkText: string): string {
  const to = escapeHtml(href);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=${to}">
<meta name="robots" content="noindex">
<link rel="canonical" href="${to}">
<title>${escapeHtml(linkText)}</title>
</head>
<body>
<p><a href="${to}">${escapeHtml(linkText)}</a></p>
</body>
</html>
`;
}

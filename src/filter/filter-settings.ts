/**
 * The comment filter's settings, as the original site stored them, plus the lists Folio adds
 * (docs/comment-format.md decisions 2 to 4 of docs/comment-format.md). Everything here is frozen data.
 */

/** The site's `allowed_html` setting, exactly as stored (the short tip prints it verbatim). */
export const SITE_ALLOWED_HTML =
  '<a> <em> <strong> <cite> <code> <ul> <ol> <li> <dl> <dt> <dd><img><h1><h2><h3><h4><h5><h6><blockquote><span><aside>';

/** Drupal 7's default `allowed_html` (used by the conformance cases that name it). */
export const DRUPAL_DEFAULT_ALLOWED_HTML = '<a> <em> <strong> <cite> <blockquote> <code> <ul> <ol> <li> <dl> <dt> <dd>';

/** Drupal 7's `filter_xss()` default tag list. */
export const DRUPAL_XSS_DEFAULT_TAGS: readonly string[] = Object.freeze([
  'a', 'em', 'strong', 'cite', 'blockquote', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
]);

/** Drupal 7.34's `filter_xss_admin()` tag list; Folio's full_html allows the same elements. */
export const DRUPAL_ADMIN_TAGS: readonly string[] = Object.freeze([
  'a', 'abbr', 'acronym', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'big', 'blockquote', 'br',
  'caption', 'cite', 'code', 'col', 'colgroup', 'command', 'dd', 'del', 'details', 'dfn', 'div', 'dl',
  'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'menu', 'meter', 'nav', 'ol', 'output', 'p', 'pre',
  'progress', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small', 'span', 'strong', 'sub',
  'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul',
  'var', 'wbr',
]);

/**
 * Drupal 7's default `filter_allowed_protocols`. Only the D7-compatible helpers use it; Folio's
 * own stages use URL_SCHEMES (domain/url-schemes.ts, docs/url-schemes.md).
 */
export const DRUPAL_PROTOCOLS: readonly string[] = Object.freeze([
  'ftp', 'http', 'https', 'irc', 'mailto', 'news', 'nntp', 'rtsp', 'sftp', 'ssh', 'tel', 'telnet', 'webcal',
]);

/** `filter_url_length`: link text longer than this many characters is shortened (docs/comment-format.md decision 5). */
export const URL_LENGTH = 72;

/** docs/comment-format.md decision 4: every link in user-written text carries this `rel`. */
export const LINK_REL = 'nofollow ugc noopener';

/** docs/comment-format.md decision 4: attributes every user-posted image gets, in output order. */
export const IMAGE_EXTRA_ATTRIBUTES: ReadonlyArray<readonly [string, string]> = Object.freeze([
  ['loading', 'lazy'],
  ['referrerpolicy', 'no-referrer'],
] as const);

/** Attributes that carry a URL and therefore get protocol checks (docs/comment-format.md decision 3). */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'cite']);

/**
 * docs/comment-format.md decision 2: attributes kept per tag in user-written formats, in output order. Every allowed
 * tag also keeps `lang` and `dir`; everything else is dropped.
 */
export const FOLIO_TAG_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  a: ['href', 'title', 'hreflang'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  blockquote: ['cite'],
  q: ['cite'],
});

/** docs/comment-format.md decision 2: attributes every allowed tag may carry. */
export const GLOBAL_ATTRIBUTES: readonly string[] = Object.freeze(['lang', 'dir']);

/**
 * Attributes kept in full_html (imported content written by staff): broader than comments, but
 * still an allow-list, so no event handler or `style` can survive.
 */
// `rel` on links and `loading`/`referrerpolicy` on images are what Filtered HTML adds (LINK_REL,
// IMAGE_EXTRA_ATTRIBUTES): kept here so that Full HTML over an already rendered body (Folio's JSON
// export restored with `folio import folio`) gives the same bytes back.
export const FULL_HTML_TAG_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  a: ['href', 'title', 'hreflang', 'name', 'rel'],
  img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'referrerpolicy'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  time: ['datetime'],
  ol: ['start', 'reversed', 'type'],
  ul: ['type'],
  li: ['value'],
  td: ['colspan', 'rowspan', 'headers'],
  th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr'],
  col: ['span'],
  colgroup: ['span'],
  abbr: ['title'],
  acronym: ['title'],
  details: ['open'],
});

/** Global attributes kept in full_html. */
export const FULL_HTML_GLOBAL_ATTRIBUTES: readonly string[] = Object.freeze(['class', 'id', 'title', 'lang', 'dir']);

/**
 * Elements removed together with everything inside them, wherever they appear: their content
 * is code, a nested document or form state, never prose meant for the reader.
 */
export const DROP_WITH_CONTENT: ReadonlySet<string> = new Set([
  'script', 'style', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param',
  'noscript', 'noembed', 'noframes', 'textarea', 'select', 'option', 'optgroup', 'datalist', 'title',
  'xmp', 'plaintext', 'head', 'meta', 'link', 'base', 'svg', 'math', 'canvas', 'input', 'button',
  'source', 'track', 'audio', 'video', 'picture', 'map', 'area', 'slot', 'portal',
]);

/** HTML void elements: they never have content and serialise as `<name />`. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/**
 * Parses an `allowed_html` setting the way Drupal 7's `_filter_html` does: split on whitespace and
 * on `<` and `>`, dropping empty pieces. Names are lowercased for lookups.
 */
export function parseAllowedHtml(setting: string): string[] {
  return setting
    .split(/[\s<>]+/)
    .filter((name) => name.length > 0)
    .map((name) => name.toLowerCase());
}

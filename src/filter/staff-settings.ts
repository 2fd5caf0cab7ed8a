/**
 * The staff body format's allow-list (issue 12, point 3): wider than reader comments, still closed.
 * Staff write headings, lists, quotes, links, inline images, simple tables and embeds; no script,
 * style, iframe or event attribute can survive. Frozen data only.
 */
import type { AttributeList } from './attribute-rules.ts';

/** Elements kept in staff_html, in the order the format tips list them. */
export const STAFF_TAGS: readonly string[] = Object.freeze([
  'h2', 'h3', 'h4', 'p', 'br', 'ul', 'ol', 'li', 'blockquote', 'a', 'strong', 'em', 'b', 'i', 'u', 's',
  'sub', 'sup', 'code', 'pre', 'figure', 'figcaption', 'img', 'table', 'caption', 'thead', 'tbody',
  'tfoot', 'tr', 'th', 'td',
]);

/** The allowed tags as an `allowed_html` setting, for the short tips line. */
export const STAFF_ALLOWED_HTML = STAFF_TAGS.map((tag) => `<${tag}>`).join(' ');

/** Elements the canonical writer lays out as blocks (the rest of STAFF_TAGS is phrasing). */
export const STAFF_BLOCK_TAGS: ReadonlySet<string> = new Set([
  'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'figure', 'figcaption', 'table', 'caption', 'thead',
  'tbody', 'tfoot', 'tr', 'th', 'td',
]);

/** Blocks copied as parsed: a `pre`'s newlines and spaces are its content. */
export const STAFF_VERBATIM_TAGS: ReadonlySet<string> = new Set(['pre']);

/**
 * Attributes per tag, in output order; `lang` and `dir` go on every element (mixed Arabic and Latin
 * text needs `dir` on the block that holds it). The figure's `class`, `data-embed` and `data-id`
 * survive only on embed placeholders: the tree rewrite removes them from every other figure.
 */
export const STAFF_ATTRIBUTES: AttributeList = Object.freeze({
  perTag: Object.freeze({
    a: ['href', 'title', 'hreflang'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    blockquote: ['cite'],
    ol: ['start'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    figure: ['class', 'data-embed', 'data-id'],
  }),
  global: Object.freeze(['lang', 'dir']),
});

/**
 * Schemes an inline image may load from: https only (or a path on the site, which is relative).
 * A plain-http image would be mixed content on the https site.
 */
export const STAFF_IMAGE_PROTOCOLS: readonly string[] = Object.freeze(['https']);

/**
 * `rel` on links that leave the site. Staff links are the paper's own editorial choice, so no
 * `nofollow`/`ugc` as on comments; `external` marks them, `noopener` keeps the opened page from
 * reaching back through window.opener.
 */
export const STAFF_LINK_REL = 'external noopener';

/** What every inline image gets: below-the-fold photos load when scrolled to. */
export const STAFF_IMAGE_ATTRIBUTES: ReadonlyArray<readonly [string, string]> = Object.freeze([['loading', 'lazy']] as const);

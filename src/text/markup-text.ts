import { decodeHTMLStrict } from 'entities/decode';

// Elements whose content is not reading text (as teaser.ts's HIDDEN_TAGS), and comments.
const HIDDEN = /<(script|style|template|noscript|iframe|object|svg|math)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
// A tag, with quoted attribute values that may hold '>'; group 1 is its name.
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;
// Elements whose start and end separate words (teaser.ts's BLOCK_TAGS).
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'center', 'dd', 'details', 'div',
  'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul',
]);

/**
 * Plain text of Folio's own stored HTML (bodies that went through a text format, so balanced,
 * with '<' in text escaped): the same words as htmlToText() — inline tags join, block tags
 * separate, references decoded — without building a tree, which made parsing the largest cost
 * of indexing an import. Not for arbitrary HTML: use htmlToText() there.
 */
export function storedHtmlText(html: string): string {
  return decoded(withoutTags(html));
}

// A body cut short by the store may end inside a tag or a character reference. Text never holds
// a bare '<' (the text formats escape it), so once whole tags are gone any '<' left opens a cut one.
const CUT_TAG = /<[^]*$/;
const CUT_REFERENCE = /&[#\w]*$/;

/** storedHtmlText() of the opening of a body (search snippets read only that), cut anywhere. */
export function storedHtmlOpeningText(opening: string): string {
  return decoded(withoutTags(opening).replace(CUT_TAG, '').replace(CUT_REFERENCE, ''));
}

function withoutTags(html: string): string {
  return html.replace(HIDDEN, ' ').replace(TAG, (_, name: string) => (BLOCK.has(name.toLowerCase()) ? ' ' : ''));
}

function decoded(text: string): string {
  return (text.indexOf('&') === -1 ? text : decodeHTMLStrict(text)).replace(/\s+/g, ' ').trim();
}

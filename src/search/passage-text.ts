import { decodeHTMLStrict } from 'entities/decode';

// Elements whose content is not reading text (as text/teaser.ts's HIDDEN_TAGS).
const HIDDEN = /<(script|style|template|noscript|iframe|object|svg|math)\b[\s\S]*?<\/\1\s*>/gi;
// Quoted attribute values may hold '>'.
const TAG = /<(?:[^>"']|"[^"]*"|'[^']*')*>/g;
// A body cut short by the store may end inside a tag or a character reference. Text never holds
// a bare '<' (the filter escapes it), so once whole tags are gone any '<' left opens a cut one.
const CUT_TAG = /<[^]*$/;
const CUT_REFERENCE = /&[#\w]*$/;

/**
 * Plain text of the opening of an article body, for search snippets. Not a general HTML-to-text:
 * bodies are Folio's own filtered HTML, so dropping tags (and hidden elements) is enough, and
 * this costs a few microseconds where a full parse (text/teaser.ts's htmlToText) costs a
 * fraction of a millisecond, ten times per results page.
 */
export function passageText(htmlOpening: string): string {
  const text = htmlOpening.replace(HIDDEN, ' ').replace(TAG, ' ').replace(CUT_TAG, '').replace(CUT_REFERENCE, '');
  return (text.indexOf('&') === -1 ? text : decodeHTMLStrict(text)).replace(/\s+/g, ' ').trim();
}

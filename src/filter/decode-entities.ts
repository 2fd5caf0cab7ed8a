/**
 * Character-reference decoding. Three flavours, each for one job:
 * - `decodeEntities`: Drupal's `decode_entities()` (a reference needs its `;`), with HTML5's table;
 * - `decodeUntilStable`: what a browser, or a feed reader that decodes twice, could end up seeing;
 *   used only to judge URLs (docs/comment-format.md decision 3);
 * - `decodeTextReferences`: the filtered_html preparation step (see format-text.ts).
 */
import { decodeHTML, decodeHTMLStrict } from 'entities/decode';

/** Decodes every well-formed (semicolon-terminated) character reference, once. */
export function decodeEntities(text: string): string {
  return text.indexOf('&') === -1 ? text : decodeHTMLStrict(text);
}

/**
 * Decodes with the browser's lenient rules (`&#106` and `&lt` count) again and again until the
 * text stops changing. Each round that changes something makes the text shorter, so it ends.
 */
export function decodeUntilStable(text: string): string {
  let current = text;
  while (current.indexOf('&') !== -1) {
    const next = decodeHTML(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

const REFERENCE = /&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/g;

/**
 * Characters that stay encoded: the markup-significant five (decoding them would create tags or
 * break quoted attributes) and the controls Folio strips, so a reference never becomes markup.
 */
function keepsReference(decoded: string): boolean {
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if (c === 0x26 || c === 0x3c || c === 0x3e || c === 0x22 || c === 0x27) return true;
    // U+FFFD is what HTML5 makes of NUL, surrogates and out-of-range numbers: leave those alone.
    if (c === 0xfffd) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
  }
  return false;
}

/**
 * Decodes character references except those that stand for `& < > " '`, controls or invalid
 * code points. Afterwards the text holds each character the reader will see literally, so the
 * URL filter and the line-break filter see what the reader sees.
 */
export function decodeTextReferences(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(REFERENCE, (ref) => {
    const decoded = decodeHTMLStrict(ref);
    return decoded === ref || keepsReference(decoded) ? ref : decoded;
  });
}

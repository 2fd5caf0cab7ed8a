/**
 * Splits text into the four token kinds Drupal 7's `filter_xss()` recognises (`_filter_xss_split`):
 * a lone `<`, a comment, a `<` up to the next `>` (or the end), and a lone `>`; the text in between
 * is copied. The URL stage and the HTML stage share this tokenizer, so the text the URL stage links
 * is exactly the text the HTML stage keeps as text: that is what lets filtered_html be a fixed
 * point (docs/comment-format.md decision 8).
 *
 * Written as a scanner with cached look-ups instead of Drupal's regex: the regex re-scans to the
 * next `>` from every `<`, which is quadratic on input such as "<a<a<a<a…".
 */

/** What a token is. `lt`/`gt` are a lone `<` or `>` that will be escaped. */
export type MarkupTokenKind = 'text' | 'lt' | 'gt' | 'comment' | 'tag';

/** One token: its kind and its [start, end) range in the scanned text. */
export interface MarkupToken {
  readonly kind: MarkupTokenKind;
  readonly start: number;
  readonly end: number;
}

/** How comments are recognised. */
export interface TokenizeOptions {
  /**
   * Drupal 7's `filter_xss` only knows one-line comments (`<!--.*?-->` without the `s` flag); a
   * multi-line comment is then cut at its first `>`. Folio's stages treat `<!-- … -->` across
   * lines as one comment, as the URL filter and browsers do.
   */
  readonly multilineComments: boolean;
}

function isTagStart(code: number): boolean {
  // After `<`: an ASCII letter, `!` or `/` starts a tag; anything else makes the `<` lone.
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x21 || code === 0x2f;
}

/** Called for each token in order; returning false stops the scan. */
export type TokenVisitor = (kind: MarkupTokenKind, start: number, end: number) => boolean | void;

/**
 * Visits the tokens of `text` end to end, in order, without building a list: the markup bounds
 * (markup-limits.ts) count tokens before any stage runs, and stop at the first one over a bound.
 */
export function scanMarkup(text: string, options: TokenizeOptions, visit: TokenVisitor): void {
  const length = text.length;
  let textStart = 0;
  let nextGt = -2; // cached indexOf('>') result; -2 = not computed yet
  let commentClose = -2; // cached indexOf('-->') result
  // A regex of its own: the scan may run inside a visitor of another scan.
  const angle = /[<>]/g;

  let match: RegExpExecArray | null;
  while ((match = angle.exec(text)) !== null) {
    const at = match.index;
    if (text.charCodeAt(at) === 0x3e) {
      if (at > textStart && visit('text', textStart, at) === false) return;
      if (visit('gt', at, at + 1) === false) return;
      textStart = at + 1;
      continue;
    }
    if (at > textStart && visit('text', textStart, at) === false) return;
    let end: number;
    let kind: MarkupTokenKind;
    if (at + 1 < length && !isTagStart(text.charCodeAt(at + 1))) {
      kind = 'lt';
      end = at + 1;
    } else {
      end = -1;
      kind = 'comment';
      if (text.startsWith('<!--', at)) {
        if (commentClose !== -1 && commentClose < at + 4) commentClose = text.indexOf('-->', at + 4);
        if (commentClose !== -1) {
          const inside = text.indexOf('\n', at + 4);
          if (options.multilineComments || inside === -1 || inside > commentClose) end = commentClose + 3;
        }
      }
      if (end === -1) {
        if (nextGt !== -1 && nextGt <= at) nextGt = text.indexOf('>', at + 1);
        end = nextGt === -1 ? length : nextGt + 1;
        kind = 'tag';
      }
    }
    if (visit(kind, at, end) === false) return;
    textStart = end;
    angle.lastIndex = end;
  }
  if (length > textStart) visit('text', textStart, length);
}

/** Splits `text` into tokens covering it end to end, in order. */
export function tokenizeMarkup(text: string, options: TokenizeOptions): MarkupToken[] {
  const tokens: MarkupToken[] = [];
  scanMarkup(text, options, (kind, start, end) => {
    tokens.push({ kind, start, end });
  });
  return tokens;
}

const TAG_NAME = /^<[\t\n\v\f\r ]*(\/[\t\n\v\f\r ]*)?([a-zA-Z0-9-]+)/;

/** A tag token's element name, whether it closes, and where the name ends in the token. */
export interface TagName {
  readonly name: string;
  readonly closing: boolean;
  readonly nameEnd: number;
}

/** Reads a `tag` token's name; null for malformed ones (`<!x>`, `<?x>`, `</>`). */
export function readTagName(token: string): TagName | null {
  const match = TAG_NAME.exec(token);
  if (match === null || match[2] === undefined) return null;
  return { name: match[2], closing: match[1] !== undefined, nameEnd: match[0].length };
}

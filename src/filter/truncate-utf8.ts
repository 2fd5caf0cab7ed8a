/**
 * Length limits counted in characters (Unicode code points), never bytes, so no character is
 * ever split (docs/comment-format.md decision 5). `truncateUtf8` keeps Drupal 7's `truncate_utf8()` semantics.
 */

// Drupal's PREG_CLASS_WORD_BOUNDARY is a hand-made list of punctuation, symbol, separator and
// control ranges; Unicode's general categories describe the same set closely enough.
const WORD_BOUNDARY = /[\p{P}\p{S}\p{Z}\p{C}]/u;

/** Options of `truncateUtf8`, named after Drupal's parameters. */
export interface TruncateOptions {
  /** Cut at the last word boundary within the limit when there is one. */
  readonly wordsafe?: boolean;
  /** Append "..." (counted in the limit). */
  readonly addEllipsis?: boolean;
  /** A word-safe cut must keep at least this many characters. */
  readonly minWordsafeLength?: number;
}

/** Drupal 7's `truncate_utf8()`, counting code points: at most `maxLength` characters. */
export function truncateUtf8(text: string, maxLength: number, options: TruncateOptions = {}): string {
  const chars = Array.from(text);
  let limit = Math.max(maxLength, 0);
  const minWordsafe = Math.max(options.minWordsafeLength ?? 1, 0);
  if (chars.length <= limit) return text;

  let ellipsis = '';
  if (options.addEllipsis) {
    ellipsis = '...'.slice(0, limit);
    limit = Math.max(limit - ellipsis.length, 0);
  }
  const wordsafe = options.wordsafe === true && limit > minWordsafe;

  let kept = limit;
  if (wordsafe) {
    // Drupal matches /^(.{min,max})[boundary]/u: the kept part cannot contain a newline, and the
    // character right after it must be a word boundary; the longest such part wins.
    const newline = chars.indexOf('\n');
    const longest = newline === -1 ? limit : Math.min(limit, newline);
    kept = limit;
    let found = false;
    for (let length = longest; length >= minWordsafe && length >= 1; length--) {
      const next = chars[length];
      if (next !== undefined && WORD_BOUNDARY.test(next)) {
        kept = length;
        found = true;
        break;
      }
    }
    if (!found) kept = limit;
  }
  return chars.slice(0, kept).join('') + ellipsis;
}

/** docs/comment-format.md decision 5: link text over `maxLength` characters keeps its first `maxLength` and gains "…". */
export function shortenLinkText(text: string, maxLength: number): string {
  if (maxLength <= 0 || text.length <= maxLength) return text;
  const chars = Array.from(text);
  if (chars.length <= maxLength) return text;
  return chars.slice(0, maxLength).join('') + '\u2026';
}

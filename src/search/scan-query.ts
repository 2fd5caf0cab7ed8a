import { normalizeForMatch } from '../text/arabic-normalize.ts';
import type { QueryWarningCode } from './query-messages.ts';

/** One lexical item of the query language, before normalisation. */
export type ScannedItem =
  | { readonly kind: 'or' }
  | { readonly kind: 'word'; readonly raw: string; readonly negated: boolean; readonly prefix: boolean }
  | { readonly kind: 'phrase'; readonly raw: string; readonly negated: boolean; readonly starAfter: boolean };

/** Scanner output: items in order, or the offset of a quote that is never closed. */
export type ScanResult =
  | { readonly ok: true; readonly items: readonly ScannedItem[]; readonly warnings: ReadonlySet<QueryWarningCode> }
  | { readonly ok: false; readonly unbalancedQuoteAt: number };

// Straight, curly and guillemet quotes all delimit phrases: Arabic keyboards and phones type « »
// and “ ”, and readers do not know the difference. Any one closes any other.
const QUOTES = new Set(['"', '“', '”', '„', '«', '»']);
const PARENS = new Set(['(', ')', '[', ']', '{', '}']);
// Both spellings of the Arabic "or": with hamza as written, without as most people type it.
const OR_WORDS = new Set(['OR']);
const ARABIC_OR = 'او';
// Controls (NUL included) and lone surrogates become spaces, keeping offsets for error positions.
const CONTROLS = /\p{Cc}/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPACE = /\s/;

/**
 * Splits a query into words, "phrases", OR markers and exclusions. Grammar (flat, no grouping):
 *   query  := clause (clause | OR | أو)*
 *   clause := ['-' | NOT] (word['*'] | quote text quote)
 * Upper-case AND is the implicit default and is dropped; NOT works like '-'. Lower-case and, or,
 * not and NEAR are ordinary words. Brackets are ignored with a warning. A '-' counts only at the
 * start of a word (so "al-Quds" is one word) and only when something follows it.
 */
export function scanQuery(input: string): ScanResult {
  const s = input.replace(LONE_SURROGATE, ' ').replace(CONTROLS, ' ');
  const items: ScannedItem[] = [];
  const warnings = new Set<QueryWarningCode>();
  let negate = false;
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (SPACE.test(c)) {
      i++;
    } else if (QUOTES.has(c)) {
      const close = findQuote(s, i + 1);
      if (close < 0) return { ok: false, unbalancedQuoteAt: i };
      let j = close + 1;
      while (s[j] === '*') j++;
      items.push({ kind: 'phrase', raw: s.slice(i + 1, close), negated: negate, starAfter: j > close + 1 });
      negate = false;
      i = j;
    } else if (PARENS.has(c)) {
      // A pending '-' or NOT survives: "-(rafah)" still excludes rafah.
      warnings.add('PARENTHESES_IGNORED');
      i++;
    } else if (c === '-' && startsClause(s, i)) {
      negate = true;
      i++;
    } else {
      let j = i;
      while (j < s.length && !SPACE.test(s[j]!) && !QUOTES.has(s[j]!) && !PARENS.has(s[j]!)) j++;
      const raw = s.slice(i, j);
      i = j;
      if (!negate && (OR_WORDS.has(raw) || normalizeForMatch(raw) === ARABIC_OR)) {
        items.push({ kind: 'or' });
      } else if (!negate && raw === 'NOT') {
        negate = true;
      } else if (raw !== 'AND' || negate) {
        const stem = raw.replace(/\*+$/, '');
        items.push({ kind: 'word', raw: stem, negated: negate, prefix: stem.length < raw.length });
        negate = false;
      }
    }
  }
  return { ok: true, items, warnings };
}

function findQuote(s: string, from: number): number {
  for (let j = from; j < s.length; j++) if (QUOTES.has(s[j]!)) return j;
  return -1;
}

function startsClause(s: string, i: number): boolean {
  const prev = s[i - 1];
  const next = s[i + 1];
  const atWordStart = prev === undefined || SPACE.test(prev) || PARENS.has(prev);
  return atWordStart && next !== undefined && !SPACE.test(next);
}

import type { Lang } from '../domain/errors.ts';
import { lightStemArabic, stripArabicPrefix, tokenizeForSearch } from '../text/arabic-normalize.ts';

/** One searchable token: the normalised form and the form to match against a stemmed index. */
export interface QueryToken {
  readonly normalized: string;
  readonly stemmed: string;
}

/** What every token in the tree must look like: nothing an FTS5 or tsquery parser treats as syntax. */
export const QUERY_TOKEN_PATTERN = /^[\p{L}\p{N}]+$/u;

const MARKS = /\p{M}/gu;
const ARABIC_LETTER = /\p{Script=Arabic}/u;

/**
 * Splits user text into tokens exactly as the index does (tokenizeForSearch): NFKC, lower case,
 * Latin accents folded, Arabic normalised, possessive 's dropped, inner apostrophes joined
 * (don't → dont), and every other non-letter (hyphen, colon, *, ^, quotes) a separator.
 * `stemmed` is lightStemArabic for Arabic words in the Arabic edition; English stemming is left to
 * the database's english/porter configuration, so there it equals `normalized`.
 */
export function queryTokens(text: string, lang: Lang): QueryToken[] {
  const out: QueryToken[] = [];
  for (const token of tokenizeForSearch(text, 'en')) {
    // tokenizeForSearch keeps combining marks (Devanagari vowel signs and the like). We drop them so
    // the tree holds letters and digits only; after normalisation no Arabic or Latin word has any.
    const normalized = token.replace(MARKS, '');
    if (!QUERY_TOKEN_PATTERN.test(normalized)) continue;
    out.push({ normalized, stemmed: stemFor(normalized, lang) });
  }
  return out;
}

/**
 * The start of the index's tokens a prefix term matches: in the Arabic edition an Arabic word
 * loses its article or conjunction as every indexed word did (stripArabicPrefix), and keeps the
 * rest as typed (stemming "مستشف" would cut letters the reader meant to keep).
 */
export function prefixStemFor(normalized: string, lang: Lang): string {
  if (lang !== 'ar' || !ARABIC_LETTER.test(normalized)) return normalized;
  return stripArabicPrefix(normalized);
}

/** The matching form of one normalised token for the edition's index. */
export function stemFor(normalized: string, lang: Lang): string {
  if (lang !== 'ar' || !ARABIC_LETTER.test(normalized)) return normalized;
  const stem = lightStemArabic(normalized);
  // Defensive: the stemmer re-normalises; never let that produce an empty or non-token form.
  return QUERY_TOKEN_PATTERN.test(stem) ? stem : normalized;
}

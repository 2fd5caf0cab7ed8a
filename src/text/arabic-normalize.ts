import type { Lang } from '../domain/errors.ts';
import { foldLatin } from './fold-latin.ts';
import { toAsciiDigits } from './numerals.ts';

// Harakat and tanween (U+064B–065F, which also holds the combining hamza and madda), the
// superscript alef (U+0670) and the Quranic annotation marks (U+06D6–06ED).
const TASHKEEL = /[\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g; // kashida: stretches a word for justification, carries no meaning

// Spelling variants writers use interchangeably, and that searchers type without care:
// hamza seats and madda on alef, alef maqsura vs yeh, teh marbuta vs heh. The last two rows are
// the Persian-keyboard yeh and keheh, which look identical to Arabic ي and ك on screen.
const LETTER_FOLDS: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ى': 'ي', 'ئ': 'ي', 'ؤ': 'و', 'ة': 'ه',
  'ی': 'ي', 'ک': 'ك',
};
const LETTER_FOLDS_RE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

// Invisible format characters (ZWJ/ZWNJ, bidi marks, soft hyphen, BOM): people slip them
// inside blocked words to dodge filters, and they never change what a reader sees as the word.
const FORMAT_CHARS = /\p{Cf}/gu;

/** Removes tashkeel and tatweel only, keeping spelling: for slugs and display, not for matching. */
export function stripArabicMarks(s: string): string {
  return s.replace(TASHKEEL, '').replace(TATWEEL, '');
}

/**
 * Arabic matching form: NFKC (presentation forms and lam-alef ligatures back to letters),
 * no tashkeel or tatweel, alef/yeh/teh-marbuta/hamza forms folded, digits in ASCII.
 */
export function normalizeArabic(s: string): string {
  // NFKC first so decomposed hamza/madda (ا + U+0653) compose into letters we then fold,
  // instead of being stripped as marks and leaving a different letter behind.
  const composed = stripArabicMarks(s.normalize('NFKC'));
  return toAsciiDigits(composed.replace(LETTER_FOLDS_RE, (c) => LETTER_FOLDS[c] ?? c));
}

/** Whitespace that `\s+` → ' ' would change: anything but a space, or two in a row. */
const ODD_SPACE = /[^\S ]| {2}/;

/** Matching form for any text: normalizeArabic, lower case, no Latin accents, no invisible characters, single spaces. */
export function normalizeForMatch(s: string): string {
  const folded = foldLatin(normalizeArabic(s).toLowerCase()).replace(FORMAT_CHARS, '');
  // Indexing passes whole bodies here, mostly already single-spaced: the test is a third of the replace.
  return (ODD_SPACE.test(folded) ? folded.replace(/\s+/g, ' ') : folded).trim();
}

// Light stemming after Larkey, Ballesteros & Connell, "Light Stemming for Arabic Information
// Retrieval" (2007), light10, in the single-pass form of Lucene's ArabicStemmer:
// 1. at most one prefix, first match in PREFIXES (longest first). The article family may leave
//    a 2-letter stem (اليد → يد); the conjunction و must leave 3, since many roots start with و.
// 2. then one pass over SUFFIXES in order, each removed at most once, each only if 3 letters
//    remain. light10 allows 2; 3 keeps short nouns whole (بيان, سكان would become بي, سك).
// Input is normalised first, so light10's ة and ية suffixes arrive as ه and يه and are
// covered by those entries.
const ARTICLE_MIN_STEM = 2;
const WAW_MIN_STEM = 3;
const SUFFIX_MIN_STEM = 3;
const PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و'];
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];
// Words a stem would turn into a different, common word: الله → له would make a search for
// حزب الله match every "حزب … له".
const UNSTEMMED = new Set(['الله']);

/**
 * Step 1 alone, on normalised text: the word without its leading article or conjunction. Every
 * Arabic word is indexed without one, so the start of a word searched as a prefix (الانتخ*) must
 * lose it too, or it would match nothing.
 */
export function stripArabicPrefix(normalized: string): string {
  if (UNSTEMMED.has(normalized)) return normalized;
  for (const prefix of PREFIXES) {
    if (!normalized.startsWith(prefix)) continue;
    const min = prefix === 'و' ? WAW_MIN_STEM : ARTICLE_MIN_STEM;
    return letterCount(normalized) - letterCount(prefix) >= min ? normalized.slice(prefix.length) : normalized;
  }
  return normalized;
}

/** Light10-style Arabic stem: normalises, strips one prefix and a pass of suffixes (rules above). */
export function lightStemArabic(word: string): string {
  const normalized = normalizeArabic(word);
  if (UNSTEMMED.has(normalized)) return normalized;
  let stem = stripArabicPrefix(normalized);
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && letterCount(stem) - letterCount(suffix) >= SUFFIX_MIN_STEM) {
      stem = stem.slice(0, -suffix.length);
    }
  }
  return stem;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const ARABIC_LETTER = /\p{Script=Arabic}/u;
// English possessive: "Lebanon's" should find "Lebanon". Other apostrophes join ("don't" → dont,
// "O'Brien" → obrien) so the query and the index split a name the same way.
// The look-behinds are checked by hand (`after`) on the apostrophe's match: as a regex look-behind
// V8 tried it at every position of a body, which made these two a third of indexing's CPU.
const LATIN_POSSESSIVE = /['’ʼ]s(?![\p{L}\p{N}])/gu;
const INNER_APOSTROPHE = /['’ʼ](?=[\p{L}\p{N}])/gu;
const LATIN = /^\p{Script=Latin}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Removes `pattern`'s matches whose preceding code point passes `before` (a look-behind). */
function dropAfter(s: string, pattern: RegExp, before: RegExp): string {
  return s.replace(pattern, (match: string, offset: number) => {
    if (offset === 0) return match;
    const low = s.charCodeAt(offset - 1);
    const high = offset >= 2 ? s.charCodeAt(offset - 2) : 0;
    const start = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? offset - 2 : offset - 1;
    return before.test(String.fromCodePoint(s.codePointAt(start)!)) ? '' : match;
  });
}

/** Search tokens for index and query alike: normalised words; Arabic words light-stemmed when lang is 'ar'. */
export function tokenizeForSearch(text: string, lang: Lang): string[] {
  const normalized = dropAfter(dropAfter(normalizeForMatch(text), LATIN_POSSESSIVE, LATIN), INNER_APOSTROPHE, LETTER_OR_DIGIT);
  const tokens = normalized.match(TOKEN) ?? [];
  if (lang !== 'ar') return tokens;
  return tokens.map((t) => (ARABIC_LETTER.test(t) ? lightStemArabic(t) : t));
}

function letterCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

import { stripArabicMarks } from './arabic-normalize.ts';
import { foldLatin } from './fold-latin.ts';
import { toAsciiDigits } from './numerals.ts';

// Re-creates Drupal 7 pathauto_cleanstring() with the defaults the original site ran
// (docs/original-site.md, "Slug rule"): transliterate, hyphen replaced by the separator, all
// other punctuation removed, ignore words dropped, lower case, 100 characters.

/** pathauto's PATHAUTO_IGNORE_WORDS default list. */
const IGNORE_WORDS = new Set([
  'a', 'an', 'as', 'at', 'before', 'but', 'by', 'for', 'from', 'is', 'in', 'into', 'like', 'of',
  'off', 'on', 'onto', 'per', 'since', 'than', 'the', 'this', 'that', 'to', 'up', 'via', 'with',
]);

/** pathauto_max_component_length's default: longer aliases are cut at a word boundary. */
export const MAX_SLUG_LENGTH = 100;

// A predicate that never returns false is a caller bug; stop instead of spinning forever.
const MAX_COLLISION_SUFFIX = 100_000;

// Whitespace and hyphens become the separator. Dashes count as hyphens because the
// transliteration module spelled – as "-" and — as "--" before pathauto saw them.
const SEPARATORS = /[\s\p{Pd}\u2212]+/gu;
// Invisible joiners and emoji presentation selectors would otherwise pass as marks.
const INVISIBLE = /[\u200C\u200D\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;
// Everything else that is not a letter, a number or a spacing/non-spacing mark (quotes,
// colons, periods, brackets, ampersands, Arabic ، ؟ « », emoji) is removed without a trace,
// so "don't" gives "dont" and "U.S." gives "us", as on the original site.
const REMOVED = /[^\p{L}\p{Mn}\p{Mc}\p{N}\s]/gu;

/** Drupal-pathauto-style slug of a title ('' when nothing sluggable is left; callers decide what to do). */
export function slugify(title: string): string {
  const cleaned = stripArabicMarks(foldLatin(title.normalize('NFKC').toLowerCase()));
  const words = toAsciiDigits(cleaned)
    .replace(SEPARATORS, ' ')
    .replace(INVISIBLE, '')
    .replace(REMOVED, '')
    .split(/\s+/)
    .filter((w) => w !== '');
  const kept = words.filter((w) => !IGNORE_WORDS.has(w));
  // pathauto keeps the ignore words when removing them would leave nothing: "The" stays "the".
  return joinWithinLimit(kept.length > 0 ? kept : words, MAX_SLUG_LENGTH);
}

/** The base slug if free, else pathauto's variants base-0, base-1, … (shortened so the suffix fits the limit). */
export function uniqueSlug(base: string, isTaken: (slug: string) => boolean): string {
  if (base === '') throw new RangeError('uniqueSlug needs a non-empty base slug');
  if (!isTaken(base)) return base;
  const words = base.split('-').filter((w) => w !== '');
  for (let i = 0; i < MAX_COLLISION_SUFFIX; i++) {
    const suffix = `-${i}`;
    const candidate = joinWithinLimit(words, MAX_SLUG_LENGTH - suffix.length) + suffix;
    if (!isTaken(candidate)) return candidate;
  }
  throw new RangeError(`uniqueSlug gave up after ${MAX_COLLISION_SUFFIX} variants of "${base}"`);
}

/** Joins words with '-' and stops before the word that would pass max characters; hard-cuts a first word that is too long alone. */
function joinWithinLimit(words: readonly string[], max: number): string {
  let out = '';
  let length = 0;
  for (const word of words) {
    const wordLength = codePointLength(word);
    const next = length === 0 ? wordLength : length + 1 + wordLength;
    if (next > max) {
      if (length === 0) return Array.from(word).slice(0, max).join('');
      break;
    }
    out = length === 0 ? word : `${out}-${word}`;
    length = next;
  }
  return out;
}

function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

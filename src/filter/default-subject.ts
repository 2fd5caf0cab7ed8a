/**
 * The subject of a comment posted without one (docs/comment-format.md §7.3 step 2, Drupal 7's `comment_submit`):
 * `truncate_utf8(trim(decode_entities(strip_tags(check_markup($body)))), 29, TRUE)`.
 */
import { decodeEntities } from './decode-entities.ts';
import { phpTrim } from './filter-html.ts';
import { formatToString } from './format-text.ts';
import type { FormatName } from './text-formats.ts';
import { truncateUtf8 } from './truncate-utf8.ts';

/** Longest derived subject, in characters: Drupal's constant, not a guess. */
export const DEFAULT_SUBJECT_LENGTH = 29;

/** Drupal's fallback subject, for callers that localise it themselves. */
export const NO_SUBJECT: Readonly<Record<'en' | 'ar', string>> = Object.freeze({ en: '(No subject)', ar: '(بلا عنوان)' });

const TAGS_AND_COMMENTS = /<!--[\s\S]*?-->|<[^>]*>/g;

/**
 * Derives a subject from the raw body: run the format, strip tags, decode entities, trim, then
 * keep at most 29 characters, cut at the last word boundary (hard cut if there is none), with no
 * ellipsis. Returns null when nothing is left; the caller then shows "(No subject)" in the
 * reader's language. Throws `FilterInputError` for a body `formatText` refuses.
 */
export function defaultSubject(bodyRaw: string, format: FormatName): string | null {
  return defaultSubjectOfHtml(formatToString(format, bodyRaw));
}

/**
 * `defaultSubject` from the body's HTML as the format rendered it: for a caller that has just
 * rendered the body to store it, so the format does not run a second time.
 */
export function defaultSubjectOfHtml(bodyHtml: string): string | null {
  // Our serialiser escapes `<` and `>` inside attribute values, so a tag never contains a `>`.
  const text = phpTrim(decodeEntities(bodyHtml.replace(TAGS_AND_COMMENTS, '')));
  const subject = truncateUtf8(text, DEFAULT_SUBJECT_LENGTH, { wordsafe: true });
  return subject === '' ? null : subject;
}

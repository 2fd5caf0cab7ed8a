/**
 * docs/comment-format.md decision 1: text that is not valid UTF-8, or that contains NUL, is rejected with a clear
 * message instead of being silently emptied (Drupal 7 returned "" for invalid UTF-8 and deleted
 * NUL bytes).
 */
import { isUtf8 } from 'node:buffer';
import { Invalid } from '../domain/errors.ts';

/** Why a submitted text was refused. */
export type TextProblem = 'invalid_utf8' | 'nul';

const MESSAGES: Readonly<Record<TextProblem, { readonly en: string; readonly ar: string }>> = Object.freeze({
  invalid_utf8: {
    en: 'The text contains bytes that are not valid UTF-8. Please type or paste it again.',
    ar: 'يحتوي النص على بايتات غير صالحة بترميز UTF-8. يرجى كتابته أو لصقه من جديد.',
  },
  nul: {
    en: 'The text contains a NUL character, which is not allowed. Please remove it and try again.',
    ar: 'يحتوي النص على محرف NUL غير المسموح به. يرجى إزالته والمحاولة من جديد.',
  },
});

/** The error `formatText` throws for refused text; `problem` says which rule failed. */
export class FilterInputError extends Invalid {
  readonly problem: TextProblem;
  constructor(problem: TextProblem, field?: string) {
    super(MESSAGES[problem], field);
    this.problem = problem;
  }
}

/** True when the bytes are well-formed UTF-8 (no overlongs, surrogates or truncated sequences). */
export function validateUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SURROGATE = /[\uD800-\uDFFF]/;

// String.prototype.isWellFormed (ES2024, Node 20) is native and fast; the regex is the fallback.
const isWellFormed: (text: string) => boolean =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (text) => (text as unknown as { isWellFormed(): boolean }).isWellFormed()
    : (text) => !SURROGATE.test(text) || !LONE_SURROGATE.test(text);

/**
 * The first problem with a decoded string, or null. A lone surrogate is what invalid UTF-8
 * becomes when a string did not come from a strict decoder, so it counts as invalid UTF-8.
 */
export function findTextProblem(text: string): TextProblem | null {
  if (text.indexOf('\u0000') !== -1) return 'nul';
  if (!isWellFormed(text)) return 'invalid_utf8';
  return null;
}

/** Throws `FilterInputError` when `findTextProblem` reports one. */
export function assertValidText(text: string, field?: string): void {
  const problem = findTextProblem(text);
  if (problem !== null) throw new FilterInputError(problem, field);
}

/** Decodes bytes strictly: invalid UTF-8 throws `FilterInputError` rather than becoming U+FFFD. */
export function decodeUtf8Strict(bytes: Uint8Array, field?: string): string {
  if (!isUtf8(bytes)) throw new FilterInputError('invalid_utf8', field);
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  assertValidText(text, field);
  return text;
}

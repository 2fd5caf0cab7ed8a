import type { Lang } from '../domain/errors.ts';
import { localizeDigits } from '../text/numerals.ts';
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS, MIN_PREFIX_LENGTH } from './query-limits.ts';

/** Why a query was refused; stable codes the web layer may branch on. */
export type QueryErrorCode =
  | 'EMPTY'
  | 'TOO_LONG'
  | 'UNBALANCED_QUOTE'
  | 'ONLY_EXCLUSIONS'
  | 'TOO_MANY_TERMS'
  | 'NO_TERMS';

/** What the parser changed in an accepted query, to tell the reader above the results. */
export type QueryWarningCode =
  | 'PREFIX_TOO_SHORT'
  | 'PREFIX_ON_PHRASE'
  | 'PARENTHESES_IGNORED'
  | 'DANGLING_OR'
  | 'EXCLUSION_ONLY_ALTERNATIVE';

type Localized = Readonly<Record<Lang, string>>;

const ar = (n: number): string => localizeDigits(String(n), 'ar');

/** Reader-facing text for every query error, in both interface languages. */
export const QUERY_ERROR_MESSAGES: Readonly<Record<QueryErrorCode, Localized>> = Object.freeze({
  EMPTY: {
    en: 'Type a word or a phrase to search for.',
    ar: 'اكتب كلمة أو عبارة للبحث عنها.',
  },
  TOO_LONG: {
    en: `Searches are limited to ${MAX_QUERY_LENGTH} characters.`,
    ar: `يقتصر البحث على ${ar(MAX_QUERY_LENGTH)} حرف.`,
  },
  UNBALANCED_QUOTE: {
    en: 'A quotation mark is not closed. Close it to search for an exact phrase, or remove it.',
    ar: 'علامة التنصيص غير مغلقة. أغلقها للبحث عن عبارة بعينها، أو احذفها.',
  },
  ONLY_EXCLUSIONS: {
    en: 'Add at least one word to look for: a search cannot consist only of excluded words (those starting with -).',
    ar: 'أضف كلمة واحدة على الأقل للبحث عنها: لا يمكن أن يقتصر البحث على كلمات مستبعدة (تبدأ بـ -).',
  },
  TOO_MANY_TERMS: {
    en: `Searches are limited to ${MAX_QUERY_TERMS} words.`,
    ar: `يقتصر البحث على ${ar(MAX_QUERY_TERMS)} كلمة.`,
  },
  NO_TERMS: {
    en: 'The search contains no letters or digits to look for.',
    ar: 'لا يحتوي البحث على حروف أو أرقام يمكن البحث عنها.',
  },
});

/** Reader-facing text for every query warning, in both interface languages. */
export const QUERY_WARNING_MESSAGES: Readonly<Record<QueryWarningCode, Localized>> = Object.freeze({
  PREFIX_TOO_SHORT: {
    en: `A * needs at least ${MIN_PREFIX_LENGTH} letters before it, so it was ignored.`,
    ar: `تحتاج علامة * إلى ${ar(MIN_PREFIX_LENGTH)} أحرف على الأقل قبلها، لذا جرى تجاهلها.`,
  },
  PREFIX_ON_PHRASE: {
    en: 'A * works only at the end of a single word, so it was ignored.',
    ar: 'تعمل علامة * في آخر كلمة مفردة فقط، لذا جرى تجاهلها.',
  },
  PARENTHESES_IGNORED: {
    en: 'Parentheses are not supported and were ignored.',
    ar: 'الأقواس غير مدعومة وجرى تجاهلها.',
  },
  DANGLING_OR: {
    en: 'OR needs a word on each side; the extra OR was ignored.',
    ar: 'تحتاج «أو» إلى كلمة على كل جانب؛ وجرى تجاهل «أو» الزائدة.',
  },
  EXCLUSION_ONLY_ALTERNATIVE: {
    en: 'One OR alternative had only excluded words and was ignored.',
    ar: 'جرى تجاهل أحد بدائل «أو» لأنه لا يحتوي إلا على كلمات مستبعدة.',
  },
});

import type { Digits } from '../domain/edition.ts';
import type { Lang } from '../domain/errors.ts';

const ARABIC_INDIC_ZERO = 0x0660; // ٠, the digits the Levantine press prints
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0; // ۰, Persian/Urdu keyboards type these
const ASCII_ZERO = 0x30;

// ar-LB pins the Levantine conventions; -u-nu-arab / -u-nu-latn pin the digits the edition
// chose, whatever CLDR's default numbering system for the locale is or becomes.
const NUMBER_LOCALE: Record<Lang, string> = { en: 'en-US', ar: 'ar-LB' };
const NUMBERING: Record<Digits, string> = { 'arabic-indic': 'arab', western: 'latn' };
const numberFormats = new Map<string, Intl.NumberFormat>();

/** The digits a language prints when its edition does not say: Arabic-Indic for 'ar', Western for 'en'. */
export function defaultDigits(lang: Lang): Digits {
  return lang === 'ar' ? 'arabic-indic' : 'western';
}

/**
 * Rewrites ASCII digits in the given style: as Arabic-Indic (٠-٩) for 'arabic-indic', unchanged
 * for 'western'. Without a style, the language's default (Arabic-Indic for 'ar').
 */
export function localizeDigits(s: string, lang: Lang, digits: Digits = defaultDigits(lang)): string {
  if (digits === 'western') return s;
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(ARABIC_INDIC_ZERO + d.charCodeAt(0) - ASCII_ZERO));
}

/** Rewrites Arabic-Indic (٠-٩) and Extended/Persian (۰-۹) digits as ASCII 0-9. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    const zero = code >= EXTENDED_ARABIC_INDIC_ZERO ? EXTENDED_ARABIC_INDIC_ZERO : ARABIC_INDIC_ZERO;
    return String.fromCharCode(ASCII_ZERO + code - zero);
  });
}

/** Rewrites every digit of our own text (ASCII or Arabic-Indic) in the given style. */
export function inDigits(s: string, digits: Digits): string {
  return digits === 'western' ? toAsciiDigits(s) : localizeDigits(s, 'ar', digits);
}

/** Formats a count with the language's grouping and the given digits: 1,234 / ١٬٢٣٤ / 1,234 (ar, western). */
export function formatCount(n: number, lang: Lang, digits: Digits = defaultDigits(lang)): string {
  const locale = `${NUMBER_LOCALE[lang]}-u-nu-${NUMBERING[digits]}`;
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(n);
}

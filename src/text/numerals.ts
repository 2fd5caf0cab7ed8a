import type { Lang } from '../domain/errors.ts';

const ARABIC_INDIC_ZERO = 0x0660; // ٠, the digits the Levantine press prints
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0; // ۰, Persian/Urdu keyboards type these
const ASCII_ZERO = 0x30;

// ar-LB pins the Levantine conventions; -u-nu-arab keeps Arabic-Indic digits even if
// CLDR's default numbering system for the locale ever changes.
const NUMBER_LOCALE: Record<Lang, string> = { en: 'en-US', ar: 'ar-LB-u-nu-arab' };
const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** Rewrites ASCII digits as Arabic-Indic (٠-٩) for 'ar'; returns 'en' text unchanged. */
export function localizeDigits(s: string, lang: Lang): string {
  if (lang !== 'ar') return s;
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

/** Formats a count with the language's digits and grouping: 1,234 / ١٬٢٣٤. */
export function formatCount(n: number, lang: Lang): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_LOCALE[lang]);
    numberFormats.set(lang, format);
  }
  return format.format(n);
}

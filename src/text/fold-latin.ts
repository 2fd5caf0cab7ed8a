// Combining diacritics blocks only (not every \p{M}): Arabic and Indic marks are meaningful
// letters' parts that other functions handle, so they must survive this step.
const COMBINING_DIACRITICS = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]/g;

// Letters that Unicode does not decompose into base + mark, spelled as Drupal's
// transliteration module spelled them.
const SPELLED_OUT: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L',
  đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ı: 'i', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T',
};
const SPELLED_OUT_RE = new RegExp(`[${Object.keys(SPELLED_OUT).join('')}]`, 'g');

/** Strips Latin diacritics (é→e, ç→c) and spells out undecomposable letters (ß→ss, ø→o); other scripts pass through. */
export function foldLatin(s: string): string {
  // NFC at the end recomposes what NFD split but we kept (Hangul syllables, Arabic hamza forms).
  return s
    .normalize('NFD')
    .replace(COMBINING_DIACRITICS, '')
    .normalize('NFC')
    .replace(SPELLED_OUT_RE, (c) => SPELLED_OUT[c] ?? c);
}

import type { Lang } from '../domain/errors.ts';

/** Writing direction of an edition's language, for <html dir> and CSS. */
export type Direction = 'rtl' | 'ltr';

const LRI = '\u2066';
const RLI = '\u2067';
const FSI = '\u2068';
const PDI = '\u2069';
const OPENER: Record<Direction | 'auto', string> = { ltr: LRI, rtl: RLI, auto: FSI };

/** 'rtl' for Arabic, 'ltr' for English. */
export function directionOf(lang: Lang): Direction {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/**
 * Wraps text in Unicode isolates (the plain-text twin of <bdi>) so an English name inside an
 * Arabic sentence, or the reverse, cannot reorder its neighbours. For contexts without markup:
 * <title>, feed titles, e-mail subjects.
 */
export function bidiIsolate(s: string, dir: Direction | 'auto' = 'auto'): string {
  // A stray PDI inside s would close our isolate early and let s leak out, and an unclosed
  // opener would swallow our PDI, so balance the isolates s carries before wrapping it.
  let open = 0;
  let body = '';
  for (const ch of s) {
    if (ch === LRI || ch === RLI || ch === FSI) open++;
    else if (ch === PDI) {
      if (open === 0) continue;
      open--;
    }
    body += ch;
  }
  return OPENER[dir] + body + PDI.repeat(open) + PDI;
}

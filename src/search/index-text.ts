import type { Lang } from '../domain/errors.ts';
import { tokenizeForSearch } from '../text/arabic-normalize.ts';
import { storedHtmlText } from '../text/markup-text.ts';

/** What an article contributes to the search index. */
export interface IndexSource {
  readonly title: string;
  readonly bodyHtml: string;
  readonly teaser: string;
  readonly authors: readonly string[];
  readonly tags: readonly string[];
  readonly section: string | null;
  readonly credit: string | null;
  readonly lang: Lang;
  /** Facet tokens (search/facet-tokens.ts), indexed as they are. */
  readonly facets?: readonly string[];
}

/** The indexed text: normalised tokens joined by spaces, per weighted column. */
export interface IndexText {
  readonly title: string;
  readonly body: string;
  readonly meta: string;
}

/**
 * Turns an article into index text. Both engines index these tokens as they are, so SQLite and
 * PostgreSQL agree on Arabic matching (folded, light-stemmed) and differ only in English stemming.
 */
export function indexText(src: IndexSource): IndexText {
  const tokens = (text: string) => tokenizeForSearch(text, src.lang).join(' ');
  return {
    title: tokens(src.title),
    body: tokens(`${src.teaser} ${storedHtmlText(src.bodyHtml)}`),
    meta: [tokens([...src.authors, ...src.tags, src.section ?? '', src.credit ?? ''].join(' ')), ...(src.facets ?? [])].join(' '),
  };
}

/** The facets a search can be narrowed by. */
export type FacetKind = 'section' | 'tag' | 'author' | 'year' | 'source';

const PREFIX: Readonly<Record<FacetKind, string>> = { section: 'foliosec', tag: 'foliotag', author: 'folioaut', year: 'folioyr', source: 'foliosrc' };

/** FNV-1a, base 36: a short ASCII id for a free-text value such as an agency's name. */
function hashId(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * The index token that marks a document as having a facet value. Facets are indexed as words
 * in the meta column, so narrowing a search is one more word to match in either engine. Tokens
 * end in a digit so no English stemmer trims them.
 */
export function facetToken(kind: FacetKind, value: number | string): string {
  return `${PREFIX[kind]}${typeof value === 'number' ? value : hashId(value)}0`;
}

/** Every facet token of one document. */
export function facetTokens(values: { sectionTids: readonly number[]; tagTids: readonly number[]; authorIds: readonly number[]; year: number; sources: readonly string[] }): string[] {
  return [
    ...values.sectionTids.map((v) => facetToken('section', v)),
    ...values.tagTids.map((v) => facetToken('tag', v)),
    ...values.authorIds.map((v) => facetToken('author', v)),
    facetToken('year', values.year),
    ...values.sources.map((v) => facetToken('source', v)),
  ];
}

// The tree's types live in domain/ so the store can compile them to SQL without importing search/.
export type { AndNode, NotNode, OrNode, PhraseNode, QueryNode, TermNode } from '../domain/search-query.ts';

/**
 * The search tree. Every `normalized`, `stemmed` and `words` entry is a single token of letters
 * and digits (/^[\p{L}\p{N}]+$/u): compilers may quote it for FTS5 or tsquery without escaping
 * operators. `text` is the user's spelling for display only; views escape it and compilers must
 * never read it.
 */

/** One word; `prefix` means "words starting with", and then `stemmed` equals `normalized`. */
export interface TermNode {
  readonly type: 'term';
  readonly text: string;
  readonly normalized: string;
  readonly stemmed: string;
  readonly prefix: boolean;
}

/** Adjacent words in order; `stemmed[i]` is the matching form of `words[i]`. */
export interface PhraseNode {
  readonly type: 'phrase';
  readonly text: string;
  readonly words: readonly string[];
  readonly stemmed: readonly string[];
}

/** Exclusion; the parser only places it inside an `and` that has a positive child. */
export interface NotNode {
  readonly type: 'not';
  readonly child: TermNode | PhraseNode;
}

/** All children must match. */
export interface AndNode {
  readonly type: 'and';
  readonly children: readonly (TermNode | PhraseNode | NotNode)[];
}

/** Any child may match; children are never `or` or `not` (the grammar is flat). */
export interface OrNode {
  readonly type: 'or';
  readonly children: readonly (AndNode | TermNode | PhraseNode)[];
}

/** Any node of the search tree. */
export type QueryNode = AndNode | OrNode | TermNode | PhraseNode | NotNode;

import type { Lang } from '../domain/errors.ts';
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS, MIN_PREFIX_LENGTH } from './query-limits.ts';
import { QUERY_ERROR_MESSAGES, type QueryErrorCode, type QueryWarningCode } from './query-messages.ts';
import type { AndNode, NotNode, OrNode, PhraseNode, QueryNode, TermNode } from './query-node.ts';
import { prefixStemFor, queryTokens, type QueryToken } from './query-tokens.ts';
import { scanQuery, type ScannedItem } from './scan-query.ts';

/** A refused query: stable code, message in both languages, and the offending offset when there is one. */
export interface QueryError {
  readonly code: QueryErrorCode;
  readonly message: Readonly<Record<Lang, string>>;
  readonly at?: number;
}

/**
 * parseQuery's result: a tree plus the positive tokens to highlight (normalised; a prefix term
 * carries a trailing '*', the form search/snippet.ts expects), or an error.
 */
export type ParsedQuery =
  | { readonly ok: true; readonly query: QueryNode; readonly terms: readonly string[]; readonly warnings: readonly QueryWarningCode[] }
  | { readonly ok: false; readonly error: QueryError };

type Positive = TermNode | PhraseNode;
type Clause = { readonly node: Positive; readonly negated: boolean };
type Marker = Clause | 'or';

const FORMAT_CHARS = /\p{Cf}/gu;

/**
 * Parses the reader's search box into a flat tree: OR-separated alternatives, each an AND of words
 * and phrases with optional exclusions. OR binds loosest, as the brief's flat grammar asks:
 * `a OR b c` is a, or (b and c); describeQuery echoes that reading on the results page.
 * Never throws; see scanQuery for the syntax and queryTokens for normalisation.
 */
export function parseQuery(input: string, lang: Lang): ParsedQuery {
  try {
    return parse(typeof input === 'string' ? input : '', lang);
  } catch {
    // Unreachable by design (a property test drives arbitrary strings through); kept so a future
    // bug degrades to "no results" instead of a 500 on the busiest page.
    return failure('NO_TERMS');
  }
}

function parse(input: string, lang: Lang): ParsedQuery {
  // Cheap UTF-16 bound first, so a megabyte paste is refused without being walked.
  if (input.length > MAX_QUERY_LENGTH * 2 || codePoints(input) > MAX_QUERY_LENGTH) return failure('TOO_LONG');
  if (input.trim() === '') return failure('EMPTY');

  const scan = scanQuery(input);
  if (!scan.ok) return failure('UNBALANCED_QUOTE', scan.unbalancedQuoteAt);
  const warnings = new Set<QueryWarningCode>(scan.warnings);

  const markers: Marker[] = [];
  let tokenCount = 0;
  for (const item of scan.items) {
    if (item.kind === 'or') {
      markers.push('or');
      continue;
    }
    const tokens = queryTokens(item.raw, lang);
    if (tokens.length === 0) continue; // only punctuation: nothing to search for
    tokenCount += tokens.length;
    markers.push({ node: clauseNode(item, tokens, lang, warnings), negated: item.negated });
  }
  if (tokenCount > MAX_QUERY_TERMS) return failure('TOO_MANY_TERMS');

  const groups = splitOnOr(markers, warnings);
  if (groups.length === 0) return failure('NO_TERMS');

  const alternatives: (AndNode | Positive)[] = [];
  const terms = new Set<string>();
  for (const group of groups) {
    const positives = group.filter((c) => !c.negated).map((c) => c.node);
    if (positives.length === 0) continue;
    const exclusions: NotNode[] = group.filter((c) => c.negated).map((c) => ({ type: 'not', child: c.node }));
    for (const p of positives) for (const w of highlightTerms(p)) terms.add(w);
    alternatives.push(positives.length === 1 && exclusions.length === 0 ? positives[0]! : { type: 'and', children: [...positives, ...exclusions] });
  }
  if (alternatives.length === 0) return failure('ONLY_EXCLUSIONS');
  if (alternatives.length < groups.length) warnings.add('EXCLUSION_ONLY_ALTERNATIVE');

  const query: QueryNode = alternatives.length === 1 ? alternatives[0]! : ({ type: 'or', children: alternatives } satisfies OrNode);
  return { ok: true, query, terms: [...terms], warnings: [...warnings] };
}

function clauseNode(item: Exclude<ScannedItem, { kind: 'or' }>, tokens: QueryToken[], lang: Lang, warnings: Set<QueryWarningCode>): Positive {
  const text = item.raw.replace(FORMAT_CHARS, '').replace(/\s+/g, ' ').trim();
  const wantsPrefix = item.kind === 'word' ? item.prefix : item.starAfter;
  // A bare word the tokenizer splits (al-Quds, title:gaza, U.S.) becomes a phrase of its parts,
  // as PostgreSQL's websearch_to_tsquery does, so it still means "these parts, adjacent".
  if (item.kind === 'phrase' || tokens.length > 1) {
    if (wantsPrefix) warnings.add('PREFIX_ON_PHRASE');
    return { type: 'phrase', text, words: tokens.map((t) => t.normalized), stemmed: tokens.map((t) => t.stemmed) };
  }
  const token = tokens[0]!;
  const start = wantsPrefix ? prefixStemFor(token.normalized, lang) : token.normalized;
  let prefix = wantsPrefix;
  if (prefix && codePoints(start) < MIN_PREFIX_LENGTH) {
    warnings.add('PREFIX_TOO_SHORT');
    prefix = false;
  }
  if (!prefix) return { type: 'term', text, normalized: token.normalized, stemmed: token.stemmed, prefix };
  return { type: 'term', text, normalized: start, stemmed: start, prefix };
}

function highlightTerms(node: Positive): readonly string[] {
  if (node.type === 'phrase') return node.words;
  return [node.prefix ? `${node.normalized}*` : node.normalized];
}

/** Groups clauses between ORs; an OR with nothing on one side is dropped with a warning. */
function splitOnOr(markers: Marker[], warnings: Set<QueryWarningCode>): Clause[][] {
  const groups: Clause[][] = [];
  let current: Clause[] = [];
  let sawOr = false;
  for (const m of markers) {
    if (m === 'or') {
      if (current.length === 0) warnings.add('DANGLING_OR');
      else groups.push(current);
      current = [];
      sawOr = true;
    } else {
      current.push(m);
    }
  }
  if (current.length > 0) groups.push(current);
  else if (sawOr) warnings.add('DANGLING_OR');
  return groups;
}

function failure(code: QueryErrorCode, at?: number): ParsedQuery {
  const error: QueryError = at === undefined ? { code, message: QUERY_ERROR_MESSAGES[code] } : { code, message: QUERY_ERROR_MESSAGES[code], at };
  return { ok: false, error };
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

import type { Lang } from '../domain/errors.ts';
import type { NotNode, PhraseNode, QueryNode, TermNode } from './query-node.ts';

// The reader's own spelling (`text`) is shown, not the normalised form: "أحمد" should not come back
// as "احمد". The result is plain text; views escape it like any other value.
interface Wording {
  readonly articles: string;
  readonly orArticles: string;
  readonly and: string;
  readonly or: string;
  readonly without: string;
  readonly phrase: string;
  readonly prefix: string;
  readonly quote: (s: string) => string;
}

const WORDING: Readonly<Record<Lang, Wording>> = {
  en: {
    articles: 'articles with ',
    orArticles: ', or with ',
    and: ' and ',
    or: ' or ',
    without: ', without ',
    phrase: 'the phrase ',
    prefix: 'words starting with ',
    quote: (s) => `'${s}'`,
  },
  ar: {
    articles: 'مقالات فيها ',
    orArticles: '، أو فيها ',
    and: ' و',
    or: ' أو ',
    without: '، من دون ',
    phrase: 'العبارة ',
    prefix: 'كلمات تبدأ بـ',
    quote: (s) => `«${s}»`,
  },
};

/** Human-readable echo of a parsed query for the results page, e.g. "articles with 'gaza', without 'rafah'". */
export function describeQuery(node: QueryNode, lang: Lang): string {
  const w = WORDING[lang];
  const alternatives = node.type === 'or' ? node.children : [node];
  return w.articles + alternatives.map((alt) => describeAlternative(alt, w)).join(w.orArticles);
}

function describeAlternative(node: Exclude<QueryNode, { type: 'or' }>, w: Wording): string {
  const children = node.type === 'and' ? node.children : [node];
  const positives = children.filter((c): c is TermNode | PhraseNode => c.type !== 'not');
  const exclusions = children.filter((c): c is NotNode => c.type === 'not');
  let out = positives.map((p) => describeClause(p, w)).join(w.and);
  if (exclusions.length > 0) out += w.without + exclusions.map((n) => describeClause(n.child, w)).join(w.or);
  return out;
}

function describeClause(node: TermNode | PhraseNode, w: Wording): string {
  if (node.type === 'phrase') return w.phrase + w.quote(node.text);
  return node.prefix ? w.prefix + w.quote(node.text) : w.quote(node.text);
}

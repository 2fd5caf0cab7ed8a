import type { Lang } from '../domain/errors.ts';
import { tokenizeForSearch } from '../text/arabic-normalize.ts';

/** A piece of a snippet: plain text, and whether it is a matched word to highlight. */
export interface SnippetPart {
  readonly text: string;
  readonly match: boolean;
}

/** Characters of the text searched for a passage. */
export const SNIPPET_SCAN_CHARS = 6000;

/** Words of context around the first match. */
const SNIPPET_WORDS = 32;

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;

/**
 * A rough English stem for highlighting only: the engines stem with Porter, and a passage need
 * only mark "pledged" and "pledging" for a search for "pledge", not agree with Porter exactly.
 */
function roughStem(token: string): string {
  if (!/^[a-z0-9]+$/.test(token)) return token;
  const cut = token.replace(/(ing|ed|es|s)$/, '');
  const base = cut.length >= 3 ? cut : token;
  return base.length > 3 ? base.replace(/e$/, '') : base;
}

/**
 * Words already put through the index's normalisation, per language. Normalising a word (NFKC,
 * folds, Arabic stemming) costs microseconds and a results page meets thousands of words, most of
 * them the same few hundred; bounded, and dropped whole when full (the vocabulary refills it).
 */
const WORD_TOKENS = new Map<string, string>();
const WORD_TOKENS_MAX = 50_000;

/** The index token of one word ('' when it has none), memoised. */
function wordToken(word: string, lang: Lang): string {
  const key = `${lang}:${word}`;
  let token = WORD_TOKENS.get(key);
  if (token === undefined) {
    token = tokenizeForSearch(word, lang)[0] ?? '';
    if (WORD_TOKENS.size >= WORD_TOKENS_MAX) WORD_TOKENS.clear();
    WORD_TOKENS.set(key, token);
  }
  return token;
}

/**
 * A short passage of `text` around the first words that match `terms` (compared after the same
 * normalisation and stemming as the index, so "المدينة" highlights for a search for "مدينة"),
 * as parts the view escapes and marks. Prefix terms end with '*'.
 */
export function snippet(text: string, terms: readonly string[], lang: Lang): SnippetPart[] {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const t of terms) {
    if (t.endsWith('*')) prefixes.push(...tokenizeForSearch(t.slice(0, -1), lang));
    else for (const tok of tokenizeForSearch(t, lang)) exact.add(roughStem(tok));
  }
  // Only the opening of a long text is searched for a passage: enough for a snippet, and the
  // per-word normalisation below must not grow with the length of the article.
  const words = [...text.slice(0, SNIPPET_SCAN_CHARS).matchAll(WORD)];
  const seen = new Map<string, boolean>();
  const isMatch = (w: string) => {
    let hit = seen.get(w);
    if (hit === undefined) {
      const tok = wordToken(w, lang);
      hit = tok !== '' && (exact.has(roughStem(tok)) || prefixes.some((p) => tok.startsWith(p)));
      seen.set(w, hit);
    }
    return hit;
  };
  const first = words.findIndex((m) => isMatch(m[0]));
  const startWord = Math.max(0, (first < 0 ? 0 : first) - 8);
  const endWord = Math.min(words.length, startWord + SNIPPET_WORDS);
  if (words.length === 0) return [{ text: text.slice(0, 200), match: false }];
  const from = startWord === 0 ? 0 : words[startWord]!.index!;
  const lastWord = words[endWord - 1]!;
  const to = lastWord.index! + lastWord[0].length;
  const parts: SnippetPart[] = [];
  if (startWord > 0) parts.push({ text: '… ', match: false });
  let at = from;
  for (let i = startWord; i < endWord; i++) {
    const m = words[i]!;
    if (!isMatch(m[0])) continue;
    if (m.index! > at) parts.push({ text: text.slice(at, m.index!), match: false });
    parts.push({ text: m[0], match: true });
    at = m.index! + m[0].length;
  }
  if (to > at) parts.push({ text: text.slice(at, to), match: false });
  if (endWord < words.length) parts.push({ text: ' …', match: false });
  return parts;
}

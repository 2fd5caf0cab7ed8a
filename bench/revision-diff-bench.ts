import { performance } from 'node:perf_hooks';
import { diffWords } from 'diff';
import { SeededRandom } from '../src/demo/seeded-random.ts';
import { htmlBlockLines } from '../src/text/html-blocks.ts';
import { storedHtmlText } from '../src/text/markup-text.ts';
import { wordDiff } from '../src/text/word-diff.ts';
import { commentCorpus } from './format-bench.ts';

/** Two versions of a long article: paragraphs of the demo's prose, then about one word in twenty changed and one paragraph dropped. */
function articlePairs(count: number, paragraphs: number): { lang: 'en' | 'ar'; before: string; after: string }[] {
  const corpus = commentCorpus(count * paragraphs);
  const random = new SeededRandom(23);
  const pairs: { lang: 'en' | 'ar'; before: string; after: string }[] = [];
  for (let i = 0; i < count; i++) {
    const paras = corpus.slice(i * paragraphs, (i + 1) * paragraphs).map((p) => p.replace(/\s+/g, ' ').trim());
    const edited = paras.filter((_, k) => k !== 3).map((p) => p.split(' ').map((w) => (random.next() < 0.05 ? `${w}x` : w)).join(' '));
    const html = (ps: string[]) => ps.map((p, k) => (k % 7 === 0 ? `<h2>${p.slice(0, 40)}</h2>` : `<p>${p}</p>`)).join('\n');
    pairs.push({ lang: /[\u0600-\u06ff]/.test(paras[0] ?? '') ? 'ar' : 'en', before: html(paras), after: html(edited) });
  }
  return pairs;
}

function timeIt<T>(pairs: readonly T[], fn: (p: T) => number, rounds: number): number[] {
  for (const p of pairs.slice(0, 5)) fn(p); // warm up the JIT
  const times: number[] = [];
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    for (const p of pairs) {
      const start = performance.now();
      sink += fn(p);
      times.push(performance.now() - start);
    }
  }
  if (sink < 0) console.log(sink);
  return times.sort((a, b) => a - b);
}

/**
 * The revision diff page's work on long articles: Folio's (block text, then words by Intl.Segmenter)
 * against the plain use of jsdiff (diffWords over the whole text, its own Latin word pattern), same
 * pairs, same run. Milliseconds per diff, p50 and p99.
 */
export function measureRevisionDiff(count = 40, paragraphs = 30, rounds = 3): { pairs: number; words: number; folio: number[]; baseline: number[] } {
  const pairs = articlePairs(count, paragraphs);
  const words = Math.round(pairs.reduce((n, p) => n + storedHtmlText(p.before).split(' ').length, 0) / pairs.length);
  const baseline = timeIt(pairs, (p) => diffWords(storedHtmlText(p.before), storedHtmlText(p.after)).length, rounds);
  const folio = timeIt(pairs, (p) => wordDiff(htmlBlockLines(p.before), htmlBlockLines(p.after), p.lang).length, rounds);
  return { pairs: pairs.length, words, folio, baseline };
}

import { performance } from 'node:perf_hooks';
import sanitizeHtml from 'sanitize-html';
import { LinkifyIt } from 'linkify-it';
import { URL_SCHEMES } from '../src/domain/url-schemes.ts';
import { formatToString } from '../src/filter/index.ts';
import { CommentMaker } from '../src/demo/comment-maker.ts';
import { SeededRandom } from '../src/demo/seeded-random.ts';

/** A realistic corpus: the demo's comment bodies (links, allowed tags, line breaks) in both languages. */
export function commentCorpus(size: number): string[] {
  const bodies: string[] = [];
  let cid = 1;
  for (const lang of ['en', 'ar'] as const) {
    const maker = new CommentMaker(new SeededRandom(lang === 'en' ? 7 : 11), lang, () => cid++, (b) => b);
    for (let nid = 1; bodies.length < (lang === 'en' ? size * 0.7 : size); nid++) {
      for (const c of maker.forNode(nid, 1_400_000_000, 8, 0)) bodies.push(c.body);
    }
  }
  return bodies.slice(0, size);
}

const ALLOWED_TAGS = ['a', 'em', 'strong', 'cite', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'img', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'span', 'aside', 'p', 'br'];
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true });

/** The baseline a typical Node site would use: linkify-it, a paragraph pass, then sanitize-html. */
export function baselineFormat(text: string): string {
  let linked = '';
  let last = 0;
  for (const m of linkify.match(text) ?? []) {
    linked += text.slice(last, m.index) + `<a href="${m.url}">${m.text}</a>`;
    last = m.lastIndex;
  }
  linked += text.slice(last);
  const paragraphs = linked.replace(/\r\n?/g, '\n').split(/\n{2,}/).map((p) => `<p>${p.trim().replace(/\n/g, '<br />\n')}</p>`).join('\n');
  return sanitizeHtml(paragraphs, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'title', 'hreflang', 'rel'], img: ['src', 'alt', 'title', 'width', 'height'], blockquote: ['cite'], '*': ['lang', 'dir'] },
    allowedSchemes: [...URL_SCHEMES.links],
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener' }) },
  });
}

function timeIt(corpus: readonly string[], fn: (s: string) => string, rounds: number): number {
  let sink = 0;
  for (const s of corpus.slice(0, 500)) sink += fn(s).length; // warm up the JIT
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const s of corpus) sink += fn(s).length;
  const seconds = (performance.now() - start) / 1000;
  if (sink < 0) console.log(sink);
  return (corpus.length * rounds) / seconds;
}

/** Comments per second through Folio's filtered_html and through the baseline, same corpus, same run. */
export function measureFormat(size = 4000, rounds = 3): { corpus: number; folioPerSec: number; baselinePerSec: number } {
  const corpus = commentCorpus(size);
  const baselinePerSec = timeIt(corpus, baselineFormat, rounds);
  const folioPerSec = timeIt(corpus, (s) => formatToString('filtered_html', s), rounds);
  return { corpus: corpus.length, folioPerSec, baselinePerSec };
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_EDITIONS } from '../../src/config/default-editions.ts';
import type { Edition } from '../../src/domain/edition.ts';
import type { NodeSummary } from '../../src/domain/content.ts';
import { DEMO_FIXED_ITEMS, generateDemo, type DemoReport } from '../../src/demo/index.ts';
import { alternateSpelling } from '../../src/demo/demo-people.ts';
import { connectSqlite } from '../../src/store/sqlite/connect.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { ContentReader, Store } from '../../src/store/types.ts';
import { recordingWriter, type WriteRecord } from './recording-writer.ts';

const [en, ar] = DEFAULT_EDITIONS as [Edition, Edition];
const EN_FIRST = Date.UTC(2011, 7, 17, 21) / 1000; // 2011-08-18 00:00 in Beirut (UTC+3)
const EN_END = Date.UTC(2015, 2, 5, 22) / 1000; // 2015-03-06 00:00 in Beirut (UTC+2)
const AR_FIRST = Date.UTC(2024, 0, 1) / 1000;
const AR_END = Date.UTC(2026, 1, 1) / 1000;

async function all(content: ContentReader, edition: string): Promise<readonly NodeSummary[]> {
  return (await content.listNodes({ edition, filter: { type: 'all' }, page: 0, pageSize: 100_000 })).items;
}

async function termTotal(content: ContentReader, edition: string, tid: number): Promise<number> {
  return (await content.listNodes({ edition, filter: { type: 'term', tid }, page: 0, pageSize: 1 })).total;
}

function share(part: number, whole: number): number {
  return part / whole;
}

function within(value: number, lo: number, hi: number, what: string): void {
  assert.ok(value >= lo && value <= hi, `${what}: ${value.toFixed(3)} not in [${lo}, ${hi}]`);
}

describe('generateDemo (default size, in-memory SQLite)', () => {
  let store: Store;
  let recorder: WriteRecord;
  let report: DemoReport;
  let enNodes: readonly NodeSummary[];
  let progress: [number, number][];

  before(async () => {
    store = await openStore(connectSqlite(':memory:'));
    const recording = recordingWriter(store.writer);
    recorder = recording.record;
    progress = [];
    report = await generateDemo({ writer: recording.writer, editions: { en, ar }, seed: 7, onProgress: (d, t) => progress.push([d, t]) });
    enNodes = await all(store.content, 'en');
  });
  after(async () => store.close());

  it('writes about 1,200 English items and 200 Arabic articles, reporting what it wrote', () => {
    assert.equal(report.editions.en.nodesTotal, 1200);
    assert.equal(report.editions.ar.nodesTotal, 200);
    assert.equal(enNodes.length, 1200);
    assert.equal(report.editions.ar.nodes.article, 200);
    assert.ok(report.elapsedMs >= 0);
    assert.deepEqual(progress.at(-1), [1400, 1400]);
  });

  it('writes in batches of at most 500 nodes', () => {
    assert.ok(Math.max(...recorder.saveNodesBatchSizes) <= 500);
    assert.ok(recorder.saveNodesBatchSizes.length >= 3);
  });

  it('mixes kinds as the original did: ~78% articles, ~12% blog posts, plus special pages', () => {
    const n = report.editions.en.nodes;
    within(share(n.article, 1200), 0.74, 0.83, 'article share');
    within(share(n.blog_post, 1200), 0.1, 0.14, 'blog share');
    assert.equal(n.corrections, 1);
    assert.equal(n.landing, 2);
    assert.ok(n.newsletter >= 10);
  });

  it('dates the archive from 2011-08-18 to 2015-03-05, growing to 2014 and thinning at the end', () => {
    const times = enNodes.map((x) => x.publishedAt);
    assert.ok(Math.min(...times) >= EN_FIRST && Math.min(...times) < EN_FIRST + 86_400, 'opens on its first day');
    assert.ok(Math.max(...times) < EN_END && Math.max(...times) >= EN_END - 86_400, 'closes on its last day');
    const perMonth = (from: number, to: number): number => times.filter((t) => t >= from && t < to).length / ((to - from) / (30 * 86_400));
    const autumn2011 = perMonth(EN_FIRST, Date.UTC(2012, 0, 1) / 1000);
    const year2014 = perMonth(Date.UTC(2014, 0, 1) / 1000, Date.UTC(2015, 0, 1) / 1000);
    const end2015 = perMonth(Date.UTC(2015, 0, 1) / 1000, EN_END);
    assert.ok(year2014 > autumn2011 * 1.5, `2014 (${year2014}) busier than 2011 (${autumn2011})`);
    assert.ok(end2015 < year2014 * 0.7, `2015 (${end2015}) thinner than 2014 (${year2014})`);
  });

  it('files items under sections with the shares of docs/original-site.md, parents listing their subsections', async () => {
    const sections = await store.content.listTerms('en', 'section');
    const byPath = new Map(sections.map((s) => [s.path, s]));
    for (const p of ['section/politics', 'section/politics/palestine', 'section/politics/lebanon', 'section/politics/syria', 'section/politics/arab-world', 'section/culture-society', 'section/economy']) {
      assert.ok(byPath.has(p), `missing ${p}`);
    }
    const total = async (path: string): Promise<number> => termTotal(store.content, 'en', byPath.get(path)!.tid);
    within(share(await total('section/politics'), 1200), 0.4, 0.5, 'Politics');
    within(share(await total('section/culture-society'), 1200), 0.21, 0.29, 'Culture & Society');
    within(share(await total('section/economy'), 1200), 0.05, 0.095, 'Economy');
    within(share(await total('section/series-and-features'), 1200), 0.03, 0.07, 'Series and Features');
    within(share(await total('section/portraits'), 1200), 0.015, 0.045, 'Portraits');
    const politics = byPath.get('section/politics')!;
    const children = sections.filter((s) => s.parentTid === politics.tid);
    let sum = 0;
    for (const c of children) sum += await termTotal(store.content, 'en', c.tid);
    assert.equal(sum, await total('section/politics'), 'every politics item is listed under its subsection and the parent');
  });

  it('tags follow a power law: two giants, about ten mid-sized, a long tail, one without an alias', async () => {
    const tags = await store.content.listTerms('en', 'tag');
    const counts: number[] = [];
    for (const t of tags) counts.push(await termTotal(store.content, 'en', t.tid));
    counts.sort((a, b) => b - a);
    within(share(counts[0]!, 1200), 0.26, 0.34, 'giant tag 1');
    within(share(counts[1]!, 1200), 0.16, 0.22, 'giant tag 2');
    const mid = counts.filter((c) => c >= 15 && c <= 90).length;
    within(mid, 8, 14, 'mid-sized tags');
    const tail = counts.filter((c) => c <= 8);
    assert.ok(tail.length > 100, `long tail of ${tail.length}`);
    assert.ok(counts.every((c) => c >= 1), 'no empty tag');
    assert.equal(counts.filter((c) => c > 8 && c < 15).length, 0, 'nothing between tail and middle');
    const pathless = tags.filter((t) => t.path === null);
    assert.equal(pathless.length, 1);
    assert.equal(pathless[0]!.tid, DEMO_FIXED_ITEMS.taxonomyOnlyTag.tid);
    assert.ok(tags.every((t) => t.path === null || /^tags\/[a-z0-9-]+$/.test(t.path)), 'tag paths are tags/<slug>');
  });

  it('has about 60 authors with lognormal output, some under two spellings', async () => {
    const authors = recorder.authors.filter((a) => a.edition === 'en');
    within(authors.length, 55, 65, 'authors');
    const output: number[] = [];
    for (const a of authors) output.push((await store.content.listNodes({ edition: 'en', filter: { type: 'author', aid: a.aid }, page: 0, pageSize: 1 })).total);
    assert.ok(output.every((c) => c >= 1), 'every author has a piece');
    assert.ok(output.filter((c) => c > 100).length >= 2, 'a few wrote over 100 pieces');
    assert.ok(output.filter((c) => c <= 3).length >= authors.length / 2 - 5, 'most wrote 1 to 3');
    const names = new Set(authors.map((a) => a.name));
    const pairs = authors.filter((a) => {
      const [given, ...family] = a.name.split(' ');
      return names.has(alternateSpelling(given!, family.join(' ')));
    });
    assert.ok(pairs.length >= 2, `two spellings: ${pairs.length}`);
    for (const a of authors) assert.match(a.slug, /^[a-z]+(-[a-z]+)+$/);
    assert.ok(authors.some((a) => a.slug.includes('-al-')), '"al-" is kept in slugs');
    assert.equal((await store.content.resolvePath('en', `author/${authors[0]!.slug}`))?.targetType, 'author');
  });

  it('leaves ~15% of articles unsigned and co-signs 3–5%', () => {
    const articles = recorder.nodes.filter((n) => n.edition === 'en' && n.kind === 'article');
    within(share(articles.filter((a) => a.authors === 0).length, articles.length), 0.11, 0.19, 'unsigned');
    within(share(articles.filter((a) => a.authors > 1).length, articles.length), 0.025, 0.055, 'co-authored');
  });

  it('spreads comments as the buckets of docs/original-site.md say, counting only published ones', () => {
    const items = enNodes.filter((x) => x.kind === 'article' || x.kind === 'page' || x.kind === 'blog_post');
    const bucket = (lo: number, hi: number): number => share(items.filter((x) => x.commentCount >= lo && x.commentCount <= hi).length, items.length);
    within(bucket(0, 0), 0.54, 0.66, 'no comments');
    within(bucket(1, 1), 0.11, 0.19, '1 comment');
    within(bucket(2, 3), 0.09, 0.17, '2–3 comments');
    within(bucket(4, 9), 0.06, 0.12, '4–9 comments');
    within(bucket(10, 32), 0.01, 0.05, '10–32 comments');
    assert.equal(bucket(33, Number.POSITIVE_INFINITY), 0);
    const listed = enNodes.reduce((a, x) => a + x.commentCount, 0);
    assert.equal(listed, report.editions.en.comments.published);
    assert.ok(report.editions.en.comments.pending > 0, 'some comments wait for approval');
  });

  it('threads comments and renders them with the Filtered HTML format', async () => {
    const commented = enNodes.filter((x) => x.commentCount >= 4).slice(0, 60);
    const comments = [];
    for (const x of commented) comments.push(...(await store.content.listPublishedComments(x.nid, 0, 50)).items);
    assert.ok(comments.some((c) => c.thread.includes('.') && c.pid !== null), 'some replies');
    assert.ok(comments.every((c) => /^[0-9a-z]{2}(\.[0-9a-z]{2,})*\/$/.test(c.thread)));
    const html = comments.map((c) => c.bodyHtml).join('\n');
    assert.match(html, /<p>/);
    assert.match(html, /<br \/?>/, 'single line breaks');
    assert.match(html, /<a href="(https?:|mailto:)[^"]+"/, 'addresses turned into links');
    assert.ok(comments.some((c) => c.homepage !== null), 'some homepages');
    assert.ok(comments.every((c) => c.subject !== '' && [...c.subject].length <= 29));
    assert.ok(!('email' in (comments[0] as object)), 'e-mail addresses stay in the store');
  });

  it('uses 3–4 blogs with owners and uids, and posts under blogs/<blog>/<post>', async () => {
    const blogs = await store.content.listBlogs('en');
    within(blogs.length, 3, 4, 'blogs');
    for (const b of blogs) {
      assert.ok(b.uid > 0 && b.ownerName !== '');
      assert.equal((await store.content.findBlogByUid('en', b.uid))?.bid, b.bid);
      assert.equal((await store.content.resolvePath('en', `blogs/${b.slug}`))?.targetId, b.bid);
    }
    const posts = enNodes.filter((x) => x.kind === 'blog_post');
    assert.ok(posts.every((p) => p.blog !== null && (p.path === null || p.path.startsWith(`blogs/${p.blog.slug}/`))));
    assert.ok(posts.some((p) => !p.showDate && p.authors.length === 0), 'some posts show no date and no author');
  });

  it('writes teasers as the listings show them', () => {
    const facts = recorder.nodes.filter((n) => n.edition === 'en');
    assert.ok(facts.every((n) => n.teaser.length <= 153), 'teasers are cut near 150 characters');
    assert.ok(facts.every((n) => n.summary === null || (n.summary.length < 150 && n.teaser === n.summary)), 'summaries are short and used whole');
    assert.ok(facts.filter((n) => n.summary !== null).length > 50, 'some items have an editor’s summary');
    assert.ok(facts.some((n) => n.teaser.endsWith('“...')), 'a teaser ends with an opening quote');
    assert.ok(facts.some((n) => n.teaser.endsWith('(...')), 'a teaser ends with an opening bracket');
  });

  it('promotes a share of items to the front listing', async () => {
    const promoted = await store.content.listNodes({ edition: 'en', filter: { type: 'promoted' }, page: 0, pageSize: 10 });
    within(share(promoted.total, 1200), 0.04, 0.12, 'promoted');
  });

  it('writes text with curly quotes, dashes, datelines, updates and editor’s notes', async () => {
    const sample = enNodes.filter((x) => x.kind === 'article').slice(0, 400);
    const bodies: string[] = [];
    for (const s of sample) bodies.push((await store.content.findNode('en', s.nid))!.bodyHtml.html);
    const text = bodies.join('\n');
    for (const mark of ['“', '”', '’', '–', '—']) assert.ok(text.includes(mark), `uses ${mark}`);
    assert.ok(bodies.some((b) => /^<p>[A-Z][A-Za-z ]+ – /.test(b)), 'a dateline');
    assert.ok(bodies.some((b) => b.includes('Updated at ')), 'an "Updated at" opening');
    assert.ok(bodies.some((b) => b.includes("Editor's Note:")), 'an editor’s note');
    assert.ok(bodies.every((b) => b.startsWith('<p>')), 'HTML paragraphs');
    const details = await Promise.all(sample.slice(0, 200).map((s) => store.content.findNode('en', s.nid)));
    assert.ok(details.some((d) => d!.credit === '(The Levant Ledger)'));
    assert.ok(details.some((d) => /^\((AFP|Reuters|AP), The Levant Ledger\)$/.test(d!.credit ?? '')));
    assert.ok(details.some((d) => d!.photo !== null && /^\(Photo: \w+ - .+\)$|^\w+\/.+$/.test(d!.photo.credit ?? '')));
  });

  it('never puts an e-mail address into node text (commenters’ addresses stay private)', () => {
    assert.deepEqual(recorder.nodeTextWithEmail, []);
  });

  it('numbers the Arabic edition after the English one, with its own terms, authors and dates', async () => {
    assert.ok(report.editions.ar.firstNid > report.editions.en.lastNid);
    const enTids = new Set(recorder.terms.filter((t) => t.edition === 'en').map((t) => t.tid));
    const arTerms = recorder.terms.filter((t) => t.edition === 'ar');
    assert.ok(arTerms.length > 10 && arTerms.every((t) => !enTids.has(t.tid)), 'term ids are global');
    const enAids = new Set(recorder.authors.filter((a) => a.edition === 'en').map((a) => a.aid));
    assert.ok(recorder.authors.filter((a) => a.edition === 'ar').every((a) => !enAids.has(a.aid)), 'author ids are global');
    const arNodes = await all(store.content, 'ar');
    assert.equal(arNodes.length, 200);
    assert.ok(arNodes.every((x) => x.publishedAt >= AR_FIRST && x.publishedAt < AR_END), 'dated 2024–2026');
    assert.ok(arNodes.every((x) => /[\u0600-\u06FF]/.test(x.title) && /[\u0600-\u06FF]/.test(x.teaser)), 'Arabic text');
    const sections = await store.content.listTerms('ar', 'section');
    assert.deepEqual(sections.map((s) => s.name).sort(), ['اقتصاد', 'ثقافة ومجتمع', 'سوريا', 'سياسة', 'فلسطين', 'لبنان'].sort());
    assert.ok(sections.some((s) => s.path === 'section/politics/lebanon'));
    const details = await Promise.all(arNodes.slice(0, 60).map((x) => store.content.findNode('ar', x.nid)));
    assert.ok(details.some((d) => d!.credit === '(رويترز، دفتر المشرق)' || d!.credit === '(أ ف ب، دفتر المشرق)'));
    assert.ok(arNodes.some((x) => x.commentCount > 0), 'some Arabic comments');
    assert.equal(report.editions.ar.comments.published, arNodes.reduce((a, x) => a + x.commentCount, 0));
  });
});

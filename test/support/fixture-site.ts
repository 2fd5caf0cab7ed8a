import { sanctionedWriter } from '../../src/domain/edition-guard.ts';
import type { StoreRuntime } from '../../src/runtime.ts';
import { buildComment, buildNode, seconds } from './factories.ts';

/** Known ids and paths of the small fixture newspaper, for assertions. */
export const FIXTURE = {
  article: { nid: 2001, path: 'content/battle-freedom-x-vs-authorities', legacyPath: 'content/old-battle-slug', title: 'The battle for freedom: X vs. the authorities' },
  coAuthored: { nid: 2002, path: 'content/two-writers-one-story' },
  unsigned: { nid: 2003, path: 'content/agencies-report-clashes' },
  nodeOnly: { nid: 2004 },
  closed: { nid: 2005, path: 'content/comments-closed-here' },
  gazaTag: { tid: 11, path: 'tags/gaza', items: 27 },
  termOnly: { tid: 12, name: 'Beirut Port' },
  politics: { tid: 1, path: 'section/politics' },
  palestine: { tid: 2, path: 'section/politics/palestine' },
  author: { aid: 1, path: 'author/lea-al-qazzi', name: 'Lea al-Qazzi' },
  blog: { bid: 1, uid: 77, path: 'blogs/notes-hamra', post: 'blogs/notes-hamra/first-post' },
  landing: { nid: 2101, path: 'stl' },
  newsletter: { nid: 2102, path: 'newsletter/week-monday-january-23-2012' },
  corrections: { nid: 2103, path: 'editors-corner' },
  arabic: { nid: 3001, path: 'content/arabic-article', sectionPath: 'section/politics' },
  emails: ['reader1@private.example', 'reader2@private.example', 'reader3@private.example', 'reader4@private.example', 'reader5@private.example'],
} as const;

/** Writes the fixture newspaper: a few of every page type, with known fields. */
export async function seedFixture(runtime: StoreRuntime): Promise<void> {
  const en = sanctionedWriter(runtime.editions.get('en'), 'demo-seed');
  const ar = sanctionedWriter(runtime.editions.get('ar'), 'demo-seed');
  const w = runtime.store.writer;
  await w.saveTerms(en, [
    { tid: 1, vocabulary: 'section', name: 'Politics', path: 'section/politics', parentTid: null, weight: 0 },
    { tid: 2, vocabulary: 'section', name: 'Palestine', path: 'section/politics/palestine', parentTid: 1, weight: 1 },
    { tid: 3, vocabulary: 'section', name: 'Culture & Society', path: 'section/culture-society', parentTid: null, weight: 2 },
    { tid: 4, vocabulary: 'section', name: 'Economy', path: 'section/economy', parentTid: null, weight: 3 },
    { tid: 10, vocabulary: 'tag', name: 'Islamic State', path: 'tags/islamic-state', parentTid: null, weight: 0 },
    { tid: 11, vocabulary: 'tag', name: 'Gaza', path: 'tags/gaza', parentTid: null, weight: 0 },
    { tid: 12, vocabulary: 'tag', name: 'Beirut Port', path: null, parentTid: null, weight: 0 },
  ]);
  await w.saveAuthors(en, [{ aid: 1, name: 'Lea al-Qazzi', slug: 'lea-al-qazzi' }, { aid: 2, name: 'Omar Haddad', slug: 'omar-haddad' }]);
  await w.saveBlogs(en, [{ bid: 1, uid: 77, title: 'Notes from Hamra', slug: 'notes-hamra', ownerName: 'Omar Haddad' }]);
  const gaza = Array.from({ length: 24 }, (_, i) => buildNode({
    nid: 2010 + i,
    title: `Gaza report number ${i + 1}`,
    publishedAt: seconds('2013-01-01T12:00:00+02:00') + i * 86400,
    sectionTid: 2,
    termIds: [2, 1, 11],
    authorIds: [2],
  }));
  await w.saveNodes(en, [
    buildNode({
      nid: 2001, title: FIXTURE.article.title, path: FIXTURE.article.path, legacyPaths: [FIXTURE.article.legacyPath],
      // 00:30 in Beirut on Tuesday is still Monday in UTC: the weekday must come from Beirut.
      publishedAt: seconds('2014-11-18T00:30:00+02:00'),
      bodyHtml: '<p>Damascus – The first paragraph of the battle story, with “curly quotes” and an en dash – as the newsroom wrote it.</p><p>Editor\'s Note: a second paragraph.</p>',
      credit: '(Reuters, The Levant Ledger)', sectionTid: 2, termIds: [2, 1, 10, 11], authorIds: [1], promoted: true,
      photo: { src: '/assets/demo/photo-3.svg', caption: 'Protesters gather in the square.', credit: '(Photo: AFP - Sam Writer)' },
    }),
    buildNode({ nid: 2002, title: 'Two writers one story', path: FIXTURE.coAuthored.path, sectionTid: 3, termIds: [3, 11], authorIds: [1, 2], publishedAt: seconds('2014-10-01T09:00:00+03:00') }),
    buildNode({ nid: 2003, title: 'Agencies report clashes', path: FIXTURE.unsigned.path, sectionTid: 4, termIds: [4, 11, 12], authorIds: [], publishedAt: seconds('2014-09-19T09:00:00+03:00') }),
    buildNode({ nid: 2004, title: 'An item without an alias', path: null, sectionTid: 4, termIds: [4], authorIds: [2], publishedAt: seconds('2012-03-05T09:00:00+02:00') }),
    buildNode({ nid: 2005, title: 'Comments closed here', path: 'content/comments-closed-here', commentPolicy: 'closed', sectionTid: 4, termIds: [4], publishedAt: seconds('2012-03-06T09:00:00+02:00') }),
    ...gaza,
    buildNode({ nid: 2100, kind: 'blog_post', title: 'First post', path: FIXTURE.blog.post, blogId: 1, authorIds: [2], publishedAt: seconds('2014-11-10T18:40:00+02:00'),
      bodyHtml: '<p>The whole first paragraph of the blog post is shown in blog listings, however long it is, because the original site did not cut it at one hundred and fifty characters.</p><p>More.</p>' }),
    buildNode({ nid: 2101, kind: 'landing', title: 'Special Tribunal for Lebanon', path: FIXTURE.landing.path, bodyHtml: '<p>Intro paragraph of the landing page.</p>' }),
    buildNode({ nid: 2102, kind: 'newsletter', title: 'Week of Monday January 23, 2012', path: FIXTURE.newsletter.path,
      bodyHtml: `<h2>Politics</h2><ul><li><a href="/${FIXTURE.article.path}">${FIXTURE.article.title}</a></li></ul>` }),
    buildNode({ nid: 2103, kind: 'corrections', title: "Editor's Corner", path: FIXTURE.corrections.path, bodyHtml: '<p>Corrections and letters.</p>' }),
  ]);
  await w.saveLandingItems(en, 2101, [2001, 2002]);
  await w.saveCorrections(en, [{ nid: 2001, kind: 'correction', title: 'A correction to the battle story', bodyHtml: '<p>An earlier version misspelled a name.</p>', publishedAt: seconds('2014-11-20T10:00:00+02:00') }]);
  await w.saveComments(en, [
    buildComment({ cid: 1, nid: 2001, thread: '01/' }),
    buildComment({ cid: 2, nid: 2001, pid: 1, thread: '01.00/', homepage: 'http://reader2.example.org/' }),
    buildComment({ cid: 3, nid: 2001, thread: '02/' }),
    buildComment({ cid: 4, nid: 2003, thread: '01/' }),
    buildComment({ cid: 5, nid: 2003, thread: '02/', status: 0 }),
  ]);
  await w.recountComments(en);
  await w.saveTerms(ar, [{ tid: 50, vocabulary: 'section', name: 'سياسة', path: 'section/politics', parentTid: null, weight: 0 }]);
  await w.saveAuthors(ar, [{ aid: 50, name: 'ليا القزي', slug: 'ليا-القزي' }]);
  await w.saveNodes(ar, [buildNode({
    nid: 3001, title: 'مقال عربي للاختبار', path: FIXTURE.arabic.path, sectionTid: 50, termIds: [50], authorIds: [50],
    publishedAt: seconds('2025-11-18T10:00:00+02:00'), bodyHtml: '<p>بيروت – الفقرة الأولى من المقال العربي.</p>', credit: '(رويترز، دفتر المشرق)',
  })]);
  // As the demo seeder does: the fixture is searchable from the start.
  await runtime.search.reindex();
}

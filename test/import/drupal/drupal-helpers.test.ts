import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupAliases } from '../../../src/import/sources/drupal/alias-paths.ts';
import { systemAliasRecord } from '../../../src/import/sources/drupal/system-aliases.ts';
import { leadPhoto, sitePath } from '../../../src/import/sources/drupal/site-files.ts';
import { splitCredit } from '../../../src/import/sources/drupal/split-credit.ts';
import { importTextFormat, knownTextFormat } from '../../../src/import/sources/drupal/text-format.ts';

test('splitCredit takes only a last paragraph that is nothing but a bracketed list', () => {
  const cases: [string, string, string | null][] = [
    ['<p>Text.</p>\n<p>(Reuters, Al-Akhbar)</p>', '<p>Text.</p>', '(Reuters, Al-Akhbar)'],
    ['<p>Text.</p><p> (AFP, Al-Akhbar) </p>\n\n', '<p>Text.</p>', '(AFP, Al-Akhbar)'],
    ['Text line.\n\n(Al-Akhbar)', 'Text line.', '(Al-Akhbar)'],
    ['(Al-Akhbar)', '', '(Al-Akhbar)'],
    ['<p>Text.</p>\n<p class="credit">(Reuters)</p>', '<p>Text.</p>', '(Reuters)'],
    // A bracket ending a sentence, a bracket inside a paragraph, nested or tagged brackets: not credits.
    ['<p>Prices rose (again)</p>', '<p>Prices rose (again)</p>', null],
    ['Prices rose (again)', 'Prices rose (again)', null],
    ['<p>Text.</p>\n<p>(see <a href="/x">here</a>)</p>', '<p>Text.</p>\n<p>(see <a href="/x">here</a>)</p>', null],
    ['<p>Text.</p>\n<p>(a (b) c)</p>', '<p>Text.</p>\n<p>(a (b) c)</p>', null],
    [`<p>Text.</p>\n<p>(${'x'.repeat(121)})</p>`, `<p>Text.</p>\n<p>(${'x'.repeat(121)})</p>`, null],
    ['', '', null],
  ];
  for (const [body, kept, credit] of cases) assert.deepEqual(splitCredit(body), { body: kept, credit: credit === null ? null : credit }, JSON.stringify(body).slice(0, 60));
  assert.deepEqual(splitCredit('<p>Text.</p>\n<p>(Reuters)</p>').body, '<p>Text.</p>');
  const unchanged = '<p>No credit here.</p>';
  assert.equal(splitCredit(unchanged).body, unchanged);
});

test('splitCredit stays fast on a long body of brackets', () => {
  const hostile = `<p>${'('.repeat(50_000)}</p>\n${'(x) '.repeat(50_000)}`;
  const start = performance.now();
  splitCredit(hostile);
  assert.ok(performance.now() - start < 500);
});

test('groupAliases: the highest pid is canonical, the others are legacy paths newest first', () => {
  const grouped = groupAliases([
    { pid: 9, source: 'node/1', alias: 'content/new' },
    { pid: 3, source: 'node/1', alias: 'content/oldest' },
    { pid: 5, source: 'node/1', alias: '/content/old/' },
    { pid: 6, source: 'node/1', alias: 'content/new' },
    { pid: 4, source: 'node/2', alias: 'content/two' },
  ]);
  assert.deepEqual(grouped.get('node/1'), { path: 'content/new', legacyPaths: ['content/old', 'content/oldest'] });
  assert.deepEqual(grouped.get('node/2'), { path: 'content/two', legacyPaths: [] });
  assert.equal(grouped.get('node/3'), undefined);
});

test('text formats: Drupal 6 names and Drupal 7 machine names; anything else falls back to filtered_html', () => {
  const cases: [string | null, string | null][] = [
    ['Filtered HTML', 'filtered_html'], ['Full HTML', 'full_html'], ['Plain text', 'plain_text'],
    ['filtered_html', 'filtered_html'], ['full_html', 'full_html'], ['plain_text', 'plain_text'], [' FULL html ', 'full_html'],
    ['php_code', null], ['PHP code', null], ['', null], [null, null],
  ];
  for (const [name, known] of cases) {
    assert.equal(knownTextFormat(name), known, String(name));
    assert.equal(importTextFormat(name), known ?? 'filtered_html');
  }
});

test('sitePath turns stored file locations into site paths', () => {
  assert.equal(sitePath('public://photos/a.jpg'), '/sites/default/files/photos/a.jpg');
  assert.equal(sitePath('public:///a.jpg'), '/sites/default/files/a.jpg');
  assert.equal(sitePath('sites/default/files/a.jpg'), '/sites/default/files/a.jpg');
  assert.equal(sitePath('/sites/default/files/a.jpg'), '/sites/default/files/a.jpg');
});

test('leadPhoto picks the first image and splits a trailing "(Photo: …)" credit from the caption', () => {
  const file = (fid: number, mime: string, caption: string) => ({ nid: 1, vid: 1, fid, location: `public://f${fid}`, mime, caption, order: fid });
  assert.equal(leadPhoto([file(1, 'application/pdf', 'Report')]), null);
  assert.deepEqual(leadPhoto([file(1, 'application/pdf', ''), file(2, 'image/jpeg', 'A march. (Photo: AFP - Name)')]), { src: '/sites/default/files/f2', caption: 'A march.', credit: '(Photo: AFP - Name)' });
  assert.deepEqual(leadPhoto([file(3, 'image/png', '(Photo: AFP - Name)')]), { src: '/sites/default/files/f3', caption: null, credit: '(Photo: AFP - Name)' });
  assert.deepEqual(leadPhoto([file(4, 'image/png', 'AFP/Name is in the caption')]), { src: '/sites/default/files/f4', caption: 'AFP/Name is in the caption', credit: null });
});

test('systemAliasRecord: user and blog aliases lead to the blog, forum to its term, the rest are gone with a reason', () => {
  const blog = { type: 'blog' as const, key: 'blog/2', uid: 2, title: "Rami's blog", slug: 'rami', ownerName: 'Rami', provenance: { source: 'drupal' as const, originalUrl: null, capturedAt: null } };
  const site = { version: 7 as const, terms: new Map([[30, { role: 'tag' as const, key: 'term/30', name: 'General', depth: 0 }], [20, { role: 'author' as const, key: 'author/x', name: 'X', depth: 0 }]]), blogs: new Map([[2, blog]]) };
  const fate = (source: string, alias = 'Some/Alias') => {
    const r = systemAliasRecord({ pid: 1, source, alias }, site);
    return r === null ? null : r.type === 'redirect' ? `301 ${r.from} -> ${r.to}` : `410 ${r.path}: ${r.reason}`;
  };
  assert.equal(fate('user/2'), '301 Some/Alias -> blogs/rami');
  assert.equal(fate('blog/2', '/rami-blog/'), '301 rami-blog -> blogs/rami');
  assert.equal(fate('forum/30'), '301 Some/Alias -> taxonomy/term/30');
  assert.match(fate('user/9')!, /^410 Some\/Alias: user\/9 is a user profile/);
  assert.match(fate('blog/9')!, /^410 .*blog\/9 is a blog with no posts/);
  assert.match(fate('forum/20')!, /^410 .*no longer exists/, 'an Authors term is no forum');
  assert.match(fate('taxonomy/term/777')!, /^410 .*taxonomy\/term\/777 was deleted/);
  assert.match(fate('archive-view')!, /^410 .*system path "archive-view", which Folio does not serve/);
  assert.equal(fate('user/2', '  '), null, 'an empty alias');
  for (const route of ['node', 'blog', 'rss.xml', 'taxonomy/term/5/feed', 'comment/12', 'archive/2013/05', 'filter/tips']) {
    const r = systemAliasRecord({ pid: 1, source: route, alias: 'x' }, site);
    assert.deepEqual(r?.type === 'redirect' ? [r.to, r.fixedRoute] : r, [route, true], `${route}: a page Folio serves at the same route`);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dumpUrl, parseManifest, pathOfFileName, storedPath } from '../../../src/import/sources/crawl/dump-url.ts';
import { commentCountOf, listingKindOf, nameFromPath } from '../../../src/import/sources/crawl/mined-listing.ts';
import { isChromeBlock, isNotice, splitCaption } from '../../../src/import/sources/crawl/text-blocks.ts';
import { parseTextListing } from '../../../src/import/sources/crawl/text-listing.ts';
import { textDumpRecords } from '../../../src/import/sources/crawl/text-dump.ts';
import { renderTextDump } from '../../fixtures/original-site/render-text-dump.ts';
import { renderTextListing } from '../../fixtures/original-site/render-text-listing.ts';
import { sampleArticle } from '../../fixtures/original-site/sample-pages.ts';

const provenance = { source: 'text', originalUrl: null, capturedAt: 1430000000 } as const;
/** Tuesday, November 18, 2014, noon in Beirut. */
const NOV_18 = Date.UTC(2014, 10, 18, 10) / 1000;

test('a dump names its URL by a first line, a manifest entry or a percent-encoded file name, in that order', () => {
  const manifest = parseManifest('# comment\n\na.txt\thttp://x.example/content/from-manifest\r\nb.txt\t\n');
  assert.deepEqual([...manifest], [['a.txt', 'http://x.example/content/from-manifest']]);
  assert.deepEqual(dumpUrl('URL: http://x.example/content/a\r\nTitle\n', 'a.txt', manifest), { url: 'http://x.example/content/a', text: 'Title\n', from: 'line' });
  assert.deepEqual(dumpUrl('Title\n', 'a.txt', manifest), { url: 'http://x.example/content/from-manifest', text: 'Title\n', from: 'manifest' });
  assert.deepEqual(dumpUrl('Title\n', 'content%2Fa%E2%80%99b.txt', manifest), { url: '/content/a%E2%80%99b', text: 'Title\n', from: 'file name' });
  assert.deepEqual(dumpUrl('Title\n', 'ferry.txt', manifest), { url: null, text: 'Title\n', from: null });
  assert.equal(pathOfFileName('tags%2Fx%3Fpage%3D2.txt'), 'tags/x?page=2');
  assert.equal(pathOfFileName('%2Fnode%2F8674.txt'), 'node/8674');
  assert.equal(pathOfFileName('100%25 sure.txt'), null);
});

test('stored paths are decoded, without host, query or slashes; a bad escape is kept as given', () => {
  assert.equal(storedPath('http://x.example/content/a%E2%80%99b?page=1'), 'content/a’b');
  assert.equal(storedPath('/tags/x?page=2'), 'tags/x');
  assert.equal(storedPath('/content/100%'), 'content/100%');
  assert.equal(storedPath('http://x.example/'), '');
});

test('listing kinds, names from paths and comment counts', () => {
  assert.deepEqual(['', 'node', 'tags/x', 'taxonomy/term/7', 'section/a', 'section/a/b', 'author/x', 'blog', 'blogs/x', 'blog/42', 'content/x', 'section/a/b/c'].map(listingKindOf),
    ['front', 'front', 'tag', 'tag', 'section', 'section', 'author', 'blogs', 'blog', 'blog', null, null]);
  assert.equal(nameFromPath('tags/islamic-state'), 'Islamic State');
  assert.deepEqual(['Read more', 'Read more | 1 Comment', 'Read more | 12 Comments', 'Read more | 2 new comments', 'Comments'].map(commentCountOf), [0, 1, 12, 2, null]);
});

test('the notice in its variants, its link text lost included; multi-line chrome blocks', () => {
  assert.ok(isNotice(['The Daily Meridian’s English site is now kept online as an archive and is no longer updated. Our new reporting appears in Arabic on our main site (www.meridian-daily.example).']));
  assert.ok(isNotice(['The Daily Meridian’s English site is now kept online as an archive and is no longer updated. Our new reporting appears in Arabic on our main site ().']));
  assert.ok(isNotice(['This site is kept online for archival purposes only. New content appears on our main website .']));
  assert.ok(!isNotice(['The port authority said the archive of shipping records would be kept.']));
  assert.ok(isChromeBlock(['^ Back to Top', 'Syndicate content']));
  assert.ok(isChromeBlock(['« first ‹ previous 1 2 3 next › last »']));
  assert.ok(!isChromeBlock(['^ Back to Top', 'A real sentence.']));
});

test('captions: early "(Photo: AFP - Name)" and later "AFP/Name" credits', () => {
  assert.deepEqual(splitCaption('Dock workers at the gate. (Photo: AFP - Rami Saad)'), { caption: 'Dock workers at the gate.', credit: '(Photo: AFP - Rami Saad)' });
  assert.deepEqual(splitCaption('Dock workers at the gate. AFP/Rami Saad'), { caption: 'Dock workers at the gate.', credit: 'AFP/Rami Saad' });
  assert.deepEqual(splitCaption('Dock workers at the gate.'), { caption: 'Dock workers at the gate.', credit: null });
});

test('an article dump: the caption becomes the lead photo, a known URL is canonical, /node/<nid> keeps the nid', () => {
  const text = renderTextDump(sampleArticle(), { caption: true });
  const at = (capturedPath: string | null) => textDumpRecords(text, 'a.txt', provenance, { capturedPath, nid: null, alias: null }).find((r) => r.type === 'node')!;
  const byUrl = at('content/harbour’s-strike');
  assert.ok(byUrl.type === 'node');
  assert.deepEqual([byUrl.key, byUrl.nid, byUrl.path, byUrl.notes], ['path/content/harbour’s-strike', null, 'content/harbour’s-strike', undefined]);
  assert.deepEqual(byUrl.revisions[0]!.photo, { src: '', caption: 'Dock workers gather at the northern gate on Tuesday.', credit: '(Photo: AFP - Rami Saad)' });
  const byNid = at('node/8674');
  assert.ok(byNid.type === 'node');
  assert.deepEqual([byNid.key, byNid.nid, byNid.path], ['node/8674', 8674, null]);
  const unknown = at(null);
  assert.ok(unknown.type === 'node');
  assert.equal(unknown.path, 'content/harbour-workers-end-strike-after-port-authority-agrees-pay-talks');
  assert.match(unknown.notes![0]!, /original URL is unknown/);
  const noCaption = textDumpRecords(renderTextDump(sampleArticle()), 'a.txt', provenance).find((r) => r.type === 'node')!;
  assert.ok(noCaption.type === 'node' && noCaption.revisions[0]!.photo === null);
});

test('a standard listing: heading, By: lines, teasers, dates and comment counts; pager and chrome dropped', () => {
  const text = renderTextListing([
    { title: 'First story', authors: ['Lea al-Qazzi', 'Omar Haddad'], date: NOV_18, teaser: 'It began at the port...', comments: 1 },
    { title: 'Second story', teaser: 'An unsigned piece without a date.', comments: 12 },
    { title: 'Third story', date: NOV_18, teaser: 'No comment link at all.' },
  ], { heading: 'Harbour strike', noticeWithoutLink: true });
  const listing = parseTextListing(text, 'tag', 'tags/harbour-strike');
  assert.equal(listing.name, 'Harbour strike');
  assert.deepEqual(listing.teasers, [
    { title: 'First story', path: null, authors: ['Lea al-Qazzi', 'Omar Haddad'], date: NOV_18, teaser: 'It began at the port...', comments: 1 },
    { title: 'Second story', path: null, authors: [], date: null, teaser: 'An unsigned piece without a date.', comments: 12 },
    { title: 'Third story', path: null, authors: [], date: NOV_18, teaser: 'No comment link at all.', comments: 0 },
  ]);
  assert.equal(parseTextListing(renderTextListing([{ title: 'Only', teaser: 'One.' }]), 'section', 'section/a/b').name, null, 'no heading printed');
});

test('the front page: full teasers with caption, By: and Published lines', () => {
  const text = renderTextListing([
    { title: 'Lead story', caption: 'A crowd at the gate. AFP/Rami Saad', authors: ['Lea al-Qazzi'], date: NOV_18, teaser: 'The whole first paragraph of the lead story.', comments: 4 },
    { title: 'Second story', date: NOV_18 - 86_400, teaser: 'The whole first paragraph of the second.' },
  ], { front: true });
  const listing = parseTextListing(text, 'front', '');
  assert.deepEqual(listing.teasers.map((t) => [t.title, t.authors, t.date, t.teaser, t.comments]), [
    ['Lead story', ['Lea al-Qazzi'], NOV_18, 'The whole first paragraph of the lead story.', 4],
    ['Second story', [], NOV_18 - 86_400, 'The whole first paragraph of the second.', 0],
  ]);
});

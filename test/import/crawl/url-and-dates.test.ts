import { test } from 'node:test';
import assert from 'node:assert/strict';
import { beirutToUnix, parseBlogDate, parseCommentDate, parsePublishedDate } from '../../../src/import/sources/crawl/beirut-time.ts';
import { nidOfPath, sitePath } from '../../../src/import/sources/crawl/url-path.ts';

test('URLs reduce to site paths without scheme, host, query, fragment or slashes', () => {
  const cases: [string, string][] = [
    ['http://english.meridian-daily.example/content/a-b', 'content/a-b'],
    ['https://english.meridian-daily.example/content/a-b/?page=2#comment-5', 'content/a-b'],
    ['//english.meridian-daily.example/tags/x', 'tags/x'],
    ['/node/8674', 'node/8674'],
    ['content//a', 'content/a'],
    ['http://english.meridian-daily.example/', ''],
    ['http://english.meridian-daily.example/index.php?q=node/12', 'node/12'],
    ['http://english.meridian-daily.example/?q=%2Ftags%2Fx%2F', 'tags/x'],
  ];
  for (const [url, path] of cases) assert.equal(sitePath(url), path, url);
  assert.equal(nidOfPath('node/8674'), 8674);
  assert.equal(nidOfPath('node/8674/edit'), 8674);
  assert.equal(nidOfPath('node/86x'), null);
  assert.equal(nidOfPath('content/node/1'), null);
});

test('printed Beirut dates read back to the instants they show, across DST changes', () => {
  // Beirut: UTC+2 in winter, UTC+3 from the last Sunday of March (2014-03-30 00:00 local).
  assert.equal(beirutToUnix(2014, 1, 15, 12, 0), Date.UTC(2014, 0, 15, 10) / 1000);
  assert.equal(beirutToUnix(2014, 7, 15, 12, 0), Date.UTC(2014, 6, 15, 9) / 1000);
  assert.equal(beirutToUnix(2014, 3, 30, 12, 0), Date.UTC(2014, 2, 30, 9) / 1000);
  assert.equal(parsePublishedDate('Published Thursday, March 5, 2015'), Date.UTC(2015, 2, 5, 10) / 1000);
  assert.equal(parsePublishedDate('Published Someday, Smarch 5, 2015'), null);
  assert.equal(parseCommentDate('Tue, 11/18/2014 - 18:40'), Date.UTC(2014, 10, 18, 16, 40) / 1000);
  assert.equal(parseBlogDate('Mon, 2014-11-10 18:40'), Date.UTC(2014, 10, 10, 16, 40) / 1000);
  assert.equal(parseCommentDate('yesterday'), null);
});

/** The comment list's author line and subjects, with hostile stored data (old imports). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_EDITIONS } from '../../../src/config/default-editions.ts';
import type { PublicComment } from '../../../src/domain/content.ts';
import type { SiteContext } from '../../../src/web/site-context.ts';
import { commentAuthor } from '../../../src/web/views/comments-view.ts';

function context(code: 'en' | 'ar'): SiteContext {
  const edition = DEFAULT_EDITIONS.find((e) => e.code === code)!;
  return { edition, prefix: edition.pathPrefix, baseUrl: 'http://localhost', editions: DEFAULT_EDITIONS };
}

function comment(overrides: Partial<PublicComment>): PublicComment {
  return { cid: 1, nid: 1, pid: null, thread: '01/', name: 'Rana', homepage: null, subject: 'Hello', bodyHtml: '<p>x</p>', createdAt: 1_400_000_000, verified: false, ...overrides };
}

// docs/url-schemes.md: only URL_SCHEMES.web homepages become the author's link, whatever the store holds.
const homepages: ReadonlyArray<readonly [string, boolean]> = [
  ['https://rana.example.org/', true],
  ['http://rana.example.org/~r', true],
  ['ftp://rana.example.org/', false],
  ['feed://rana.example.org/rss', false],
  ['javascript:alert(1)', false],
  ['java\u200Bscript:alert(1)', false],
  ['mailto:rana@example.org', false],
  ['/relative/path', false],
  ['', false],
];

for (const [homepage, linked] of homepages) {
  test(`commentAuthor: homepage ${JSON.stringify(homepage)} is ${linked ? '' : 'not '}a link`, () => {
    const out = commentAuthor(context('en'), comment({ homepage })).html;
    assert.equal(out.includes('<a '), linked, out);
    assert.ok(out.includes('Rana'), out);
  });
}

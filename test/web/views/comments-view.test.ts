/** The comment list's author line and subjects, with hostile stored data (old imports). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_EDITIONS } from '../../../src/config/default-editions.ts';
import type { PublicComment } from '../../../src/domain/content.ts';
import { trustedHtml } from '../../../src/domain/safe-html.ts';
import type { SiteContext } from '../../../src/web/site-context.ts';
import { commentAuthor } from '../../../src/web/views/comments-view.ts';

function context(code: 'en' | 'ar'): SiteContext {
  const edition = DEFAULT_EDITIONS.find((e) => e.code === code)!;
  return { edition, prefix: edition.pathPrefix, baseUrl: 'http://localhost', editions: DEFAULT_EDITIONS };
}

function comment(overrides: Partial<PublicComment>): PublicComment {
  return { cid: 1, nid: 1, pid: null, thread: '01/', name: 'Rana', homepage: null, subject: 'Hello', bodyHtml: trustedHtml('<p>x</p>'), createdAt: 1_400_000_000, verified: false, ...overrides };
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

// Issue 10: an unclosed embedding, override or isolate in a name or subject must not reorder
// what the page prints after it, so the text is isolated in <bdi>.
const RLO = '\u202E', PDF = '\u202C', RLI = '\u2067', LRE = '\u202A';
const bidiNames: ReadonlyArray<readonly [string, boolean]> = [
  ['Rana', false],
  ['رنا', false],
  [`${RLO}exe.txt`, true],
  [`${RLI}name`, true],
  [`a${LRE}b`, true],
  [`${RLO}closed${PDF}`, false],
];

for (const [name, isolated] of bidiNames) {
  test(`commentAuthor: name ${JSON.stringify(name)} ${isolated ? 'is' : 'is not'} wrapped in <bdi>`, () => {
    for (const homepage of [null, 'https://x.example/']) {
      const out = commentAuthor(context('ar'), comment({ name, homepage })).html;
      assert.equal(out.includes(`<bdi>${name}</bdi>`), isolated, out);
      // "(not verified)" stays outside the isolate, so the override cannot reach it.
      if (isolated) assert.match(out, /<\/bdi>[^<]*\(/);
    }
  });
}

test('commentsView: an unclosed subject is isolated, and stripped of controls in the aria-label', async () => {
  const { commentsView } = await import('../../../src/web/views/comments-view.ts');
  const subject = `${RLO}gnp.evil`;
  const page = { items: [comment({ subject })], total: 1, page: 0, pageSize: 50 };
  const out = commentsView(context('en'), page, '/node/1', 1).html;
  assert.ok(out.includes(`<bdi>${subject}</bdi>`), out);
  assert.ok(out.includes('aria-label="reply: gnp.evil"'), out);
});

test('layout: the page <title> carries no bidi embedding, override or isolate controls', async () => {
  const { layout } = await import('../../../src/web/views/layout.ts');
  const { html } = await import('../../../src/web/views/html.ts');
  const out = layout(context('ar'), { title: `${RLO}evil${RLI}`, canonical: '/x', sections: [], body: html`<p>x</p>`, feed: '/rss.xml' }).html;
  const title = /<title>([^<]*)<\/title>/.exec(out)?.[1] ?? '';
  assert.ok(title.startsWith('evil |'), title);
  assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(out.slice(0, out.indexOf('</head>'))), 'no controls anywhere in the head');
});

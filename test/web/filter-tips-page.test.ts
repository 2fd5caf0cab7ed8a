import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../support/databases.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';
import { assertOrder } from '../support/assert-order.ts';

/** The HTML between <main> and </main>. */
function main(body: string): string {
  return body.slice(body.indexOf('<main'), body.indexOf('</main>'));
}


for (const dialect of testDialects()) {
  describe(`the long tips page /filter/tips (${dialect})`, () => {
    let site: TestSite;
    const get = (url: string) => site.folio.app.inject({ url: encodeURI(url) });

    before(async () => {
      site = await openTestSite(dialect, seedFixture);
    });
    after(async () => {
      await site.close();
    });

    test('the comment form links to it, and it is cached like any public page', async () => {
      const article = await get(`/${FIXTURE.article.path}`);
      assert.match(article.body, /<a href="\/filter\/tips">More information about formatting options<\/a>/);
      const res = await get('/filter/tips');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['cache-control']), /^public/);
      assert.match(res.body, /<title>Compose tips \| The Levant Ledger<\/title>/);
      assert.match(res.body, /<link rel="canonical" href="http:\/\/folio\.test\/filter\/tips">/);
      const again = await get('/filter/tips');
      assert.equal(again.headers.etag, res.headers.etag);
    });

    test('docs/comment-format.md §6: the list, the tag table with escaped "You Type" and rendered "You Get", the entity table', async () => {
      const body = main((await get('/filter/tips')).body);
      assertOrder(body, [
        '<h1 class="page-title">Compose tips</h1>',
        '<ul class="tips">',
        '<li id="filter-filter_url">Web page addresses and e-mail addresses turn into links automatically.</li>',
        '<li id="filter-filter_html">',
        '<p>Allowed HTML tags: &lt;a&gt; &lt;em&gt; &lt;strong&gt; &lt;cite&gt; &lt;code&gt; &lt;ul&gt; &lt;ol&gt; &lt;li&gt; &lt;dl&gt; &lt;dt&gt; &lt;dd&gt;&lt;img&gt;&lt;h1&gt;&lt;h2&gt;&lt;h3&gt;&lt;h4&gt;&lt;h5&gt;&lt;h6&gt;&lt;blockquote&gt;&lt;span&gt;&lt;aside&gt;</p>',
        '<p>This site allows HTML content.',
        '<a href="http://www.w3.org/TR/html/">HTML Specifications</a>',
        '<div class="table-scroll" role="region" tabindex="0" aria-labelledby="tips-tags-caption"><table class="tips-table tips-tags">',
        '<caption id="tips-tags-caption">', '<th scope="col">Tag Description</th><th scope="col">You Type</th><th scope="col">You Get</th>',
        '<th scope="row" class="description">Anchors are used to make links to other pages.</th><td class="type"><code dir="ltr">&lt;a href=&quot;http://folio.test/&quot;&gt;The Levant Ledger&lt;/a&gt;</code></td><td class="get"><a href="http://folio.test/">The Levant Ledger</a></td>',
        '<td class="get"><em>Emphasized</em></td>',
        '<code dir="ltr">&lt;ul&gt; &lt;li&gt;First item&lt;/li&gt; &lt;li&gt;Second item&lt;/li&gt; &lt;/ul&gt;</code></td><td class="get"><ul> <li>First item</li> <li>Second item</li> </ul></td>',
        '<td class="description" colspan="3">No help provided for tag img.</td>',
        '<td class="get"><h1>Title</h1></td>',
        '<td class="get"><h6>Subtitle six</h6></td>',
        '<td class="get"><blockquote>Block quoted</blockquote></td>',
        '<td class="description" colspan="3">No help provided for tag span.</td>',
        '<td class="description" colspan="3">No help provided for tag aside.</td>',
        '<p>Most unusual characters can be directly entered without any problems.</p>',
        '<p>If you do encounter problems, try using HTML character entities. A common example looks like &amp;amp; for an ampersand &amp; character.',
        '<th scope="col">Character Description</th><th scope="col">You Type</th><th scope="col">You Get</th>',
        '<th scope="row" class="description">Ampersand</th><td class="type"><code dir="ltr">&amp;amp;</code></td><td class="get">&amp;</td>',
        '<th scope="row" class="description">Greater than</th><td class="type"><code dir="ltr">&amp;gt;</code></td><td class="get">&gt;</td>',
        '<th scope="row" class="description">Less than</th>',
        '<th scope="row" class="description">Quotation mark</th><td class="type"><code dir="ltr">&amp;quot;</code></td><td class="get">&quot;</td>',
        '<li id="filter-filter_autop">Lines and paragraphs are automatically recognized. The &lt;br /&gt; line break, &lt;p&gt; paragraph and &lt;/p&gt; close paragraph tags are inserted automatically. If paragraphs are not recognized simply add a couple blank lines.</li>',
      ]);
      // One row per allowed tag except li, dt and dd (shown inside their lists): 18.
      assert.equal(body.match(/<tr><(?:th scope="row"|td) class="description"/g)?.length, 18 + 4);
    });

    test('the Arabic edition: the same page in Arabic, right to left, markup examples left to right', async () => {
      const res = await get('/ar/filter/tips');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<html lang="ar" dir="rtl">/);
      const body = main(res.body);
      assertOrder(body, [
        '<h1 class="page-title">إرشادات الكتابة</h1>',
        '<li id="filter-filter_url">تتحوّل عناوين صفحات الويب وعناوين البريد الإلكتروني إلى روابط تلقائياً.</li>',
        // The run of tags is isolated left to right, so "<a>" does not turn into "a>" at its edge.
        '<p>وسوم HTML المسموح بها: <bdi dir="ltr">&lt;a&gt; &lt;em&gt;',
        '<th scope="col">وصف الوسم</th><th scope="col">ما تكتبه</th><th scope="col">ما تحصل عليه</th>',
        '<td class="get"><a href="http://folio.test/ar/">دفتر المشرق</a></td>',
        '<td class="get"><em>نص مؤكَّد</em></td>',
        '<td class="description" colspan="3">لا تتوفر مساعدة للوسم img.</td>',
        '<th scope="col">وصف المحرف</th>',
        '<th scope="row" class="description">علامة العطف</th><td class="type"><code dir="ltr">&amp;amp;</code></td>',
        '<li id="filter-filter_autop">يُتعرَّف على الأسطر والفقرات تلقائياً.',
      ]);
      assert.doesNotMatch(body, /Compose tips|Tag Description/);
    });
  });
}

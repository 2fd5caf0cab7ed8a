import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatText } from '../../src/filter/index.ts';
import { storedHtmlText } from '../../src/text/markup-text.ts';
import { htmlToText } from '../../src/text/teaser.ts';

test('stored HTML gives the same text as a full parse: inline tags join words, blocks separate them', () => {
  assert.equal(storedHtmlText('<p>harb<em>our</em> &amp; <a href="x?a=1&amp;b=>">port</a></p><p>next</p>'), 'harbour & port next');
  assert.equal(storedHtmlText('<p>a<br>b</p><!-- note --><script>x()</script><ul><li>c</li><li>d</li></ul>'), 'a b c d');
});

test('for any text through any format, storedHtmlText equals htmlToText', () => {
  const piece = fc.oneof(
    fc.constantFrom('harbour', 'عمال المرفأ', 'e\u0301', '&amp;', '&lt;b&gt;', '<em>it</em>', '<strong>x</strong>y', '<a href="http://a.example/?q=1&amp;r=2">link</a>',
      '<blockquote>q</blockquote>', '<ul><li>one</li><li>two</li></ul>', '<code>a<b</code>', 'www.example.com', 'a@b.example', '\n\n', '\n', '<h2>head</h2>', '<img src="/x.png" alt="x">'),
    fc.string({ maxLength: 12 }),
  );
  fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), fc.constantFrom('filtered_html', 'full_html', 'plain_text') as fc.Arbitrary<'filtered_html' | 'full_html' | 'plain_text'>, (pieces, format) => {
    const html = formatText(format, pieces.join(' ')).html;
    assert.equal(storedHtmlText(html), htmlToText(html));
  }), { numRuns: 500 });
});

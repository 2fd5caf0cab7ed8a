import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatText } from '../../src/filter/index.ts';
import { storedHtmlOpeningText, storedHtmlText } from '../../src/text/markup-text.ts';
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

// The opening of a body, as search snippets read it: the same text, and no markup left when the
// store cut the body short.
const OPENINGS: readonly (readonly [string, string, string])[] = [
  ['paragraphs', '<p>Beirut – the first.</p><p>The second.</p>', 'Beirut – the first. The second.'],
  ['entities', '<p>Salt &amp; bread &lt;b&gt; &quot;news&quot; &#1583;</p>', 'Salt & bread <b> "news" د'],
  ['hidden elements', '<p>Before</p><script>alert("x")</script><style>p{}</style><p>after</p>', 'Before after'],
  ['cut inside a tag', '<p>Text</p><a href="/content/som', 'Text'],
  ['cut inside a reference', '<p>Salt &am', 'Salt'],
  ['Arabic with line breaks', '<p>بيروت –<br>الفقرة\nالأولى</p>', 'بيروت – الفقرة الأولى'],
  ['attributes holding >', '<p title="a>b">Kept</p>', 'Kept'],
  ['cut inside a quoted attribute', '<p>Text</p><img alt="x > y', 'Text'],
  ['inline markup inside a word', '<p>harb<em>our</em> strike</p>', 'harbour strike'],
];

for (const [name, html, expected] of OPENINGS) {
  test(`storedHtmlOpeningText: ${name}`, () => {
    assert.equal(storedHtmlOpeningText(html), expected);
  });
}

test('storedHtmlOpeningText agrees with htmlToText on whole, well-formed bodies', () => {
  for (const [, html] of [...OPENINGS.slice(0, 3), OPENINGS.at(-1)!]) assert.equal(storedHtmlOpeningText(html), htmlToText(html));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passageText } from '../../src/search/passage-text.ts';
import { htmlToText } from '../../src/text/teaser.ts';

// passageText stands in for htmlToText on search hits' body openings: same text on Folio's own
// HTML, and no markup left when the store cut the body short.
const CASES: readonly (readonly [string, string, string])[] = [
  ['paragraphs', '<p>Beirut – the first.</p><p>The second.</p>', 'Beirut – the first. The second.'],
  ['entities', '<p>Salt &amp; bread &lt;b&gt; &quot;news&quot; &#1583;</p>', 'Salt & bread <b> "news" د'],
  ['hidden elements', '<p>Before</p><script>alert("x")</script><style>p{}</style><p>after</p>', 'Before after'],
  ['cut inside a tag', '<p>Text</p><a href="/content/som', 'Text'],
  ['cut inside a reference', '<p>Salt &am', 'Salt'],
  ['Arabic with line breaks', '<p>بيروت –<br>الفقرة\nالأولى</p>', 'بيروت – الفقرة الأولى'],
  ['attributes holding >', '<p title="a>b">Kept</p>', 'Kept'],
  ['cut inside a quoted attribute', '<p>Text</p><img alt="x > y', 'Text'],
];

for (const [name, html, expected] of CASES) {
  test(`passageText: ${name}`, () => {
    assert.equal(passageText(html), expected);
  });
}

test('passageText agrees with htmlToText on whole, well-formed bodies', () => {
  for (const [, html] of CASES.slice(0, 3)) assert.equal(passageText(html), htmlToText(html));
});

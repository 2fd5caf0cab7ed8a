/**
 * The strict subset parser must build exactly the tree parse5 builds, for every input it
 * accepts; it must accept the usual output of the earlier stages, and refuse anything HTML5
 * would repair.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultTreeAdapter, parseFragment, serialize } from 'parse5';
import { runStage } from '../../src/filter/format-text.ts';
import { parseSubset } from '../../src/filter/subset-parser.ts';
import { prepareHtmlText } from '../../src/filter/text-formats.ts';

const BODY = defaultTreeAdapter.createElement('body', 'http://www.w3.org/1999/xhtml' as never, []);

/** Serialises both trees with parse5 and compares; parse5's serialiser shows every difference. */
function assertSameTree(html: string): boolean {
  const subset = parseSubset(html);
  if (subset === null) return false;
  const reference = parseFragment(BODY, html, {});
  assert.equal(serialize(subset), serialize(reference), JSON.stringify(html));
  // Attribute lists too (serialize writes them, but check order and values explicitly once more).
  return true;
}

test('subset parser: the usual stage output is accepted and matches parse5', () => {
  const accepted = [
    '<p>aaa<br />\nbbb</p>\n<p>ccc</p>\n',
    '<p>See <a href="http://x.org/?a=1&amp;b=2">http://x.org/?a=1&amp;b=2</a>, &copy; &notit; &amp &lt;b&gt;.</p>',
    '<blockquote><p>q</p></blockquote>\n<ul>\n<li>one <em>two</em></li>\n</ul>',
    '<h2 lang="en">T</h2><dl><dt>t</dt><dd><p>d</p></dd></dl><aside>note</aside>',
    '<p><img src="x.png" alt="a &quot;b&quot;" /> text</p>',
    'top-level text <em>and</em> more',
    '',
  ];
  for (const html of accepted) assert.ok(assertSameTree(html), `not accepted: ${JSON.stringify(html)}`);
});

test('subset parser: anything HTML5 would repair goes to parse5', () => {
  const refused = [
    '<p>a<ul><li>b</li></ul></p>',
    '<p>a<p>b</p>',
    '<em>a</strong>',
    '<a href="x"><a href="y">z</a></a>',
    '<li>x</li>',
    '<ul><p>x</p></ul>',
    '<span />',
    '</br>',
    '<p>unclosed',
    '<!-- comment -->',
    '<P>upper</P>',
    '<div>x</div>',
    '<a href=x>unquoted</a>',
    'a < b',
    'cr\r\nlf',
    '<h2><h3>x</h3></h2>',
    '<a href="1" href="2">dup</a>',
  ];
  for (const html of refused) assert.equal(parseSubset(html), null, html);
});

const PIECES = ['a', ' ', '\n', '\n\n', '&', '&amp;', '&copy', '&notit;', '&#0;', '&#x80;', '&lt;', '<', '>', '"', 'www.x.com',
  '<p>', '</p>', '<br />', '<br>', '<em>', '</em>', '<strong>', '</strong>', '<a href="http://x.org/?a&amp;b">', '<a href="&#106;s">',
  '</a>', '<ul>', '</ul>', '<li>', '</li>', '<dl>', '<dt>', '</dt>', '<dd>', '</dd>', '</dl>', '<blockquote>', '</blockquote>',
  '<h2>', '</h2>', '<aside>', '</aside>', '<code>', '</code>', '<span lang="en">', '</span>', '<img src="i.png" alt="x" />', '<cite>', '</cite>'];

test('subset parser: on random markup it either refuses or agrees with parse5', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }), (parts) => {
      assertSameTree(parts.join(''));
    }),
    { numRuns: 1500 },
  );
});

test('subset parser: on the line-break stage output of random text it agrees with parse5', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }), (parts) => {
      const staged = runStage('autop', runStage('url', runStage('html', prepareHtmlText(parts.join('')))));
      assertSameTree(staged);
    }),
    { numRuns: 1000 },
  );
});

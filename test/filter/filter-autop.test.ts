/** The line-break stage (docs/comment-format.md §4, Drupal 7.34's _filter_autop) with docs/comment-format.md decision 7 (aside). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterAutop } from '../../src/filter/filter-autop.ts';

const exact: ReadonlyArray<readonly [string, string, string]> = [
  ['lines and paragraphs', 'aaa\nbbb\n\nccc', '<p>aaa<br />\nbbb</p>\n<p>ccc</p>\n'],
  ['a long single word', 'x'.repeat(40), `<p>${'x'.repeat(40)}</p>\n`],
  ['runs of blank lines collapse', 'a\n\n\n\nb', '<p>a</p>\n<p>b</p>\n'],
  ['docs/comment-format.md decision 7: aside is a block', '<aside>note</aside>\ntext', '<aside>note</aside>\n<p>text</p>\n'],
  ['lists are not wrapped in paragraphs', '<ul>\n<li>one</li>\n</ul>', '<ul>\n<li>one</li>\n</ul>\n'],
  ['blockquote content gets a paragraph', '<blockquote>q</blockquote>', '<blockquote><p>q</p></blockquote>\n'],
  ['a bare & becomes &amp;', 'fish & chips', '<p>fish &amp; chips</p>\n'],
  ['an empty text gives nothing', '', ''],
];

for (const [name, input, expected] of exact) {
  test(`filterAutop: ${name}`, () => {
    assert.equal(filterAutop(input), expected);
  });
}

const contains: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['block inside a paragraph', '<p><div>  </div></p>', ['<p>\n<div>  </div>\n</p>']],
  ['empty paragraph inside a block', '<div><p>  </p></div>', ['<div>\n</div>']],
  ['comments do not change state', 'aaa<!--comment-->\n\nbbb', ['<p>aaa</p>\n<!--comment--><p>\nbbb</p>']],
  [
    'skip tags are copied unchanged',
    '<script>a\nb\n\nc</script>\n<pre>a\nb\n\nc</pre>\n<iframe>a\n\nb</iframe>\n<svg>a\n\nb</svg>',
    ['<script>a\nb\n\nc</script>', '<pre>a\nb\n\nc</pre>', '<iframe>a\n\nb</iframe>', '<svg>a\n\nb</svg>'],
  ],
  ['multi-line comments are cut at the first > but kept', 'ddd<!--comment\nwith linebreak-->\n\neee', ['<!--comment\nwith linebreak--><p>\neee</p>']],
  ['text after <pre> is processed', '<pre>aaa\nbbb</pre>\nddd\neee', ['<pre>aaa\nbbb</pre>', '<p>ddd<br />\neee</p>']],
];

for (const [name, input, wanted] of contains) {
  test(`filterAutop: ${name}`, () => {
    const output = filterAutop(input);
    for (const piece of wanted) assert.ok(output.includes(piece), `${JSON.stringify(piece)} not in ${JSON.stringify(output)}`);
  });
}

test('filterAutop: an iframe is never wrapped in a paragraph', () => {
  assert.ok(!filterAutop('<iframe>aaa</iframe>\n\n').includes('<p><iframe>aaa</iframe></p>'));
});

test('filterAutop: NBSP is not whitespace to it (PCRE \\s, not JavaScript \\s)', () => {
  assert.equal(filterAutop('a\u00a0\nb'), '<p>a\u00a0<br />\nb</p>\n');
});

test('filterAutop: long whitespace runs finish (no catastrophic backtracking)', { timeout: 60_000 }, () => {
  // Not a speed target (those live in the benchmark): a quadratic or exponential pass on these
  // inputs would run for many minutes, so the generous timeout below only catches a hang.
  filterAutop(`a${' '.repeat(200_000)}b`);
  filterAutop(`a${'\n '.repeat(100_000)}b`);
  filterAutop(`a${'\n'.repeat(200_000)}b`);
});

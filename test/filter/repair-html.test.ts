/**
 * The repair stage (docs/comment-format.md §5, Drupal's htmlcorrector) on HTML5 rules (docs/comment-format.md decision 6), run through
 * full_html's policy so the behaviours compare with Drupal's corrector, and the allow-list it
 * enforces (docs/comment-format.md decision 10).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runStage } from '../../src/filter/format-text.ts';

const repair = (html: string): string => runStage('repair', html, 'full_html');

const cases: ReadonlyArray<readonly [string, string, string]> = [
  ['unclosed elements are closed at the end', '<p>text', '<p>text</p>'],
  ['implied end tags', '<p>text<p><p>text', '<p>text</p><p></p><p>text</p>'],
  ['unclosed list items', '<ul><li>e1<li>e2', '<ul><li>e1</li><li>e2</li></ul>'],
  ['attributes survive the repair', '<div id="d">content', '<div id="d">content</div>'],
  ['void elements are written XHTML style', '<hr><br>', '<hr /><br />'],
  ['names are lowercased', '<P>test</p>', '<p>test</p>'],
  ['one space before the slash', 'test<hr    />', 'test<hr />'],
  ['a self-closed span gets an end tag', '<span class="test" />', '<span class="test"></span>'],
  ['</img> disappears', '<img src="http://example.com/test.jpg">test</img>', '<img src="http://example.com/test.jpg" />test'],
  ['stray end tags dropped, misnesting repaired', '<p>Line1<br><STRONG>bold stuff</b>', '<p>Line1<br /><strong>bold stuff</strong></p>'],
  ['comments pass through', 'test <!-- comment <p>another\n    <strong>multiple</strong> line\n    comment</p> -->', 'test <!-- comment <p>another\n    <strong>multiple</strong> line\n    comment</p> -->'],
  ['UTF-8 text is kept', '<p>دروبال', '<p>دروبال</p>'],
  ['a literal backslash-n is text', '<p>test<p>test</p>\\n', '<p>test</p><p>test</p>\\n'],
  ['docs/comment-format.md decision 6: a block closes the paragraph; the stray </p> becomes <p></p>', '<p>line1<div>line2</div></p>', '<p>line1</p><div>line2</div><p></p>'],
  ['docs/comment-format.md decision 6: </br> is a second <br>', '<br></br>', '<br /><br />'],
  ['a newline after <pre> is written back', '<pre>\n\nx</pre>', '<pre>\n\nx</pre>'],
];

for (const [name, input, expected] of cases) {
  test(`repair: ${name}`, () => {
    assert.equal(repair(input), expected);
  });
}

test('repair: script, style, svg, iframe and event handlers never survive full_html', () => {
  assert.equal(repair('<p><script type="text/javascript">alert("test")</script></p>'), '<p></p>');
  assert.equal(repair('<p><style>body {color:red}</style></p>'), '<p></p>');
  assert.equal(repair('<svg onload="alert(1)"><circle/></svg>t'), 't');
  assert.equal(repair('<iframe src="http://x.org"></iframe><p onclick="x" style="y">t</p>'), '<p>t</p>');
  assert.equal(repair('<a href="javascript:alert(1)">x</a>'), '<a>x</a>');
  assert.equal(repair('<object data="x.swf"><embed src="x.swf">fallback</object>'), '');
});

test('repair: filtered_html keeps only its allow-list and adds rel and image attributes', () => {
  assert.equal(
    runStage('repair', '<div class="x"><a href="http://x.org" target="_blank">l</a><img src="i.png" onerror="x"></div>'),
    '<p><a href="http://x.org" rel="nofollow ugc noopener">l</a><img src="i.png" loading="lazy" referrerpolicy="no-referrer" /></p>',
  );
});

test('repair: comments that would not re-parse as the same comment are dropped', () => {
  assert.equal(repair('a<!-- x -- y -->b'), 'ab');
});

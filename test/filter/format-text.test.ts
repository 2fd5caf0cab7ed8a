/** The three formats end to end, one test per worked example and per decision of docs/comment-format.md. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSafeHtml } from '../../src/domain/safe-html.ts';
import { checkText, formatChecked, formatLimitError, formatOrLimitError, formatText, formatToString, runStage } from '../../src/filter/format-text.ts';
import { FORMAT_NAMES } from '../../src/filter/text-formats.ts';
import { MARKUP_LIMITS } from '../../src/filter/markup-limits.ts';
import { FilterInputError } from '../../src/filter/text-validation.ts';

const filtered = (text: string): string => formatToString('filtered_html', text);
const REL = 'rel="nofollow ugc noopener"';

test('formatText returns SafeHtml carrying the HTML', () => {
  const html = formatText('filtered_html', 'Hello');
  assert.ok(isSafeHtml(html));
  assert.equal(html.html, '<p>Hello</p>');
});

const pipeline: ReadonlyArray<readonly [string, string, string]> = [
  ['lines and paragraphs (docs/comment-format.md §4.3)', 'aaa\nbbb\n\nccc', '<p>aaa<br />\nbbb</p>\n<p>ccc</p>'],
  ['CRLF and CR count as newlines (check_markup)', 'a\r\nb\rc', '<p>a<br />\nb<br />\nc</p>'],
  ['disallowed tags go, their text stays (FilterAdminTestCase)', '<em>Xq7Rnd42</em><random>text</random>', '<p><em>Xq7Rnd42</em>text</p>'],
  ['script is removed, its text stays as harmless text', '<script>alert(0)</script>', '<p>alert(0)</p>'],
  ['stray < and > and & are escaped', '1 < 2 > 0 & done', '<p>1 &lt; 2 &gt; 0 &amp; done</p>'],
  ['entities the reader sees are decoded; markup ones stay', 'x&nbsp;y &lt;b&gt; &amp; &copy; &#169;', '<p>x&nbsp;y &lt;b&gt; &amp; © ©</p>'],
  ['URLs in text are linked with rel', 'Hi www.x.com!', `<p>Hi <a href="http://www.x.com" ${REL}>www.x.com</a>!</p>`],
  ['an encoded URL is linked as the reader sees it', 'www&#46;z&#46;com', `<p><a href="http://www.z.com" ${REL}>www.z.com</a></p>`],
  ['docs/comment-format.md decision 2: title kept whole, other attributes dropped', '<a href="/x" title="Re: hello" class="c" id="i">x</a>', `<p><a href="/x" title="Re: hello" ${REL}>x</a></p>`],
  ['docs/comment-format.md decision 3: javascript: links lose their href', '<a href="javascript:alert(1)">x</a>', `<p><a ${REL}>x</a></p>`],
  ['docs/comment-format.md decision 4: images are lazy and send no referrer', '<img src="x.png" alt="a">', '<p><img src="x.png" alt="a" loading="lazy" referrerpolicy="no-referrer" /></p>'],
  ['docs/comment-format.md decision 6: an emphasis across a paragraph break is reopened (HTML5)', '<em>a\n\nb</em>', '<p><em>a</em></p>\n<p><em>b</em></p>'],
  ['docs/comment-format.md decision 7: aside is a block', '<aside>note</aside>\ntext', '<aside>note</aside>\n<p>text</p>'],
  ['lists keep their structure', '<ul>\n<li>one</li>\n<li>two</li>\n</ul>\nafter', '<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p>after</p>'],
  ['blockquote paragraphs', '<blockquote>q\n\nr</blockquote>', '<blockquote>\n<p>q</p>\n<p>r</p>\n</blockquote>'],
  ['headings are blocks', '<h2>T</h2>body', '<h2>T</h2>\n<p>body</p>'],
  ['typed <br> counts like a newline', 'a<br>b', '<p>a<br />\nb</p>'],
  ['leading and trailing blank lines vanish', '\n\n  lead\n\n', '<p>lead</p>'],
  ['empty input gives empty output', '', ''],
];

for (const [name, input, expected] of pipeline) {
  test(`filtered_html: ${name}`, () => {
    assert.equal(filtered(input), expected);
  });
}

test('docs/comment-format.md decision 5: long link text is cut after 72 characters with "…"', () => {
  const url = `http://example.com/${'a'.repeat(100)}`;
  assert.equal(filtered(url), `<p><a href="${url}" ${REL}>${url.slice(0, 72)}…</a></p>`);
});

test('docs/comment-format.md decision 1: NUL and lone surrogates are refused with FilterInputError', () => {
  for (const [input, problem] of [['a\u0000b', 'nul'], ['a\ud800b', 'invalid_utf8']] as const) {
    assert.throws(() => formatText('filtered_html', input), (error: unknown) => {
      assert.ok(error instanceof FilterInputError);
      assert.equal(error.problem, problem);
      return true;
    });
  }
});

test('docs/comment-format.md decision 8: the output of each example is a fixed point', () => {
  const inputs = [
    ...pipeline.map(([, input]) => input),
    '<em>a<ul><li>b</li></ul>c</em>',
    '<h2><cite><h2>x',
    'a<br> \nb',
    'a\n<br>\nb',
    '<li>a\n\nb</li>',
    '<p>a<dl><dt>t</dt></dl>',
    'x<em></em>y www.a<em></em>.com',
    '<code>a\n\n<ul><li>www.x.com</li></ul></code>',
    '<a href="http://x.org">unclosed\n\nwww.y.com',
    'Hello <script>www.x.com</script> &{ <code> } www.y.com',
  ];
  for (const input of inputs) {
    const once = filtered(input);
    assert.equal(filtered(once), once, JSON.stringify(input));
  }
});

test('plain_text: escapes everything, links URLs, breaks lines', () => {
  assert.equal(
    formatToString('plain_text', '<b>hi</b> & www.x.com\n\n"q"\nend'),
    `<p>&lt;b&gt;hi&lt;/b&gt; &amp; <a href="http://www.x.com" ${REL}>www.x.com</a></p>\n<p>"q"<br />\nend</p>`,
  );
  assert.equal(
    formatToString('plain_text', 'a <http://x.com/> b'),
    `<p>a &lt;<a href="http://x.com/" ${REL}>http://x.com/</a>&gt; b</p>`,
  );
  assert.equal(formatToString('plain_text', '&amp; stays typed'), '<p>&amp;amp; stays typed</p>');
});

test('full_html: markup is kept but script, style, on* and javascript: never survive', () => {
  assert.equal(
    formatToString('full_html', '<div class="box" onclick="x"><b>Bold</b> <a href="javascript:x">l</a></div>\n<script>alert(1)</script>'),
    '<div class="box"><b>Bold</b> <a>l</a></div>',
  );
  assert.equal(
    formatToString('full_html', '<table><tr><td colspan="2" style="x">c</td></tr></table>'),
    '<table>\n<tbody><tr>\n<td colspan="2">c</td>\n</tr>\n</tbody></table>',
  );
});

test('runStage runs a single stage of a format', () => {
  assert.equal(runStage('url', 'www.x.com'), '<a href="http://www.x.com">www.x.com</a>');
  assert.equal(runStage('html', '<em onclick="x">a</em><b>b</b>'), '<em>a</em>b');
  assert.equal(runStage('autop', 'a\nb'), '<p>a<br />\nb</p>\n');
  assert.equal(runStage('repair', '<em>a'), '<p><em>a</em></p>');
  assert.equal(runStage('html', '<b>x</b>', 'plain_text'), '&lt;b&gt;x&lt;/b&gt;');
});

test('formatOrLimitError: the HTML formatText returns, or the limit error formatLimitError names', () => {
  const fine = formatOrLimitError('filtered_html', 'Hi www.x.com!');
  assert.ok('html' in fine && isSafeHtml(fine.html));
  assert.equal('html' in fine && fine.html.html, formatToString('filtered_html', 'Hi www.x.com!'));
  const deep = '<em>'.repeat(MARKUP_LIMITS.depth + 5);
  const over = formatOrLimitError('filtered_html', deep);
  assert.ok('limit' in over);
  assert.equal('limit' in over && over.limit.problem, formatLimitError('filtered_html', deep)?.problem);
  assert.throws(() => formatOrLimitError('filtered_html', 'a\u0000b'), FilterInputError);
});

test('checkText then formatChecked: the HTML formatText returns, from one preparation; over a bound, its limit error', () => {
  for (const format of FORMAT_NAMES) {
    for (const [, input] of pipeline) {
      const checked = checkText(format, input);
      assert.ok('text' in checked);
      assert.equal('text' in checked && formatChecked(checked.text).html, formatToString(format, input), `${format}: ${input}`);
    }
  }
  const deep = '<em>'.repeat(MARKUP_LIMITS.depth + 5);
  const over = checkText('filtered_html', deep);
  assert.ok('limit' in over);
  assert.equal('limit' in over && over.limit.problem, formatLimitError('filtered_html', deep)?.problem);
  // Text refused for its bytes still throws when it is rendered, as formatText does.
  const nul = checkText('filtered_html', 'a\u0000b');
  assert.ok('text' in nul);
  assert.throws(() => 'text' in nul && formatChecked(nul.text), FilterInputError);
});

/**
 * Drupal 7's filter_xss (docs/comment-format.md §2), through Folio's Drupal-compatible helper `filterXss`, and
 * Folio's stricter HTML stage `filterHtml` (docs/comment-format.md decisions 2 to 4).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterHtml } from '../../src/filter/filter-html.ts';
import { filterXss, filterXssAdmin } from '../../src/filter/filter-xss.ts';

const TAGS = ['a', 'em', 'img', 'br', 'p'];

const drupalCases: ReadonlyArray<readonly [string, string, string]> = [
  ['NUL bytes are deleted, so the tag is recognised', '<\u0000a\u0000 href="http://x.org/">t</a>', '<a href="http://x.org/">t</a>'],
  ['NUL inside an event attribute name is deleted, then the attribute is dropped', '<img o\u0000nfocus=alert(0)>', '<img>'],
  ['Netscape JavaScript entities are removed', 'a&{alert(0)};b', 'ab'],
  ['Netscape entity without a closing brace runs to the end', 'a&{alert(0)', 'a'],
  ['hex references keep an even digit count, x lowercased', '&#X0000A;', '&#x0A;'],
  ['a reference without semicolon stays escaped', '&#106', '&amp;#106'],
  ['a bare ampersand is escaped', 'fish & chips', 'fish &amp; chips'],
  ['a well-formed numeric reference is kept', 'Who&#039;s Online', 'Who&#039;s Online'],
  ['an escaped reference stays escaped', 'Who&amp;#039;s Online', 'Who&amp;#039;s Online'],
  ['lone angle brackets are escaped', 'a < b > c', 'a &lt; b &gt; c'],
  ['a lone < at the end is escaped', 'a <', 'a &lt;'],
  ['comments are removed with their content', 'x<!-- c -->y', 'xy'],
  ['<? is a lone < (harmless text); DOCTYPE and t:set are deleted', '<?xml x?><!DOCTYPE html><t:set a="b">z', '&lt;?xml x?&gt;z'],
  ['an unclosed disallowed tag at the end is removed through the end', 'ok <script src=http://x/a.js', 'ok '],
  ['disallowed tags go, their text stays', '<script>alert(0)</script>', 'alert(0)'],
  ['unknown tags go, their text stays', '<random>text</random>', 'text'],
  ['end tags keep the typed case', '<EM>x</EM>', '<EM>x</EM>'],
  ['a trailing slash is written as " /"', 'a<br/>b', 'a<br />b'],
  ['a stray run of quotes is thrown away', '<img """>', '<img>'],
  ['a malformed attribute name loses the whole run', '<img onabort!#$%&()*~+-_.,:;?@[/|\\]^`=alert(0)>', '<img>'],
  ['backticks are not quotes: the value is protocol-stripped', '<img src=`javascript:alert(0)`>', '<img src="alert(0)`">'],
  ['Drupal 7.34 strips "Re:" from a title (Folio does not: see below)', '<a title="Re: hello">x</a>', '<a title=" hello">x</a>'],
  ['single quotes are kept, valueless attributes are written bare', "<a title='x' selected>y</a>", "<a title='x' selected>y</a>"],
  ['the " &#14;  javascript:" weakness is closed', '<img src=" &#14;  javascript:alert(0)">', '<img src="alert(0)">'],
  ['a tab inside the scheme makes an unknown scheme, which is stripped', '<a href="jav\tascript:alert(0)">x</a>', '<a href="alert(0)">x</a>'],
  ['double-encoded references stay literal text', '<img src="&amp;#106;avascript&amp;#58;x">', '<img src="&amp;#106;avascript&amp;#58;x">'],
  ['style and on* are dropped', '<p style="x" onclick="y" class="c">t</p>', '<p class="c">t</p>'],
  ['digits in attribute names (7.99+)', '<a data-a2a-url="foo">', '<a data-a2a-url="foo">'],
];

for (const [name, input, expected] of drupalCases) {
  test(`filterXss: ${name}`, () => {
    assert.equal(filterXss(input, TAGS), expected);
  });
}

test('filterXss: hyphenated custom elements can be allowed (7.37+)', () => {
  assert.equal(filterXss('<test-element></test-element>', ['test-element']), '<test-element></test-element>');
});

test('filterXssAdmin never allows the dangerous elements', () => {
  assert.equal(filterXssAdmin('<style /><iframe /><frame /><frameset /><meta /><link /><embed /><applet /><param /><layer />'), '');
  assert.equal(filterXssAdmin('<object />'), '');
});

const folioCases: ReadonlyArray<readonly [string, string, string]> = [
  [
    'docs/comment-format.md decision 2: attributes are allow-listed per tag, title kept whole, rel added',
    '<a title="Re: hello" href="http://x.org" class="c" onclick="x" style="y" id="i">x</a>',
    '<a href="http://x.org" title="Re: hello" rel="nofollow ugc noopener">x</a>',
  ],
  [
    'docs/comment-format.md decision 2: img keeps src alt title width height; bad width dropped; canonical " /"',
    '<img src="http://x/y.jpg" width="10" height="abc" alt="A" class="z">',
    '<img src="http://x/y.jpg" alt="A" width="10" />',
  ],
  [
    'docs/comment-format.md decision 3: a bad cite is dropped; lang and dir kept (dir lowercased)',
    '<blockquote cite="javascript:x" lang="en" dir="RTL">q</blockquote>',
    '<blockquote lang="en" dir="rtl">q</blockquote>',
  ],
  ['docs/comment-format.md decision 3: data: URLs are dropped', '<a href="data:text/html,x">d</a>', '<a rel="nofollow ugc noopener">d</a>'],
  ['docs/comment-format.md decision 3: irc: is not on the list', '<a href="irc://x.org/c">d</a>', '<a rel="nofollow ugc noopener">d</a>'],
  ['docs/comment-format.md decision 3: the &#14; weakness is closed', '<a href=" &#14;  javascript:alert(0)">x</a>', '<a rel="nofollow ugc noopener">x</a>'],
  ['docs/comment-format.md decision 3: entity-encoded javascript: is dropped', '<a href="&#106;avascript&#58;alert(0)">x</a>', '<a rel="nofollow ugc noopener">x</a>'],
  ['docs/comment-format.md decision 3: the first of two hrefs counts', '<a href="http://x.org" href="javascript:alert(1)">x</a>', '<a href="http://x.org" rel="nofollow ugc noopener">x</a>'],
  ['relative URLs survive', '<a href="/node/1#c">x</a>', '<a href="/node/1#c" rel="nofollow ugc noopener">x</a>'],
  ['mailto and tel survive', '<a href="mailto:a@b.org">m</a><a href="tel:+961">t</a>', '<a href="mailto:a@b.org" rel="nofollow ugc noopener">m</a><a href="tel:+961" rel="nofollow ugc noopener">t</a>'],
  ['names are lowercased, rel replaced', '<A HREF="http://x.org" REL="follow">x</A>', '<a href="http://x.org" rel="nofollow ugc noopener">x</a>'],
  ['<a/href=…> loses the href (Drupal reads "/href=…" as junk) but gets rel', '<a/href="http://x.org/">t</a>', '<a rel="nofollow ugc noopener">t</a>'],
  ['p and br are kept: the line-break stage writes them', '<p>a<br>b</p>', '<p>a<br />b</p>'],
  ['a self-closed non-void tag loses its slash', '<span/>x', '<span>x'],
  ['comments, script and style tags go; text stays', '<!-- c --><script>s</script><style>t</style>', 'st'],
  ['the result is trimmed', '  <em>x</em>\n', '<em>x</em>'],
];

for (const [name, input, expected] of folioCases) {
  test(`filterHtml: ${name}`, () => {
    assert.equal(filterHtml(input), expected);
  });
}

test('filterHtml: a custom allowed_html setting replaces the site list', () => {
  assert.equal(filterHtml('<em>a</em><img src="x.png"><code>c</code>', { allowedHtml: '<em>' }), '<em>a</em>c');
});

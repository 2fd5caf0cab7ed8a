/**
 * The staff body format (issue 12, point 3): each allowed element kept, each dangerous one removed,
 * embeds written as placeholders, Arabic with Latin text and `dir` untouched, and the output a fixed
 * point, over fixed cases and random tag soup (fast-check).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFragment } from 'parse5';
import { formatText, formatToString } from '../../src/filter/format-text.ts';
import { STAFF_ATTRIBUTES, STAFF_TAGS } from '../../src/filter/staff-settings.ts';
import { staffBodyProblemMessage, staffBodyProblems } from '../../src/filter/staff-body-problems.ts';
import { parseEmbedUrl } from '../../src/filter/embeds.ts';
import { staffFormatTips } from '../../src/filter/staff-format-tips.ts';
import { hostileInput, PROPERTY_RUNS } from './tag-soup.ts';
import { assertSafeHtml, type SafetyRules } from './assert-safe-html.ts';

const STAFF_RULES: SafetyRules = {
  tags: new Set(STAFF_TAGS),
  attributes: (tag) => [...(STAFF_ATTRIBUTES.perTag[tag] ?? []), ...STAFF_ATTRIBUTES.global, ...(tag === 'a' ? ['rel'] : []), ...(tag === 'img' ? ['loading'] : [])],
  comments: false,
};

const staff = (input: string): string => formatToString('staff_html', input);

function assertFixed(input: string): string {
  const once = staff(input);
  assert.equal(staff(once), once, `not a fixed point for ${JSON.stringify(input)}`);
  assertSafeHtml(once, STAFF_RULES);
  return once;
}

test('every allowed element is kept', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['<h2>Two</h2>', '<h2>Two</h2>'],
    ['<h3>Three</h3>', '<h3>Three</h3>'],
    ['<h4>Four</h4>', '<h4>Four</h4>'],
    ['<p>One</p><p>Two</p>', '<p>One</p>\n<p>Two</p>'],
    ['a<br>b', '<p>a<br />\nb</p>'],
    ['<ul><li>x</li></ul>', '<ul>\n<li>x</li>\n</ul>'],
    ['<ol start="3"><li>x</li></ol>', '<ol start="3">\n<li>x</li>\n</ol>'],
    ['<blockquote cite="https://e.org/">q</blockquote>', '<blockquote cite="https://e.org/">\n<p>q</p>\n</blockquote>'],
    ['<strong>s</strong> <em>e</em> <b>b</b> <i>i</i> <u>u</u> <s>x</s> H<sub>2</sub>O x<sup>2</sup> <code>c</code>',
      '<p><strong>s</strong> <em>e</em> <b>b</b> <i>i</i> <u>u</u> <s>x</s> H<sub>2</sub>O x<sup>2</sup> <code>c</code></p>'],
    ['<pre>\n  indented\n\n  kept</pre>', '<pre>  indented\n\n  kept</pre>'],
    ['<figure><img src="/files/a.jpg" alt="A"><figcaption>Caption</figcaption></figure>',
      '<figure><img src="/files/a.jpg" alt="A" loading="lazy" />\n<figcaption>Caption</figcaption>\n</figure>'],
    ['<table><caption>C</caption><thead><tr><th scope="col">H</th></tr></thead><tbody><tr><td colspan="2">D</td></tr></tbody></table>',
      '<table>\n<caption>C</caption>\n<thead>\n<tr>\n<th scope="col">H</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td colspan="2">D</td>\n</tr>\n</tbody>\n</table>'],
  ];
  for (const [input, expected] of cases) assert.equal(assertFixed(input), expected, input);
});

test('links: safe schemes only, rel on links that leave the site, none on the site’s own', () => {
  assert.equal(staff('<a href="https://e.org/x">e</a>'), '<p><a href="https://e.org/x" rel="external noopener">e</a></p>');
  assert.equal(staff('<a href="/ar/node/5">n</a>'), '<p><a href="/ar/node/5">n</a></p>');
  assert.equal(staff('<a href="mailto:a@e.org">m</a>'), '<p><a href="mailto:a@e.org" rel="external noopener">m</a></p>');
  assert.equal(staff('see https://e.org/p'), '<p>see <a href="https://e.org/p" rel="external noopener">https://e.org/p</a></p>');
  for (const bad of ['javascript:alert(1)', 'JaVa\tScRiPt:x', 'data:text/html,x', 'vbscript:x', '&#106;avascript:x']) {
    assert.equal(staff(`<a href="${bad}">t</a>`), '<p>t</p>', bad);
  }
});

test('images: https or on the site, alt always written, a missing alt reported for publishing', () => {
  assert.equal(staff('<img src="https://e.org/a.jpg" alt="Alt">'), '<p><img src="https://e.org/a.jpg" alt="Alt" loading="lazy" /></p>');
  assert.equal(staff('<img src="/files/b.jpg">'), '<p><img src="/files/b.jpg" alt="" loading="lazy" /></p>');
  assert.equal(staff('<p>x<img src="http://e.org/plain.jpg" alt="p"></p>'), '<p>x</p>');
  assert.equal(staff('<img src="data:image/png;base64,AAAA" alt="d">'), '');
  assert.equal(staff('<img alt="no source">'), '');
  const body = staff('<img src="/files/b.jpg"><img src="/files/c.jpg" alt=" "><img src="/files/d.jpg" alt="ok">');
  assert.deepEqual(staffBodyProblems(body), [
    { code: 'image-alt-missing', src: '/files/b.jpg' },
    { code: 'image-alt-missing', src: '/files/c.jpg' },
  ]);
  assert.deepEqual(staffBodyProblems(staff('<p>no images</p>')), []);
  assert.match(staffBodyProblemMessage({ code: 'image-alt-missing', src: '/x.jpg' }, 'ar'), /بلا نص بديل/);
  assert.match(staffBodyProblemMessage({ code: 'image-alt-missing', src: '/x.jpg' }, 'en'), /no text alternative/);
});

test('dangerous markup is removed', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['<script>alert(1)</script>ok', '<p>ok</p>'],
    ['<style>p{color:red}</style>ok', '<p>ok</p>'],
    ['<p onclick="x()" style="color:red" class="c" id="i">t</p>', '<p>t</p>'],
    ['<img src="/a.jpg" alt="a" onerror="alert(1)">', '<p><img src="/a.jpg" alt="a" loading="lazy" /></p>'],
    ['<svg onload="alert(1)"><a href="https://e.org">x</a></svg>ok', '<p>ok</p>'],
    ['<math><mi>x</mi></math>ok', '<p>ok</p>'],
    ['<iframe src="https://evil.example/"></iframe>ok', '<p>ok</p>'],
    ['<object data="x.swf"></object><embed src="x.swf">ok', '<p>ok</p>'],
    ['<form action="/x"><input name="a"><button>b</button></form>ok', '<p>ok</p>'],
    ['<!-- comment -->ok', '<p>ok</p>'],
    ['<figure class="evil" data-embed="youtube" data-id="<script>">x</figure>', '<figure>x</figure>'],
    ['<h1>One</h1><h5>Five</h5><h6>Six</h6>', '<h2>One</h2>\n<h4>Five</h4>\n<h4>Six</h4>'],
  ];
  for (const [input, expected] of cases) assert.equal(assertFixed(input), expected, input);
});

const YOUTUBE = '<figure class="embed" data-embed="youtube" data-id="dQw4w9WgXcQ"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="external noopener">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></figure>';

test('embeds become placeholders: a link that works without JavaScript, no script, no iframe', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc" allowfullscreen></iframe>', YOUTUBE],
    ['<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe>', YOUTUBE],
    ['https://youtu.be/dQw4w9WgXcQ', YOUTUBE],
    ['<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></p>', YOUTUBE],
    ['Before\n\nhttps://www.youtube.com/shorts/dQw4w9WgXcQ\n\nAfter', `<p>Before</p>\n${YOUTUBE}\n<p>After</p>`],
    ['<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e" frameborder="0"></iframe>',
      '<figure class="embed" data-embed="vimeo" data-id="76979871"><a href="https://vimeo.com/76979871" rel="external noopener">https://vimeo.com/76979871</a></figure>'],
    ['<blockquote class="twitter-tweet"><p lang="ar" dir="rtl">تغريدة</p>&mdash; Someone (@someone) <a href="https://twitter.com/someone/status/1460323737035677698?ref_src=twsrc%5Etfw">November 15, 2021</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>',
      '<figure class="embed" data-embed="twitter" data-id="1460323737035677698"><a href="https://twitter.com/i/web/status/1460323737035677698" rel="external noopener">https://twitter.com/i/web/status/1460323737035677698</a></figure>'],
    // An existing placeholder is written again from its provider and id only: its link is not trusted.
    ['<figure class="embed" data-embed="youtube" data-id="dQw4w9WgXcQ"><a href="https://evil.example/">watch</a><script>x</script></figure>', YOUTUBE],
  ];
  for (const [input, expected] of cases) assert.equal(assertFixed(input), expected, input);
  // A caption under a placeholder stays.
  assert.equal(assertFixed(`${YOUTUBE.slice(0, -'</figure>'.length)}<figcaption>كلمة <em>Obama</em></figcaption></figure>`),
    `${YOUTUBE.slice(0, -'</figure>'.length)}\n<figcaption>كلمة <em>Obama</em></figcaption>\n</figure>`);
  // A video address inside a sentence stays a link.
  assert.equal(staff('watch https://youtu.be/dQw4w9WgXcQ now'),
    '<p>watch <a href="https://youtu.be/dQw4w9WgXcQ" rel="external noopener">https://youtu.be/dQw4w9WgXcQ</a> now</p>');
});

test('embed addresses are recognised strictly', () => {
  assert.deepEqual(parseEmbedUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10'), { provider: 'youtube', id: 'dQw4w9WgXcQ' });
  assert.deepEqual(parseEmbedUrl('https://x.com/someone/status/123'), { provider: 'twitter', id: '123' });
  assert.deepEqual(parseEmbedUrl('https://vimeo.com/76979871'), { provider: 'vimeo', id: '76979871' });
  for (const no of ['https://www.youtube.com/watch?v=short', 'https://evil.example/embed/dQw4w9WgXcQ', 'javascript:alert(1)//youtu.be/dQw4w9WgXcQ',
    'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ', 'https://vimeo.com/abc', 'https://twitter.com/someone', 'not a url']) {
    assert.equal(parseEmbedUrl(no), null, no);
  }
});

test('Arabic with Latin names and numbers is untouched, and dir is kept on every block', () => {
  const text = 'قال John Smith إن 42 شخصًا حضروا مؤتمر COP28 في 2023.';
  assert.equal(assertFixed(text), `<p>${text}</p>`);
  const html = `<h2 dir="rtl">عنوان Title</h2><p dir="ltr">An English paragraph, «${text}»</p><p dir="auto">${text}</p><blockquote dir="rtl"><p>اقتباس</p></blockquote><ul dir="rtl"><li dir="ltr">Item 1</li></ul><p>عادي <span dir="ltr">Latin</span></p>`;
  const out = assertFixed(html);
  assert.equal(out, [
    '<h2 dir="rtl">عنوان Title</h2>',
    `<p dir="ltr">An English paragraph, «${text}»</p>`,
    `<p dir="auto">${text}</p>`,
    '<blockquote dir="rtl">\n<p>اقتباس</p>\n</blockquote>',
    '<ul dir="rtl">\n<li dir="ltr">Item 1</li>\n</ul>',
    '<p>عادي Latin</p>',
  ].join('\n'));
  assert.equal(assertFixed('<p dir="sideways">x</p>'), '<p>x</p>');
  assert.equal(assertFixed('<p lang="ar" dir="RTL">سطر\n\nسطر آخر</p>'), '<p lang="ar" dir="rtl">سطر<br />\n<br />\nسطر آخر</p>');
});

test('word-processor paste: fake bold, styled spans and divs become plain markup', () => {
  const googleDocs = '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b"><p dir="rtl" style="line-height:1.38"><span style="font-size:11pt;font-weight:700">عاجل</span><span style="font-size:11pt"> من </span><span style="font-style:italic">Reuters</span></p><br><div>Second</div></b>';
  assert.equal(assertFixed(googleDocs), '<p dir="rtl"><strong>عاجل</strong> من <em>Reuters</em></p>\n<p>Second</p>');
  const word = '<p class="MsoNormal" style="mso-line-height-alt:12pt"><o:p>Word text</o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>';
  assert.equal(assertFixed(word), '<p>Word text</p>\n<p>&nbsp;</p>');
});

test('formatText registers staff_html', () => {
  assert.equal(formatText('staff_html', '<em>x</em>').html, '<p><em>x</em></p>');
});

// Random tag soup, with the staff elements, embed markup and bidi text in the vocabulary.
const TAG_NAMES = [...STAFF_TAGS, 'div', 'span', 'h1', 'h6', 'iframe', 'script', 'style', 'svg', 'math', 'textarea', 'template',
  'noscript', 'object', 'section', 'o:p', 'A', 'IMG', 'Pre'];
const ATTRIBUTE_NAMES = ['href', 'src', 'alt', 'cite', 'lang', 'dir', 'style', 'onclick', 'onerror', 'class', 'id', 'colspan',
  'scope', 'start', 'data-embed', 'data-id', 'rel', 'title', 'HREF'];
const VALUES = ['https://e.org/a?b=1&c=2', 'http://e.org/i.jpg', '/files/a.jpg', 'javascript:alert(1)', 'JaVa\tScRiPt:x',
  '&#106;avascript:x', 'data:text/html,x', 'rtl', 'ltr', 'auto', 'ar', '2', 'col', 'embed', 'twitter-tweet', 'youtube', 'vimeo',
  'dQw4w9WgXcQ', '76979871', 'https://www.youtube.com/embed/dQw4w9WgXcQ', 'https://player.vimeo.com/video/76979871',
  'https://twitter.com/a/status/123', 'font-weight:700', 'font-weight:normal', 'font-style:italic', 'docs-internal-guid-x',
  '"><script>x</script>', "'"];
const input = hostileInput({
  tags: TAG_NAMES,
  attributes: ATTRIBUTE_NAMES,
  values: VALUES,
  text: ['a', 'word', ' ', '  ', '\n', '\n\n', '\t', '<', '>', '&', '&amp;', '&lt;', '&nbsp;', '"', 'www.x.com',
    'https://y.org/p?q=1', 'https://youtu.be/dQw4w9WgXcQ', 'https://vimeo.com/76979871', 'https://x.com/a/status/9', 'me@z.net',
    'قال', 'John Smith', '42', '٤٢', '\u00a0', '\u200b', '\u202E', '\u2067', '\u2069', '<!--', '-->', 'javascript:', '😀'],
});
const RUNS = PROPERTY_RUNS;

test('staff_html: output holds only allowed elements, attributes and schemes', () => {
  fc.assert(fc.property(input, (text) => assertSafeHtml(staff(text), STAFF_RULES)), { numRuns: RUNS });
});

test('staff_html: format(format(x)) === format(x)', () => {
  fc.assert(fc.property(input, (text) => {
    const once = staff(text);
    assert.equal(staff(once), once);
  }), { numRuns: RUNS * 2 });
});

test('staff_html: images load only from the site or over https, and every image has alt', () => {
  fc.assert(fc.property(input, (text) => {
    const pending = [...parseFragment(staff(text)).childNodes];
    while (pending.length > 0) {
      const node = pending.pop()!;
      if (!('tagName' in node)) continue;
      if (node.tagName === 'img') {
        const src = node.attrs.find((a) => a.name === 'src')?.value ?? '';
        assert.ok(src !== '' && !/^\s*[a-z][a-z0-9+.-]*:/i.test(src.replace(/^https:/i, '')), `image source ${src}`);
        assert.ok(node.attrs.some((a) => a.name === 'alt'), 'image without alt');
      }
      pending.push(...node.childNodes);
    }
  }), { numRuns: RUNS });
});

test('staff format tips exist in both languages, with the same items, and their examples are kept by the format', () => {
  const en = staffFormatTips('en');
  const ar = staffFormatTips('ar');
  assert.deepEqual(ar.staff.map((t) => t.id), en.staff.map((t) => t.id));
  assert.equal(ar.short.length, en.short.length);
  assert.match(en.short.map((t) => t.text).join(' '), /<figure>/);
  for (const tip of ar.staff) assert.match(tip.text, /[\u0600-\u06FF]/, tip.id);
  for (const tip of [...en.staff, ...ar.staff]) {
    if (tip.example === null) continue;
    const out = staff(tip.example);
    assert.ok(!out.includes('data-embed') || tip.id === 'staff-embeds', tip.id);
    if (tip.id === 'staff-embeds') assert.match(out, /data-embed="youtube"/);
    else assert.notEqual(out, '', tip.id);
  }
});

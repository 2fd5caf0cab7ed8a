import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TEASER_LIMIT, cutTeaser, firstParagraph, htmlToText, leadAndTeaser, teaserFromHtml } from '../../src/text/teaser.ts';

/** No lone surrogate (String#isWellFormed is ES2024, past our lib target). */
const isWellFormed = (s: string): boolean => !/\p{Cs}/u.test(s);

/** n four-letter words joined by spaces: 5n - 1 characters. */
const words = (count: number): string => Array.from({ length: count }, () => 'word').join(' ');
const codePoints = (s: string): number => Array.from(s).length;

test('the teaser limit is the 150 characters of docs/original-site.md', () => {
  assert.equal(TEASER_LIMIT, 150);
});

const cutCases: Array<[string, string, string]> = [
  ['short text is unchanged, no ellipsis', 'A short summary.', 'A short summary.'],
  ['outer whitespace is trimmed', '  A short summary.  ', 'A short summary.'],
  ['exactly 150 characters fits', 'x'.repeat(148) + '.!', 'x'.repeat(148) + '.!'],
  ['150 characters of words fit', `${words(30)}.`, `${words(30)}.`],
  ['151 characters: the partial last word goes', `${words(30)}ss`, `${words(29)}...`],
  ['a word ending exactly at the limit is kept', `${words(30)}x more`, `${words(30)}x...`],
  ['punctuation after the limit: whole word kept', `${words(30)}x, more`, `${words(30)}x...`],
  ['single word longer than the limit is hard-cut', 'x'.repeat(200), `${'x'.repeat(150)}...`],
  ['opening bracket before a long word is not the whole teaser', `(${'x'.repeat(200)}`, `(${'x'.repeat(149)}...`],
  ['ends with an opening bracket', `${'a'.repeat(140)} the (Lebanese army`, `${'a'.repeat(140)} the (...`],
  ['ends with an opening curly quote', `${'a'.repeat(140)} said “Lebanon is`, `${'a'.repeat(140)} said “...`],
  ['ends with a straight quote', `${'a'.repeat(140)} said "Lebanon is`, `${'a'.repeat(140)} said "...`],
  ['ends with an opening guillemet', `${'a'.repeat(140)} قال «لبنان بلد`, `${'a'.repeat(140)} قال «...`],
  ['trailing space before the ellipsis is trimmed', `${'a'.repeat(140)} b ${'c'.repeat(20)}`, `${'a'.repeat(140)} b...`],
];
for (const [name, text, expected] of cutCases) {
  test(`cutTeaser: ${name}`, () => {
    assert.equal(cutTeaser(text), expected);
  });
}

test('cutTeaser: Arabic text is cut between words', () => {
  const arabic = Array.from({ length: 40 }, () => 'بيروت').join(' '); // 6 characters a word with its space
  const teaser = cutTeaser(arabic);
  assert.ok(teaser.endsWith('بيروت...'));
  assert.ok(codePoints(teaser) <= TEASER_LIMIT + 3);
  assert.equal(teaser, `${Array.from({ length: 25 }, () => 'بيروت').join(' ')}...`);
});

test('cutTeaser: Arabic with tashkeel keeps a letter with its marks', () => {
  // The 150th character is ب, its kasra is the 151st: the cluster may not be split.
  const text = `${'a'.repeat(149)}بِ and more`;
  assert.equal(cutTeaser(text), `${'a'.repeat(149)}...`);
});

test('cutTeaser: never splits a surrogate pair', () => {
  const teaser = cutTeaser('👍'.repeat(160));
  assert.ok(isWellFormed(teaser));
  assert.equal(teaser, `${'👍'.repeat(150)}...`);
  // An odd offset in UTF-16 units: one BMP character first.
  const shifted = cutTeaser(`a${'😀'.repeat(200)}`);
  assert.ok(isWellFormed(shifted));
});

test('cutTeaser: never splits an emoji ZWJ sequence or a flag', () => {
  const family = '👨‍👩‍👧'; // 5 code points
  const text = `${'a'.repeat(147)} ${family} tail`;
  const teaser = cutTeaser(text);
  assert.ok(isWellFormed(teaser));
  assert.ok(!teaser.includes('\u200D'), 'no half family');
  assert.equal(cutTeaser(`${'a'.repeat(148)} 🇱🇧 tail`), `${'a'.repeat(148)}...`);
});

test('cutTeaser: emoji between words counts as a separator', () => {
  const text = `${words(29)} 🙂 ${'x'.repeat(30)}`;
  assert.equal(cutTeaser(text), `${words(29)} 🙂...`);
});

test('cutTeaser: custom limit', () => {
  assert.equal(cutTeaser('one two three four', 10), 'one two...');
  assert.equal(cutTeaser('one two three four', 18), 'one two three four');
});

const textCases: Array<[string, string, string]> = [
  ['paragraphs joined by a space', '<p>First.</p><p>Second.</p>', 'First. Second.'],
  ['inline tags add no space', '<p>Bei<b>rut</b> <em>now</em></p>', 'Beirut now'],
  ['br separates', 'one<br>two<br/>three', 'one two three'],
  ['entities decoded', '<p>Tom &amp; Jerry &lt;3 &#8220;hi&#8221; &rsquo; caf&eacute;</p>', 'Tom & Jerry <3 “hi” ’ café'],
  ['nbsp and runs of whitespace collapse', '<p>a&nbsp;&nbsp;b \n\t c</p>', 'a b c'],
  ['script, style and comments dropped', '<p>a</p><script>alert(1)</script><style>p{}</style><!-- x --><p>b</p>', 'a b'],
  ['lists and headings separate', '<h2>Title</h2><ul><li>one</li><li>two</li></ul>', 'Title one two'],
  ['malformed HTML', '<p>open <b>bold <i>both</p> after', 'open bold both after'],
  ['plain text passes through', 'Just text', 'Just text'],
  ['Arabic', '<p dir="rtl">مرحباً&nbsp;<strong>بيروت</strong></p>', 'مرحباً بيروت'],
  ['empty', '', ''],
];
for (const [name, html, expected] of textCases) {
  test(`htmlToText: ${name}`, () => {
    assert.equal(htmlToText(html), expected);
  });
}

const paragraphCases: Array<[string, string, string]> = [
  ['first <p>', '<p>One <em>two</em></p><p>Three</p>', '<p>One <em>two</em></p>'],
  ['attributes kept', '<p class="lead">One</p><p>Two</p>', '<p class="lead">One</p>'],
  ['empty paragraphs skipped', '<p>&nbsp;</p><p> </p><p>Real</p>', '<p>Real</p>'],
  ['image-only paragraph skipped', '<p><img src="a.jpg"></p><p>Text</p>', '<p>Text</p>'],
  ['heading is not the first paragraph', '<h3>Sub</h3><p>Body</p>', '<p>Body</p>'],
  ['inside a wrapper div', '<div class="field"><p>Inner</p></div><p>After</p>', '<p>Inner</p>'],
  ['inside a blockquote', '<blockquote><p>Quoted</p></blockquote>', '<p>Quoted</p>'],
  ['text without <p>: up to a blank line', 'First line\nstill first\n\nSecond', '<p>First line\nstill first</p>'],
  ['text without <p>: inline markup kept, text escaped', 'Tom &amp; <b>Jerry</b> &lt;3\n\nNext', '<p>Tom &amp; <b>Jerry</b> &lt;3</p>'],
  ['leading text before a <p> comes first', 'Dateline text<p>Para</p>', '<p>Dateline text</p>'],
  ['inline run ended by a heading', 'Lead <a href="/x">link</a><h2>H</h2>', '<p>Lead <a href="/x">link</a></p>'],
  ['scripts and comments inside the run are skipped', 'Lead <script>x</script><!-- c -->text\n\nnext', '<p>Lead text</p>'],
  ['br stays inside the run', 'one<br>two\n\nthree', '<p>one<br>two</p>'],
  ['blank lines before the text', '\n\n  \n\nText', '<p>Text</p>'],
  ['Arabic', '<p>مرحباً بيروت</p><p>ثانياً</p>', '<p>مرحباً بيروت</p>'],
  ['no text at all', '<p></p><img src="x">', ''],
  ['empty', '', ''],
];
for (const [name, html, expected] of paragraphCases) {
  test(`firstParagraph: ${name}`, () => {
    assert.equal(firstParagraph(html), expected);
  });
}

test('teaserFromHtml reads only the opening of a long body, yet gives the teaser of the whole', () => {
  const word = fc.constantFrom('harbour', 'strike', 'عمال', 'الميناء', 'e\u0301te\u0301', '👩‍👩‍👧', '&amp;', '&quot;', '(', '“', 'x'.repeat(90));
  const inline = fc.oneof(
    fc.array(word, { minLength: 1, maxLength: 30 }).map((w) => w.join(' ')),
    fc.tuple(fc.string({ maxLength: 3000 }).map((s) => s.replace(/["<>&]/g, '')), fc.array(word, { maxLength: 5 })).map(([href, w]) => `<a href="${href}">${w.join(' ')}</a>`),
  );
  const paragraph = fc.array(inline, { minLength: 1, maxLength: 12 }).map((parts) => `<p>${parts.join(' ')}</p>`);
  fc.assert(fc.property(fc.array(paragraph, { minLength: 1, maxLength: 40 }), (paragraphs) => {
    const html = paragraphs.join('\n');
    assert.equal(teaserFromHtml(html), cutTeaser(htmlToText(html)));
  }), { numRuns: 300 });
});

test('leadAndTeaser reads the opening only, yet equals firstParagraph and teaserFromHtml of the whole body', () => {
  const word = fc.constantFrom('harbour', 'strike', 'عمال', 'الميناء', 'e\u0301te\u0301', '&amp;', '(', '“', 'x'.repeat(60));
  const text = fc.array(word, { minLength: 0, maxLength: 40 }).map((w) => w.join(' '));
  const block = fc.oneof(
    text.map((t) => `<p>${t}</p>`),
    text.map((t) => `<blockquote><p>${t}</p></blockquote>`),
    text.map((t) => `<h2>${t}</h2>`),
    fc.constant('<p>&nbsp;</p>'),
    text.map((t) => `<ul><li>${t}</li></ul>`),
    text.map((t) => `${t}\n\n`),
  );
  fc.assert(fc.property(fc.array(block, { minLength: 0, maxLength: 30 }), (blocks) => {
    const html = blocks.join('\n');
    assert.deepEqual(leadAndTeaser(html), { leadHtml: firstParagraph(html), teaser: teaserFromHtml(html) });
  }), { numRuns: 400 });
});

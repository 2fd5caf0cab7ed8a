/**
 * Markup bounds (issue 10, markup-limits.ts): hostile shapes are refused with a readable
 * `Invalid` before any stage or the HTML parser runs; ordinary and old-fashioned markup is not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMENT_LIMITS } from '../../src/domain/comment-form.ts';
import { Invalid } from '../../src/domain/errors.ts';
import { formatToString } from '../../src/filter/format-text.ts';
import { FilterLimitError, MARKUP_LIMITS, findMarkupProblem } from '../../src/filter/markup-limits.ts';
import { MAX_NESTING } from '../../src/filter/canonical-flow.ts';

const SIZE = COMMENT_LIMITS.comment;
/** Repeats `unit(i)` until the text is `size` characters long (cut there). */
function fill(unit: (i: number) => string, size = SIZE): string {
  let out = '';
  for (let i = 0; out.length < size; i++) out += unit(i);
  return out.slice(0, size);
}
const nested = (open: string, depth: number, inner = 'x') => `${open.repeat(depth)}${inner}`;

// [name, text, the bound it goes over]
const HOSTILE: ReadonlyArray<readonly [string, string, 'depth' | 'attributes' | 'tags']> = [
  ['20,000-deep nesting', nested('<em>', 20_000), 'depth'],
  ['one level over the bound', nested('<blockquote>', MARKUP_LIMITS.depth + 1), 'depth'],
  ['nested lists', nested('<ul><li>', 2_500), 'depth'],
  ['unclosed emphasis over many paragraphs', fill(() => '<em>x\n\n'), 'depth'],
  ['distinct emphasis over many paragraphs', fill((i) => `<em lang="a-${i}">x\n\n`), 'depth'],
  ['emphasis closed by paragraphs (the parser re-opens it)', fill((i) => `<p><em title="${i}">x</p>`), 'depth'],
  ['emphasis around blocks', fill((i) => `<em lang="a-${i}"><blockquote>x`), 'depth'],
  ['self-closing syntax on non-void elements', nested('<span/>', 100), 'depth'],
  ['a tag with thousands of attributes', `<em ${'lang=x '.repeat(2_800)}>x`, 'attributes'],
  ['dropped attributes count too', `<a ${'onclick=x '.repeat(MARKUP_LIMITS.attributes + 1)}>x</a>`, 'attributes'],
  ['an unclosed tag with many attributes', `<img ${'a=b '.repeat(1_000)}`, 'attributes'],
  ['more tags than any comment holds', '<br>'.repeat(MARKUP_LIMITS.tags + 1), 'tags'],
  ['comments count as tags', '<!-- -->'.repeat(MARKUP_LIMITS.tags + 1), 'tags'],
];

for (const [name, text, problem] of HOSTILE) {
  test(`refused before parsing: ${name} (${problem})`, () => {
    assert.equal(findMarkupProblem(text), problem);
    for (const format of ['filtered_html', 'full_html'] as const) {
      if (format === 'full_html' && problem === 'tags') continue; // full_html allows more tags
      assert.throws(() => formatToString(format, text), (err: unknown) => {
        assert.ok(err instanceof Invalid && err instanceof FilterLimitError, String(err));
        assert.equal(err.problem, problem);
        // Readable in both languages, one line, naming the bound.
        assert.match(err.messageIn('en'), /text .*\d/);
        assert.ok(err.messageIn('ar').length > 0 && err.messageIn('ar') !== err.messageIn('en'));
        assert.ok(!err.message.includes('\n'));
        return true;
      });
    }
  });
}

test('a 20,000-deep nesting is refused by the scan, not by running out of memory or stack', () => {
  const text = nested('<em>', 20_000);
  const start = process.hrtime.bigint();
  assert.throws(() => formatToString('filtered_html', text), /nests HTML tags more than 40 levels deep/);
  // The scan stops at the 41st tag: far below what parsing 20,000 elements would take.
  assert.ok(Number(process.hrtime.bigint() - start) / 1e6 < 1_000);
});

// Markup that must stay accepted: real comments, old HTML that leaves end tags out.
const ACCEPTED: ReadonlyArray<readonly [string, string]> = [
  ['plain text', 'no markup at all'],
  ['a typical comment', '<blockquote><em>Quoted</em> text</blockquote>\n\nI <strong>agree</strong>: see <a href="http://x.org">this</a>.'],
  ['nesting just within the bound', nested('<blockquote>', MARKUP_LIMITS.depth)],
  ['a thousand list items without </li>', `<ul>${'<li>item'.repeat(1_000)}</ul>`],
  ['a thousand definitions without end tags', `<dl>${'<dt>term<dd>definition'.repeat(500)}</dl>`],
  ['paragraphs without </p>', '<p>one'.repeat(2_000)],
  ['a table without end tags', `<table>${'<tr><td>a<td>b<th>c'.repeat(500)}</table>`],
  ['closed emphasis in every paragraph', fill(() => '<em>x</em>\n\n')],
  ['as many attributes as allowed', `<a ${'title=x '.repeat(MARKUP_LIMITS.attributes)}>x</a>`],
  ['lone angle brackets', fill(() => '< > << >> 1<2 ')],
  ['a comment at the size limit full of line breaks', fill(() => 'x<br>')],
];

for (const [name, text] of ACCEPTED) {
  test(`accepted: ${name}`, () => {
    assert.equal(findMarkupProblem(text), null);
    formatToString('filtered_html', text);
    formatToString('full_html', text);
  });
}

test('the output of accepted markup is accepted again, so the format stays a fixed point', () => {
  assert.ok(MARKUP_LIMITS.depth >= MAX_NESTING + 2, 'room for the <p> and <a> the format adds');
  const inputs = [
    nested('<blockquote>', MARKUP_LIMITS.depth, 'www.example.com'),
    nested('<em>', MARKUP_LIMITS.depth, 'www.example.com\n\nnext'),
    `${nested('<ul><li>', MARKUP_LIMITS.depth / 2, 'a\n\nb')}`,
    `${nested('<strong>', 20)}${nested('<blockquote>', 20, 'me@example.org')}`,
  ];
  for (const input of inputs) {
    const once = formatToString('filtered_html', input);
    assert.equal(findMarkupProblem(once), null, once.slice(0, 200));
    assert.equal(formatToString('filtered_html', once), once);
  }
});

test('filtered_html: tags its first stage removes do not count towards depth or attributes', () => {
  const removed = `${'<div><font><center>'.repeat(100)}<span ${'a=b '.repeat(100)}>x`;
  assert.equal(findMarkupProblem(removed), 'depth'); // every element counts by default (full_html)
  assert.doesNotThrow(() => formatToString('filtered_html', removed.replace(/<span[^>]*>/, '')));
  assert.throws(() => formatToString('filtered_html', removed), /more than 64 attributes/); // span is allowed
  assert.throws(() => formatToString('full_html', removed), FilterLimitError);
});

test('plain_text parses no markup, so it has no markup bounds', () => {
  const text = nested('<em>', 20_000);
  assert.match(formatToString('plain_text', text), /^<p>&lt;em&gt;/);
});

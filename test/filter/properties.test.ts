/**
 * Property tests over random and hostile text (fast-check): whatever goes in, the output holds
 * only allowed elements, attributes and URL schemes, and filtered_html's output is a fixed
 * point (docs/comment-format.md decision 8).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatToString } from '../../src/filter/format-text.ts';
import type { FormatName } from '../../src/filter/text-formats.ts';
import { hostileInput, PROPERTY_RUNS } from './tag-soup.ts';
import { FILTERED_RULES, FULL_RULES, PLAIN_RULES, assertSafeHtml, type SafetyRules } from './assert-safe-html.ts';

const TAG_NAMES = ['a', 'em', 'strong', 'code', 'cite', 'span', 'p', 'br', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'h2', 'h6',
  'blockquote', 'aside', 'img', 'div', 'b', 'i', 'table', 'tr', 'td', 'pre', 'script', 'style', 'svg', 'math', 'iframe',
  'textarea', 'select', 'title', 'template', 'noscript', 'object', 'xmp', 'A', 'SCRIPT', 'Img'];
const ATTRIBUTE_NAMES = ['href', 'src', 'title', 'alt', 'cite', 'lang', 'dir', 'style', 'onclick', 'onerror', 'class', 'id',
  'width', 'rel', 'xlink:href', 'formaction', 'HREF'];
const VALUES = ['http://x.org/a?b=1&c=2', 'javascript:alert(1)', 'JaVa\tScRiPt:x', ' &#14; javascript:x', '&#106;avascript:x',
  '&amp;#106;avascript&amp;#58;x', 'data:text/html,x', '/rel:ative', 'mailto:a@b.org', '"><script>x</script>', "'", 'rtl',
  'en', '10', 'vbscript:x', 'java&Tab;script:x', 'javascript&colon;x',
  // Hidden schemes (docs/url-schemes.md): zero-width, BOM, soft hyphen, fullwidth, NBSP.
  'java\u200Bscript:x', '\uFEFFjavascript:x', 'java\u00ADscript:x', '\uFF4Aavascript:x', 'javascript\uFF1Ax', '\u00A0javascript:x',
  'java&#x200D;script:x', '\uFF48ttp://x.org'];

const input = hostileInput({
  tags: TAG_NAMES,
  attributes: ATTRIBUTE_NAMES,
  values: VALUES,
  text: ['a', 'word', ' ', '  ', '\n', '\n\n', '\r\n', '\t', '<', '>', '&', '&amp;', '&lt;', '&#10;',
    '&nbsp;', '&#x3C;', '"', "'", 'www.x.com', 'http://y.org/p?q=1&r=2', 'me@z.net', 'sftp://s.org', '<!--', '-->',
    '<!-- c -->', '&{', '}', '.', ',', '(', ')', 'دروبال', '😀', '\u00a0', '\u200b', '&#0;', '&#xD800;', '&copy', 'javascript:',
    '\u202E', '\u202B', '\u202C', '\u2067', '\u2069', '&#x202E;'],
});
const RUNS = PROPERTY_RUNS;

const FORMATS: ReadonlyArray<readonly [FormatName, SafetyRules]> = [
  ['filtered_html', FILTERED_RULES],
  ['plain_text', PLAIN_RULES],
  ['full_html', FULL_RULES],
];

for (const [format, rules] of FORMATS) {
  test(`${format}: output holds only allowed elements, attributes and schemes`, () => {
    fc.assert(
      fc.property(input, (text) => {
        assertSafeHtml(formatToString(format, text), rules);
      }),
      { numRuns: RUNS },
    );
  });
}

test('filtered_html: format(format(x)) === format(x)', () => {
  fc.assert(
    fc.property(input, (text) => {
      const once = formatToString('filtered_html', text);
      assert.equal(formatToString('filtered_html', once), once);
    }),
    { numRuns: RUNS * 2 },
  );
});

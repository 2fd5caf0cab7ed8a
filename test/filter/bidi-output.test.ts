/**
 * Filter output closes the bidi embeddings, overrides and isolates it opens (issue 10), at the
 * end of every paragraph or block, and stays a fixed point (decision 8).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { formatToString } from '../../src/filter/format-text.ts';
import type { FormatName } from '../../src/filter/text-formats.ts';
import { hasUnclosedBidi } from '../../src/text/bidi-controls.ts';

type Node = DefaultTreeAdapterMap['childNode'];
const RLO = '\u202E', PDF = '\u202C', RLI = '\u2067', PDI = '\u2069', LRE = '\u202A';
const BLOCKS = new Set(['p', 'li', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'aside', 'ul', 'ol', 'dl', 'div', 'table', 'td', 'th']);

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/** Every block's text, and the whole fragment's, must leave nothing open. */
function assertClosed(html: string): void {
  const fragment = parseFragment(html);
  assert.ok(!hasUnclosedBidi(fragment.childNodes.map(textOf).join('')), `body leaves bidi open: ${JSON.stringify(html)}`);
  const walk = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (!('tagName' in node)) continue;
      if (BLOCKS.has(node.tagName)) assert.ok(!hasUnclosedBidi(textOf(node)), `<${node.tagName}> leaves bidi open: ${JSON.stringify(html)}`);
      walk(node.childNodes);
    }
  };
  walk(fragment.childNodes);
}

const CASES: ReadonlyArray<readonly [string, string, string]> = [
  // [name, input, filtered_html output]
  ['an unclosed override', `${RLO}evil`, `<p>${RLO}evil${PDF}</p>`],
  ['an unclosed isolate', `${RLI}x`, `<p>${RLI}x${PDI}</p>`],
  ['each paragraph closes its own', `${RLO}a\n\n${LRE}b`, `<p>${RLO}a${PDF}</p>\n<p>${LRE}b${PDF}</p>`],
  ['a balanced text is unchanged', `${RLO}a${PDF} b`, `<p>${RLO}a${PDF} b</p>`],
  ['inside emphasis, closed at the end of the paragraph', `<em>${RLO}x</em> y`, `<p><em>${RLO}x</em> y${PDF}</p>`],
  ['at the end of an element, inside it', `a <em>${RLO}x</em>`, `<p>a <em>${RLO}x${PDF}</em></p>`],
  ['a list item', `<ul><li>${RLO}a</li><li>b</li></ul>`, `<ul>\n<li>${RLO}a${PDF}</li>\n<li>b</li>\n</ul>`],
  // The closer goes inside the innermost element open at the end, here the link the URL stage made.
  ['after a link', `${RLO}see www.example.com`, `<p>${RLO}see <a href="http://www.example.com" rel="nofollow ugc noopener">www.example.com${PDF}</a></p>`],
];

for (const [name, input, expected] of CASES) {
  test(`filtered_html closes bidi: ${name}`, () => {
    const html = formatToString('filtered_html', input);
    assert.equal(html, expected);
    assertClosed(html);
    assert.equal(formatToString('filtered_html', html), html, 'fixed point');
  });
}

test('full_html and plain_text close what they open too', () => {
  for (const format of ['full_html', 'plain_text'] as const satisfies readonly FormatName[]) {
    for (const input of [`${RLO}a`, `<div>${RLO}a</div>b`, `<p>${RLI}a<p>b`, `<table><tr><td>${RLO}x</td></tr></table>`, `<b>${RLO}x</b>${LRE}`]) {
      assertClosed(formatToString(format, input));
    }
  }
});

test('property: any mix of bidi controls and markup comes out closed, and a fixed point', () => {
  const piece = fc.constantFrom('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
    'a', 'ب', ' ', '\n', '\n\n', '<em>', '</em>', '<strong>', '</strong>', '<blockquote>', '</blockquote>', '<ul><li>', '</li><li>',
    '</ul>', '<h2>', '</h2>', '<br>', '<p>', '</p>', 'www.x.com', '<a href="/x">', '</a>', '<code>', '</code>', '<img src="/i.png">');
  fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
    const once = formatToString('filtered_html', pieces.join(''));
    assertClosed(once);
    assert.equal(formatToString('filtered_html', once), once);
  }), { numRuns: Number(process.env['FOLIO_PROPERTY_RUNS'] ?? 300) });
});

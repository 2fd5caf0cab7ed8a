/** The format tips (docs/comment-format.md §1.2 and §6) as data, in English and Arabic. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entityTipRows, formatLabel, longTips, shortTips, tagTipRows } from '../../src/filter/filter-tips.ts';
import { TIP_KEYS, tipString } from '../../src/filter/tip-strings.ts';

const SITE = { baseUrl: 'https://example.com', siteName: 'The Daily & Co' };

test('short tips: the three sentences in filter order, the setting printed as stored', () => {
  assert.deepEqual(
    shortTips('filtered_html', 'en').map((tip) => [tip.id, tip.text]),
    [
      ['filter-filter_url', 'Web page addresses and e-mail addresses turn into links automatically.'],
      ['filter-filter_html', 'Allowed HTML tags: <a> <em> <strong> <cite> <code> <ul> <ol> <li> <dl> <dt> <dd><img><h1><h2><h3><h4><h5><h6><blockquote><span><aside>'],
      ['filter-filter_autop', 'Lines and paragraphs break automatically.'],
    ],
  );
  assert.equal(tipString('moreInformation', 'en'), 'More information about formatting options');
});

test('short tips: plain text says no HTML; full HTML has no HTML tip', () => {
  assert.deepEqual(shortTips('plain_text', 'en').map((tip) => tip.filter), ['filter_html_escape', 'filter_url', 'filter_autop']);
  assert.equal(shortTips('plain_text', 'en')[0]?.text, 'No HTML tags allowed.');
  assert.deepEqual(shortTips('full_html', 'en').map((tip) => tip.filter), ['filter_url', 'filter_autop']);
});

test('long tips: one row per tag in setting order; li dt dd have none; img span aside get "No help"', () => {
  const rows = tagTipRows('en', SITE);
  assert.deepEqual(
    rows.map((row) => row.tag),
    ['a', 'em', 'strong', 'cite', 'code', 'ul', 'ol', 'dl', 'img', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'span', 'aside'],
  );
  const noHelp = rows.filter((row) => row.kind === 'noHelp');
  assert.deepEqual(noHelp.map((row) => (row.kind === 'noHelp' ? row.text : '')), [
    'No help provided for tag img.',
    'No help provided for tag span.',
    'No help provided for tag aside.',
  ]);
});

test('long tips: examples, with the site link escaped', () => {
  const rows = tagTipRows('en', SITE);
  const byTag = new Map(rows.map((row) => [row.tag, row]));
  const a = byTag.get('a');
  assert.ok(a?.kind === 'example');
  assert.equal(a.description, 'Anchors are used to make links to other pages.');
  assert.equal(a.youType, '<a href="https://example.com">The Daily &amp; Co</a>');
  assert.equal(a.youGet.html, a.youType);
  const expectations: ReadonlyArray<readonly [string, string, string]> = [
    ['em', 'Emphasized', '<em>Emphasized</em>'],
    ['strong', 'Strong', '<strong>Strong</strong>'],
    ['cite', 'Cited', '<cite>Cited</cite>'],
    ['code', 'Coded text used to show programming source code', '<code>Coded</code>'],
    ['blockquote', 'Block quoted', '<blockquote>Block quoted</blockquote>'],
    ['ul', 'Unordered list - use the <li> to begin each list item', '<ul> <li>First item</li> <li>Second item</li> </ul>'],
    ['ol', 'Ordered list - use the <li> to begin each list item', '<ol> <li>First item</li> <li>Second item</li> </ol>'],
    ['h1', 'Heading', '<h1>Title</h1>'],
    ['h2', 'Heading', '<h2>Subtitle</h2>'],
    ['h3', 'Heading', '<h3>Subtitle three</h3>'],
    ['h6', 'Heading', '<h6>Subtitle six</h6>'],
  ];
  for (const [tag, description, markup] of expectations) {
    const row = byTag.get(tag);
    assert.ok(row?.kind === 'example', tag);
    assert.equal(row.description, description);
    assert.equal(row.youType, markup);
  }
  const dl = byTag.get('dl');
  assert.ok(dl?.kind === 'example');
  assert.equal(dl.youType, '<dl> <dt>First term</dt> <dd>First definition</dd> <dt>Second term</dt> <dd>Second definition</dd> </dl>');
});

test('long tips: the character entity table', () => {
  assert.deepEqual(entityTipRows('en'), [
    { description: 'Ampersand', youType: '&amp;', youGet: '&' },
    { description: 'Greater than', youType: '&gt;', youGet: '>' },
    { description: 'Less than', youType: '&lt;', youGet: '<' },
    { description: 'Quotation mark', youType: '&quot;', youGet: '"' },
  ]);
});

test('long tips: the list for filtered_html, with headers and the autop paragraph', () => {
  const tips = longTips('filtered_html', 'en', SITE);
  assert.deepEqual(tips.map((tip) => tip.id), ['filter-filter_url', 'filter-filter_html', 'filter-filter_autop']);
  const html = tips[1];
  assert.ok(html?.filter === 'filter_html');
  assert.deepEqual(html.tagHeader, ['Tag Description', 'You Type', 'You Get']);
  assert.deepEqual(html.entityHeader, ['Character Description', 'You Type', 'You Get']);
  assert.equal(html.specifications.linkText, 'HTML Specifications');
  assert.equal(html.specifications.before, "For more information see W3C's ");
  assert.equal(html.unusualCharacters, 'Most unusual characters can be directly entered without any problems.');
  const autop = tips[2];
  assert.ok(autop !== undefined && autop.filter === 'filter_autop');
  assert.deepEqual(autop.paragraphs, [
    'Lines and paragraphs are automatically recognized. The <br /> line break, <p> paragraph and </p> close paragraph tags are inserted automatically. If paragraphs are not recognized simply add a couple blank lines.',
  ]);
  assert.equal(tipString('composeTips', 'en'), 'Compose tips');
  assert.equal(formatLabel('filtered_html', 'en'), 'Filtered HTML');
});

test('every tip string exists in Arabic, with the same placeholders', () => {
  for (const key of TIP_KEYS) {
    const en = tipString(key, 'en');
    const ar = tipString(key, 'ar');
    assert.ok(ar.length > 0, key);
    for (const placeholder of ['@tags', '%tag', '{link}']) assert.equal(ar.includes(placeholder), en.includes(placeholder), `${key} ${placeholder}`);
  }
  assert.equal(shortTips('filtered_html', 'ar')[1]?.text.endsWith('<blockquote><span><aside>'), true);
  assert.equal(tagTipRows('ar', SITE).find((row) => row.tag === 'img')?.kind, 'noHelp');
});

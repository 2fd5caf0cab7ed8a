import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snippet } from '../../src/search/snippet.ts';

const marked = (parts: ReturnType<typeof snippet>) => parts.filter((p) => p.match).map((p) => p.text);

test('English words are marked whatever their ending', () => {
  assert.deepEqual(marked(snippet('Donors pledged aid; pledging continues. A pledge is a pledge.', ['pledge'], 'en')), ['pledged', 'pledging', 'pledge', 'pledge']);
});

test('Arabic words are marked after folding and light stemming', () => {
  assert.deepEqual(marked(snippet('زار الوفد المدينة القديمة وإسرائيل', ['مدينه', 'اسرائيل'], 'ar')), ['المدينة', 'وإسرائيل']);
});

test('prefix terms mark words that start with them', () => {
  assert.deepEqual(marked(snippet('Reuters and Reuter both', ['reut*'], 'en')), ['Reuters', 'Reuter']);
});

test('a long text is cut around the first match, with ellipses', () => {
  const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
  words[60] = 'target';
  const parts = snippet(words.join(' '), ['target'], 'en');
  const text = parts.map((p) => p.text).join('');
  assert.ok(text.startsWith('… ') && text.endsWith(' …'));
  assert.ok(text.includes('target') && !text.includes('w10 '));
});

test('no match still gives the opening words; markup-like text stays plain text', () => {
  const parts = snippet('<b>not markup</b> here', ['absent'], 'en');
  assert.equal(parts.some((p) => p.match), false);
  assert.match(parts.map((p) => p.text).join(''), /<b>not markup/);
});

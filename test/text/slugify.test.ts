import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SLUG_LENGTH, slugify, uniqueSlug } from '../../src/text/slugify.ts';

/** No lone surrogate (String#isWellFormed is ES2024, past our lib target). */
const isWellFormed = (s: string): boolean => !/\p{Cs}/u.test(s);

const IGNORE_WORDS = ['a', 'an', 'as', 'at', 'before', 'but', 'by', 'for', 'from', 'is', 'in', 'into',
  'like', 'of', 'off', 'on', 'onto', 'per', 'since', 'than', 'the', 'this', 'that', 'to', 'up', 'via', 'with'];

const cases: Array<[string, string, string]> = [
  ['docs/original-site.md example', 'The battle for freedom: X vs. the authorities', 'battle-freedom-x-vs-authorities'],
  ['hyphen inside a name survives', 'Lea al-Qazzi', 'lea-al-qazzi'],
  ['hyphenated tag', 'Islamic State', 'islamic-state'],
  ['ampersand dropped', 'Culture & Society', 'culture-society'],
  ['curly apostrophe removed, not a separator', 'Lebanon’s president', 'lebanons-president'],
  ['straight apostrophe removed', "Don't panic", 'dont-panic'],
  ['curly double quotes', 'The “new” Middle East', 'new-middle-east'],
  ['periods inside abbreviations', 'U.S.-led strikes', 'us-led-strikes'],
  ['spaced en dash', 'Damascus – Aleppo', 'damascus-aleppo'],
  ['unspaced en dash joins like a hyphen', 'The 2011–2014 war', '2011-2014-war'],
  ['em dash', 'Gaza—again', 'gaza-again'],
  ['brackets, question and exclamation marks', 'Who pays? (Not us!) [Updated]', 'who-pays-not-us-updated'],
  ['slash removed as pathauto did', '9/11 ten years later', '911-ten-years-later'],
  ['underscore removed as pathauto did', 'snake_case title', 'snakecase-title'],
  ['accents transliterated', 'Café Beyrouth: déjà vu, naïve', 'cafe-beyrouth-deja-vu-naive'],
  ['letters without decomposition', 'Straße Øresund Łódź Æsir', 'strasse-oresund-lodz-aesir'],
  ['Turkish dotted capital I', 'İstanbul', 'istanbul'],
  ['ligature and roman numeral through NFKC', 'ﬁnal Ⅻ', 'final-xii'],
  ['collapses repeated separators', '  Too   many -- spaces  ', 'too-many-spaces'],
  ['emoji dropped', 'Beirut 🇱🇧 rises 👍🏽', 'beirut-rises'],
  ['keycap emoji keeps only its digit', '1️⃣ reason', '1-reason'],
  ['ignore words inside hyphenated words go too (pathauto)', 'An in-depth look at up-to-date news', 'depth-look-date-news'],
  ['ignore words are whole words only', 'Theatre on the Thames', 'theatre-thames'],
  ['all ignore words: pathauto keeps them', 'The', 'the'],
  ['all ignore words, several', 'Up to the', 'up-to-the'],
  ['case', 'HEZBOLLAH Says', 'hezbollah-says'],
  ['Arabic words joined by hyphens', 'المدينة القديمة', 'المدينة-القديمة'],
  ['Arabic tashkeel and tatweel removed, spelling kept', 'مَدِينَةُ بيروت تـــعود', 'مدينة-بيروت-تعود'],
  ['Arabic punctuation and guillemets', 'لبنان: «الحياة» تعود؟ نعم، تعود؛', 'لبنان-الحياة-تعود-نعم-تعود'],
  ['Arabic-Indic and Persian digits become ASCII', 'انتخابات ٢٠١٤ و۲۰۱۸', 'انتخابات-2014-و2018'],
  ['Arabic presentation forms', 'ﺑﻴﺮﻭﺕ', 'بيروت'],
  ['mixed scripts', 'Beirut بيروت 2014', 'beirut-بيروت-2014'],
  ['empty', '', ''],
  ['only punctuation', ' — … !? ', ''],
  ['only emoji', '🎉🎉', ''],
];

for (const [name, title, expected] of cases) {
  test(`slugify: ${name}`, () => {
    assert.equal(slugify(title), expected);
  });
}

test('slugify drops every pathauto ignore word', () => {
  for (const word of IGNORE_WORDS) {
    assert.equal(slugify(`Beirut ${word} Damascus`), 'beirut-damascus', word);
    assert.equal(slugify(`Beirut ${word.toUpperCase()} Damascus`), 'beirut-damascus', word);
  }
});

test('slugify is stable on its own output when it has no ignore words', () => {
  for (const title of ['Lea al-Qazzi', 'مَدِينَةُ بيروت', 'Café 2014–2015']) {
    const once = slugify(title);
    assert.equal(slugify(once), once);
  }
});

test('slugify caps at 100 characters on a word boundary', () => {
  const title = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
  const slug = slugify(title);
  assert.ok(slug.length <= MAX_SLUG_LENGTH, `${slug.length}`);
  assert.ok(!slug.endsWith('-'));
  assert.ok(title.replaceAll(' ', '-').startsWith(`${slug}-`), 'cut between whole words');
  // A word ending exactly at the limit is kept.
  const exact = `${'a'.repeat(49)} ${'b'.repeat(50)} tail`;
  assert.equal(slugify(exact), `${'a'.repeat(49)}-${'b'.repeat(50)}`);
});

test('slugify hard-cuts a single word longer than the limit', () => {
  assert.equal(slugify('x'.repeat(150)), 'x'.repeat(100));
  assert.equal(Array.from(slugify('ب'.repeat(150))).length, 100);
});

test('slugify counts characters, not UTF-16 units, for astral letters', () => {
  const word = '𠀀'.repeat(120); // CJK Extension B: one letter, two UTF-16 units
  const slug = slugify(word);
  assert.equal(Array.from(slug).length, 100);
  assert.ok(isWellFormed(slug));
});

const takenCases: Array<[string, string, string[], string]> = [
  ['free base is returned as is', 'beirut', [], 'beirut'],
  ['first collision gets -0 (pathauto)', 'beirut', ['beirut'], 'beirut-0'],
  ['then -1', 'beirut', ['beirut', 'beirut-0'], 'beirut-1'],
  ['gaps are reused', 'beirut', ['beirut', 'beirut-1'], 'beirut-0'],
  ['ten and more', 'b', ['b', ...Array.from({ length: 10 }, (_, i) => `b-${i}`)], 'b-10'],
];
for (const [name, base, taken, expected] of takenCases) {
  test(`uniqueSlug: ${name}`, () => {
    const set = new Set(taken);
    assert.equal(uniqueSlug(base, (s) => set.has(s)), expected);
  });
}

test('uniqueSlug shortens a long base at a word boundary so the suffix fits', () => {
  const base = slugify(Array.from({ length: 30 }, (_, i) => `word${i}`).join(' '));
  const unique = uniqueSlug(base, (s) => s === base);
  assert.ok(unique.length <= MAX_SLUG_LENGTH);
  assert.ok(unique.endsWith('-0'));
  assert.ok(base.startsWith(unique.slice(0, -2)));
  assert.ok(!unique.includes('--'));
});

test('uniqueSlug rejects an empty base and gives up on a predicate that is always true', () => {
  assert.throws(() => uniqueSlug('', () => false), RangeError);
  assert.throws(() => uniqueSlug('x', () => true), RangeError);
});

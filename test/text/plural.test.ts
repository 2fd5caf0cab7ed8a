import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pluralCategory, pluralize, type PluralForms } from '../../src/text/plural.ts';

// CLDR Arabic: 0 zero, 1 one, 2 two, n%100 in 3..10 few, n%100 in 11..99 many, else other.
const arabicCategories: Array<[number, Intl.LDMLPluralRule]> = [
  [0, 'zero'], [1, 'one'], [2, 'two'], [3, 'few'], [10, 'few'], [11, 'many'], [99, 'many'],
  [100, 'other'], [101, 'other'], [102, 'other'], [103, 'few'], [111, 'many'], [1000, 'other'],
];
for (const [n, expected] of arabicCategories) {
  test(`pluralCategory(${n}, ar) is ${expected}`, () => {
    assert.equal(pluralCategory(n, 'ar'), expected);
  });
}

const englishCategories: Array<[number, Intl.LDMLPluralRule]> = [[0, 'other'], [1, 'one'], [2, 'other'], [21, 'other']];
for (const [n, expected] of englishCategories) {
  test(`pluralCategory(${n}, en) is ${expected}`, () => {
    assert.equal(pluralCategory(n, 'en'), expected);
  });
}

const AR_COMMENTS: PluralForms = {
  zero: 'لا تعليقات',
  one: 'تعليق واحد',
  two: 'تعليقان',
  few: '@count تعليقات',
  many: '@count تعليقاً',
  other: '@count تعليق',
};
const arabicComments: Array<[number, string]> = [
  [0, 'لا تعليقات'],
  [1, 'تعليق واحد'],
  [2, 'تعليقان'],
  [3, '٣ تعليقات'],
  [10, '١٠ تعليقات'],
  [11, '١١ تعليقاً'],
  [32, '٣٢ تعليقاً'],
  [100, '١٠٠ تعليق'],
  [103, '١٠٣ تعليقات'],
  [1000, '١٬٠٠٠ تعليق'],
];
for (const [n, expected] of arabicComments) {
  test(`pluralize(${n}, ar) comments`, () => {
    assert.equal(pluralize(n, 'ar', AR_COMMENTS), expected);
  });
}

test('pluralize: English, as "Read more | 1 Comment"', () => {
  const forms: PluralForms = { one: '1 Comment', other: '@count Comments' };
  assert.equal(pluralize(1, 'en', forms), '1 Comment');
  assert.equal(pluralize(0, 'en', forms), '0 Comments');
  assert.equal(pluralize(2, 'en', forms), '2 Comments');
  assert.equal(pluralize(1500, 'en', forms), '1,500 Comments');
});

test('pluralize: a missing category falls back to other', () => {
  assert.equal(pluralize(0, 'ar', { other: '@count تعليق' }), '٠ تعليق');
  assert.equal(pluralize(2, 'ar', { one: 'تعليق واحد', other: '@count تعليق' }), '٢ تعليق');
});

test('pluralize: every @count is replaced', () => {
  assert.equal(pluralize(5, 'en', { other: '@count of @count' }), '5 of 5');
});

test('pluralize writes @count in the edition digits setting', () => {
  const forms: PluralForms = { few: '@count تعليقات', other: '@count تعليق' };
  assert.equal(pluralize(5, 'ar', forms), '٥ تعليقات');
  assert.equal(pluralize(5, 'ar', forms, 'arabic-indic'), '٥ تعليقات');
  assert.equal(pluralize(5, 'ar', forms, 'western'), '5 تعليقات');
});

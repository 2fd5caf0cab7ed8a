import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCount, inDigits, localizeDigits, toAsciiDigits } from '../../src/text/numerals.ts';

const localizeCases: Array<[string, 'en' | 'ar', string]> = [
  ['0123456789', 'ar', '٠١٢٣٤٥٦٧٨٩'],
  ['0123456789', 'en', '0123456789'],
  ['18:40 - 11/18/2014', 'ar', '١٨:٤٠ - ١١/١٨/٢٠١٤'],
  ['page 2 of 10', 'ar', 'page ٢ of ١٠'],
  ['no digits', 'ar', 'no digits'],
  ['', 'ar', ''],
];
for (const [input, lang, expected] of localizeCases) {
  test(`localizeDigits(${JSON.stringify(input)}, ${lang})`, () => {
    assert.equal(localizeDigits(input, lang), expected);
  });
}

const asciiCases: Array<[string, string]> = [
  ['٠١٢٣٤٥٦٧٨٩', '0123456789'],
  ['۰۱۲۳۴۵۶۷۸۹', '0123456789'], // Extended (Persian/Urdu) digits
  ['عام ٢٠١٤ و۲۰۱۵', 'عام 2014 و2015'],
  ['already 123', 'already 123'],
  ['١٬٢٣٤٫٥', '1٬234٫5'], // separators are not digits and are left alone
];
for (const [input, expected] of asciiCases) {
  test(`toAsciiDigits(${JSON.stringify(input)})`, () => {
    assert.equal(toAsciiDigits(input), expected);
  });
}

test('localizeDigits and toAsciiDigits round-trip', () => {
  const s = 'Tue, 11/18/2014 - 18:40';
  assert.equal(toAsciiDigits(localizeDigits(s, 'ar')), s);
});

const countCases: Array<[number, 'en' | 'ar', string]> = [
  [0, 'en', '0'],
  [1, 'en', '1'],
  [1234, 'en', '1,234'],
  [1234567, 'en', '1,234,567'],
  [0, 'ar', '٠'],
  [7, 'ar', '٧'],
  [100, 'ar', '١٠٠'],
  [1234, 'ar', '١٬٢٣٤'],
];
for (const [n, lang, expected] of countCases) {
  test(`formatCount(${n}, ${lang})`, () => {
    assert.equal(formatCount(n, lang), expected);
  });
}

// Edition.digits: the edition's setting overrides the language's default, both ways.
test('localizeDigits follows the edition digits setting', () => {
  assert.equal(localizeDigits('2014', 'ar', 'western'), '2014');
  assert.equal(localizeDigits('2014', 'ar', 'arabic-indic'), '٢٠١٤');
  assert.equal(localizeDigits('2014', 'en', 'arabic-indic'), '٢٠١٤');
  assert.equal(localizeDigits('2014', 'en', 'western'), '2014');
});

test('formatCount follows the edition digits setting and keeps the language grouping', () => {
  assert.equal(formatCount(1234, 'ar', 'arabic-indic'), '١٬٢٣٤');
  assert.equal(formatCount(1234, 'ar'), '١٬٢٣٤');
  assert.doesNotMatch(formatCount(1234, 'ar', 'western'), /[\u0660-\u0669]/);
  assert.match(formatCount(1234, 'ar', 'western'), /^1.?234$/);
  assert.equal(formatCount(1234, 'en', 'western'), '1,234');
  assert.doesNotMatch(formatCount(1234, 'en', 'arabic-indic'), /[0-9]/);
});

test('inDigits rewrites every digit of our own text in the chosen style', () => {
  assert.equal(inDigits('يقتصر البحث على ٢٠٠ حرف', 'western'), 'يقتصر البحث على 200 حرف');
  assert.equal(inDigits('limited to 200', 'arabic-indic'), 'limited to ٢٠٠');
});

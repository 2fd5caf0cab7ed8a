import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldLatin } from '../../src/text/fold-latin.ts';

const cases: Array<[string, string]> = [
  ['café déjà naïve', 'cafe deja naive'],
  ['ÀÉÎÕÜ Çç Ññ', 'AEIOU Cc Nn'],
  ['Ş ğ ı İ', 'S g i I'],
  ['Straße', 'Strasse'],
  ['Æsir Œuvre', 'AEsir OEuvre'],
  ['Øresund Łódź Đorđe', 'Oresund Lodz Dorde'],
  ['Þór', 'THor'],
  ['e\u0301', 'e'], // already decomposed
  ['Việt Nam', 'Viet Nam'],
  // Other scripts pass through untouched.
  ['أحمد إبراهيم آمنة', 'أحمد إبراهيم آمنة'],
  ['한국어', '한국어'],
  ['हिन्दी', 'हिन्दी'],
  ['', ''],
];
for (const [input, expected] of cases) {
  test(`foldLatin(${JSON.stringify(input)})`, () => {
    assert.equal(foldLatin(input), expected);
  });
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bidiIsolate, directionOf } from '../../src/text/direction.ts';

const LRI = '\u2066';
const RLI = '\u2067';
const FSI = '\u2068';
const PDI = '\u2069';

test('directionOf', () => {
  assert.equal(directionOf('ar'), 'rtl');
  assert.equal(directionOf('en'), 'ltr');
});

const cases: Array<[string, string, 'ltr' | 'rtl' | 'auto' | undefined, string]> = [
  ['first-strong by default', 'Lea al-Qazzi', undefined, `${FSI}Lea al-Qazzi${PDI}`],
  ['explicit ltr', 'AFP', 'ltr', `${LRI}AFP${PDI}`],
  ['explicit rtl', 'بيروت', 'rtl', `${RLI}بيروت${PDI}`],
  ['empty', '', 'auto', `${FSI}${PDI}`],
  ['a stray PDI cannot close our isolate early', `x${PDI}y`, 'auto', `${FSI}xy${PDI}`],
  ['an unclosed isolate inside is closed first', `${RLI}x`, 'ltr', `${LRI}${RLI}x${PDI}${PDI}`],
  ['balanced isolates inside are kept', `${LRI}a${PDI}b`, 'rtl', `${RLI}${LRI}a${PDI}b${PDI}`],
];
for (const [name, input, dir, expected] of cases) {
  test(`bidiIsolate: ${name}`, () => {
    assert.equal(dir === undefined ? bidiIsolate(input) : bidiIsolate(input, dir), expected);
  });
}

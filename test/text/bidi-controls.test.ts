/** UAX #9 scoped controls: what a text leaves open, how it is closed, and stripping (issue 10). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BidiTracker, bidiClosers, closeBidi, hasUnclosedBidi, stripBidiControls } from '../../src/text/bidi-controls.ts';

const LRE = '\u202A', RLE = '\u202B', PDF = '\u202C', LRO = '\u202D', RLO = '\u202E';
const LRI = '\u2066', RLI = '\u2067', FSI = '\u2068', PDI = '\u2069';
const LRM = '\u200E', RLM = '\u200F';

// [name, text, closers it needs]
const CASES: ReadonlyArray<readonly [string, string, string]> = [
  ['plain text', 'Rana', ''],
  ['Arabic text', 'رنا الأحمد', ''],
  ['marks are not scoped', `${RLM}abc${LRM}`, ''],
  ['an unclosed RLO', `${RLO}evil.exe`, PDF],
  ['an unclosed LRO', `${LRO}x`, PDF],
  ['an unclosed RLE and LRE', `${RLE}a${LRE}b`, PDF + PDF],
  ['a closed override', `${RLO}abc${PDF}`, ''],
  ['an unclosed isolate', `${RLI}abc`, PDI],
  ['LRI and FSI', `${LRI}a${FSI}b`, PDI + PDI],
  ['a closed isolate', `${FSI}abc${PDI}`, ''],
  ['innermost first', `${RLO}a${RLI}b`, PDI + PDF],
  ['a PDI closes the embeddings inside its isolate', `${RLI}a${RLO}b${PDI}`, ''],
  ['a PDF cannot close past an isolate', `${RLO}a${RLI}b${PDF}`, PDI + PDF],
  ['a stray PDF or PDI is ignored', `${PDF}${PDI}abc`, ''],
  ['a stray PDF does not close a later override', `${PDF}${RLO}abc`, PDF],
  ['a PDI with no isolate open leaves embeddings open', `${RLE}a${PDI}`, PDF],
  ['deep nesting', RLO.repeat(200), PDF.repeat(200)],
];

for (const [name, text, closers] of CASES) {
  test(`bidiClosers: ${name}`, () => {
    assert.equal(bidiClosers(text), closers);
    assert.equal(hasUnclosedBidi(text), closers !== '');
    assert.equal(closeBidi(text), text + closers);
    assert.equal(bidiClosers(closeBidi(text)), '', 'closing is complete');
  });
}

test('stripBidiControls removes embeddings, overrides, isolates and their closers, and keeps marks', () => {
  assert.equal(stripBidiControls(`${RLO}a${PDF}${LRI}b${PDI}${LRE}${RLE}${LRO}${RLI}${FSI}c`), 'abc');
  assert.equal(stripBidiControls(`${RLM}مرحبا${LRM}`), `${RLM}مرحبا${LRM}`);
  assert.equal(stripBidiControls('plain'), 'plain');
});

test('BidiTracker.closeTo closes only what was opened since a depth', () => {
  const tracker = new BidiTracker();
  tracker.feed(`${RLO}a`);
  const outer = tracker.depth;
  tracker.feed(`${RLI}b${LRE}`);
  assert.equal(tracker.closeTo(outer), PDF + PDI);
  assert.equal(tracker.depth, 1);
  assert.equal(tracker.closeTo(), PDF);
});

test('property: closing any text leaves nothing open, and closing twice adds nothing', () => {
  const piece = fc.constantFrom(LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, 'a', 'ب', ' ');
  fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
    const closed = closeBidi(pieces.join(''));
    assert.equal(hasUnclosedBidi(closed), false);
    assert.equal(closeBidi(closed), closed);
  }), { numRuns: 500 });
});

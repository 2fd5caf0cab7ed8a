import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIT_ACTIONS } from '../../src/domain/audit.ts';
import { htmlBlockLines } from '../../src/text/html-blocks.ts';
import { HISTORY_MESSAGES } from '../../src/text/history-messages.ts';
import { hasChanges, wordDiff, type DiffLine } from '../../src/text/word-diff.ts';

/** A diff written compactly: same text as is, insertions as {+x+}, deletions as [-x-]. */
function show(lines: readonly DiffLine[]): string[] {
  return lines.map((line) => line.map((p) => (p.kind === 'same' ? p.text : p.kind === 'ins' ? `{+${p.text}+}` : `[-${p.text}-]`)).join(''));
}

test('htmlBlockLines: one line per block, inline markup gone, entities decoded, hidden content dropped', () => {
  const cases: [string, string[]][] = [
    ['<p>One <a href="/x">two</a> <strong>three</strong>.</p>', ['One two three.']],
    ['<h2>Head</h2><p>Para</p><ul><li>a</li><li>b <em>c</em></li></ul><blockquote><p>q</p></blockquote>', ['Head', 'Para', 'a', 'b c', 'q']],
    ['<p>line<br>break</p>', ['line break']],
    ['<p>Tom &amp; Jerry &lt;3 &#x623;</p>', ['Tom & Jerry <3 أ']],
    ['<p>a</p><script>alert(1)</script><style>p{}</style><p>b</p>', ['a', 'b']],
    ['plain text without tags', ['plain text without tags']],
    ['<p>   </p><p>\n\t spaced \n out </p>', ['spaced out']],
    ['<p>unclosed <b>bold', ['unclosed bold']],
    ['', []],
  ];
  for (const [input, expected] of cases) assert.deepEqual(htmlBlockLines(input), expected, input);
});

test('wordDiff: words, not letters, in English and Arabic, with a Latin name inside Arabic', () => {
  const cases: [string[], string[], 'en' | 'ar', string[]][] = [
    [['The cat sat on the mat.'], ['The dog sat on a mat!'], 'en', ['The [-cat-]{+dog+} sat on [-the-]{+a+} mat[-.-]{+!+}']],
    [['قال John Smith إن الحكومة ستجتمع يوم الأحد.'], ['قال John Smyth إن الحكومة ستجتمع يوم الاثنين.'], 'ar', ['قال John [-Smith-]{+Smyth+} إن الحكومة ستجتمع يوم [-الأحد-]{+الاثنين+}.']],
    // A whole Arabic word changed is one change, not a scatter of letters (jsdiff's own pattern knows only Latin letters).
    [['ستجتمع'], ['اجتمعت'], 'ar', ['[-ستجتمع-]{+اجتمعت+}']],
    [['same'], ['same'], 'en', ['same']],
    [[], ['new text'], 'en', ['{+new text+}']],
    [['old text'], [], 'en', ['[-old text-]']],
    [['First.', 'Second.'], ['First.', 'Inserted.', 'Second.'], 'en', ['First.', '{+Inserted.+}', 'Second.']],
    [['A b c.', 'Gone.'], ['A b c.'], 'en', ['A b c.', '[-Gone.-]']],
  ];
  for (const [before, after, lang, expected] of cases) assert.deepEqual(show(wordDiff(before, after, lang)), expected, `${before.join('|')} → ${after.join('|')}`);
});

test('wordDiff keeps every character of both sides but white space: "same" and "del" give the old text, "same" and "ins" the new', () => {
  const pairs: [string, string][] = [
    ['<p>قال <b>John</b> إن ٣ وزراء وصلوا.</p><p>ثم غادروا.</p>', '<p>قال John Smith إن ٤ وزراء وصلوا إلى بيروت.</p>'],
    ['<p>Hostile &lt;script&gt; text</p>', '<p>Hostile <em>&lt;img&gt;</em> text, changed</p>'],
  ];
  for (const [a, b] of pairs) {
    const lines = wordDiff(htmlBlockLines(a), htmlBlockLines(b), 'ar');
    // jsdiff treats white space as insignificant (it may sit on either side of a change), so only the rest is compared.
    const squeeze = (text: string) => text.replace(/\s+/g, '');
    const side = (kind: 'del' | 'ins') => squeeze(lines.map((line) => line.filter((p) => p.kind === 'same' || p.kind === kind).map((p) => p.text).join('')).join(' '));
    assert.equal(side('del'), squeeze(htmlBlockLines(a).join(' ')));
    assert.equal(side('ins'), squeeze(htmlBlockLines(b).join(' ')));
    assert.equal(hasChanges(lines), true);
  }
  assert.equal(hasChanges(wordDiff(['a b'], ['a b'], 'en')), false);
});

test('the revision and log pages have every message in both languages, and a label for every audit action', () => {
  assert.deepEqual(Object.keys(HISTORY_MESSAGES.ar).sort(), Object.keys(HISTORY_MESSAGES.en).sort());
  for (const [key, text] of Object.entries(HISTORY_MESSAGES.ar)) assert.ok(text.trim() !== '', key);
  for (const action of AUDIT_ACTIONS) assert.ok(action in HISTORY_MESSAGES.en && action in HISTORY_MESSAGES.ar, action);
});

test('wordDiff gives up past its limits and shows the old text deleted and the new inserted, whole', () => {
  const limits = { maxEditLength: 2, timeout: 1000 };
  assert.deepEqual(show(wordDiff(['one two three'], ['four five six'], 'en', limits)), ['[-one two three-]', '{+four five six+}']);
  assert.deepEqual(show(wordDiff(['one two three'], ['one two four'], 'en', limits)), ['one two [-three-]{+four+}'], 'within the limit');
});

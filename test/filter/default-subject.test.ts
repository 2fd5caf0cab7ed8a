/** The subject derived from a comment body (docs/comment-format.md §7.3 step 2). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_SUBJECT, defaultSubject, defaultSubjectOfHtml } from '../../src/filter/default-subject.ts';
import { formatToString } from '../../src/filter/format-text.ts';

test('defaultSubject: tags stripped, entities decoded, trimmed', () => {
  assert.equal(defaultSubject('  <em>Hello</em> &amp; welcome  ', 'filtered_html'), 'Hello & welcome');
});

test('defaultSubject: at most 29 characters, cut at a word boundary, no ellipsis', () => {
  assert.equal(defaultSubject('The quick brown fox jumps over the lazy dog', 'filtered_html'), 'The quick brown fox jumps');
  assert.equal(defaultSubject('x'.repeat(40), 'filtered_html'), 'x'.repeat(29));
  assert.equal(defaultSubject('قال الكاتب إن المقالة تحتاج إلى مراجعة دقيقة', 'filtered_html'), 'قال الكاتب إن المقالة تحتاج');
});

test('defaultSubject: a short body is kept whole; line breaks survive as in Drupal', () => {
  assert.equal(defaultSubject('Short one', 'plain_text'), 'Short one');
  assert.equal(defaultSubject('Line one\nLine two', 'filtered_html'), 'Line one\nLine two');
});

test('defaultSubject: null when nothing is left, for the caller to show "(No subject)"', () => {
  assert.equal(defaultSubject('<img src="x.png">', 'filtered_html'), null);
  assert.equal(defaultSubject('   ', 'filtered_html'), null);
  assert.deepEqual(NO_SUBJECT, { en: '(No subject)', ar: '(بلا عنوان)' });
});

test('defaultSubject: link text counts as text', () => {
  assert.equal(defaultSubject('see www.example.com', 'filtered_html'), 'see www.example.com');
});

test('defaultSubjectOfHtml on the rendered body gives what defaultSubject gives on the raw body', () => {
  const bodies = ['  <em>Hello</em> &amp; welcome  ', 'The quick brown fox jumps over the lazy dog', 'www.example.com said <b>so</b>', '<p></p>', 'قال الكاتب إن المقالة تحتاج إلى مراجعة دقيقة', 'Line one\nLine two'];
  for (const body of bodies) {
    assert.equal(defaultSubjectOfHtml(formatToString('filtered_html', body)), defaultSubject(body, 'filtered_html'), body);
  }
  assert.equal(defaultSubjectOfHtml('<p> </p>'), null);
});

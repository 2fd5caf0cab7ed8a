import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERROR_CATALOGUE, ReadOnlyEdition, NotFound, Invalid, type ErrorCode } from '../../src/domain/errors.ts';
import { MESSAGES } from '../../src/text/messages.ts';

test('every error code has a status and a title in English and Arabic', () => {
  for (const [code, entry] of Object.entries(ERROR_CATALOGUE) as [ErrorCode, (typeof ERROR_CATALOGUE)[ErrorCode]][]) {
    assert.ok(entry.status >= 400 && entry.status < 600, code);
    assert.ok(entry.title.en.trim().length > 0, `${code} en`);
    assert.match(entry.title.ar, /[\u0600-\u06FF]/, `${code} ar must be Arabic`);
  }
});

test('ReadOnlyEdition says the edition is an archive, in both languages', () => {
  const err = new ReadOnlyEdition('en');
  assert.equal(err.code, 'READ_ONLY_EDITION');
  assert.equal(err.status, 403);
  assert.match(err.message, /archive/);
  assert.match(err.messageIn('ar'), /أرشيف/);
});

test('errors keep their code and status', () => {
  assert.equal(new NotFound().status, 404);
  const invalid = new Invalid('bad title', 'title');
  assert.equal(invalid.status, 400);
  assert.equal(invalid.field, 'title');
});

test('the interface catalogues have the same keys, none empty', () => {
  assert.deepEqual(Object.keys(MESSAGES.ar).sort(), Object.keys(MESSAGES.en).sort());
  for (const [key, value] of Object.entries(MESSAGES.ar)) assert.ok(value.trim().length > 0, key);
});

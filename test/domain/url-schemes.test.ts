import { test } from 'node:test';
import assert from 'node:assert/strict';
import { URL_SCHEMES } from '../../src/domain/url-schemes.ts';
import { isSafeUrl } from '../../src/filter/url-safety.ts';
import { filterUrl } from '../../src/filter/filter-url.ts';
import { isValidHomepage } from '../../src/domain/comment-form.ts';

// docs/url-schemes.md: one list for the auto-linker, href/src/cite, and (its web part) homepages.
test('the homepage schemes are a subset of the link schemes, all lowercase', () => {
  for (const scheme of URL_SCHEMES.web) assert.ok(URL_SCHEMES.links.includes(scheme), scheme);
  for (const scheme of URL_SCHEMES.links) assert.equal(scheme, scheme.toLowerCase());
});

const cases: ReadonlyArray<readonly [string, boolean, boolean, boolean]> = [
  // [URL, auto-linked as text, kept in href, accepted as homepage]
  ['http://example.com/', true, true, true],
  ['https://example.com/', true, true, true],
  ['ftp://example.com/file', false, false, false],
  ['feed://example.com/rss', false, false, false],
  ['sftp://example.com/', false, false, false],
  ['webcal://example.com/cal', false, false, false],
];

for (const [url, linked, href, homepage] of cases) {
  test(`${url}: linked ${linked}, href ${href}, homepage ${homepage}`, () => {
    assert.equal(filterUrl(url).startsWith('<a '), linked);
    assert.equal(isSafeUrl(url), href);
    assert.equal(isValidHomepage(url), homepage);
  });
}

test('mailto: and tel: are link schemes but not homepages', () => {
  assert.ok(isSafeUrl('mailto:a@b.org') && isSafeUrl('tel:+9611234567'));
  assert.ok(!isValidHomepage('mailto:a@b.org') && !isValidHomepage('tel:+9611234567'));
});

test('a homepage with another scheme is refused with its own message, in both languages', async () => {
  const { validateCommentForm } = await import('../../src/domain/comment-form.ts');
  const values = { name: 'Rana', mail: 'rana@example.org', homepage: 'ftp://rana.example.org/', subject: '', comment: 'x' };
  const scheme = validateCommentForm(values).homepage;
  assert.ok(scheme);
  assert.match(scheme.en, /http:\/\/ or https:\/\//);
  assert.match(scheme.ar, /http:\/\/ أو https:\/\//);
  // A URL that is not absolute keeps Drupal's message.
  const drupal = validateCommentForm({ ...values, homepage: 'example.com' }).homepage;
  assert.match(drupal!.en, /must be fully qualified/);
});

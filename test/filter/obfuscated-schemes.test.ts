/**
 * Schemes hidden by invisible or compatibility characters (issue 10; docs/url-schemes.md): the
 * scheme is read on a normalised copy (NFKC, default-ignorables removed, leading space and
 * controls trimmed, lowercased), and an unknown scheme before the first colon is removed, as
 * Drupal's filter_xss_bad_protocol does, instead of passing as a "relative" URL.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatToString } from '../../src/filter/format-text.ts';
import { isSafeUrl, schemeCandidate } from '../../src/filter/url-safety.ts';
import { assertSafeHtml } from './assert-safe-html.ts';

// Every way of hiding "javascript" the issue names, plus their combinations.
const HIDDEN: ReadonlyArray<readonly [string, string]> = [
  ['zero-width space', 'java\u200Bscript:alert(1)'],
  ['zero-width non-joiner', 'java\u200Cscript:alert(1)'],
  ['zero-width joiner', 'java\u200Dscript:alert(1)'],
  ['word joiner', 'java\u2060script:alert(1)'],
  ['BOM inside', 'java\uFEFFscript:alert(1)'],
  ['BOM in front', '\uFEFFjavascript:alert(1)'],
  ['soft hyphen', 'java\u00ADscript:alert(1)'],
  ['fullwidth letters', '\uFF4A\uFF41\uFF56\uFF41\uFF53\uFF43\uFF52\uFF49\uFF50\uFF54:alert(1)'],
  ['fullwidth colon', 'javascript\uFF1Aalert(1)'],
  ['leading NBSP', '\u00A0javascript:alert(1)'],
  ['NBSP and ideographic space in front', '\u00A0\u3000javascript:alert(1)'],
  ['bidi override inside', 'java\u202Escript:alert(1)'],
  ['mongolian vowel separator', 'java\u180Escript:alert(1)'],
  ['combined', '\u00A0\uFEFF\uFF2A\u200Bava\u00ADscript\uFF1Aalert(1)'],
  ['unknown scheme with a space', 'java script:alert(1)'],
  ['entity-encoded zero-width space', 'java&#x200B;script:alert(1)'],
  ['a digit-led scheme', '1javascript:alert(1)'],
];

for (const [name, url] of HIDDEN) {
  test(`${name}: the URL is refused and the href dropped`, () => {
    assert.equal(isSafeUrl(url), false);
    for (const markup of [`<a href="${url}">x</a>`, `<img src="${url}">`, `<blockquote cite="${url}">q</blockquote>`]) {
      const html = formatToString('filtered_html', markup);
      assert.ok(!/\s(?:href|src|cite)=/.test(html), `${markup} -> ${html}`);
      assertSafeHtml(html);
    }
  });
}

const SCHEMES: ReadonlyArray<readonly [string, string | null]> = [
  ['http://example.com/', 'http'],
  ['HTTPS://example.com/', 'https'],
  ['\uFF48\uFF54\uFF54\uFF50\uFF53://example.com/', 'https'], // fullwidth "https" is https after NFKC
  ['\u00A0 mailto:a@b.org', 'mailto'],
  ['java\u200Bscript:x', 'javascript'],
  ['javascript\uFF1Ax', 'javascript'],
  ['/path:with-colon', null],
  ['a/b:c', null],
  ['?q=a:b', null],
  ['#x:y', null],
  [':leading-colon', null],
  ['no colon at all', null],
  ['', null],
];

for (const [url, scheme] of SCHEMES) {
  test(`schemeCandidate(${JSON.stringify(url)}) is ${scheme}`, () => {
    assert.equal(schemeCandidate(url), scheme);
  });
}

test('relative URLs and allowed schemes still pass, obfuscated or not', () => {
  for (const url of ['/a/b', 'page.html', '#top', '?q=1', 'a/b:c', 'http://x.org', '\uFF48\uFF54\uFF54\uFF50://x.org', 'mailto:a@b.org', 'tel:+9611']) {
    assert.ok(isSafeUrl(url), url);
  }
});

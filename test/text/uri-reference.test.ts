import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateHeaderValue } from 'node:http';
import fc from 'fast-check';
import { hasControlCharacter, redirectTarget, toUriReference, UnsafeUrl } from '../../src/text/uri-reference.ts';
import { validHeaders } from '../../src/web/send-page.ts';
import { isOneExchangeError } from '../../src/cli/crash-guard.ts';

test('paths become RFC 3986 URI references: reserved characters and existing escapes kept, the rest encoded', () => {
  const cases: [string, string][] = [
    ['/content/plain-slug?page=2#comment-5', '/content/plain-slug?page=2#comment-5'],
    ['/ا', '/%D8%A7'],
    ['/ar/content/صحافة-بيروت', '/ar/content/%D8%B5%D8%AD%D8%A7%D9%81%D8%A9-%D8%A8%D9%8A%D8%B1%D9%88%D8%AA'],
    ['/cafeéx', '/cafe%C3%A9x'],
    ['/x\u2028', '/x%E2%80%A8'],
    ['/\u202Eevil', '/%E2%80%AEevil'],
    ['/😀', '/%F0%9F%98%80'],
    ['/it%E2%80%99s-kept', '/it%E2%80%99s-kept'],
    ['/100%', '/100%25'],
    ['/%zz', '/%25zz'],
    ['/a b"<>\\^`{|}', '/a%20b%22%3C%3E%5C%5E%60%7B%7C%7D'],
    ["/(a)!$&'*+,;=:@~", "/(a)!$&'*+,;=:@~"],
    ['/\uD800x', '/%EF%BF%BDx'],
    ['/a\r\nb', '/a%0D%0Ab'],
  ];
  for (const [input, expected] of cases) assert.equal(toUriReference(input), expected, JSON.stringify(input));
});

test('a redirect target with a control character is refused with a 400 error', () => {
  for (const bad of ['/a\r\nSet-Cookie: x=y', '/a\u0000', '/\u007f', '/\u0085', '/a\tb']) {
    assert.ok(hasControlCharacter(bad));
    assert.throws(() => redirectTarget(bad), (err: unknown) => err instanceof UnsafeUrl && err.status === 400 && /control characters/.test(err.message));
  }
  assert.equal(redirectTarget('/ar/مقال'), '/ar/%D9%85%D9%82%D8%A7%D9%84');
});

test('any string gives a header value Node accepts, and decoding gives the string back when it held no %', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
    const encoded = toUriReference(s);
    assert.match(encoded, /^[\x21-\x7e]*$/);
    validateHeaderValue('location', encoded);
    if (!s.includes('%') && !/[\uD800-\uDFFF]/.test(s)) assert.equal(decodeURIComponent(encoded), s);
    assert.equal(toUriReference(encoded), encoded, 'a fixed point');
  }), { numRuns: 2000 });
});

test('headers a socket refuses are never kept in the page cache', () => {
  assert.equal(validHeaders({ location: '/%D8%A7', 'content-type': 'text/html' }), true);
  assert.equal(validHeaders({ location: '/ا' }), false);
  assert.equal(validHeaders({ location: '/a\r\nb' }), false);
  assert.equal(validHeaders({ 'bad name': 'x' }), false);
});

test('the crash guard keeps the server up only for errors of one exchange', () => {
  for (const code of ['ERR_INVALID_CHAR', 'ERR_HTTP_HEADERS_SENT', 'ECONNRESET', 'EPIPE', 'ERR_STREAM_WRITE_AFTER_END']) {
    assert.equal(isOneExchangeError(Object.assign(new Error('x'), { code })), true, code);
  }
  for (const err of [new Error('plain'), Object.assign(new Error('x'), { code: 'SQLITE_CORRUPT' }), null, 'string', { code: 42 }]) {
    assert.equal(isOneExchangeError(err), false, String(err));
  }
});

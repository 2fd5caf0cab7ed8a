/** The URL stage (docs/comment-format.md §3, Drupal 7.34's _filter_url) with docs/comment-format.md decisions 3 and 5. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterUrl } from '../../src/filter/filter-url.ts';
import { shortenLinkText } from '../../src/filter/truncate-utf8.ts';

const link = (href: string, text = href): string => `<a href="${href}">${text}</a>`;

const cases: ReadonlyArray<readonly [string, string, string]> = [
  ['absolute and www. URLs', 'http://example.com or www.example.com', `${link('http://example.com')} or ${link('http://www.example.com', 'www.example.com')}`],
  ['e-mail addresses', 'write to person@example.com.', `write to ${link('mailto:person@example.com', 'person@example.com')}.`],
  ['mailto: is linked as an absolute URL, text included', 'mailto:person2@example.com', link('mailto:person2@example.com')],
  ['"+" in the local part (Drupal 7.40+)', 'one+two@example.com', link('mailto:one+two@example.com', 'one+two@example.com')],
  ['parentheses are not URL characters', '(http://www.example.com/q=abc).', `(${link('http://www.example.com/q=abc')}).`],
  ['trailing punctuation stays outside', 'see www.partial.com. or http://www.absolute.com?', `see ${link('http://www.partial.com', 'www.partial.com')}. or ${link('http://www.absolute.com')}?`],
  ['a query keeps "!" inside but not at the end', 'www.query.com/index.php?a=!', `${link('http://www.query.com/index.php?a=', 'www.query.com/index.php?a=')}!`],
  ['& is decoded once, then escaped', 'http://encoded.com/?a=1&amp;b=2', link('http://encoded.com/?a=1&amp;b=2')],
  // Drupal's case is ftp://user:pass@…; ftp is not linked in Folio (docs/url-schemes.md), so the same shape over http.
  ['user, password, path', 'http://user:pass@www.example.com/~home/dir1', link('http://user:pass@www.example.com/~home/dir1')],
  ['ftp: is not linked (docs/url-schemes.md)', 'ftp://ftp.example.com/dir', 'ftp://ftp.example.com/dir'],
  ['an IPv4 host', 'http://127.0.0.1/x', link('http://127.0.0.1/x')],
  ['an unknown scheme is not linked', 'not foo://disallowed.com.', 'not foo://disallowed.com.'],
  ['docs/url-schemes.md: only http https mailto tel are linked', 'sftp://x.com irc://y.org', 'sftp://x.com irc://y.org'],
  ['"sftp://" does not become "s" plus an ftp link', 'sftp://secure.host', 'sftp://secure.host'],
  ['a final label over 64 letters is not a domain', `www.${'toolong'.repeat(10)}`, `www.${'toolong'.repeat(10)}`],
  ['text in tags and attributes is never linked', '<p xmlns="http://namespace.com" title="www.x.com">t</p>', '<p xmlns="http://namespace.com" title="www.x.com">t</p>'],
  ['nothing inside <a> or <code>', '<a href="foo">www.relative.com</a> <code>www.code.com</code>', '<a href="foo">www.relative.com</a> <code>www.code.com</code>'],
  ['unknown tags and em are scanned', '<x>www.x.com</x> <em>www.e.com</em>', `<x>${link('http://www.x.com', 'www.x.com')}</x> <em>${link('http://www.e.com', 'www.e.com')}</em>`],
  ['textarea is not skipped (as in Drupal)', '<textarea>www.t.com</textarea>', `<textarea>${link('http://www.t.com', 'www.t.com')}</textarea>`],
  ['nothing inside comments, even across lines', '<!-- www.a.com\nhttp://b.com -->', '<!-- www.a.com\nhttp://b.com -->'],
  ['script and style are skipped by default', '<script>var u = "http://x.com";</script>', '<script>var u = "http://x.com";</script>'],
  ['a link never swallows an encoded > or <', 'a &lt;http://x.com/&gt; b', `a &lt;${link('http://x.com/')}&gt; b`],
];

for (const [name, input, expected] of cases) {
  test(`filterUrl: ${name}`, () => {
    assert.equal(filterUrl(input), expected);
  });
}

test('filterUrl: 254 local-part characters link whole; with 255 only the last 254 do', () => {
  const a = 'a'.repeat(254);
  assert.equal(filterUrl(`${a}@example.com`, { length: 0 }), link(`mailto:${a}@example.com`, `${a}@example.com`));
  const b = 'b'.repeat(255);
  assert.equal(
    filterUrl(`${b}@example.com`, { length: 0 }),
    `b${link(`mailto:${'b'.repeat(254)}@example.com`, `${'b'.repeat(254)}@example.com`)}`,
  );
});

test('filterUrl: docs/comment-format.md decision 5, link text is shortened by characters with "…"', () => {
  assert.equal(
    filterUrl('www.trimmed.com/d/ff.ext?a=1&b=2#a1', { length: 20 }),
    '<a href="http://www.trimmed.com/d/ff.ext?a=1&amp;b=2#a1">www.trimmed.com/d/ff…</a>',
  );
  // Link text is ASCII (the patterns are), but the shortening itself counts characters, so
  // multi-byte text is never split: 72 characters of é are 144 bytes.
  assert.equal(shortenLinkText('é'.repeat(80), 72), `${'é'.repeat(72)}…`);
  assert.equal(shortenLinkText('😀'.repeat(73), 72), `${'😀'.repeat(72)}…`);
  assert.equal(shortenLinkText('é'.repeat(72), 72), 'é'.repeat(72));
});

test('filterUrl: a link stops at a reference other than &amp;', () => {
  assert.equal(filterUrl('www.x.com&nbsp;y'), '<a href="http://www.x.com">www.x.com</a>&nbsp;y');
  assert.equal(filterUrl('http://x.com/?a=1&amp;b=2'), link('http://x.com/?a=1&amp;b=2'));
});

test('filterUrl: default length 72 leaves 72 characters alone and shortens 73', () => {
  const url72 = `http://example.com/${'x'.repeat(72 - 19)}`;
  assert.equal(url72.length, 72);
  assert.equal(filterUrl(url72), link(url72));
  assert.equal(filterUrl(`${url72}y`), `<a href="${url72}y">${url72}…</a>`);
});

test('filterUrl: length 0 disables shortening', () => {
  const url = `http://example.com/${'x'.repeat(200)}`;
  assert.equal(filterUrl(url, { length: 0 }), link(url));
});

test('filterUrl: skip tags are configurable (filtered_html skips only a and code)', () => {
  assert.equal(filterUrl('<pre>www.p.com</pre>', { skipTags: ['a', 'code'] }), `<pre>${link('http://www.p.com', 'www.p.com')}</pre>`);
});

test('filterUrl: hostile input finishes (no catastrophic backtracking)', { timeout: 60_000 }, () => {
  // Not a speed target (those live in the benchmark): a quadratic or exponential pass on these
  // inputs would run for many minutes, so the generous timeout below only catches a hang.
  filterUrl(`${'a'.repeat(200_000)}@`);
  filterUrl('<a<a<a<a'.repeat(20_000));
  filterUrl('www.'.repeat(50_000));
  filterUrl(`http://${'a.'.repeat(50_000)}`);
});

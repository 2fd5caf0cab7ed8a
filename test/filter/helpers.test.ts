/** The helper functions the conformance data exercises, and UTF-8 validation (docs/comment-format.md decision 1). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPlain } from '../../src/filter/check-plain.ts';
import { decodeEntities, decodeTextReferences, decodeUntilStable } from '../../src/filter/decode-entities.ts';
import { FilterInputError, decodeUtf8Strict, findTextProblem, validateUtf8 } from '../../src/filter/text-validation.ts';
import { truncateUtf8 } from '../../src/filter/truncate-utf8.ts';
import { checkUrl, isSafeUrl, stripDangerousProtocols, urlScheme } from '../../src/filter/url-safety.ts';

test('checkPlain escapes the five HTML specials, apostrophe as &#039;', () => {
  assert.equal(checkPlain('<script>'), '&lt;script&gt;');
  assert.equal(checkPlain('<>&"\''), '&lt;&gt;&amp;&quot;&#039;');
  assert.equal(checkPlain('Fooÿñ'), 'Fooÿñ');
});

test('decodeEntities decodes once, semicolon required', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['Drupal', 'Drupal'],
    ['&lt;script&gt;', '<script>'],
    ['&#60;script&#62;', '<script>'],
    ['&amp;lt;script&amp;gt;', '&lt;script&gt;'],
    ['&#34;', '"'],
    ['&amp;#34;', '&#34;'],
    ['&quot;', '"'],
    ['&#39;', "'"],
    ['&copy;', '©'],
    ['&#169;', '©'],
    ['&#8594;', '→'],
    ['&#10172;', '➼'],
    ['&euro;', '€'],
    ['&copy &#106', '&copy &#106'],
  ];
  for (const [input, expected] of cases) assert.equal(decodeEntities(input), expected, input);
});

test('decodeUntilStable decodes as often as it takes, with browser leniency', () => {
  assert.equal(decodeUntilStable('&amp;#106;avascript&amp;colon;'), 'javascript:');
  assert.equal(decodeUntilStable('&#106avascript'), 'javascript');
});

test('decodeTextReferences keeps markup characters and controls encoded', () => {
  assert.equal(decodeTextReferences('&lt;b&gt; &amp; &quot; &#39; &#12; &#0;'), '&lt;b&gt; &amp; &quot; &#39; &#12; &#0;');
  assert.equal(decodeTextReferences('www&#46;x&period;com &nbsp;&copy;&#10;'), 'www.x.com \u00a0©\n');
});

test('stripDangerousProtocols and checkUrl (Drupal 7 algorithm)', () => {
  assert.equal(stripDangerousProtocols('javascript:http://www.example.com/?x=1&y=2'), 'http://www.example.com/?x=1&y=2');
  assert.equal(checkUrl('javascript:http://www.example.com/?x=1&y=2'), 'http://www.example.com/?x=1&amp;y=2');
  assert.equal(stripDangerousProtocols('jav\tascript:alert(0)'), 'alert(0)');
  assert.equal(stripDangerousProtocols('JaVaScRiPt:alert(0)'), 'alert(0)');
  assert.equal(stripDangerousProtocols('vbscript:msgbox(0)'), 'msgbox(0)');
  assert.equal(stripDangerousProtocols('/path:with:colons'), '/path:with:colons');
  assert.equal(stripDangerousProtocols('?a=b:c'), '?a=b:c');
});

test('urlScheme reads the scheme the way a browser does', () => {
  assert.equal(urlScheme(' \u000e  javascript:alert(0)'), 'javascript');
  assert.equal(urlScheme('jav\tascript:alert(0)'), 'javascript');
  assert.equal(urlScheme('HTTP://x'), 'http');
  assert.equal(urlScheme('/relative:path'), null);
  assert.equal(urlScheme('#frag'), null);
});

test('isSafeUrl: URL_SCHEMES.links (docs/url-schemes.md), checked after full decoding', () => {
  for (const ok of ['http://x.org', 'https://x.org', 'mailto:a@b.org', 'tel:+9611', '/a', 'a/b:c', '#x', '']) {
    assert.ok(isSafeUrl(ok), ok);
  }
  for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'irc://x', 'ftp://x.org', ' \u000e javascript:x', '&#106;avascript:x', '&amp;#106;avascript&amp;#58;x']) {
    assert.ok(!isSafeUrl(bad), bad);
  }
});

test('truncateUtf8 counts characters (Drupal truncate_utf8 semantics)', () => {
  const s = 'frànçAIS is über-åwesome';
  assert.equal(truncateUtf8(s, 23), 'frànçAIS is über-åwesom');
  assert.equal(truncateUtf8(s, 17, { addEllipsis: true }), 'frànçAIS is üb...');
  assert.equal(truncateUtf8(s, 23, { wordsafe: true, addEllipsis: true }), 'frànçAIS is über...');
  assert.equal(truncateUtf8('以呂波耳・ほへとち。リヌルヲ。', 6), '以呂波耳・ほ');
  assert.equal(truncateUtf8('123', 1, { wordsafe: true, addEllipsis: true }), '.');
  assert.equal(truncateUtf8('Stop. Hammertime.', 16, { wordsafe: true, addEllipsis: true }), 'Stop....');
  assert.equal(truncateUtf8('Help! Help! Help!', 7, { wordsafe: true, addEllipsis: true }), 'Help...');
  assert.equal(truncateUtf8('¿Dónde está el niño?', 15, { wordsafe: true, addEllipsis: true }), '¿Dónde está...');
  assert.equal(truncateUtf8('😀😀😀', 2), '😀😀');
});

test('docs/comment-format.md decision 1: invalid UTF-8 is detected, never silently emptied', () => {
  assert.equal(validateUtf8(Buffer.from('c0616161', 'hex')), false);
  assert.equal(validateUtf8(Buffer.from('466f6fc062617262617a', 'hex')), false);
  assert.equal(validateUtf8(Buffer.from('c222', 'hex')), false);
  assert.equal(validateUtf8(Buffer.from('Fooÿñ دروبال')), true);
  assert.throws(() => decodeUtf8Strict(Buffer.from('c0616161', 'hex'), 'comment_body'), (error: unknown) => {
    assert.ok(error instanceof FilterInputError);
    assert.equal(error.problem, 'invalid_utf8');
    assert.equal(error.field, 'comment_body');
    assert.equal(error.code, 'INVALID');
    assert.ok(error.messageIn('ar').length > 0);
    return true;
  });
  assert.equal(decodeUtf8Strict(Buffer.from('ok')), 'ok');
});

test('docs/comment-format.md decision 1: NUL and lone surrogates are problems', () => {
  assert.equal(findTextProblem('a\u0000b'), 'nul');
  assert.equal(findTextProblem('a\ud800b'), 'invalid_utf8');
  assert.equal(findTextProblem('a\udc00'), 'invalid_utf8');
  assert.equal(findTextProblem('😀 ok'), null);
});

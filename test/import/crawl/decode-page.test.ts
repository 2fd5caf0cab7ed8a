import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodePage } from '../../../src/import/sources/crawl/decode-page.ts';

const ARABIC = 'عمال المرفأ ينهون الإضراب';
const LATIN = 'Café façade – “quoted”';

test('the encoding is taken from the BOM, then the HTTP charset, then <meta>, then guessed', () => {
  const cases: [string, Uint8Array, string | null, string][] = [
    ['meta charset windows-1256', iconv.encode(`<meta charset="windows-1256"><p>${ARABIC}</p>`, 'windows-1256'), 'text/html', ARABIC],
    ['http-equiv windows-1256', iconv.encode(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1256" /><p>${ARABIC}</p>`, 'windows-1256'), null, ARABIC],
    ['HTTP iso-8859-1 (read as windows-1252)', iconv.encode(`<p>${LATIN}</p>`, 'windows-1252'), 'text/html; charset=ISO-8859-1', LATIN],
    ['HTTP charset beats a wrong meta', iconv.encode(`<meta charset="utf-8"><p>${LATIN}</p>`, 'windows-1252'), 'text/html; charset="windows-1252"', LATIN],
    ['UTF-8 BOM beats the header', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<p>${ARABIC}</p>`)]), 'text/html; charset=iso-8859-1', ARABIC],
    ['UTF-16LE BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<p>${ARABIC}</p>`, 'utf16le')]), null, ARABIC],
    ['undeclared UTF-8', Buffer.from(`<p>${ARABIC}</p>`), null, ARABIC],
    ['undeclared Latin-1', iconv.encode(`<p>${LATIN}</p>`, 'windows-1252'), null, LATIN],
  ];
  for (const [name, bytes, contentType, expected] of cases) {
    const got = decodePage(bytes, contentType);
    assert.ok(got.ok, name);
    assert.ok(got.text.includes(expected), `${name}: ${got.text}`);
  }
});

test('an unknown or undecodable encoding gives a reason, not text', () => {
  assert.deepEqual(decodePage(Buffer.from('<p>x</p>'), 'text/html; charset=x-mac-klingon'), { ok: false, reason: 'unknown encoding "x-mac-klingon"' });
  assert.deepEqual(decodePage(Buffer.from([0xc3, 0x28]), 'text/html; charset=utf-8'), { ok: false, reason: 'bytes are not valid utf-8' });
  assert.equal(decodePage(Buffer.from([0x81, 0x8d]), 'text/html; charset=windows-1252').ok, false);
});

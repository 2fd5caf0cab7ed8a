/**
 * The staff editor's bundle and stylesheet are built (scripts/build-editor.mjs) and served through
 * the asset catalogue: the right type, a content hash in the name, immutable caching, precompressed.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { brotliDecompressSync } from 'node:zlib';
import { ensureEditorBundle } from '../support/editor-bundle.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';
import { seedFixture } from '../support/fixture-site.ts';
import { editorAssets, staffFormatTipsView } from '../../src/web/views/editor-assets.ts';

let site: TestSite;
before(async () => {
  await ensureEditorBundle();
  site = await openTestSite('sqlite', seedFixture);
  return async () => site.close();
});

function hashedPaths(): { js: string; css: string } {
  const markup = String(editorAssets());
  const js = /src="(\/assets\/editor\.[0-9a-f]{10}\.js)"/.exec(markup)?.[1];
  const css = /href="(\/assets\/editor\.[0-9a-f]{10}\.css)"/.exec(markup)?.[1];
  assert.ok(js && css, markup);
  assert.match(markup, /<script src="[^"]+" defer><\/script>/);
  return { js, css };
}

test('the editor bundle is served by its content hash, as JavaScript, immutable and precompressed', async () => {
  const { js } = hashedPaths();
  const plain = await site.folio.app.inject({ method: 'GET', url: js });
  assert.equal(plain.statusCode, 200);
  assert.equal(plain.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
  const hash = createHash('sha256').update(plain.rawPayload).digest('hex').slice(0, 10);
  assert.equal(js, `/assets/editor.${hash}.js`, 'the name carries the hash of the bytes served');
  // It is the ProseMirror editor, bundled: no import left for the browser to resolve, no CDN.
  const code = plain.payload;
  assert.match(code, /data-folio-editor/);
  assert.match(code, /X-Folio-Autosave/);
  assert.doesNotMatch(code, /^\s*import\s|\bfrom\s*["']prosemirror|https:\/\/(cdn|unpkg|esm\.sh)/m);

  const br = await site.folio.app.inject({ method: 'GET', url: js, headers: { 'accept-encoding': 'br, gzip' } });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.ok(br.rawPayload.length < plain.rawPayload.length / 2, `brotli ${br.rawPayload.length} of ${plain.rawPayload.length} bytes`);
  assert.deepEqual(brotliDecompressSync(br.rawPayload), plain.rawPayload);

  const again = await site.folio.app.inject({ method: 'GET', url: js, headers: { 'if-none-match': String(plain.headers.etag) } });
  assert.equal(again.statusCode, 304);
  const unhashed = await site.folio.app.inject({ method: 'GET', url: '/assets/editor.js' });
  assert.equal(unhashed.statusCode, 200);
  assert.equal(unhashed.headers['cache-control'], 'public, max-age=86400');
});

test('the editor stylesheet is served as CSS by its hash, and uses logical properties only', async () => {
  const { css } = hashedPaths();
  const res = await site.folio.app.inject({ method: 'GET', url: css });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'text/css; charset=utf-8');
  assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
  // Physical sides would not mirror on the Arabic edition.
  assert.doesNotMatch(res.payload, /(?:margin|padding|border)-(?:left|right)|text-align:\s*(?:left|right)|\bfloat:\s*(?:left|right)/);
});

test('the staff format tips render in both languages, escaped, with unique ids', () => {
  for (const lang of ['ar', 'en'] as const) {
    const markup = String(staffFormatTipsView(lang, 'body-tips'));
    assert.match(markup, /^<div class="format-tips staff-format-tips" id="body-tips">/);
    assert.match(markup, lang === 'ar' ? /يوتيوب/ : /YouTube/);
    // Examples are shown as code, never as markup.
    assert.match(markup, /<code dir="ltr">&lt;p dir=&quot;ltr&quot;&gt;/);
    assert.doesNotMatch(markup, /<img /);
    const ids = [...markup.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length, ids.join(' '));
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashOf, MANIFEST_FILE, OutputDir } from '../../../src/export/static/output-dir.ts';

/** Names a manifest must escape or that sort unlike their bytes. */
const FILES = ['index.html', 'ar/مقالات/index.html', 'odd/a"quote\\slash/index.html', 'feed.xml'];

async function exportOnce(dir: string, content: (file: string) => string) {
  const out = await OutputDir.open(dir);
  for (const file of FILES) await out.write(file, content(file));
  return out.finish();
}

test('the manifest is the sorted JSON of file → SHA-256, and an unchanged export rewrites nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-output-dir-'));
  try {
    const first = await exportOnce(dir, (f) => `<p>${f}</p>`);
    assert.equal(first.written, FILES.length);
    const text = readFileSync(join(dir, MANIFEST_FILE), 'utf8');
    const expected = Object.fromEntries([...FILES].sort().map((f) => [f, hashOf(Buffer.from(`<p>${f}</p>`))]));
    assert.equal(text, JSON.stringify(expected));
    const again = await exportOnce(dir, (f) => `<p>${f}</p>`);
    assert.deepEqual([again.written, again.unchanged, again.removed], [0, FILES.length, 0]);
    const changed = await exportOnce(dir, (f) => (f === 'feed.xml' ? '<rss/>' : `<p>${f}</p>`));
    assert.deepEqual([changed.written, changed.unchanged], [1, FILES.length - 1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a hand-edited manifest (spaced, unsorted, a digest that is none) is still read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-output-dir-'));
  try {
    await exportOnce(dir, (f) => `<p>${f}</p>`);
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as Record<string, string>;
    manifest['index.html'] = 'not a digest';
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(Object.fromEntries(Object.entries(manifest).reverse()), null, 2));
    const again = await exportOnce(dir, (f) => `<p>${f}</p>`);
    assert.deepEqual([again.written, again.unchanged], [1, FILES.length - 1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

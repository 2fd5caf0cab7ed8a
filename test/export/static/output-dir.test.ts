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

test('a renderer claims a file to write it itself: with the last digest, once at a time, and others wait for it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-output-dir-'));
  try {
    await exportOnce(dir, (f) => `<p>${f}</p>`);
    const out = await OutputDir.open(dir);
    const order = out.claim('index.html');
    assert.deepEqual(order, { previous: hashOf(Buffer.from('<p>index.html</p>')) });
    assert.equal(out.claim('feed.xml')?.previous, hashOf(Buffer.from('<p>feed.xml</p>')));
    assert.equal(out.claim('new/index.html')?.previous, null, 'a file the last export did not write');
    // A second URL landing in a claimed file gets no order: its bytes come back, written after the claim ends.
    assert.equal(out.claim('index.html'), null);
    assert.ok(out.has('index.html'));
    let settled = false;
    const waiting = out.settled('index.html').then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(settled, false, 'the write waits while the claim is open');
    out.release('index.html');
    await waiting;
    out.record('index.html', order!.previous!, 17, false);
    out.release('feed.xml');
    writeFileSync(join(dir, 'feed.xml'), '<rss/>');
    out.record('feed.xml', hashOf(Buffer.from('<rss/>')), 6, true);
    assert.equal(out.claim('index.html'), null, 'a file already produced is not claimed again');
    for (const file of ['ar/مقالات/index.html', 'odd/a"quote\\slash/index.html']) out.writeHashed(file, Buffer.from(`<p>${file}</p>`), hashOf(Buffer.from(`<p>${file}</p>`)));
    out.release('new/index.html');
    const counts = await out.finish();
    assert.deepEqual([counts.written, counts.unchanged, counts.removed, counts.files], [1, 3, 0, 4]);
    assert.equal(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'))['feed.xml'], hashOf(Buffer.from('<rss/>')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a second write to a file this export already wrote always reaches the disk, even with the last export\'s bytes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-output-dir-'));
  try {
    // The last export left B in the file (its second URL won); this time the first URL's A is written first.
    await exportOnce(dir, (f) => (f === 'feed.xml' ? 'B' : f));
    const out = await OutputDir.open(dir);
    for (const file of FILES) await out.write(file, file === 'feed.xml' ? 'A' : file);
    await out.write('feed.xml', 'B');
    await out.finish();
    assert.equal(readFileSync(join(dir, 'feed.xml'), 'utf8'), 'B', 'the disk holds what the manifest records');
    assert.equal(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'))['feed.xml'], hashOf(Buffer.from('B')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

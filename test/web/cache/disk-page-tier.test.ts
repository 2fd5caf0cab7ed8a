import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DiskPageTier } from '../../../src/web/cache/disk-page-tier.ts';
import { PageCache } from '../../../src/web/page-cache.ts';

const settle = () => new Promise((r) => setImmediate(r));
const headers = { 'content-type': 'text/html; charset=utf-8' };

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'folio-disk-tier-'));
  const stamps = new Map<string, string>([['en', 's1'], ['ar', 'a1']]);
  const tier = () => new DiskPageTier(dir, (edition) => stamps.get(edition) ?? '');
  return { dir, stamps, tier, done: () => rmSync(dir, { recursive: true, force: true }) };
}

async function render(cache: PageCache, key: string, edition: string, text: string) {
  cache.set(key, { edition, status: 200, etag: '"e"', headers, body: Buffer.from(text.repeat(200), 'utf8') });
  await settle();
  await cache.flush();
}

test('disk tier: a page written by one cache is served by a new one (a restart) from disk', async () => {
  const t = setUp();
  try {
    await render(new PageCache(1024 * 1024, { disk: t.tier() }), 'h/a', 'en', '<p>a</p>');
    const fresh = new PageCache(1024 * 1024, { disk: t.tier() });
    const page = fresh.get('h/a');
    assert.ok(page);
    assert.equal(gunzipSync(page.gzip!).toString(), '<p>a</p>'.repeat(200));
    assert.equal(page.status, 200);
    assert.deepEqual(page.headers, headers);
    assert.equal(fresh.size, 1, 'kept in memory after the disk read');
  } finally {
    t.done();
  }
});

test('disk tier: a moved change stamp makes the edition\'s pages stale, and they are removed', async () => {
  const t = setUp();
  try {
    const cache = new PageCache(1024 * 1024, { disk: t.tier() });
    await render(cache, 'h/a', 'en', '<p>a</p>');
    await render(cache, 'h/ar', 'ar', '<p>ب</p>');
    t.stamps.set('en', 's2'); // another process changed the English edition
    const next = new PageCache(1024 * 1024, { disk: t.tier() });
    assert.equal(next.get('h/a'), undefined);
    assert.ok(next.get('h/ar'), 'the other edition is untouched');
    await next.flush();
    const files = readdirSync(t.dir, { recursive: true }).filter((f) => !String(f).match(/^[0-9a-f]{2}$/));
    assert.equal(files.length, 1, 'the stale page file was deleted');
  } finally {
    t.done();
  }
});

test('disk tier: a change this process is told of retires the pages at once, before any stamp moves', async () => {
  const t = setUp();
  try {
    const cache = new PageCache(1024 * 1024, { disk: t.tier() });
    await render(cache, 'h/a', 'en', '<p>a</p>');
    cache.invalidate('en');
    assert.equal(cache.get('h/a'), undefined, 'neither memory nor disk serves the old page');
    await render(cache, 'h/a', 'en', '<p>new</p>');
    const page = cache.get('h/a');
    assert.equal(gunzipSync(page!.gzip!).toString(), '<p>new</p>'.repeat(200));
  } finally {
    t.done();
  }
});

test('disk tier: a damaged or foreign file is a miss, never another page', async () => {
  const t = setUp();
  try {
    const cache = new PageCache(1024 * 1024, { disk: t.tier() });
    await render(cache, 'h/a', 'en', '<p>a</p>');
    const [sub] = readdirSync(t.dir);
    const [file] = readdirSync(join(t.dir, sub!));
    writeFileSync(join(t.dir, sub!, file!), Buffer.from('garbage'));
    assert.equal(new PageCache(1024 * 1024, { disk: t.tier() }).get('h/a'), undefined);
  } finally {
    t.done();
  }
});

/** Every file's total size under the tier's folder. */
function folderBytes(dir: string): number {
  let total = 0;
  for (const folder of readdirSync(dir)) for (const name of readdirSync(join(dir, folder))) total += statSync(join(dir, folder, name)).size;
  return total;
}

function storedPage(text: string) {
  const body = Buffer.from(text, 'utf8');
  return { edition: 'en', status: 200, headers, etag: '"e"', gzip: body, br: body };
}

test('disk tier: beyond its bound, the longest-written pages go, and a restart counts what is already there', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-disk-bound-'));
  try {
    const bound = 40_000;
    const tier = new DiskPageTier(dir, () => 's', bound);
    for (let i = 0; i < 60; i++) {
      tier.put(`page-${i}`, storedPage(`${i}:`.padEnd(1000, 'x')));
      // Written one after another, so the write times order them.
      await tier.flush();
    }
    await tier.flush();
    const onDisk = folderBytes(dir);
    assert.ok(onDisk <= bound, `${onDisk} bytes on disk, bound ${bound}`);
    assert.equal(tier.size, onDisk, 'the count agrees with the folder');
    assert.ok(tier.get('page-59'), 'the newest page stays');
    assert.equal(tier.get('page-0'), undefined, 'the oldest went');

    // A new process finds the pages there and counts them before its first write.
    const again = new DiskPageTier(dir, () => 's', bound);
    await again.flush();
    assert.equal(again.size, onDisk);
    assert.ok(again.get('page-59'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('disk tier: a temporary file left by a crash is removed by the start-up scan once it is old', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-disk-tmp-'));
  try {
    mkdirSync(join(dir, 'ab'));
    const leftover = join(dir, 'ab', 'abcdef.123.tmp');
    writeFileSync(leftover, 'half a page');
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(leftover, old, old);
    const tier = new DiskPageTier(dir, () => 's', 1_000_000);
    await tier.flush();
    assert.equal(existsSync(leftover), false);
    assert.equal(tier.size, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import type { ExportStaticWorkerData } from '../../../src/cli/export-static-worker.ts';
import { exportStatic, type StaticExportDeps } from '../../../src/export/static-export.ts';
import { RenderPool } from '../../../src/export/static/render-pool.ts';
import { seedFixture } from '../../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../../support/test-runtime.ts';

const WORKER = new URL('../../../src/cli/export-static-worker.ts', import.meta.url);

let site: TestSite;
let deps: StaticExportDeps;
const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-static-threads-'));
  dirs.push(dir);
  return dir;
};

before(async () => {
  site = await openTestSite('sqlite', seedFixture);
  deps = { app: site.folio.app, editions: site.runtime.editions, exports: site.runtime.exports, sitemap: site.runtime.sitemap, siteUrl: site.runtime.config.baseUrl };
});
after(async () => {
  await site?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test('rendering in worker threads writes the same files, byte for byte, as rendering in process', async () => {
  const inProcess = folder();
  const threaded = folder();
  const one = await exportStatic(deps, { outDir: inProcess });
  const two = await exportStatic(deps, {
    outDir: threaded,
    concurrency: 16,
    startRenderer: (env) => RenderPool.start(2, { entry: WORKER, data: { config: site.runtime.config, env } satisfies ExportStaticWorkerData }),
  });
  assert.deepEqual({ ...two, seconds: 0 }, { ...one, seconds: 0 });
  const files = readdirSync(inProcess, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name).slice(inProcess.length + 1)).sort();
  const others = readdirSync(threaded, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name).slice(threaded.length + 1)).sort();
  assert.deepEqual(others, files);
  for (const file of files) assert.ok(readFileSync(join(inProcess, file)).equals(readFileSync(join(threaded, file))), `${file} differs`);
  // The threads wrote the pages themselves: exported again, they find every file unchanged.
  const again = await exportStatic(deps, {
    outDir: threaded,
    concurrency: 16,
    startRenderer: (env) => RenderPool.start(2, { entry: WORKER, data: { config: site.runtime.config, env } satisfies ExportStaticWorkerData }),
  });
  assert.deepEqual([again.written, again.unchanged, again.removed, again.files], [0, one.files, 0, one.files]);
});

test('render threads start with a capped heap, far below the main thread\'s', async () => {
  const pool = RenderPool.start(2, { entry: new URL('./heap-limit-thread.ts', import.meta.url), data: null });
  try {
    const limits = await Promise.all(['/a', '/b', '/c', '/d'].map(async (url) => {
      const rendered = await pool.render(url, null);
      assert.equal(rendered.kind, 'redirect');
      return Number(rendered.kind === 'redirect' ? rendered.target.slice(1) : NaN);
    }));
    for (const limit of limits) {
      assert.ok(limit > 64 * 2 ** 20 && limit <= 256 * 2 ** 20, `a render thread's heap limit is ${limit} bytes`);
      assert.ok(limit < getHeapStatistics().heap_size_limit / 2);
    }
  } finally {
    await pool.close();
  }
});

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportStaticWorkerData } from '../../../src/cli/export-static-worker.ts';
import { exportStatic, type StaticExportDeps } from '../../../src/export/static-export.ts';
import { RenderPool } from '../../../src/export/static/render-pool.ts';
import { inProcessRenderer, type Rendered, type Renderer } from '../../../src/export/static/render-url.ts';
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
});

test('the calling thread rendering its share alongside a worker thread writes the same files, and both render', async () => {
  const inProcess = folder();
  const mixed = folder();
  const one = await exportStatic(deps, { outDir: inProcess });
  let local = 0;
  const two = await exportStatic(deps, {
    outDir: mixed,
    concurrency: 16,
    startRenderer: (env) => {
      const own = inProcessRenderer(site.folio.app, site.runtime.editions, env);
      const counted: Renderer = { render: (url: string): Promise<Rendered> => { local++; return own.render(url); }, close: () => own.close() };
      return RenderPool.start(1, { entry: WORKER, data: { config: site.runtime.config, env } satisfies ExportStaticWorkerData }, counted);
    },
  });
  assert.deepEqual({ ...two, seconds: 0 }, { ...one, seconds: 0 });
  assert.ok(local > 0 && local < one.urls, `the calling thread rendered ${local} of ${one.urls} URLs: a share, not none or all`);
  const files = readdirSync(inProcess, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name).slice(inProcess.length + 1)).sort();
  for (const file of files) assert.ok(readFileSync(join(inProcess, file)).equals(readFileSync(join(mixed, file))), `${file} differs`);
});

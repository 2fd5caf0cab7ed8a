import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/config.ts';
import type { ExportStaticWorkerData } from '../src/cli/export-static-worker.ts';
import { exportStatic, type StaticExportOptions } from '../src/export/static-export.ts';
import { RenderPool } from '../src/export/static/render-pool.ts';
import { openRuntime } from '../src/runtime.ts';
import { buildApp } from '../src/web/app.ts';

const BIN = fileURLToPath(new URL('../bin/folio.js', import.meta.url));
const WORKER = new URL('../src/cli/export-static-worker.ts', import.meta.url);
/** URLs in flight per render thread, as the CLI does. */
const URLS_PER_THREAD = 8;

/** The static export benchmark's figures. */
export interface StaticExportBenchResult {
  readonly articles: number;
  readonly pages: number;
  readonly files: number;
  readonly pagesPerSecond: number;
  /** Render threads used (one per core, as `folio export static` does). */
  readonly threads: number;
  readonly bytes: number;
  readonly seconds: number;
  /** A second export of the unchanged archive: what the incremental check costs. */
  readonly rerunSeconds: number;
}

/**
 * Exports a generated archive (cached in `cacheDir`, opened as is) to a temporary folder, twice:
 * once from empty, once unchanged. Target: 100,000 articles in under 10 minutes.
 */
export async function measureStaticExport(articles: number, cacheDir: string): Promise<StaticExportBenchResult> {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `folio-${articles}.db`);
  if (!existsSync(file)) {
    console.log(`Generating a ${articles.toLocaleString('en')}-article archive once (cached at ${file}) …`);
    execFileSync(process.execPath, [BIN, 'demo', '--articles', String(articles), '--database', `sqlite:${file}`], { stdio: 'inherit' });
  }
  const config = { ...loadConfig({ FOLIO_BASE_URL: 'http://folio.bench' }, { databaseUrl: `sqlite:${file}` }), pageCacheMegabytes: 0 };
  const runtime = await openRuntime(config);
  const threads = availableParallelism();
  const folio = await buildApp(runtime);
  const outDir = mkdtempSync(join(tmpdir(), 'folio-static-bench-'));
  try {
    const deps = { app: folio.app, editions: runtime.editions, exports: runtime.exports, sitemap: runtime.sitemap, siteUrl: config.baseUrl };
    const options: StaticExportOptions = {
      outDir,
      concurrency: threads * URLS_PER_THREAD,
      startRenderer: (env) => RenderPool.start(threads, { entry: WORKER, data: { config, env } satisfies ExportStaticWorkerData }),
    };
    const first = await exportStatic(deps, options);
    const again = await exportStatic(deps, options);
    return {
      articles, threads, pages: first.pages, files: first.files, pagesPerSecond: first.pages / first.seconds,
      bytes: first.bytes, seconds: first.seconds, rerunSeconds: again.seconds,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
    await folio.app.close();
    await runtime.close();
  }
}

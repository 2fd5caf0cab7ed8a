import { availableParallelism } from 'node:os';
import { Command } from 'commander';
import { Invalid } from '../domain/errors.ts';
import { exportStatic } from '../export/static-export.ts';
import { RenderPool } from '../export/static/render-pool.ts';
import type { ExportStaticWorkerData } from './export-static-worker.ts';
import { openRuntime } from '../runtime.ts';
import { buildApp } from '../web/app.ts';
import { configFrom, type StoreOptions } from './options.ts';
import { startProgress } from './progress.ts';

const WORKER = new URL('./export-static-worker.ts', import.meta.url);
/** Each render thread holds its own app, database cache and heap (up to ~150 MB): more than this by default only costs memory. */
const MAX_DEFAULT_THREADS = 7;
/** URLs handed to each render thread at once: enough that it never waits for the next one. */
const URLS_PER_THREAD = 8;
/**
 * SQLite's page cache per connection (16 MB elsewhere), for the main thread, which only lists the
 * sitemap's targets and the legacy paths, and for each render thread, whose reads are spread over
 * the whole archive so that a bigger cache mostly holds pages read once (issue 14: the export's
 * memory target counts every thread's cache). The file's pages stay in the OS's cache either way.
 */
const MAIN_CACHE_MB = 2;
const RENDER_CACHE_MB = 4;

/** `folio export static <dir>`: the edition as static files for any host or for opening from disk. */
export function exportStaticCommand(): Command {
  return new Command('static')
    .description('write every page, feed, sitemap, asset and legacy redirect of an edition as static files, with a client-side search; re-running rewrites only what changed')
    .argument('<dir>', 'the folder to write (created if missing)')
    .option('--edition <code...>', 'only these editions (default: all)')
    .option('--base-url <url>', 'make links absolute under this URL (default: relative links, which also work from file://)')
    .option('--threads <n>', 'render threads (default: the CPU cores, up to 7; 0 renders on the main thread alone)')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (dir: string, options: StoreOptions & { edition?: string[]; baseUrl?: string; threads?: string }) => {
      if (options.baseUrl !== undefined && !/^https?:\/\/[^/]/.test(options.baseUrl)) throw new Invalid(`--base-url must be an http(s) URL (got "${options.baseUrl}")`);
      // The main thread crawls and writes; render threads, whose heaps are capped, render (RenderPool).
      const threads = options.threads === undefined ? Math.min(availableParallelism(), MAX_DEFAULT_THREADS) : Number(options.threads);
      if (!Number.isInteger(threads) || threads < 0) throw new Invalid(`--threads must be a whole number (got "${options.threads}")`);
      // Each page is rendered once: a page cache would only spend time compressing copies.
      const base = { ...configFrom(options), pageCacheMegabytes: 0 };
      const cached = (megabytes: number) => ({ ...base, database: base.database.kind === 'sqlite' ? { ...base.database, cacheMegabytes: megabytes } : base.database });
      // With --threads 0 the main thread renders too.
      const config = cached(threads > 0 ? MAIN_CACHE_MB : RENDER_CACHE_MB);
      const runtime = await openRuntime(config);
      const folio = await buildApp(runtime);
      const progress = startProgress('Exporting pages');
      try {
        if (options.edition) for (const code of options.edition) runtime.editions.get(code);
        const report = await exportStatic(
          { app: folio.app, editions: runtime.editions, exports: runtime.exports, sitemap: runtime.sitemap, siteUrl: runtime.config.baseUrl, files: runtime.files },
          {
            outDir: dir,
            ...(options.edition ? { editions: options.edition } : {}),
            baseUrl: options.baseUrl ?? null,
            onProgress: (done, known) => progress.update(done, known),
            // Threads each open the database themselves, which an in-memory one cannot share.
            ...(threads > 0 && !(config.database.kind === 'sqlite' && config.database.file === ':memory:')
              ? {
                startRenderer: (env) => RenderPool.start(threads, { entry: WORKER, data: { config: cached(RENDER_CACHE_MB), env } satisfies ExportStaticWorkerData }),
                concurrency: threads * URLS_PER_THREAD,
              }
              : {}),
          },
        );
        progress.stop();
        const mib = (report.bytes / 1024 / 1024).toFixed(1);
        process.stdout.write(`exported ${report.pages} pages (${report.files} files, ${mib} MiB) to ${dir} in ${report.seconds.toFixed(1)}s: `
          + `${report.written} written, ${report.unchanged} unchanged, ${report.removed} removed; ${report.redirects} legacy redirects\n`);
        if (report.missing.length > 0) process.stdout.write(`${report.missing.length} linked URLs answer no page on the live site either, e.g. ${report.missing.slice(0, 5).join(', ')}\n`);
      } finally {
        progress.stop();
        await folio.app.close();
        await runtime.close();
      }
    });
}

import { Command } from 'commander';
import { Invalid } from '../domain/errors.ts';
import { exportStatic } from '../export/static-export.ts';
import { openRuntime } from '../runtime.ts';
import { buildApp } from '../web/app.ts';
import { configFrom, type StoreOptions } from './options.ts';
import { startProgress } from './progress.ts';

/** `folio export static <dir>`: the edition as static files for any host or for opening from disk. */
export function exportStaticCommand(): Command {
  return new Command('static')
    .description('write every page, feed, sitemap, asset and legacy redirect of an edition as static files, with a client-side search; re-running rewrites only what changed')
    .argument('<dir>', 'the folder to write (created if missing)')
    .option('--edition <code...>', 'only these editions (default: all)')
    .option('--base-url <url>', 'make links absolute under this URL (default: relative links, which also work from file://)')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (dir: string, options: StoreOptions & { edition?: string[]; baseUrl?: string }) => {
      if (options.baseUrl !== undefined && !/^https?:\/\/[^/]/.test(options.baseUrl)) throw new Invalid(`--base-url must be an http(s) URL (got "${options.baseUrl}")`);
      // Each page is rendered once: a page cache would only spend time compressing copies.
      const runtime = await openRuntime({ ...configFrom(options), pageCacheMegabytes: 0 });
      const folio = await buildApp(runtime);
      const progress = startProgress('Exporting pages');
      try {
        if (options.edition) for (const code of options.edition) runtime.editions.get(code);
        const report = await exportStatic(
          { app: folio.app, editions: runtime.editions, exports: runtime.exports, sitemap: runtime.sitemap, siteUrl: runtime.config.baseUrl },
          {
            outDir: dir,
            ...(options.edition ? { editions: options.edition } : {}),
            baseUrl: options.baseUrl ?? null,
            onProgress: (done, known) => progress.update(done, known),
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

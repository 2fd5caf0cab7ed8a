import { Command } from 'commander';
import { Invalid } from '../domain/errors.ts';
import { exportWarc } from '../export/warc-export.ts';
import { openRuntime } from '../runtime.ts';
import { buildApp } from '../web/app.ts';
import { configFrom, type StoreOptions } from './options.ts';
import { startProgress } from './progress.ts';

/** `folio export warc <file.warc.gz>`: every public page as WARC/1.1 records, for web archive tools. */
export function exportWarcCommand(): Command {
  return new Command('warc')
    .description('write every page the sitemaps list as WARC/1.1 request and response records with digests (readable by pywb, warcio and other WARC tools)')
    .argument('<file>', 'the file to write, e.g. folio.warc.gz (.gz compresses each record)')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (file: string, options: StoreOptions) => {
      if (!/\.warc(\.gz)?$/.test(file)) throw new Invalid(`the WARC file's name must end in .warc or .warc.gz (got "${file}")`);
      const runtime = await openRuntime(configFrom(options));
      const folio = await buildApp(runtime);
      const progress = startProgress('Archiving pages');
      try {
        const total = 4 + (await runtime.sitemap.countTargets());
        const report = await exportWarc({ app: folio.app, siteUrl: runtime.config.baseUrl, clock: () => new Date() }, file, (done) => progress.update(done, Math.max(done, total)));
        progress.stop();
        process.stdout.write(`archived ${report.urls} URLs to ${file} (${(report.bytes / 1024 / 1024).toFixed(1)} MiB) in ${report.seconds.toFixed(1)}s\n`);
        if (report.notOk.length > 0) process.stdout.write(`${report.notOk.length} URLs answered other than 200, e.g. ${report.notOk.slice(0, 5).join(', ')}\n`);
      } finally {
        progress.stop();
        await folio.app.close();
        await runtime.close();
      }
    });
}

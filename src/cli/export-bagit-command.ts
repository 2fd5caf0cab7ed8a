import { Command } from 'commander';
import { exportBagit } from '../export/bagit-export.ts';
import { openRuntime } from '../runtime.ts';
import { buildApp } from '../web/app.ts';
import { configFrom, type StoreOptions } from './options.ts';
import { startProgress, type Progress } from './progress.ts';

/** `folio export bagit <dir>`: the JSON export and the static site as a BagIt bag (RFC 8493). */
export function exportBagitCommand(): Command {
  return new Command('bagit')
    .description('write a BagIt bag (RFC 8493) holding the JSON export and the static site, with SHA-256 manifests; check it with folio verify --bag')
    .argument('<dir>', 'the folder to write (must be empty or new)')
    .option('--edition <code...>', 'only these editions (default: all)')
    .option('--no-site', 'leave the static site out (the JSON export only)')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (dir: string, options: StoreOptions & { edition?: string[]; site: boolean }) => {
      const started = Date.now();
      const runtime = await openRuntime(configFrom(options));
      const folio = await buildApp(runtime);
      const bars = new Map<string, Progress>();
      const bar = (stage: string) => {
        for (const [name, other] of bars) if (name !== stage) other.stop();
        if (!bars.has(stage)) bars.set(stage, startProgress(`Bag: ${stage}`));
        return bars.get(stage)!;
      };
      try {
        if (options.edition) for (const code of options.edition) runtime.editions.get(code);
        const report = await exportBagit({
          exports: runtime.exports,
          staticSite: options.site ? { app: folio.app, editions: runtime.editions, exports: runtime.exports, sitemap: runtime.sitemap, siteUrl: runtime.config.baseUrl, files: runtime.files } : null,
          organization: runtime.editions.all.map((e) => e.siteName).join(' / '),
          clock: () => new Date(),
        }, dir, { ...(options.edition ? { editions: options.edition } : {}), onProgress: (stage, done, total) => bar(stage).update(done, total) });
        for (const b of bars.values()) b.stop();
        const mib = (report.bytes / 1024 / 1024).toFixed(1);
        process.stdout.write(`bagged ${report.files} files (${mib} MiB, Payload-Oxum ${report.payloadOxum}) to ${dir} in ${((Date.now() - started) / 1000).toFixed(1)}s: `
          + `${Object.values(report.json.records).reduce((a, b) => a + b, 0)} JSON records${report.site ? `, ${report.site.pages} static pages` : ''}\n`);
      } finally {
        for (const b of bars.values()) b.stop();
        await folio.app.close();
        await runtime.close();
      }
    });
}

import { Command } from 'commander';
import { describeSummary } from '../import/import-report.ts';
import { runImport } from '../import/importer.ts';
import { openSource, SOURCE_NAMES } from '../import/sources/index.ts';
import { openRuntime } from '../runtime.ts';
import { ReportFile } from './import-report-file.ts';
import { configFrom, type StoreOptions } from './options.ts';
import { startProgress } from './progress.ts';

interface ImportOptions extends StoreOptions {
  edition: string;
  db?: string;
  dryRun?: boolean;
  report?: string;
}

/** `folio import <source> <inputs…>`: brings an old site in, keeping every old URL. */
export function importCommand(): Command {
  return new Command('import')
    .description(`import content from ${SOURCE_NAMES.join(', ')} (re-running updates, never duplicates)`)
    .argument('<source>', SOURCE_NAMES.join(' | '))
    .argument('[inputs...]', 'files or folders to read (WARC/ARC files, folders of .html, text dumps, a Folio JSON export)')
    .option('--edition <code>', 'the edition to import into (archives included)', 'en')
    .option('--db <url>', 'for drupal: the Drupal 6 or 7 database, mysql://user@host/database')
    .option('--dry-run', 'report what would be imported, updated and skipped without writing')
    .option('--report <file>', 'write the full report as JSON: every item with its id, canonical path and legacy paths')
    .option('--database <url>', 'Folio\'s database: sqlite:<file> or postgres://…')
    .action(async (sourceName: string, inputs: string[], options: ImportOptions) => {
      const source = await openSource({ name: sourceName, inputs, db: options.db ?? null });
      const runtime = await openRuntime(configFrom(options));
      const progress = startProgress(`Importing ${source.name}`);
      try {
        const summary = await runImport({
          source: source.records, sourceName: source.name, inputs: options.db ? [options.db.replace(/\/\/[^@/]*@/, '//')] : inputs,
          edition: runtime.editions.get(options.edition), service: runtime.imports, dryRun: options.dryRun ?? false, total: source.total,
          onProgress: (done, total) => progress.update(done, total ?? done),
          ...(options.report ? { report: new ReportFile(options.report) } : {}),
        });
        progress.stop();
        process.stdout.write(`${describeSummary(summary)}\n`);
      } finally {
        progress.stop();
        await runtime.close();
      }
    });
}

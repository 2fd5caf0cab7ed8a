import { existsSync, statSync } from 'node:fs';
import { siteFileCopier } from '../import/file-copier.ts';
import { Command } from 'commander';
import { Invalid } from '../domain/errors.ts';
import { describeSummary } from '../import/import-report.ts';
import { runImport } from '../import/importer.ts';
import { drupalLanguages, type DrupalLanguages } from '../import/sources/drupal/drupal-source.ts';
import { exportEditions, openSource, SOURCE_NAMES } from '../import/sources/index.ts';
import { openRuntime, type Runtime } from '../runtime.ts';
import { ReportFile } from './import-report-file.ts';
import { configFrom, type StoreOptions } from './options.ts';
import { startProgress } from './progress.ts';

interface ImportOptions extends StoreOptions {
  edition: string;
  db?: string;
  dryRun?: boolean;
  report?: string;
  excludeType: string[];
  files?: string;
}

/** Hides a password in a database URL before it is stored in the run's record. */
function withoutPassword(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1@');
}

async function importEdition(runtime: Runtime, sourceName: string, inputs: string[], edition: string, options: ImportOptions, report: string | undefined, languages?: DrupalLanguages): Promise<void> {
  const source = await openSource({ name: sourceName, inputs, db: options.db ?? null, edition, excludeTypes: options.excludeType, ...(languages ? { languages } : {}) });
  const progress = startProgress(`Importing ${source.name} into ${edition}`);
  try {
    const summary = await runImport({
      source: source.records, sourceName: source.name, inputs: options.db ? [withoutPassword(options.db)] : inputs,
      edition: runtime.editions.get(edition), service: runtime.imports, dryRun: options.dryRun ?? false, total: source.total,
      onProgress: (done, total) => progress.update(done, total),
      ...(options.files ? { files: siteFileCopier(options.files, runtime.files, options.dryRun ?? false) } : {}),
      ...(report ? { report: new ReportFile(report) } : {}),
    });
    progress.stop();
    process.stdout.write(`${describeSummary(summary)}\n`);
  } finally {
    progress.stop();
  }
}

/** `folio import <source> <inputs…>`: brings an old site in, keeping every old URL. */
export function importCommand(): Command {
  const command = new Command('import')
    .description(`import content from ${SOURCE_NAMES.join(', ')} (re-running updates, never duplicates)`)
    .argument('<source>', SOURCE_NAMES.join(' | '))
    .argument('[inputs...]', 'files or folders to read (WARC/ARC files, folders of .html, text dumps, a Folio JSON export)')
    .option('--edition <code>', 'the edition to import into (archives included); a Folio export restores all its editions unless given', 'en')
    .option('--db <url>', 'for drupal: the Drupal 6 or 7 database, mysql://user@host/database')
    .option('--dry-run', 'report what would be imported, updated and skipped without writing')
    .option('--report <file>', 'write the full report as JSON: every item with its id, canonical path and legacy paths, every source URL with its fate, every skip')
    .option('--exclude-type <type>', 'for drupal: leave out nodes of this content type (repeatable); their URLs answer 410 and the report says why', (type: string, all: string[]) => [...all, type], [] as string[])
    .option('--files <dir>', 'a copy of the old site\'s files folder (sites/default/files): the files items reference are copied into FOLIO_FILES_DIR and served at their old URLs; missing ones answer 410 and are named')
    .option('--database <url>', 'Folio\'s database: sqlite:<file> or postgres://…');
  return command.action(async (sourceName: string, inputs: string[], options: ImportOptions) => {
    if (!(SOURCE_NAMES as readonly string[]).includes(sourceName)) throw new Invalid(`unknown import source "${sourceName}": use one of ${SOURCE_NAMES.join(', ')}`);
    const missing = inputs.find((input) => !existsSync(input));
    if (missing !== undefined && sourceName !== 'drupal') throw new Invalid(`no such file or folder: ${missing}`);
    if (options.files !== undefined && !statSync(options.files, { throwIfNoEntry: false })?.isDirectory()) throw new Invalid(`--files: no such folder: ${options.files} (give a copy of the old site's files folder)`);
    if (options.excludeType.length > 0 && sourceName !== 'drupal') throw new Invalid('--exclude-type is for the drupal source only');
    const everyEdition = sourceName === 'folio' && command.getOptionValueSource('edition') === 'default' && inputs[0] !== undefined;
    let editions = everyEdition ? await exportEditions(inputs[0]!) : [options.edition];
    const runtime = await openRuntime(configFrom(options));
    try {
      for (const code of editions) runtime.editions.get(code);
      const url = options.db ?? inputs[0];
      let languages: ((code: string) => DrupalLanguages) | undefined;
      if (sourceName === 'drupal' && url !== undefined) {
        // Each node goes to the edition of its language: without --edition, every edition whose
        // language the site uses gets a run, the first one (en) also taking language-neutral nodes.
        const used = await drupalLanguages(url);
        const others = runtime.editions.all.filter((e) => e.code !== options.edition);
        if (command.getOptionValueSource('edition') === 'default') editions = [options.edition, ...others.filter((e) => used.has(e.lang)).map((e) => e.code)];
        languages = (code) => ({
          lang: runtime.editions.get(code).lang,
          elsewhere: new Map(others.filter((e) => e.code !== code).concat(code === options.edition ? [] : [runtime.editions.get(options.edition)]).map((e) => [e.lang, e.code])),
          neutral: code === options.edition,
          prefixes: new Map(runtime.editions.all.map((e) => [e.code, e.pathPrefix])),
        });
      }
      for (const code of editions) {
        const report = options.report && editions.length > 1 ? options.report.replace(/(\.json)?$/, `.${code}$1`) : options.report;
        await importEdition(runtime, sourceName, inputs, code, options, report, languages?.(code));
      }
    } finally {
      await runtime.close();
    }
  });
}

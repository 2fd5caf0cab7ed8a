import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { backupDatabase, openRuntime, restoreDatabase, type BackupReport } from '../runtime.ts';
import { configFrom, type StoreOptions } from './options.ts';

function done(verb: string, report: BackupReport, where: string): string {
  return `${verb} ${where} ${verb === 'backed up' ? 'to' : 'from'} ${report.file} (${(report.bytes / 1024 / 1024).toFixed(1)} MiB) in ${report.seconds.toFixed(1)}s\n`;
}

/** `folio backup <file>`: a consistent copy of the live database (SQLite's backup API, or pg_dump). */
export function backupCommand(): Command {
  return new Command('backup')
    .description('write a consistent backup of the database while it serves: SQLite\'s online backup, or pg_dump\'s custom format for PostgreSQL')
    .argument('<file>', 'the backup file to write (never overwritten)')
    .option('--database <url>', 'sqlite:<file> or postgres://… (default: FOLIO_DATABASE_URL or sqlite:./data/folio.db)')
    .action(async (file: string, options: StoreOptions) => {
      const config = configFrom(options);
      const report = await backupDatabase(config.database, file);
      process.stdout.write(done('backed up', report, config.database.kind === 'sqlite' ? config.database.file : 'the PostgreSQL database'));
    });
}

/** `folio restore <file>`: puts a backup in place, into an empty database unless --force. */
export function restoreCommand(): Command {
  return new Command('restore')
    .description('restore a backup made by `folio backup` into the database (an empty one, unless --force); stop the servers using it first')
    .argument('<file>', 'a file written by `folio backup`')
    .option('--database <url>', 'sqlite:<file> or postgres://… (default: FOLIO_DATABASE_URL or sqlite:./data/folio.db)')
    .option('--force', 'replace a database that already holds content')
    .action(async (file: string, options: StoreOptions & { force?: boolean }) => {
      const config = configFrom(options);
      let targetHasData = false;
      if (config.database.kind === 'postgres' || existsSync(config.database.file)) {
        const runtime = await openRuntime(config);
        try {
          targetHasData = (await runtime.seeding.countItems()) > 0;
        } finally {
          await runtime.close();
        }
      }
      const report = await restoreDatabase(config.database, file, { force: options.force === true, targetHasData });
      process.stdout.write(done('restored', report, config.database.kind === 'sqlite' ? config.database.file : 'the PostgreSQL database'));
    });
}

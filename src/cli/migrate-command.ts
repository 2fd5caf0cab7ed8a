import { Command } from 'commander';
import { migrateToLatest } from '../store/migrate.ts';
import { connect } from '../runtime.ts';
import { configFrom, type StoreOptions } from './options.ts';

/** `folio migrate`: brings the database schema up to date. */
export function migrateCommand(): Command {
  return new Command('migrate')
    .description('apply pending database migrations')
    .option('--database <url>', 'sqlite:<file> or postgres://… (default: FOLIO_DATABASE_URL or sqlite:./data/folio.db)')
    .action(async (options: StoreOptions) => {
      const config = configFrom(options);
      const connection = connect(config);
      try {
        const { applied } = await migrateToLatest(connection);
        process.stdout.write(applied.length === 0
          ? `${connection.describe}: schema already up to date\n`
          : `${connection.describe}: applied ${applied.length} migration(s): ${applied.join(', ')}\n`);
      } finally {
        await connection.close();
      }
    });
}

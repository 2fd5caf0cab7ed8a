import { Migrator } from 'kysely';
import type { Connection } from './connection.ts';
import { migrationProvider } from './migrations/index.ts';

/** Outcome of bringing a database to the latest schema. */
export interface MigrationReport {
  readonly applied: readonly string[];
}

/**
 * Checks that the database answers, then applies every pending migration; throws with the
 * failing migration's name on error.
 */
export async function migrateToLatest(connection: Connection): Promise<MigrationReport> {
  await connection.ready();
  const migrator = new Migrator({ db: connection.db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    if (failed === undefined) throw new Error(`${connection.describe}: cannot read the schema's migration state: ${message}`, { cause: error });
    throw new Error(`Migration ${failed} failed on ${connection.describe}: ${message}`, { cause: error });
  }
  return { applied };
}

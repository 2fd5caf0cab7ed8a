import { sql, type Kysely } from 'kysely';

/**
 * Case-insensitive path lookup (issue 11): Drupal's url_alias lived in MySQL under a _ci collation,
 * so /Some-Alias and /some-alias reached the same page. Folio keeps matching paths byte for byte
 * first and falls back to lower(path) = lower(?), which these expression indexes serve on SQLite and
 * PostgreSQL alike (no stored key column, so every existing writer of paths stays as it is).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index path_aliases_lower on path_aliases (edition, lower(path))`.execute(db);
  await sql`create index gone_paths_lower on gone_paths (edition, lower(path))`.execute(db);
}

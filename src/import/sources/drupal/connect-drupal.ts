import type { Connection } from 'mysql2/promise';
import type { DrupalVersion } from './drupal-rows.ts';

/** The URL with any password replaced, so error messages never print a secret. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** Opens a MySQL/MariaDB connection, turning driver errors into one readable message. */
export async function connectDrupal(url: string): Promise<Connection> {
  // Loaded here: every other command (and the static export's main thread, issue 14) would
  // otherwise carry the MySQL driver's ~3 MB of heap.
  const { createConnection } = await import('mysql2/promise');
  try {
    // COUNT(*) is a BIGINT: supportBigNumbers keeps it exact, and it still arrives as a number while it is a safe integer.
    return await createConnection({ uri: url, charset: 'utf8mb4', supportBigNumbers: true, bigNumberStrings: false, connectTimeout: 10_000 });
  } catch (error) {
    // A refused connection can carry an empty message and only a code (ECONNREFUSED).
    const reason = error instanceof Error ? error.message || String((error as { code?: unknown }).code ?? error.name) : String(error);
    throw new Error(`cannot connect to ${redactUrl(url)} : ${reason}; check --db`);
  }
}

/** Which Drupal wrote this database, from the tables only that version has. */
export function detectDrupalVersion(tables: ReadonlySet<string>, url: string): DrupalVersion {
  if (tables.has('node_revision') && tables.has('field_revision_body') && tables.has('taxonomy_term_data')) return 7;
  if (tables.has('node_revisions') && tables.has('term_data') && tables.has('comments')) return 6;
  const hint = tables.size === 0 ? 'the database has no tables (is the database name in the URL right?)' : 'neither Drupal 6 (node_revisions, term_data) nor Drupal 7 (node_revision, taxonomy_term_data) tables are present';
  throw new Error(`${redactUrl(url)} is not a Drupal 6 or 7 database: ${hint}; check --db`);
}

/** Names of the tables in the current database: they decide the version and which optional tables to read. */
export async function tableNames(db: Connection): Promise<Set<string>> {
  const [rows] = await db.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()');
  return new Set((rows as { name: string }[]).map((r) => r.name));
}

import type { Connection } from 'mysql2/promise';

/** Runs one read and returns its rows; mysql2's query() expands an array parameter into an IN list. */
export async function selectRows<T>(db: Connection, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const [rows] = await db.query(sql, [...params] as ({} | null)[]);
  return rows as T[];
}

/** Drupal stores text in BLOB/LONGTEXT columns that may come back as Buffers: always give a string. */
export function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
}

/** The first row for each key, in order: translated field values repeat a row once per language. */
export function firstRowPer<T>(rows: readonly T[], key: (row: T) => number): T[] {
  const seen = new Set<number>();
  return rows.filter((row) => {
    const k = key(row);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Drupal field and table names interpolated into SQL must be plain identifiers. */
export function isPlainIdentifier(name: string): boolean {
  return /^[a-z0-9_]{1,64}$/.test(name);
}

import { sql } from 'kysely';
import { connect } from '../../../src/runtime.ts';
import type { TestSite } from '../../support/test-runtime.ts';

/** Runs one SQL statement on the test site's database, as damage from outside Folio would arrive. */
export async function damage(site: TestSite, statement: ReturnType<typeof sql>): Promise<void> {
  const connection = connect(site.runtime.config);
  try {
    await statement.execute(connection.db);
  } finally {
    await connection.close();
  }
}

/** SQL that changes one character of a text column: the first letter "e" becomes "E" (a flipped bit, 0x65 to 0x45). */
export function flipOneCharacter(table: 'nodes' | 'node_revisions', column: string, nid: number): ReturnType<typeof sql> {
  return sql`update ${sql.table(table)} set ${sql.ref(column)} = replace(${sql.ref(column)}, 'e', 'E') where nid = ${nid}`;
}

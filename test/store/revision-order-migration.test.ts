import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Migrator, type Kysely } from 'kysely';
import type { Connection } from '../../src/store/connection.ts';
import { migrationProvider } from '../../src/store/migrations/index.ts';
import { connectPostgres } from '../../src/store/postgres/connect.ts';
import { insertSave } from '../../src/store/queries/revision-queries.ts';
import type { Database } from '../../src/store/schema.ts';
import { connectSqlite } from '../../src/store/sqlite/connect.ts';
import { createPostgresDatabase, createSqliteDatabase, testDialects, type TestDatabase } from '../support/databases.ts';

// 020-revision-order on a database that already holds revisions: existing rows are numbered in the
// order they were listed in before (time, then content hash), and later saves follow them.
const T = 1_700_000_000;

function revision(nid: number, contentHash: string, revisedAt: number) {
  return { nid, contentHash, sourceVid: null, title: `t ${contentHash}`, bodyHtml: '<p>x</p>', summary: null, credit: null, photo: null, revisedAt, log: null, revisedBy: null };
}

for (const dialect of testDialects()) {
  describe(`020-revision-order on an existing database (${dialect})`, () => {
    let database: TestDatabase;
    let connection: Connection;
    after(async () => {
      await connection?.close();
      await database?.drop();
    });

    test('numbers existing revisions in their old order, then every new or repeated save comes last', async () => {
      database = dialect === 'sqlite' ? createSqliteDatabase() : await createPostgresDatabase();
      connection = dialect === 'sqlite' ? connectSqlite(database.url.slice('sqlite:'.length)) : connectPostgres(database.url);
      const db = connection.db as Kysely<Database>;
      const migrator = new Migrator({ db, provider: migrationProvider });
      assert.equal((await migrator.migrateTo('019-search-edition-index')).error, undefined);
      await (db as unknown as Kysely<Record<string, Record<string, unknown>>>).insertInto('node_revisions').values([
        { nid: 1, content_hash: 'b', title: 'b', body_html: '', revised_at: T },
        { nid: 1, content_hash: 'a', title: 'a', body_html: '', revised_at: T },
        { nid: 2, content_hash: 'z', title: 'z', body_html: '', revised_at: T - 60 },
        { nid: 1, content_hash: 'c', title: 'c', body_html: '', revised_at: T - 1 },
      ]).execute();
      assert.equal((await migrator.migrateToLatest()).error, undefined);

      const order = async () => (await db.selectFrom('node_revisions').select(['content_hash', 'saved_seq']).orderBy('saved_seq').execute()).map((r) => r.content_hash);
      assert.deepEqual(await order(), ['z', 'c', 'a', 'b']);
      await db.transaction().execute(async (trx) => {
        await insertSave(trx, dialect, revision(1, 'd', T));
        await insertSave(trx, dialect, revision(1, 'a', T));
      });
      assert.deepEqual(await order(), ['z', 'c', 'b', 'd', 'a'], 'a new save, then a repeated one, each take the next place');
      const seqs = await db.selectFrom('node_revisions').select('saved_seq').execute();
      assert.equal(new Set(seqs.map((r) => Number(r.saved_seq))).size, 5, 'no two saves share a place');
    });

    test('two saves in transactions open at the same time take different places', async () => {
      // On PostgreSQL (a pool, several instances) the second transaction reads the largest number
      // while the first has not committed: without the revision-order lock both took the same one.
      const db = connection.db as Kysely<Database>;
      let firstHasNumbered!: () => void;
      const numbered = new Promise<void>((resolve) => { firstHasNumbered = resolve; });
      const first = db.transaction().execute(async (trx) => {
        await insertSave(trx, dialect, revision(3, 'p', T));
        firstHasNumbered();
        await new Promise((resolve) => setTimeout(resolve, 300)); // still uncommitted while the second saves
      });
      await numbered;
      const second = db.transaction().execute(async (trx) => insertSave(trx, dialect, revision(3, 'q', T)));
      await Promise.all([first, second]);
      const rows = await db.selectFrom('node_revisions').select(['content_hash', 'saved_seq']).where('nid', '=', 3).orderBy('saved_seq').execute();
      assert.deepEqual(rows.map((r) => r.content_hash), ['p', 'q'], 'the later save is the later in order');
      assert.notEqual(Number(rows[0]!.saved_seq), Number(rows[1]!.saved_seq));
    });
  });
}

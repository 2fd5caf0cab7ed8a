import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A throwaway database for one test file, and how to remove it. */
export interface TestDatabase {
  readonly dialect: 'sqlite' | 'postgres';
  readonly url: string;
  drop(): Promise<void>;
}

const PG_ADMIN_URL = process.env.FOLIO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The dialects this run covers. scripts/test.sh sets FOLIO_TEST_PG=0 when PostgreSQL is unreachable (never in CI). */
export function testDialects(): ('sqlite' | 'postgres')[] {
  const only = process.env.FOLIO_TEST_DIALECT;
  if (only === 'sqlite' || only === 'postgres') return [only];
  return process.env.FOLIO_TEST_PG === '0' ? ['sqlite'] : ['sqlite', 'postgres'];
}

/** A fresh SQLite file in a temporary folder. */
export function createSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'folio-test-'));
  return { dialect: 'sqlite', url: `sqlite:${join(dir, 'folio.db')}`, async drop() { rmSync(dir, { recursive: true, force: true }); } };
}

/** A fresh PostgreSQL database with a unique name, dropped afterwards. */
export async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `folio_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    dialect: 'postgres',
    url,
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A fresh database of the given dialect. */
export function createTestDatabase(dialect: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  return dialect === 'sqlite' ? Promise.resolve(createSqliteDatabase()) : createPostgresDatabase();
}

import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../schema.ts';
import type { Connection } from '../connection.ts';
import { checkPostgresReachable } from './reachability.ts';

// int8 (our epoch-second columns and count(*)) arrives as a string by default; every value we
// store fits in a double, so read it as a number.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens a pool to a PostgreSQL database. */
export function connectPostgres(url: string, poolSize = 10): Connection {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection can be cut by the server (a restart, a dropped test database): pg then
  // emits 'error' on the pool, which would crash the process if nobody listened. The pool
  // replaces the connection on the next query, so there is nothing more to do than note it.
  pool.on('error', (err) => process.emitWarning(`PostgreSQL connection lost: ${err.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    describe: url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
    ready: () => checkPostgresReachable(url),
    async close() {
      await db.destroy();
    },
  };
}

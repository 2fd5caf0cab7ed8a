import pg from 'pg';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type { Database } from '../schema.ts';
import type { Connection } from '../connection.ts';
import { Unavailable } from '../../domain/errors.ts';
import { checkPostgresReachable } from './reachability.ts';
import { isConnectionFailure } from './connection-failure.ts';
import { ReplicaRouter } from './replica-router.ts';
import { SINGLE_DATABASE } from '../single-database.ts';

export { isConnectionFailure };

// int8 (our epoch-second columns and count(*)) arrives as a string by default; every value we
// store fits in a double, so read it as a number.
pg.types.setTypeParser(20, (v) => Number(v));

function translated(err: unknown): unknown {
  return isConnectionFailure(err) ? new Unavailable(undefined, { cause: err }) : err;
}

/**
 * The pool as Kysely sees it, with connection failures turned into Unavailable (a readable 503
 * with Retry-After) instead of a 500. pg itself reconnects: the next query after PostgreSQL comes
 * back opens a fresh connection, so nothing else is needed to recover.
 */
function unavailableWhenDown(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        throw translated(err);
      }
      const query = ((...args: unknown[]) => {
        // A cursor (Kysely's streams) is returned as it is; promises have their failure translated.
        const result = (client.query as (...a: unknown[]) => unknown)(...args);
        return result instanceof Promise ? result.catch((err: unknown) => { throw translated(err); }) : result;
      }) as PostgresPoolClient['query'];
      return { query, release: () => client.release() };
    },
    end: () => pool.end(),
  };
}

/**
 * Opens a pool to a PostgreSQL database; with `replicaUrl`, reads made through `readDb` go to
 * that streaming replica (see ReplicaRouter) and writes, and reads through `db`, to the primary.
 */
export function connectPostgres(url: string, options: { poolSize?: number; replicaUrl?: string | null } = {}): Connection {
  const poolSize = options.poolSize ?? 10;
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection can be cut by the server (a restart, a dropped test database): pg then
  // emits 'error' on the pool, which would crash the process if nobody listened. The pool
  // replaces the connection on the next query, so there is nothing more to do than note it.
  pool.on('error', (err) => process.emitWarning(`PostgreSQL connection lost: ${err.message}`));
  // The pool listens only to idle connections. One checked out (between two queries of a
  // transaction, say) that PostgreSQL cuts emits 'error' with nobody listening, an uncaught
  // exception that stopped the process (found by the fault tests' PostgreSQL restart). Every
  // connection gets a listener of its own: the query in progress fails by itself (Unavailable),
  // and the pool drops the broken connection when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const primaryPool = unavailableWhenDown(pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: primaryPool }) });
  const router = options.replicaUrl ? new ReplicaRouter(pool, primaryPool, options.replicaUrl, poolSize) : null;
  const readDb = router ? new Kysely<Database>({ dialect: new PostgresDialect({ pool: router.readPool() }) }) : db;
  const primaryUse = () => ({ pool: 'primary', total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
  return {
    db,
    readDb,
    dialect: 'postgres',
    describe: url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
    consistency: router ?? SINGLE_DATABASE,
    replica: router ? { probe: () => router.probe(), lagSeconds: () => router.replicaLagSeconds() } : null,
    poolUse: () => [primaryUse(), ...(router?.poolUse() ?? [])],
    async ready() {
      await checkPostgresReachable(url);
      // A replica that does not answer is not fatal: reads use the primary until it does.
      await router?.start();
    },
    async close() {
      if (readDb !== db) await readDb.destroy();
      await db.destroy();
    },
  };
}

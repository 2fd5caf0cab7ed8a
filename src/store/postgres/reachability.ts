import pg from 'pg';
import { Unavailable } from '../../domain/errors.ts';

/** How long start-up waits for PostgreSQL to answer before saying it cannot reach it. */
const CONNECT_TIMEOUT_MS = 10_000;

/** host:port, user and database named by a postgres:// URL, for messages (never the password). */
function target(url: string): { where: string; host: string; port: string; user: string; database: string } {
  try {
    const u = new URL(url);
    const host = u.hostname || 'localhost';
    const port = u.port || '5432';
    return { where: `${host}:${port}`, host, port, user: decodeURIComponent(u.username) || 'postgres', database: decodeURIComponent(u.pathname.slice(1)) };
  } catch {
    return { where: url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'), host: '', port: '', user: '', database: '' };
  }
}

/** One line that says what went wrong and what to change. */
export function explainPostgresFailure(err: unknown, url: string): string {
  const t = target(url);
  const e = err as NodeJS.ErrnoException & { code?: string };
  const fix = 'set FOLIO_DATABASE_URL (or --database) to the right postgres://user@host:port/database';
  switch (e.code) {
    case 'ECONNREFUSED':
      return `cannot reach PostgreSQL at ${t.where}: connection refused. Start PostgreSQL there, or ${fix}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot reach PostgreSQL at ${t.where}: no host named "${t.host}". ${fix[0]!.toUpperCase()}${fix.slice(1)}`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return `cannot reach PostgreSQL at ${t.where}: ${e.code}. Check the network, or ${fix}`;
    case '3D000':
      return `PostgreSQL at ${t.where} has no database "${t.database}": create it (createdb -h ${t.host} -p ${t.port} -U ${t.user} ${t.database}), or ${fix}`;
    case '28000':
    case '28P01':
      return `PostgreSQL at ${t.where} refused user "${t.user}": ${e.message}. Check the user and password in FOLIO_DATABASE_URL (or --database)`;
  }
  const message = err instanceof Error ? err.message : String(err);
  if (/timeout/i.test(message)) return `cannot reach PostgreSQL at ${t.where}: no answer within ${CONNECT_TIMEOUT_MS / 1000} s. Check that it listens there, or ${fix}`;
  return `cannot connect to PostgreSQL at ${t.where}: ${message}`;
}

/**
 * Connects once, with a timeout, before anything else uses the pool: an unreachable server is
 * then named with its address and a fix, not reported as a failed migration.
 */
export async function checkPostgresReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A refused or dropped connection also emits 'error' on the client; connect()'s rejection reports it.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    throw new Unavailable(explainPostgresFailure(err, url), { cause: err });
  } finally {
    await client.end().catch(() => undefined);
  }
}

import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite, statementCache } from './open-sqlite.ts';

/** A query from the main thread: compiled SQL and its values. They travel in arrays, as do the answers. */
export interface ReadRequest {
  readonly id: number;
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

/** The rows, or what failed (its message and SQLite's code, so the main thread can say what it means). */
export type ReadReply = { readonly id: number; readonly rows: unknown[] } | { readonly id: number; readonly error: string; readonly code: string | null };

const { file, cacheMegabytes } = workerData as { file: string; cacheMegabytes: number };
const sqlite = openSqlite(file, cacheMegabytes);
// This connection only reads: a write sent here by mistake fails instead of bypassing the
// main connection's transactions and the comment writer's group commit.
sqlite.pragma('query_only = true');
const prepare = statementCache((sql) => sqlite.prepare(sql));
const port = parentPort!;

function run(request: ReadRequest): ReadReply {
  try {
    const statement = prepare(request.sql);
    if (statement.reader) return { id: request.id, rows: statement.all(request.parameters) };
    // Run, not skipped: a write fails here (query_only) instead of seeming to succeed.
    statement.run(request.parameters);
    return { id: request.id, rows: [] };
  } catch (err) {
    const e = err as { message?: string; code?: unknown };
    return { id: request.id, error: e.message ?? String(err), code: typeof e.code === 'string' ? e.code : null };
  }
}

// A batch arrives as one message (the queries the main thread made in one turn of its loop) and
// its answers leave as one: each message costs both threads a copy and a wake-up.
port.on('message', (message: readonly ReadRequest[] | 'close') => {
  if (message === 'close') {
    sqlite.close();
    port.close();
    return;
  }
  port.postMessage(message.map(run));
});

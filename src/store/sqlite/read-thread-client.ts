import { Worker } from 'node:worker_threads';
import {
  Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler,
  type CompiledQuery, type DatabaseConnection, type Driver, type QueryResult,
} from 'kysely';
import type { Database } from '../schema.ts';
import type { ReadReply, ReadRequest } from './read-thread.ts';
import { diskFullAsStorageFull } from './disk-full.ts';
import { Unavailable } from '../../domain/errors.ts';

const BOOTSTRAP = new URL('./read-thread-bootstrap.mjs', import.meta.url);

/**
 * Reads on a second SQLite connection in a thread of its own (`folio serve`'s read side, in the
 * place a PostgreSQL server has its streaming replica). better-sqlite3 runs every statement on
 * the calling thread; an article's cache miss spent a quarter to a third of its event-loop time
 * in SQLite (issue 14). Here the loop only sends the compiled query and takes the rows, and the
 * statements run on the other core. WAL lets this connection read while the main one and the
 * comment writer commit, and each statement reads the latest commit, so a reader sees every
 * write that was acknowledged before it asked (no replica lag to hide).
 */
export class SqliteReadThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }>();
  /** Queries of this turn of the event loop, sent together when it ends. */
  private outbox: ReadRequest[] = [];
  private closed = false;
  private started = 0;

  constructor(private readonly file: string, private readonly cacheMegabytes: number) {}

  /** Runs one query on the read thread (started on the first, and again after it stopped unexpectedly). */
  query(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    if (this.closed) return Promise.reject(new Error('the SQLite read thread is closed'));
    const worker = this.start();
    return new Promise((resolve, reject) => {
      this.pending.set(this.nextId, { resolve, reject });
      if (this.outbox.length === 0) {
        worker.ref();
        setImmediate(() => this.flush());
      }
      this.outbox.push({ id: this.nextId++, sql, parameters });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    this.started++;
    const worker = new Worker(BOOTSTRAP, { workerData: { file: this.file, cacheMegabytes: this.cacheMegabytes } });
    worker.on('message', (replies: readonly ReadReply[]) => {
      for (const reply of replies) {
        const waiting = this.pending.get(reply.id);
        if (!waiting) continue;
        this.pending.delete(reply.id);
        // Errors cross the thread as text and SQLite's code; a full disk comes back as the error that explains it.
        if ('error' in reply) waiting.reject(diskFullAsStorageFull(Object.assign(new Error(reply.error), { code: reply.code ?? undefined }), this.file) as Error);
        else waiting.resolve(reply.rows);
      }
      // An idle thread must not keep the process alive.
      if (this.pending.size === 0 && this.outbox.length === 0) worker.unref();
    });
    worker.on('error', (err) => this.failAll(err));
    worker.on('exit', () => {
      // Whatever it had not answered fails as Unavailable (a 503 page saying to try again, never
      // a request left hanging);
      // the next query starts a new thread.
      if (this.worker !== worker) return;
      this.worker = null;
      this.outbox = [];
      this.failAll(new Unavailable(undefined, { cause: new Error(`the SQLite read thread of ${this.file} stopped`) }));
    });
    this.worker = worker;
    return worker;
  }

  /** Sends the queries of this turn to the thread now running (one started after a crash gets them). */
  private flush(): void {
    const requests = this.outbox;
    this.outbox = [];
    if (requests.length > 0) this.start().postMessage(requests);
  }

  /** Stops the thread once the queries sent so far are answered. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    this.flush();
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.ref();
      worker.postMessage('close');
    });
  }

  /** Threads started so far: 1 unless one stopped and was replaced (for tests). */
  get starts(): number {
    return this.started;
  }

  /** Stops the thread at once, as a crash would (for tests). */
  async terminate(): Promise<void> {
    await this.worker?.terminate();
  }

  private failAll(err: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const w of waiting) w.reject(err);
  }

  /** A Kysely instance whose queries run here. Reads only: a transaction is refused. */
  kysely(): Kysely<Database> {
    const connection: DatabaseConnection = {
      executeQuery: async <R>(compiled: CompiledQuery): Promise<QueryResult<R>> => ({ rows: (await this.query(compiled.sql, compiled.parameters)) as R[] }),
      // eslint-disable-next-line require-yield
      streamQuery: async function* () {
        throw new Error('the SQLite read thread does not stream');
      },
    };
    const driver: Driver = {
      init: async () => undefined,
      acquireConnection: async () => connection,
      beginTransaction: async () => {
        throw new Error('the SQLite read connection takes no transactions: write on the primary');
      },
      commitTransaction: async () => undefined,
      rollbackTransaction: async () => undefined,
      releaseConnection: async () => undefined,
      destroy: () => this.close(),
    };
    return new Kysely<Database>({
      dialect: {
        createAdapter: () => new SqliteAdapter(),
        createDriver: () => driver,
        createIntrospector: (db) => new SqliteIntrospector(db),
        createQueryCompiler: () => new SqliteQueryCompiler(),
      },
    });
  }
}

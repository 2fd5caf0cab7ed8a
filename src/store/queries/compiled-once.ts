import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * A query whose SQL is built once and then run with new values. Kysely builds and compiles a
 * query's tree on every call, which for the article page's one big statement (three JSON
 * subqueries) cost more than running it. The query is built once with sentinel values; each
 * parameter equal to a sentinel is replaced by the matching argument when it runs.
 */
export class CompiledOnce<Args extends readonly (string | number | null)[], Row> {
  private readonly compiled = new WeakMap<Kysely<Database>, CompiledQuery>();

  constructor(private readonly build: (db: Kysely<Database>, ...args: Args) => Compilable<Row>, private readonly sentinels: Args) {}

  /** Runs the query for these arguments. */
  async execute(db: Kysely<Database>, ...args: Args): Promise<Row[]> {
    return this.executeOn(db, db, ...args);
  }

  /**
   * Runs the query on `runner` (a transaction of `db`), compiled once for `db`: a transaction is
   * a new object each time, so keyed by it the query would be built again for every transaction.
   */
  async executeOn(runner: Kysely<Database>, db: Kysely<Database>, ...args: Args): Promise<Row[]> {
    let query = this.compiled.get(db);
    if (!query) {
      query = this.build(db, ...this.sentinels).compile();
      this.compiled.set(db, query);
    }
    const parameters = query.parameters.map((p) => {
      const i = this.sentinels.indexOf(p as Args[number]);
      return i === -1 ? p : args[i];
    });
    return (await runner.executeQuery<Row>(CompiledQuery.raw(query.sql, [...parameters]))).rows;
  }
}

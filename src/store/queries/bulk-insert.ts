import { CompiledQuery, type Compilable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

/** Statement texts kept per database handle: one per row count a batch has used (full chunks and the remainders). */
const SHAPES_PER_HANDLE = 64;

type Db = Kysely<Database> | Transaction<Database>;

/**
 * A multi-row insert whose SQL is built by Kysely once per row count and then run with new
 * values. Kysely parses every value of every row on each call (its insert parser and compiler
 * were a tenth of an import's CPU); the import writes the same statement shapes hundreds of
 * times, and the driver's statement cache (sqlite/connect.ts) reuses the prepared statement.
 *
 * The statement is built with a unique sentinel per cell, so the position of each cell among
 * the compiled parameters is read off the compiled query, never assumed.
 */
export class BulkInsert<Row extends object> {
  private readonly shapes = new WeakMap<object, Map<number, { sql: string; cells: readonly (readonly [number, string])[] }>>();

  constructor(
    private readonly columns: readonly (keyof Row & string)[],
    private readonly build: (db: Db, rows: Row[]) => Compilable<unknown>,
  ) {}

  /** Inserts these rows in one statement (callers keep a chunk under the bind limit). */
  async run(db: Db, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return;
    const shape = this.shapeFor(db, rows.length);
    const parameters = shape.cells.map(([row, column]) => (rows[row] as Record<string, unknown>)[column] ?? null);
    await db.executeQuery(CompiledQuery.raw(shape.sql, parameters));
  }

  private shapeFor(db: Db, count: number): { sql: string; cells: readonly (readonly [number, string])[] } {
    // A transaction is a new object each time; its connection's dialect is what the SQL depends on.
    const key = (db as { getExecutor(): { adapter: object } }).getExecutor().adapter;
    let byCount = this.shapes.get(key);
    if (!byCount) this.shapes.set(key, (byCount = new Map()));
    const known = byCount.get(count);
    if (known) return known;
    const sentinels = new Map<string, readonly [number, string]>();
    const rows = Array.from({ length: count }, (_, i) => Object.fromEntries(this.columns.map((c) => {
      const sentinel = `\u0000folio-bulk-insert:${i}:${c}`;
      sentinels.set(sentinel, [i, c]);
      return [c, sentinel];
    })) as Row);
    const compiled = this.build(db, rows).compile();
    const cells = compiled.parameters.map((p) => {
      const cell = sentinels.get(p as string);
      if (!cell) throw new Error(`BulkInsert: a parameter of the insert is not one of its row values (${String(p)})`);
      return cell;
    });
    const shape = { sql: compiled.sql, cells };
    if (byCount.size >= SHAPES_PER_HANDLE) byCount.clear();
    byCount.set(count, shape);
    return shape;
  }
}

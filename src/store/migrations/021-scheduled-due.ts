import { sql, type Kysely } from 'kysely';

/**
 * Scheduled publishing's index without a partial-index predicate (issue 14). 018 indexed the
 * claim's rows as `nodes (published_at) where status = 2`. On SQLite that predicate made the planner
 * compare every `status = ?` term of every query with it, using the bound value, which marks the
 * statement expired on every run: each read of a node page was parsed and planned again (250 µs
 * of 300), until a plugin wrote status codes as literals. This index holds the same thing, the due
 * time of each scheduled node, as an expression: only a query that writes that expression (the claim,
 * SCHEDULED_DUE in content-writer.ts) can use it, and nothing binds into it. Every other node's key is
 * NULL. The expression is the same text on both databases, so each one's planner matches it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index nodes_scheduled`.execute(db);
  await sql`create index nodes_scheduled_due on nodes ((case when status = 2 then published_at end))`.execute(db);
}

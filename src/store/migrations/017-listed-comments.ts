import type { Kysely } from 'kysely';

/**
 * The comment count a listing of the old site showed for an item whose page was never captured
 * (issue 11): a crawl that has the teaser but not the article still shows "3 comments" as the old
 * listing did. A node's comment_count is the larger of its stored comments and this.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('nodes').addColumn('listed_comments', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

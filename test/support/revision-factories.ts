import { sql } from 'kysely';
import { sanctionedWriter } from '../../src/domain/edition-guard.ts';
import { revisionFixity } from '../../src/domain/revision-fixity.ts';
import { connect, type StoreRuntime } from '../../src/runtime.ts';
import { leadAndTeaser } from '../../src/text/teaser.ts';
import { buildNode } from './factories.ts';

/** One save of an article, as the content pages will make it. */
export interface SavedContent {
  readonly title: string;
  readonly bodyHtml: string;
  readonly summary?: string | null;
  readonly credit?: string | null;
  /** Epoch seconds. */
  readonly at: number;
  /** The uid of who saved it; null for the command line. */
  readonly by: number | null;
}

/**
 * Writes a save of an article: a new revision and the node set to it, through the store method a
 * restore uses (the article form is the content pages' work; this stands in for its saves).
 * Archives are written as the demo seeder writes them.
 */
export async function saveRevision(runtime: StoreRuntime, editionCode: string, nid: number, save: SavedContent): Promise<string> {
  const content = { title: save.title, bodyHtml: save.bodyHtml, summary: save.summary ?? null, credit: save.credit ?? null, photo: null, revisedAt: save.at };
  const contentHash = revisionFixity(content);
  const opening = leadAndTeaser(save.bodyHtml);
  await runtime.store.revisions.restoreRevision(sanctionedWriter(runtime.editions.get(editionCode), 'demo-seed'), {
    revision: { nid, contentHash, sourceVid: null, ...content, log: null, revisedBy: save.by },
    teaser: content.summary ?? opening.teaser, leadHtml: opening.leadHtml,
  });
  return contentHash;
}

/**
 * A newsroom article: written with its first revision (by the command line), then given an owner
 * and a status as the content pages set them (014-newsroom columns, which no store method of the
 * revision pages writes). Returns the first revision's hash.
 */
export async function newsroomArticle(runtime: StoreRuntime, editionCode: string, article: {
  nid: number; path: string; title: string; bodyHtml: string; at: number; ownerUid: number | null; status: number;
}): Promise<string> {
  const node = buildNode({ nid: article.nid, title: article.title, path: article.path, bodyHtml: article.bodyHtml, publishedAt: article.at, updatedAt: article.at });
  await runtime.store.writer.saveNodes(sanctionedWriter(runtime.editions.get(editionCode), 'demo-seed'), [node]);
  const connection = connect(runtime.config);
  try {
    await sql`update nodes set owner_uid = ${article.ownerUid}, status = ${article.status} where nid = ${article.nid}`.execute(connection.db);
  } finally {
    await connection.close();
  }
  return (await runtime.store.revisions.listRevisions(article.nid))[0]!.contentHash;
}

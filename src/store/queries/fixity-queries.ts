import type { Insertable, Kysely } from 'kysely';
import { revisionFixity } from '../../domain/revision-fixity.ts';
import type { Database, NodeRevisionsTable } from '../schema.ts';
import type { FixityQueries, NodeWrite, RevisionWrite, StoredNodeContent, StoredRevision } from '../types.ts';
import { photoOf } from './row-mappers.ts';
import type { UnorderedRevisionRow } from './save-order.ts';

/**
 * The row every writer of node_revisions inserts: the fixity value is computed here, from the
 * very values written, so no write path can store a revision without one.
 */
export function revisionRow(r: RevisionWrite): UnorderedRevisionRow {
  return {
    nid: r.nid, content_hash: r.contentHash, source_vid: r.sourceVid, title: r.title, body_html: r.bodyHtml, summary: r.summary,
    credit: r.credit, photo_src: r.photo?.src ?? null, photo_caption: r.photo?.caption ?? null, photo_credit: r.photo?.credit ?? null,
    revised_at: r.revisedAt, log: r.log, revised_by: r.revisedBy ?? null, fixity_sha256: revisionFixity(r),
  };
}

/**
 * The revision a node is written as. A live revision has no source to hash, so its identity is its
 * fixity value: the same content at the same time is the same revision.
 */
export function firstRevision(n: NodeWrite): RevisionWrite {
  const content = { title: n.title, bodyHtml: n.bodyHtml, summary: n.summary, credit: n.credit, photo: n.photo, revisedAt: n.updatedAt };
  return { nid: n.nid, contentHash: revisionFixity(content), sourceVid: null, ...content, log: null };
}

/** Reads for fixity checks, in key order a page at a time so memory stays flat on any archive. */
export class KyselyFixityQueries implements FixityQueries {
  constructor(private readonly db: Kysely<Database>) {}

  /** How many revisions and nodes a full check reads. */
  async counts(): Promise<{ revisions: number; nodes: number }> {
    const r = await this.db.selectFrom('node_revisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const n = await this.db.selectFrom('nodes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { revisions: Number(r.n), nodes: Number(n.n) };
  }

  /** Revisions after (nid, contentHash) in key order, `limit` at a time. */
  async revisionsAfter(after: { nid: number; contentHash: string } | null, limit: number): Promise<StoredRevision[]> {
    let query = this.db.selectFrom('node_revisions').selectAll();
    if (after !== null) {
      query = query.where((eb) => eb.or([eb('nid', '>', after.nid), eb.and([eb('nid', '=', after.nid), eb('content_hash', '>', after.contentHash)])]));
    }
    const rows = await query.orderBy('nid').orderBy('content_hash').limit(limit).execute();
    return rows.map((r) => ({
      nid: Number(r.nid), contentHash: r.content_hash, sourceVid: r.source_vid === null ? null : Number(r.source_vid), title: r.title,
      bodyHtml: r.body_html, summary: r.summary, credit: r.credit, photo: photoOf(r), revisedAt: Number(r.revised_at), log: r.log,
      fixitySha256: r.fixity_sha256,
    }));
  }

  /** Each node's revisions as (time, recorded fixity): enough to tell which revision a node's content is. */
  async revisionStamps(nids: readonly number[]): Promise<Map<number, { revisedAt: number; fixitySha256: string | null }[]>> {
    const stamps = new Map<number, { revisedAt: number; fixitySha256: string | null }[]>();
    if (nids.length === 0) return stamps;
    const rows = await this.db.selectFrom('node_revisions').select(['nid', 'revised_at', 'fixity_sha256']).where('nid', 'in', [...nids]).execute();
    for (const r of rows) {
      const list = stamps.get(Number(r.nid)) ?? [];
      list.push({ revisedAt: Number(r.revised_at), fixitySha256: r.fixity_sha256 });
      stamps.set(Number(r.nid), list);
    }
    return stamps;
  }

  /** Nodes with nid above `afterNid`, `limit` at a time, unpublished ones included. */
  async nodesAfter(afterNid: number, limit: number): Promise<StoredNodeContent[]> {
    const rows = await this.db.selectFrom('nodes')
      .select(['nid', 'edition', 'path', 'title', 'body_html', 'summary', 'credit', 'photo_src', 'photo_caption', 'photo_credit', 'updated_at'])
      .where('nid', '>', afterNid).orderBy('nid').limit(limit).execute();
    return rows.map((r) => ({
      nid: Number(r.nid), edition: r.edition, path: r.path, title: r.title, bodyHtml: r.body_html, summary: r.summary, credit: r.credit,
      photo: photoOf(r), updatedAt: Number(r.updated_at),
    }));
  }
}

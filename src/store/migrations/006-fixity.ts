import { sql, type Kysely } from 'kysely';
import { revisionFixity } from '../../domain/revision-fixity.ts';

/** Rows hashed per round trip while sealing revisions written before this migration. */
const BACKFILL_ROWS = 500;

interface NodeRow {
  nid: number;
  title: string;
  body_html: string;
  summary: string | null;
  credit: string | null;
  photo_src: string | null;
  photo_caption: string | null;
  photo_credit: string | null;
  updated_at: number;
}

interface RevisionRow {
  nid: number;
  content_hash: string;
  title: string;
  body_html: string;
  summary: string | null;
  credit: string | null;
  photo_src: string | null;
  photo_caption: string | null;
  photo_credit: string | null;
  revised_at: number;
}

/**
 * Fixity: each revision's SHA-256 of its canonical stored content (domain/revision-fixity.ts).
 * content_hash stays the revision's identity (for imports, a hash of the source as captured, so
 * a page captured twice is one revision); fixity_sha256 vouches for what Folio stores and shows.
 * Revisions already stored are sealed as they are now, and nodes written before live publishing
 * kept revisions get their current content as their first one: the best a migration can vouch for.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('node_revisions').addColumn('fixity_sha256', 'text').execute();
  await sealRevisions(db);
  await addFirstRevisions(db);
}

function photoOf(r: { photo_src: string | null; photo_caption: string | null; photo_credit: string | null }) {
  return r.photo_src === null ? null : { src: r.photo_src, caption: r.photo_caption, credit: r.photo_credit };
}

async function sealRevisions(db: Kysely<unknown>): Promise<void> {
  for (;;) {
    const { rows } = await sql<RevisionRow>`select nid, content_hash, title, body_html, summary, credit, photo_src, photo_caption, photo_credit, revised_at
      from node_revisions where fixity_sha256 is null order by nid, content_hash limit ${BACKFILL_ROWS}`.execute(db);
    if (rows.length === 0) return;
    for (const r of rows) {
      const fixity = revisionFixity({
        title: r.title, bodyHtml: r.body_html, summary: r.summary, credit: r.credit, revisedAt: Number(r.revised_at), photo: photoOf(r),
      });
      await sql`update node_revisions set fixity_sha256 = ${fixity} where nid = ${r.nid} and content_hash = ${r.content_hash}`.execute(db);
    }
  }
}

/** A live revision's identity is its fixity value (store/fixity-queries.ts firstRevision). */
async function addFirstRevisions(db: Kysely<unknown>): Promise<void> {
  for (;;) {
    const { rows } = await sql<NodeRow>`select nid, title, body_html, summary, credit, photo_src, photo_caption, photo_credit, updated_at from nodes n
      where not exists (select 1 from node_revisions r where r.nid = n.nid) order by nid limit ${BACKFILL_ROWS}`.execute(db);
    if (rows.length === 0) return;
    for (const r of rows) {
      const revisedAt = Number(r.updated_at);
      const fixity = revisionFixity({ title: r.title, bodyHtml: r.body_html, summary: r.summary, credit: r.credit, revisedAt, photo: photoOf(r) });
      await sql`insert into node_revisions (nid, content_hash, title, body_html, summary, credit, photo_src, photo_caption, photo_credit, revised_at, fixity_sha256)
        values (${r.nid}, ${fixity}, ${r.title}, ${r.body_html}, ${r.summary}, ${r.credit}, ${r.photo_src}, ${r.photo_caption}, ${r.photo_credit}, ${revisedAt}, ${fixity})`.execute(db);
    }
  }
}

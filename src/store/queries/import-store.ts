import { SqliteAdapter, sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { WritableEdition } from '../../domain/edition-guard.ts';
import type { CommentsTable, Database, ImportItemsTable, NodeRevisionsTable, NodesTable } from '../schema.ts';
import { BulkInsert } from './bulk-insert.ts';
import { ID_COLUMNS, maxId } from './ids.ts';
import { recountComments } from './comment-counts.ts';
import { nameKey } from './user-store.ts';
import { revisionRow } from './fixity-queries.ts';
import { inSaveOrder } from './save-order.ts';
import type { ImportBatch, ImportedItemState, ImportItemType, ImportStore, PathTargetType, RevisionWrite, SourcePathFact } from '../types.ts';
import type { Dialect } from '../connection.ts';
import { newNodeRow, toRevision } from './row-mappers.ts';
import { sourcePathFacts } from './source-path-facts.ts';

/** Rows per multi-row statement: under SQLite's and PostgreSQL's bind limits for the widest table. */
const BATCH_ROWS = 300;

function chunks<T>(rows: readonly T[], size = BATCH_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Last one wins: a multi-row upsert may not touch the same key twice (PostgreSQL refuses it). */
function lastByKey<T>(rows: readonly T[], key: (row: T) => string): T[] {
  const map = new Map<string, T>();
  for (const row of rows) {
    const k = key(row);
    map.delete(k);
    map.set(k, row);
  }
  return [...map.values()];
}

type PathRow = { edition: string; path: string; target_type: string; target_id: number; canonical: number };
type ItemRow = ImportItemsTable;

// The import's high-volume statements, built once per row count (bulk-insert.ts).
const insertNodes = new BulkInsert<Insertable<NodesTable>>(
  ['nid', 'edition', 'kind', 'title', 'path', 'summary', 'teaser', 'lead_html', 'body_html', 'credit', 'photo_src', 'photo_caption', 'photo_credit',
    'published_at', 'updated_at', 'show_date', 'status', 'promoted', 'section_tid', 'blog_id', 'comment_policy', 'comment_count', 'listed_comments'],
  (db, rows) => db.insertInto('nodes').values(rows),
);
const insertNodeTerms = new BulkInsert<{ nid: number; tid: number; published_at: number }>(['nid', 'tid', 'published_at'], (db, rows) => db.insertInto('node_terms').values(rows));
const insertNodeAuthors = new BulkInsert<{ nid: number; aid: number; position: number; published_at: number }>(
  ['nid', 'aid', 'position', 'published_at'], (db, rows) => db.insertInto('node_authors').values(rows),
);
const insertRevisions = new BulkInsert<Insertable<NodeRevisionsTable>>(
  ['nid', 'content_hash', 'source_vid', 'title', 'body_html', 'summary', 'credit', 'photo_src', 'photo_caption', 'photo_credit', 'revised_at', 'log', 'fixity_sha256', 'saved_seq'],
  (db, rows) => db.insertInto('node_revisions').values(rows).onConflict((oc) => oc.columns(['nid', 'content_hash']).doNothing()),
);
const insertComments = new BulkInsert<CommentsTable>(
  ['cid', 'nid', 'pid', 'thread', 'status', 'uid', 'name', 'email', 'homepage', 'hostname', 'subject', 'body', 'format', 'body_html', 'created_at', 'changed_at'],
  (db, rows) => db.insertInto('comments').values(rows),
);
const upsertPathRows = new BulkInsert<PathRow>(['edition', 'path', 'target_type', 'target_id', 'canonical'], (db, rows) => db.insertInto('path_aliases').values(rows)
  .onConflict((oc) => oc.columns(['edition', 'path']).doUpdateSet((eb) => ({
    target_type: eb.ref('excluded.target_type'), target_id: eb.ref('excluded.target_id'), canonical: eb.ref('excluded.canonical'),
  }))));
const upsertItems = new BulkInsert<ItemRow>(
  ['edition', 'item_type', 'item_key', 'folio_id', 'state', 'source', 'original_url', 'captured_at', 'content_hash', 'run_id'],
  (db, rows) => db.insertInto('import_items').values(rows).onConflict((oc) => oc.columns(['edition', 'item_type', 'item_key']).doUpdateSet((eb) => ({
    folio_id: eb.ref('excluded.folio_id'), state: eb.ref('excluded.state'), source: eb.ref('excluded.source'),
    original_url: eb.ref('excluded.original_url'), captured_at: eb.ref('excluded.captured_at'),
    content_hash: eb.ref('excluded.content_hash'), run_id: eb.ref('excluded.run_id'),
  }))),
);

/** The importer's reads and its one-transaction batch writes. */
export class KyselyImportStore implements ImportStore {
  constructor(private readonly db: Kysely<Database>, private readonly dialect: Dialect) {}

  async findItems(edition: string, type: ImportItemType, keys: readonly string[]): Promise<Map<string, ImportedItemState>> {
    const found = new Map<string, ImportedItemState>();
    for (const part of chunks([...new Set(keys)], 500)) {
      const rows = await this.db.selectFrom('import_items').select(['item_key', 'folio_id', 'state'])
        .where('edition', '=', edition).where('item_type', '=', type).where('item_key', 'in', part).execute();
      for (const r of rows) found.set(r.item_key, { id: Number(r.folio_id), state: r.state });
    }
    return found;
  }

  async revisionHashes(nids: readonly number[]): Promise<Map<number, Set<string>>> {
    const found = new Map<number, Set<string>>();
    for (const part of chunks([...new Set(nids)], 500)) {
      const rows = await this.db.selectFrom('node_revisions').select(['nid', 'content_hash']).where('nid', 'in', part).execute();
      for (const r of rows) {
        const set = found.get(Number(r.nid)) ?? new Set<string>();
        set.add(r.content_hash);
        found.set(Number(r.nid), set);
      }
    }
    return found;
  }

  async revision(nid: number, contentHash: string): Promise<RevisionWrite | undefined> {
    const r = await this.db.selectFrom('node_revisions').selectAll().where('nid', '=', nid).where('content_hash', '=', contentHash).executeTakeFirst();
    return r === undefined ? undefined : toRevision(r);
  }

  maxId(type: ImportItemType): Promise<number> {
    return maxId(this.db, type);
  }

  async takenIds(type: ImportItemType, ids: readonly number[]): Promise<Set<number>> {
    const [table, column] = ID_COLUMNS[type];
    const taken = new Set<number>();
    for (const part of chunks([...new Set(ids)], 500)) {
      const rows = await sql<{ id: number }>`select ${sql.ref(column)} as id from ${sql.table(table)} where ${sql.ref(column)} in (${sql.join(part)})`.execute(this.db);
      for (const r of rows.rows) taken.add(Number(r.id));
    }
    return taken;
  }

  async authorsBySlug(edition: string, slugs: readonly string[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (const part of chunks([...new Set(slugs)], 500)) {
      const rows = await this.db.selectFrom('authors').select(['slug', 'aid']).where('edition', '=', edition).where('slug', 'in', part).execute();
      for (const r of rows) found.set(r.slug, Number(r.aid));
    }
    return found;
  }

  async pathTargets(edition: string, paths: readonly string[]): Promise<Map<string, { targetType: PathTargetType; targetId: number }>> {
    const found = new Map<string, { targetType: PathTargetType; targetId: number }>();
    for (const part of chunks([...new Set(paths)], 500)) {
      const rows = await this.db.selectFrom('path_aliases').select(['path', 'target_type', 'target_id']).where('edition', '=', edition).where('path', 'in', part).execute();
      for (const r of rows) found.set(r.path, { targetType: r.target_type as PathTargetType, targetId: Number(r.target_id) });
    }
    return found;
  }

  sourcePaths(edition: string, paths: readonly string[]): Promise<Map<string, SourcePathFact>> {
    return sourcePathFacts(this.db, edition, paths);
  }

  async commentThreads(nid: number): Promise<string[]> {
    const rows = await this.db.selectFrom('comments').select('thread').where('nid', '=', nid).execute();
    return rows.map((r) => r.thread);
  }

  async startRun(edition: string, source: string, inputs: readonly string[], at: number): Promise<number> {
    if (this.db.getExecutor().adapter instanceof SqliteAdapter) {
      // For the import's own connection only: WAL with synchronous=NORMAL cannot corrupt the
      // database; a power cut may lose the last batches, which re-running the import (idempotent)
      // restores. The server's connections, and the comment writer's, stay at FULL.
      await sql`pragma synchronous = normal`.execute(this.db);
      // Checkpoint the WAL every 64 MB instead of every 4 MB: a batch writes several megabytes,
      // and a checkpoint (with its fsync) after nearly every batch was the costliest commit step.
      await sql`pragma wal_autocheckpoint = 16384`.execute(this.db);
    }
    const runId = (await maxId(this.db, 'importRun')) + 1;
    await this.db.insertInto('import_runs').values({ run_id: runId, edition, source, inputs: JSON.stringify(inputs), started_at: at, finished_at: null, summary: null }).execute();
    return runId;
  }

  async finishRun(runId: number, at: number, summary: string): Promise<void> {
    await this.db.updateTable('import_runs').set({ finished_at: at, summary }).where('run_id', '=', runId).execute();
    if (this.db.getExecutor().adapter instanceof SqliteAdapter) {
      await sql`pragma wal_checkpoint(truncate)`.execute(this.db);
      await sql`pragma wal_autocheckpoint = 1000`.execute(this.db);
      await sql`pragma synchronous = full`.execute(this.db);
    }
  }

  async closeInterruptedRuns(edition: string, at: number): Promise<number[]> {
    const runs = (await this.db.selectFrom('import_runs').select('run_id').where('edition', '=', edition).where('finished_at', 'is', null).execute()).map((r) => Number(r.run_id));
    if (runs.length === 0) return [];
    const rows = await this.db.selectFrom('import_items').select('folio_id').where('edition', '=', edition).where('item_type', '=', 'node').where('run_id', 'in', runs).execute();
    await this.db.updateTable('import_runs').set({ finished_at: at, summary: JSON.stringify({ interrupted: true }) }).where('run_id', 'in', runs).execute();
    return rows.map((r) => Number(r.folio_id));
  }

  async saveUsers(users: readonly { name: string; email: string | null; role: string; passwordHash: string | null; createdAt: number }[]): Promise<{ added: number; updated: number }> {
    let added = 0;
    let updated = 0;
    await this.db.transaction().execute(async (trx) => {
      for (const u of users) {
        const key = nameKey(u.name);
        const existing = await trx.selectFrom('users').select('uid').where('name_key', '=', key).executeTakeFirst();
        if (existing) {
          await trx.updateTable('users').set({ email: u.email, role: u.role, ...(u.passwordHash === null ? {} : { password_hash: u.passwordHash }) })
            .where('uid', '=', existing.uid).execute();
          updated++;
          continue;
        }
        await trx.insertInto('users').values({
          uid: (await maxId(trx, 'user')) + 1, name: u.name.trim(), name_key: key, email: u.email, password_hash: u.passwordHash, role: u.role,
          failed_logins: 0, locked_until: null, created_at: u.createdAt,
        }).execute();
        added++;
      }
    });
    return { added, updated };
  }

  async applyBatch(edition: WritableEdition, batch: ImportBatch, runId: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.writeTerms(trx, edition.code, batch);
      await this.writeAuthorsAndBlogs(trx, edition.code, batch);
      await this.writeNodes(trx, edition.code, batch);
      await this.writeComments(trx, batch);
      for (const part of chunks(lastByKey(batch.gone, (g) => g.path))) {
        const at = Math.floor(Date.now() / 1000);
        await trx.insertInto('gone_paths').values(part.map((g) => ({ edition: edition.code, path: g.path, reason: g.reason, since: at })))
          .onConflict((oc) => oc.columns(['edition', 'path']).doUpdateSet((eb) => ({ reason: eb.ref('excluded.reason') }))).execute();
      }
      for (const part of chunks(lastByKey(batch.corrections, (c) => String(c.id)))) {
        await trx.deleteFrom('corrections').where('id', 'in', part.map((c) => c.id)).execute();
        await trx.insertInto('corrections').values(part.map((c) => ({
          id: c.id, edition: edition.code, nid: c.nid, kind: c.kind, title: c.title, body_html: c.bodyHtml, published_at: c.publishedAt,
        }))).execute();
      }
      for (const l of batch.landing) {
        await trx.deleteFrom('landing_items').where('landing_nid', '=', l.landingNid).execute();
        for (const part of chunks(l.nids.map((nid, position) => ({ landing_nid: l.landingNid, nid, position })))) await trx.insertInto('landing_items').values(part).execute();
      }
      for (const part of chunks(lastByKey(batch.translations, (t) => String(t.nid)))) {
        await trx.insertInto('translations').values(part.map((t) => ({ nid: t.nid, tnid: t.tnid })))
          .onConflict((oc) => oc.column('nid').doUpdateSet((eb) => ({ tnid: eb.ref('excluded.tnid') }))).execute();
      }
      for (const part of chunks(lastByKey(batch.pathRedirects, (r) => r.path))) {
        await trx.insertInto('path_redirects').values(part.map((r) => ({ edition: edition.code, path: r.path, location: r.location })))
          .onConflict((oc) => oc.columns(['edition', 'path']).doUpdateSet((eb) => ({ location: eb.ref('excluded.location') }))).execute();
      }
      for (const part of chunks(lastByKey(batch.redirects, (r) => r.path))) {
        // A redirect never takes a path over: what the site already answers at a path stays.
        await trx.insertInto('path_aliases').values(part.map((r) => ({ edition: edition.code, path: r.path, target_type: r.targetType, target_id: r.targetId, canonical: 0 })))
          .onConflict((oc) => oc.columns(['edition', 'path']).doNothing()).execute();
      }
      for (const part of chunks(lastByKey(batch.items, (i) => `${i.type}\u0000${i.key}`))) {
        await upsertItems.run(trx, part.map((i) => ({
          edition: edition.code, item_type: i.type, item_key: i.key, folio_id: i.id, state: i.state, source: i.source,
          original_url: i.originalUrl, captured_at: i.capturedAt, content_hash: i.contentHash, run_id: runId,
        })));
      }
    });
  }

  /** Path rows: insert, or take the path over from whatever held it (the newer import knows better). */
  private async upsertPaths(trx: Transaction<Database>, rows: PathRow[]): Promise<void> {
    for (const part of chunks(lastByKey(rows, (r) => r.path))) await upsertPathRows.run(trx, part);
  }

  private async writeTerms(trx: Transaction<Database>, edition: string, batch: ImportBatch): Promise<void> {
    const terms = lastByKey(batch.terms, (t) => String(t.tid));
    for (const part of chunks(terms)) {
      const tids = part.map((t) => t.tid);
      await trx.deleteFrom('terms').where('tid', 'in', tids).execute();
      await trx.deleteFrom('path_aliases').where('target_type', '=', 'term').where('target_id', 'in', tids).execute();
      await trx.insertInto('terms').values(part.map((t) => ({
        tid: t.tid, edition, vocabulary: t.vocabulary, name: t.name, path: t.path, parent_tid: t.parentTid, weight: t.weight,
      }))).execute();
    }
    await this.upsertPaths(trx, terms.flatMap((t) => [
      ...(t.legacyPaths ?? []).map((path) => ({ edition, path, target_type: 'term', target_id: t.tid, canonical: 0 })),
      ...(t.path === null ? [] : [{ edition, path: t.path, target_type: 'term', target_id: t.tid, canonical: 1 }]),
    ]));
  }

  private async writeAuthorsAndBlogs(trx: Transaction<Database>, edition: string, batch: ImportBatch): Promise<void> {
    for (const part of chunks(lastByKey(batch.authors, (a) => String(a.aid)))) {
      await trx.deleteFrom('authors').where('aid', 'in', part.map((a) => a.aid)).execute();
      await trx.insertInto('authors').values(part.map((a) => ({ aid: a.aid, edition, name: a.name, slug: a.slug }))).execute();
    }
    await this.upsertPaths(trx, batch.authors.map((a) => ({ edition, path: `author/${a.slug}`, target_type: 'author', target_id: a.aid, canonical: 1 })));
    for (const part of chunks(lastByKey(batch.blogs, (b) => String(b.bid)))) {
      await trx.deleteFrom('blogs').where('bid', 'in', part.map((b) => b.bid)).execute();
      await trx.insertInto('blogs').values(part.map((b) => ({ bid: b.bid, edition, uid: b.uid, title: b.title, slug: b.slug, owner_name: b.ownerName }))).execute();
    }
    await this.upsertPaths(trx, batch.blogs.map((b) => ({ edition, path: `blogs/${b.slug}`, target_type: 'blog', target_id: b.bid, canonical: 1 })));
  }

  private async writeNodes(trx: Transaction<Database>, edition: string, batch: ImportBatch): Promise<void> {
    const nodes = lastByKey(batch.nodes, (n) => String(n.nid));
    for (const part of chunks(nodes)) {
      const nids = part.map((n) => n.nid);
      await trx.deleteFrom('nodes').where('nid', 'in', nids).execute();
      await trx.deleteFrom('node_terms').where('nid', 'in', nids).execute();
      await trx.deleteFrom('node_authors').where('nid', 'in', nids).execute();
      await trx.deleteFrom('path_aliases').where('target_type', '=', 'node').where('target_id', 'in', nids).execute();
      await insertNodes.run(trx, part.map((n) => ({ ...newNodeRow(edition, n, n.published ? 1 : 0), listed_comments: n.listedComments ?? 0 })));
      const terms = part.flatMap((n) => [...new Set(n.termIds)].map((tid) => ({ nid: n.nid, tid, published_at: n.publishedAt })));
      for (const rows of chunks(terms)) await insertNodeTerms.run(trx, rows);
      const authors = part.flatMap((n) => [...new Set(n.authorIds)].map((aid, position) => ({ nid: n.nid, aid, position, published_at: n.publishedAt })));
      for (const rows of chunks(authors)) await insertNodeAuthors.run(trx, rows);
    }
    await this.upsertPaths(trx, nodes.flatMap((n) => [
      ...(n.legacyPaths ?? []).map((path) => ({ edition, path, target_type: 'node', target_id: n.nid, canonical: 0 })),
      ...(n.path === null ? [] : [{ edition, path: n.path, target_type: 'node', target_id: n.nid, canonical: 1 }]),
    ]));
    for (const part of chunks(lastByKey(batch.revisions, (r) => `${r.nid}\u0000${r.contentHash}`))) {
      await insertRevisions.run(trx, await inSaveOrder(trx, this.dialect, part.map(revisionRow)));
    }
    // Comment counts survive the row replacement: recount what the store holds for these nodes.
    await recountComments(trx, nodes.map((n) => n.nid));
  }

  private async writeComments(trx: Transaction<Database>, batch: ImportBatch): Promise<void> {
    const comments = lastByKey(batch.comments, (c) => String(c.cid));
    for (const part of chunks(comments)) {
      await trx.deleteFrom('comments').where('cid', 'in', part.map((c) => c.cid)).execute();
      await insertComments.run(trx, part.map((c) => ({
        cid: c.cid, nid: c.nid, pid: c.pid, thread: c.thread, status: c.status, uid: c.uid ?? null, name: c.name, email: c.email,
        homepage: c.homepage, hostname: c.hostname, subject: c.subject, body: c.body, format: c.format, body_html: c.bodyHtml,
        created_at: c.createdAt, changed_at: c.changedAt,
      })));
    }
    await recountComments(trx, comments.map((c) => c.nid));
  }

}

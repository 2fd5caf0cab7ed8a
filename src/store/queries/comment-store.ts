import { sql, type Kysely, type Transaction } from 'kysely';
import { COMMENT_STATUS, type CommentStatus, type ModeratedComment, type ModerationAction, type ModerationRecord } from '../../domain/comment.ts';
import { nextThread } from '../../domain/comment-thread.ts';
import type { Database } from '../schema.ts';
import { publishedCommentsBefore, recountComments } from './comment-counts.ts';
import type { Dialect } from '../connection.ts';
import { binaryThread, lockUntilCommit, maxThread } from './sql-helpers.ts';
import { GroupCommitQueue } from '../comment-write-queue.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import { storedHtml } from './row-mappers.ts';
import { CompiledOnce } from './compiled-once.ts';
import type { Actor, AddedComment, CommentStore, CommentTarget, FloodLimit, ModerationQuery, NewComment } from '../types.ts';

const now = () => Math.floor(Date.now() / 1000);

// The read every comment form makes, compiled once (compiled-once.ts): under a flood of posts,
// building it with Kysely each time cost more than running it. The sentinels here and below are
// values no node id, host name, time, cap or thread can be.
const TARGET = new CompiledOnce<readonly [number], { nid: number; edition: string; title: string; path: string | null; kind: string; comment_policy: string | null }>(
  (db, nid) => db.selectFrom('nodes').select(['nid', 'edition', 'title', 'path', 'kind', 'comment_policy']).where('nid', '=', nid).where('status', '=', 1).limit(1),
  [-2_000_000_301],
);

// The statements of a comment write, compiled once for the same reason: the writer thread spent
// more of its time building them with Kysely than SQLite spent running them.
const RECENT_FROM_HOST = new CompiledOnce<readonly [string, number, number], { n: number }>(
  (db, hostname, since, cap) => db.selectFrom(db.selectFrom('comments').select('cid').where('hostname', '=', hostname).where('created_at', '>=', since).limit(cap).as('recent'))
    .select((eb) => eb.fn.countAll<number>().as('n')),
  ['\u0000host', -2_000_000_302, -2_000_000_303],
);
/** A new comment's place in thread order (comment-counts.ts publishedCommentsBefore), per dialect. */
const publishedBefore = (dialect: Dialect) => new CompiledOnce<readonly [number, string], { n: number }>(
  (db, nid, key) => publishedCommentsBefore(db, dialect, nid, key), [-2_000_000_305, '\u0000key']);
const PUBLISHED_BEFORE = { sqlite: publishedBefore('sqlite'), postgres: publishedBefore('postgres') } as const;
const MAX_COMMENT_ID = new CompiledOnce<readonly [], { n: number | null }>((db) => db.selectFrom('comments').select((eb) => eb.fn.max('cid').as('n')), []);
const MAX_MODERATION_ID = new CompiledOnce<readonly [], { n: number | null }>((db) => db.selectFrom('moderation_log').select((eb) => eb.fn.max('id').as('n')), []);
const maxTopThread = (dialect: Dialect) => new CompiledOnce<readonly [number], { t: string | null }>(
  (db, nid) => db.selectFrom('comments').select(maxThread(dialect).as('t')).where('nid', '=', nid), [-2_000_000_304]);
const MAX_TOP_THREAD = { sqlite: maxTopThread('sqlite'), postgres: maxTopThread('postgres') } as const;
type InsertArgs = readonly [number, number, number | null, string, number, number | null, string, string | null, string | null, string | null, string, string, string, string, number, number];
const INSERT_COMMENT = new CompiledOnce<InsertArgs, never>(
  (db, cid, nid, pid, thread, status, uid, name, email, homepage, hostname, subject, body, format, bodyHtml, createdAt, changedAt) => db.insertInto('comments').values({
    cid, nid, pid, thread, status, uid, name, email, homepage, hostname, subject, body, format, body_html: bodyHtml, created_at: createdAt, changed_at: changedAt,
  }),
  [-2_000_000_310, -2_000_000_311, -2_000_000_312, '\u0000thread', -2_000_000_313, -2_000_000_314, '\u0000name', '\u0000email', '\u0000homepage', '\u0000host', '\u0000subject', '\u0000body', '\u0000format', '\u0000html', -2_000_000_315, -2_000_000_316],
);
type LogArgs = readonly [number, number, number | null, string, string, number | null, number | null, number];
const INSERT_LOG = new CompiledOnce<LogArgs, never>(
  (db, id, cid, uid, actor, action, from, to, at) => db.insertInto('moderation_log').values({ id, cid, uid, actor, action, from_status: from, to_status: to, at }),
  [-2_000_000_320, -2_000_000_321, -2_000_000_322, '\u0000actor', '\u0000action', -2_000_000_323, -2_000_000_324, -2_000_000_325],
);

/**
 * The key of the PostgreSQL advisory lock that comment and moderation-log writes hold until
 * their transaction ends (any constant works; this one spells "Folio" in a 32-bit integer).
 */
const COMMENT_WRITE_LOCK = 0x466f6c69;

/**
 * Serialises comment and moderation-log writes until the transaction ends. Several instances
 * share one PostgreSQL: without a lock two of them read the same max(cid) at once, and the
 * second insert failed on comments_pkey (the fault tests' kill -9 run answered about one comment
 * in twenty with a 500); and two posts from one address could both count the host's comments
 * below the flood limit before either was stored. Under the lock each transaction's statements
 * see what the previous holder committed (READ COMMITTED takes a new snapshot per statement), and
 * nothing else adds a comment until it commits. One lock for all writes rather than one per
 * address: the ids need every comment write serialised anyway, and under it the flood count is
 * exact too; a second, per-address lock would cost a round trip and make nothing more exact.
 * SQLite has one writer at a time already: a transaction whose snapshot went stale before it
 * wrote fails SQLITE_BUSY and is run again.
 */
async function lockCommentWrites(trx: Transaction<Database>, dialect: Dialect): Promise<LockedForCommentWrites> {
  await lockUntilCommit(trx, dialect, COMMENT_WRITE_LOCK);
  return trx as LockedForCommentWrites;
}

declare const commentWriteLock: unique symbol;
/**
 * A transaction that holds the comment-write lock: what ids and the moderation log need. Only
 * lockCommentWrites makes one, so calling nextId or log without the lock does not compile.
 */
type LockedForCommentWrites = Transaction<Database> & { readonly [commentWriteLock]: true };

/** The next id above the largest in use, under the comment-write lock. */
async function nextId(trx: LockedForCommentWrites, kind: 'comment' | 'moderation', db: Kysely<Database>): Promise<number> {
  const [row] = await (kind === 'comment' ? MAX_COMMENT_ID : MAX_MODERATION_ID).executeOn(trx, db);
  return Number(row?.n ?? 0) + 1;
}

/** Records a moderation event, under the comment-write lock. */
async function log(trx: LockedForCommentWrites, db: Kysely<Database>, cid: number, actor: Actor, action: string, from: number | null, to: number | null): Promise<void> {
  await INSERT_LOG.executeOn(trx, db, await nextId(trx, 'moderation', db), cid, actor.uid, actor.name, action, from, to, now());
}

/** Comments as moderators handle them, and durable comment writes. */
export class KyselyCommentStore implements CommentStore {
  private readonly writes: GroupCommitQueue;

  /**
   * `delegate` takes over addComment (the SQLite writer thread); without one, comments are
   * group-committed on this connection.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    private readonly delegate?: { addComment(comment: NewComment, actor: Actor, flood: FloodLimit | null): Promise<AddedComment>; readonly depth: number },
  ) {
    this.writes = new GroupCommitQueue(db);
  }

  /** Comments accepted and not yet committed. */
  get pendingWrites(): number {
    return (this.delegate?.depth ?? 0) + this.writes.depth;
  }

  addComment(comment: NewComment, actor: Actor, flood: FloodLimit | null): Promise<AddedComment> {
    if (this.delegate) return this.delegate.addComment(comment, actor, flood);
    return this.writes.run(async (open): Promise<AddedComment> => {
      const trx = await lockCommentWrites(open, this.dialect);
      // Counted in the transaction that inserts, after the lock: posts of one group commit run one
      // after another in it, so each counts the ones before it, and the limit is exact however
      // many arrive at once. A comment without a host (none comes from a reader) has none to count.
      if (flood !== null && comment.hostname !== null) {
        // Counting stops at the limit: the question is only "at the limit yet?", so the cost stays bounded.
        const [recent] = await RECENT_FROM_HOST.executeOn(trx, this.db, comment.hostname, flood.since, flood.limit);
        if (Number(recent?.n ?? 0) >= flood.limit) return { kind: 'flooded' };
      }
      const cid = await nextId(trx, 'comment', this.db);
      let parentThread: string | null = null;
      if (comment.pid !== null) {
        const parent = await trx.selectFrom('comments').select('thread').where('cid', '=', comment.pid).where('nid', '=', comment.nid).executeTakeFirst();
        parentThread = parent?.thread ?? null;
      }
      // Drupal's rule: the largest thread on the node (or under the parent) decides the next one.
      let max: string | null;
      if (parentThread === null) {
        max = (await MAX_TOP_THREAD[this.dialect].executeOn(trx, this.db, comment.nid))[0]?.t ?? null;
      } else {
        // Replies sit between "<parent>." and "<parent>/" in binary order ('/' follows '.'), a range the index serves.
        max = (await trx.selectFrom('comments').select(maxThread(this.dialect).as('t')).where('nid', '=', comment.nid)
          .where(binaryThread(this.dialect), '>', `${parentThread.slice(0, -1)}.`).where(binaryThread(this.dialect), '<', `${parentThread.slice(0, -1)}/`)
          .executeTakeFirst())?.t ?? null;
      }
      const thread = nextThread(max === null ? [] : [max], parentThread);
      await INSERT_COMMENT.executeOn(trx, this.db, cid, comment.nid, parentThread === null ? null : comment.pid, thread, comment.status, comment.uid,
        comment.name, comment.email, comment.homepage, comment.hostname, comment.subject, comment.body, comment.format, comment.bodyHtml, comment.createdAt, comment.createdAt);
      await log(trx, this.db, cid, actor, 'post', null, comment.status);
      if (comment.status !== COMMENT_STATUS.published) return { kind: 'saved', cid, thread, position: null };
      await recountComments(trx, [comment.nid]);
      // Its place in thread order, read here rather than by the caller after the commit: one query
      // fewer per post. Drupal sorts threads without their trailing '/' (see threadSortKey).
      const [before] = await PUBLISHED_BEFORE[this.dialect].executeOn(trx, this.db, comment.nid, thread.slice(0, -1));
      return { kind: 'saved', cid, thread, position: Number(before?.n ?? 0) };
    });
  }

  async commentTarget(nid: number): Promise<CommentTarget | undefined> {
    const [row] = await TARGET.execute(this.db, nid);
    return row && { nid: row.nid, edition: row.edition, title: row.title, path: row.path, kind: row.kind, commentPolicy: row.comment_policy };
  }

  async findForModeration(cid: number): Promise<ModeratedComment | undefined> {
    const { items } = await this.query({ limit: 1, offset: 0 }, cid);
    return items[0];
  }

  listForModeration(query: ModerationQuery): Promise<{ items: ModeratedComment[]; total: number }> {
    return this.query(query);
  }

  async setStatus(cids: readonly number[], status: number, action: ModerationAction, actor: Actor) {
    return this.db.transaction().execute(async (trx) => {
      const rows = cids.length === 0 ? [] : await trx.selectFrom('comments').innerJoin('nodes', 'nodes.nid', 'comments.nid')
        .select(['comments.cid', 'comments.nid', 'comments.status', 'nodes.edition']).where('comments.cid', 'in', [...cids]).execute();
      const changed = rows.filter((r) => r.status !== status);
      if (changed.length > 0) {
        await trx.updateTable('comments').set({ status, changed_at: now() }).where('cid', 'in', changed.map((r) => r.cid)).execute();
        const locked = await lockCommentWrites(trx, this.dialect);
        for (const r of changed) await log(locked, this.db, r.cid, actor, action, r.status, status);
        await recountComments(trx, changed.map((r) => r.nid));
      }
      return { changed: changed.map((r) => r.cid), editions: [...new Set(changed.map((r) => r.edition))] };
    });
  }

  async deleteComments(cids: readonly number[], actor: Actor) {
    return this.db.transaction().execute(async (trx) => {
      const roots = cids.length === 0 ? [] : await trx.selectFrom('comments').innerJoin('nodes', 'nodes.nid', 'comments.nid')
        .select(['comments.cid', 'comments.nid', 'comments.thread', 'comments.status', 'nodes.edition']).where('comments.cid', 'in', [...cids]).execute();
      const doomed = new Map<number, { nid: number; status: number; edition: string }>();
      for (const root of roots) {
        // Replies go with the comment they answer, as in Drupal: a thread with a hole makes no sense.
        const subtree = await trx.selectFrom('comments').select(['cid', 'nid', 'status']).where('nid', '=', root.nid)
          .where((eb) => eb.or([eb('cid', '=', root.cid), eb('thread', 'like', `${root.thread.slice(0, -1)}.%`)])).execute();
        for (const c of subtree) doomed.set(c.cid, { nid: c.nid, status: c.status, edition: root.edition });
      }
      const ids = [...doomed.keys()];
      if (ids.length > 0) {
        await trx.deleteFrom('comments').where('cid', 'in', ids).execute();
        const locked = await lockCommentWrites(trx, this.dialect);
        for (const [cid, c] of doomed) await log(locked, this.db, cid, actor, 'delete', c.status, null);
        await recountComments(trx, [...doomed.values()].map((c) => c.nid));
      }
      return { deleted: ids.sort((a, b) => a - b), editions: [...new Set([...doomed.values()].map((c) => c.edition))] };
    });
  }

  async eraseByEmail(email: string, mode: 'anonymise' | 'delete', anonymousName: string, actor: Actor) {
    const rows = await this.db.selectFrom('comments').innerJoin('nodes', 'nodes.nid', 'comments.nid').select(['comments.cid', 'nodes.edition'])
      .where(sql<string>`lower(comments.email)`, '=', email.trim().toLowerCase()).execute();
    const cids = rows.map((r) => r.cid);
    if (cids.length === 0) return { cids, editions: [] };
    if (mode === 'delete') {
      const { deleted, editions } = await this.deleteComments(cids, actor);
      return { cids: deleted, editions };
    }
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('comments').set({ name: anonymousName, email: null, homepage: null, hostname: null, changed_at: now() }).where('cid', 'in', cids).execute();
      const locked = await lockCommentWrites(trx, this.dialect);
      for (const cid of cids) await log(locked, this.db, cid, actor, 'erase', null, null);
    });
    return { cids, editions: [...new Set(rows.map((r) => r.edition))] };
  }

  async moderationLog(cid: number): Promise<ModerationRecord[]> {
    const rows = await this.db.selectFrom('moderation_log').selectAll().where('cid', '=', cid).orderBy('at').orderBy('id').execute();
    return rows.map((r) => ({ cid: r.cid, actor: r.actor, action: r.action as ModerationRecord['action'], fromStatus: r.from_status, toStatus: r.to_status, at: Number(r.at) }));
  }

  private async query(query: ModerationQuery, cid?: number): Promise<{ items: ModeratedComment[]; total: number }> {
    let base = this.db.selectFrom('comments').innerJoin('nodes', 'nodes.nid', 'comments.nid');
    if (cid !== undefined) base = base.where('comments.cid', '=', cid);
    if (query.status !== undefined) base = base.where('comments.status', '=', query.status);
    if (query.edition !== undefined) base = base.where('nodes.edition', '=', query.edition);
    const rows = await base.selectAll('comments').select(['nodes.edition', 'nodes.title as node_title', 'nodes.path as node_path', 'nodes.teaser as node_teaser'])
      .orderBy('comments.created_at', 'desc').orderBy('comments.cid', 'desc').limit(query.limit).offset(query.offset).execute();
    const totalRow = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const parentIds = [...new Set(rows.map((r) => r.pid).filter((p): p is number => p !== null))];
    const parents = new Map<number, { cid: number; name: string; subject: string; bodyHtml: SafeHtml }>();
    if (parentIds.length > 0) {
      for (const p of await this.db.selectFrom('comments').select(['cid', 'name', 'subject', 'body_html']).where('cid', 'in', parentIds).execute()) {
        parents.set(p.cid, { cid: p.cid, name: p.name, subject: p.subject, bodyHtml: storedHtml(p.body_html) });
      }
    }
    return {
      total: Number(totalRow?.n ?? 0),
      items: rows.map((r) => ({
        cid: r.cid, nid: r.nid, pid: r.pid, edition: r.edition, thread: r.thread, status: r.status as CommentStatus, name: r.name,
        email: r.email, homepage: r.homepage, hostname: r.hostname, subject: r.subject, body: r.body, format: r.format,
        bodyHtml: storedHtml(r.body_html), createdAt: Number(r.created_at), nodeTitle: r.node_title, nodePath: r.node_path, nodeTeaser: r.node_teaser,
        parent: r.pid === null ? null : parents.get(r.pid) ?? null,
      })),
    };
  }
}

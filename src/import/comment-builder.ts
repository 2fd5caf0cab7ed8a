import { COMMENT_STATUS } from '../domain/comment.ts';
import { nextThread } from '../domain/comment-thread.ts';
import type { ImportedComment } from '../domain/import-record.ts';
import { checkText, formatChecked } from '../filter/index.ts';
import type { MutableBatch } from './batch.ts';
import { BoundedMap } from './bounded-map.ts';
import { sha256 } from './content-hash.ts';
import { commentOfUnpublishedItem, UNPUBLISHED_COMMENT, type ReportedItem } from './import-report.ts';
import { actionOf, itemRow, type RunState } from './run-state.ts';

/**
 * Replies held back because their parent has not arrived yet (a reply stored with a lower cid than
 * its parent). Past this many, a reply is filed at the top level at once, with a warning, so memory
 * stays bounded on a site whose every thread is stored backwards.
 */
const MAX_WAITING_REPLIES = 20_000;

/** Turns comment records into comment rows: node and parent resolved, thread kept or derived. */
export class CommentBuilder {
  /** Replies waiting for their parent; the importer hands them back after each batch. */
  private waiting: ImportedComment[] = [];
  /** Set for the last pass: a parent that never arrived will not, so waiting replies go to the top level. */
  lastPass = false;
  /** Thread keys per node, for comments that arrive without one (crawled pages). */
  private readonly threads = new BoundedMap<number, string[]>(10_000);
  private readonly states = new BoundedMap<string, string>(20_000);

  constructor(private readonly run: RunState) {}

  /** Forgets what the store now holds (after a batch is written). */
  settle(): void {
    this.threads.clear();
    this.states.clear();
  }

  /** How many replies are waiting for their parent. */
  get waitingCount(): number {
    return this.waiting.length;
  }

  /** Takes the waiting replies, to be resolved again with the next batch (their parent may be in the store now). */
  takeWaiting(): ImportedComment[] {
    const out = this.waiting;
    this.waiting = [];
    return out;
  }

  async resolve(records: ImportedComment[], batch: MutableBatch, reported: ReportedItem[]): Promise<void> {
    if (records.length === 0) return;
    const { run } = this;
    await run.loadNodeIds(records.map((r) => r.nodeKey));
    const commentKeys = [...new Set(records.flatMap((r) => [r.key, ...(r.parentKey === null ? [] : [r.parentKey])]))].filter((k) => run.commentIds.get(k) === undefined);
    for (const [key, item] of await run.service.findItems(run.edition, 'comment', commentKeys)) {
      const state = JSON.parse(item.state) as { nid: number; thread: string };
      run.commentIds.set(key, { cid: item.id, nid: state.nid, thread: state.thread });
      this.states.set(key, item.state);
    }
    const explicit = records.filter((r) => run.commentIds.get(r.key) === undefined && r.cid !== null).map((r) => r.cid!);
    const taken = await run.service.takenIds('comment', explicit.filter((c) => !run.ids.comment.claimedInRun(c)));
    for (const r of records) await this.resolveOne(r, taken, batch, reported);
  }

  private async threadsOf(nid: number): Promise<string[]> {
    let list = this.threads.get(nid);
    if (list === undefined) {
      list = await this.run.service.commentThreads(nid);
      this.threads.set(nid, list);
    }
    return list;
  }

  private async resolveOne(r: ImportedComment, taken: Set<number>, batch: MutableBatch, reported: ReportedItem[]): Promise<void> {
    const { run } = this;
    const nid = run.nodeIds.get(r.nodeKey);
    if (nid === undefined) {
      run.skip(r.key, `its item ${r.nodeKey} was not imported`);
      return;
    }
    // Markup over the filter's bounds (markup-limits.ts) cannot be rendered: skip the comment
    // with the reason instead of stopping the whole run.
    const checked = checkText(r.format, r.body);
    if ('limit' in checked) {
      run.skip(r.key, `its text was refused: ${checked.limit.message}`);
      return;
    }
    const before = run.commentIds.get(r.key);
    let parent = r.parentKey === null ? undefined : run.commentIds.get(r.parentKey);
    if (r.parentKey !== null && parent === undefined && before === undefined && !this.lastPass && this.waiting.length < MAX_WAITING_REPLIES) {
      // Its parent may come later in the stream: wait for it rather than lose the thread on the first run.
      this.waiting.push(r);
      return;
    }
    if (r.parentKey !== null && (parent === undefined || parent.nid !== nid)) {
      run.warn(r.key, `the comment it replies to (${r.parentKey}) was not imported; shown at the top level`);
      parent = undefined;
    }
    let cid = before?.cid;
    if (cid === undefined) {
      if (r.cid !== null && !taken.has(r.cid) && !run.ids.comment.claimedInRun(r.cid)) cid = run.ids.comment.claim(r.cid);
      else {
        cid = run.ids.comment.fresh();
        if (r.cid !== null) run.warn(r.key, `comment id ${r.cid} is taken; imported as ${cid}, so /comment/${r.cid} does not reach it`);
      }
    }
    // Only comments that arrive without a thread key (crawled pages) need their siblings' keys.
    const thread = r.thread ?? before?.thread ?? nextThread(await this.threadsOf(nid), parent?.thread ?? null);
    if (before === undefined) this.threads.get(nid)?.push(thread);
    run.commentIds.set(r.key, { cid, nid, thread });
    // The stored state is where the comment sits plus a hash of the rest: enough to tell
    // "unchanged" without keeping a second copy of every comment's text.
    // The account id joins the hash only when there is one, so anonymous comments hash as before.
    const content = sha256(JSON.stringify([parent?.cid ?? null, r.published, r.spam ?? false, r.name, r.email, r.homepage, r.hostname, r.subject, r.body, r.format, r.createdAt, r.changedAt, ...(r.accountId ? [r.accountId] : [])]));
    const state = JSON.stringify({ nid, thread, content });
    const action = actionOf(this.states.get(r.key), state);
    this.states.set(r.key, state);
    // A published comment on an unpublished item was no reader's page either: gone, with the item named.
    const goneReason = !r.published ? UNPUBLISHED_COMMENT : run.nodePublished.get(r.nodeKey) === false ? commentOfUnpublishedItem(r.nodeKey) : undefined;
    reported.push({ type: 'comment', key: r.key, id: cid, action, path: `comment/${cid}`, legacyPaths: [], ...(goneReason === undefined ? { shownAt: `node/${nid}#comment-${cid}` } : { goneReason }) });
    if (action === 'unchanged') return;
    batch.comments.push({
      cid, nid, pid: parent?.cid ?? null, thread, status: r.published ? COMMENT_STATUS.published : r.spam ? COMMENT_STATUS.spam : COMMENT_STATUS.pending,
      name: r.name, email: r.email, homepage: r.homepage, hostname: r.hostname, subject: r.subject, body: r.body, format: r.format, uid: r.accountId ?? null,
      // Each comment renders through Folio's implementation of the format it was written in.
      bodyHtml: formatChecked(checked.text).html, createdAt: r.createdAt, changedAt: r.changedAt,
    });
    batch.items.push(itemRow('comment', r.key, cid, state, r.provenance, content));
  }
}

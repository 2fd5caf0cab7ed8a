import type { Edition } from '../domain/edition.ts';
import { sanctionedWriter, type WritableEdition } from '../domain/edition-guard.ts';
import type {
  ImportedAuthor, ImportedBlog, ImportedComment, ImportedGone, ImportedNode, ImportedRedirect, ImportedTerm, ImportedUser, ImportedCorrection, ImportRecord, ImportSource, ImportSourceName,
} from '../domain/import-record.ts';
import type { ImportService } from '../services/import-service.ts';
import type { ImportBatch, ImportItemType, PathTargetType } from '../store/types.ts';
import { formatText } from '../filter/index.ts';
import { slugify } from '../text/slugify.ts';
import { BoundedMap } from './bounded-map.ts';
import { readAhead } from './read-ahead.ts';
import { sha256 } from './content-hash.ts';
import { IdAllocator } from './id-allocator.ts';
import { emptyCounts, UNPUBLISHED_COMMENT, SkipReasonTally, type ImportAction, type ImportSummary, type ReportedItem, type ReportSink, type SkippedItem, type UrlFate } from './import-report.ts';
import { NodeBuilder } from './node-builder.ts';
import { CommentBuilder } from './comment-builder.ts';
import { splitBatch, emptyBatch, type MutableBatch } from './batch.ts';
import type { FileCopier } from './file-copier.ts';
import { NodeFiles } from './node-files.ts';

/** What `runImport` needs. */
export interface ImportOptions {
  readonly source: ImportSource;
  readonly sourceName: ImportSourceName;
  readonly inputs: readonly string[];
  readonly edition: Edition;
  readonly service: ImportService;
  readonly dryRun?: boolean;
  /** Records expected, when the source can tell (for the progress bar's ETA). */
  readonly total?: number | null;
  readonly onProgress?: (done: number, total: number | null) => void;
  readonly report?: ReportSink;
  /** Nodes per transaction. */
  readonly batchSize?: number;
  /** Copies the files items reference (`--files`); without it files are left where they are. */
  readonly files?: FileCopier;
}

/** Items remembered per run before the store is asked again: bounds memory on million-item inputs. */
const REMEMBERED = 20_000;
/** Records read ahead of the importer while it writes. */
const READ_AHEAD = 2000;
/** Skips and warnings kept for the summary (all of them go to the report file). */
const SUMMARY_LIST = 200;

/** The item types a stored path can lead to. */
const PATH_TARGETS: Partial<Record<ImportItemType, PathTargetType>> = { node: 'node', term: 'term', author: 'author', blog: 'blog' };

/** Facts about a term that nodes filed under it need. */
export interface TermInfo {
  readonly tid: number;
  readonly parentTid: number | null;
  /** Further parents of a term with several (Drupal's term_hierarchy); its items are listed under each. */
  readonly otherParentTids?: readonly number[];
  readonly state: string;
}

/**
 * One import run: reads records, resolves keys to Folio ids (keeping original ids), merges what
 * earlier runs stored, and writes a batch at a time through the import service, each batch in one
 * transaction. A batch that fails is retried item by item, so one bad item is skipped with its
 * reason and never half-written.
 */
export class ImportRun {
  readonly edition: WritableEdition;
  readonly ids: Record<ImportItemType, IdAllocator> = {} as Record<ImportItemType, IdAllocator>;
  readonly terms = new Map<string, TermInfo>();
  readonly termsById = new Map<number, TermInfo>();
  readonly authorSlugs = new Map<string, string>();
  readonly authorIds = new Map<string, { aid: number; name: string }>();
  readonly blogIds = new Map<string, { bid: number; state: string }>();
  readonly nodeIds = new BoundedMap<string, number>(REMEMBERED);
  readonly commentIds = new BoundedMap<string, { cid: number; nid: number; thread: string }>(REMEMBERED);
  readonly dryRun: boolean;
  private runId: number | null = null;
  private readonly counts = emptyCounts();
  private readonly seen = new BoundedMap<string, ImportAction>(REMEMBERED * 5);
  private readonly skips: SkippedItem[] = [];
  private readonly warnings: SkippedItem[] = [];
  private skipped = 0;
  private readonly skipReasons = new SkipReasonTally();
  private readonly itemsByType: Record<string, number> = {};
  private readonly urls: Record<UrlFate['fate'], number> = { canonical: 0, redirect: 0, gone: 0 };
  /** A dry run writes nothing, so the paths its items would have are remembered for redirects to find. */
  private readonly dryRunPaths = new BoundedMap<string, { targetType: PathTargetType; targetId: number }>(REMEMBERED * 5);
  private gone = 0;
  private redirects = 0;
  /** Redirects whose target has not arrived yet: retried after each batch and at the end. */
  private redirectQueue: ImportedRedirect[] = [];
  /** Landing pages whose items are written once every item has arrived (at the end of the run). */
  readonly landingQueue: { key: string; landingNid: number; items: readonly string[] }[] = [];
  private users = 0;
  private done = 0;
  private pending: ImportRecord[] = [];
  private pendingNodes = 0;
  private readonly nodes: NodeBuilder;
  private readonly comments: CommentBuilder;
  private readonly files: NodeFiles | null;

  constructor(readonly options: ImportOptions) {
    // The one sanctioned way into an archive edition: imports (STYLE.md, "read-only twice over").
    this.edition = sanctionedWriter(options.edition, 'import');
    this.dryRun = options.dryRun ?? false;
    this.nodes = new NodeBuilder(this);
    this.comments = new CommentBuilder(this);
    this.files = options.files ? new NodeFiles(this, options.files) : null;
  }

  get service(): ImportService {
    return this.options.service;
  }

  async execute(): Promise<ImportSummary> {
    const started = Date.now();
    for (const type of ['node', 'term', 'author', 'blog', 'comment', 'correction'] as const) this.ids[type] = new IdAllocator(await this.service.maxId(type));
    if (!this.dryRun) this.runId = await this.service.startRun(this.edition, this.options.sourceName, this.options.inputs);
    const batchSize = this.options.batchSize ?? 500;
    for await (const record of readAhead(this.options.source, READ_AHEAD)) {
      this.done++;
      if (record.type === 'skip') {
        this.skip(record.ref, record.reason);
        continue;
      }
      this.pending.push(record);
      if (record.type === 'node') this.pendingNodes++;
      if (this.pendingNodes >= batchSize || this.pending.length >= batchSize * 8) await this.flush();
    }
    await this.flush();
    await this.settleWaitingReplies();
    await this.settleRedirects(true);
    await this.settleLandingPages();
    if (!this.dryRun) this.service.finished(this.edition);
    const summary: ImportSummary = {
      source: this.options.sourceName, edition: this.edition.code, dryRun: this.dryRun, runId: this.runId,
      seconds: (Date.now() - started) / 1000, counts: this.counts, gone: this.gone, redirects: this.redirects, users: this.users, skipped: this.skipped,
      skips: this.skips, warnings: this.warnings, itemsByType: { ...this.itemsByType }, urls: { ...this.urls }, skipReasons: this.skipReasons.top(20),
      ...(this.files ? { files: { ...this.files.counts } } : {}),
    };
    if (this.runId !== null) await this.service.finishRun(this.runId, { ...summary, skips: summary.skips.slice(0, 50), warnings: summary.warnings.slice(0, 50) });
    await this.options.report?.close(summary);
    return summary;
  }

  skip(ref: string, reason: string): void {
    this.skipped++;
    this.skipReasons.add({ ref, reason });
    if (this.skips.length < SUMMARY_LIST) this.skips.push({ ref, reason });
    this.options.report?.skip({ ref, reason });
  }

  warn(ref: string, reason: string): void {
    if (this.warnings.length < SUMMARY_LIST) this.warnings.push({ ref, reason });
    this.options.report?.warn?.({ ref, reason });
  }

  /** Tells the report what an old URL answers now, and counts it by fate. */
  reportUrl(entry: UrlFate): void {
    this.urls[entry.fate]++;
    this.options.report?.url?.(entry);
  }

  /** The URLs an item answers at: its page, the old paths that redirect to it, or all of them gone. */
  private reportItemUrls(entry: ReportedItem): void {
    if (entry.type === 'comment') {
      if (entry.shownAt !== undefined && entry.path !== null) this.reportUrl({ path: entry.path, fate: 'redirect', to: entry.shownAt });
      else if (entry.path !== null) this.reportUrl({ path: entry.path, fate: 'gone', reason: UNPUBLISHED_COMMENT });
      return;
    }
    // A term without an alias is served at /taxonomy/term/<tid> itself.
    const canonical = entry.path ?? (entry.type === 'term' ? `taxonomy/term/${entry.id}` : null);
    const paths = [...new Set([...(canonical === null ? [] : [canonical]), ...entry.legacyPaths])];
    const targetType = PATH_TARGETS[entry.type];
    for (const path of paths) {
      if (this.dryRun && targetType !== undefined) this.dryRunPaths.set(path, { targetType, targetId: entry.id });
      if (entry.goneReason !== undefined) this.reportUrl({ path, fate: 'gone', reason: entry.goneReason });
      else if (path === canonical) this.reportUrl({ path, fate: 'canonical' });
      else if (canonical !== null) this.reportUrl({ path, fate: 'redirect', to: canonical });
    }
  }

  /** Counts an item once per run: a later sighting that changes it turns "unchanged" into "updated". */
  private count(entry: ReportedItem): void {
    const id = `${entry.type}\u0000${entry.key}`;
    const before = this.seen.get(id);
    const c = this.counts[entry.type];
    if (before === undefined) {
      c[entry.action]++;
      this.seen.set(id, entry.action);
      if (entry.contentType !== undefined) this.itemsByType[entry.contentType] = (this.itemsByType[entry.contentType] ?? 0) + 1;
      this.reportItemUrls(entry);
    } else if (before === 'unchanged' && entry.action !== 'unchanged') {
      c.unchanged--;
      c.updated++;
      this.seen.set(id, 'updated');
    }
    if (before === undefined || entry.action !== 'unchanged') this.options.report?.item(entry);
  }

  /** Action relative to what the store (or this run) held before. */
  static action(previous: string | undefined, next: string): ImportAction {
    return previous === undefined ? 'imported' : previous === next ? 'unchanged' : 'updated';
  }

  /**
   * Resolves the replies that arrived before their parent: again after each batch while that helps,
   * then once more with the parent given up on (filed at the top level, with a warning).
   */
  private async settleWaitingReplies(): Promise<void> {
    for (let before = Infinity; this.comments.waitingCount > 0 && this.comments.waitingCount < before;) {
      before = this.comments.waitingCount;
      await this.flush();
    }
    if (this.comments.waitingCount === 0) return;
    this.comments.lastPass = true;
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0 && this.comments.waitingCount === 0) return;
    const records = this.pending;
    this.pending = [];
    this.pendingNodes = 0;
    const batch = emptyBatch();
    const reported: ReportedItem[] = [];
    await this.resolveTerms(records.filter((r): r is ImportedTerm => r.type === 'term'), batch, reported);
    await this.resolveAuthors(records.filter((r): r is ImportedAuthor => r.type === 'author'), batch, reported);
    await this.resolveBlogs(records.filter((r): r is ImportedBlog => r.type === 'blog'), batch, reported);
    await this.nodes.resolve(records.filter((r): r is ImportedNode => r.type === 'node'), batch, reported);
    await this.files?.copyFor(records.filter((r): r is ImportedNode => r.type === 'node'), batch);
    // Replies that waited for their parent go first: it may be in the store by now.
    await this.comments.resolve([...this.comments.takeWaiting(), ...records.filter((r): r is ImportedComment => r.type === 'comment')], batch, reported);
    // An unpublished comment's permalink answers 410 (UNPUBLISHED_COMMENT says why); approved later, it redirects again.
    for (const c of reported) if (c.type === 'comment' && c.shownAt === undefined) batch.gone.push({ path: `comment/${c.id}`, reason: UNPUBLISHED_COMMENT });
    await this.resolveCorrections(records.filter((r): r is ImportedCorrection => r.type === 'correction'), batch, reported);
    for (const g of records.filter((r): r is ImportedGone => r.type === 'gone')) {
      batch.gone.push({ path: g.path.replace(/^\/+/, ''), reason: g.reason });
      this.reportUrl({ path: g.path.replace(/^\/+/, ''), fate: 'gone', reason: g.reason });
      this.gone++;
    }
    const failed = this.dryRun ? new Set<string>() : await this.write(batch);
    if (!this.dryRun) this.settle();
    for (const entry of reported) if (!failed.has(`${entry.type}\u0000${entry.key}`)) this.count(entry);
    const redirects = records.filter((r): r is ImportedRedirect => r.type === 'redirect');
    this.redirectQueue.push(...redirects.filter((r) => !r.fixedRoute));
    await this.addFixedRouteRedirects(redirects.filter((r) => r.fixedRoute === true));
    const users = records.filter((r): r is ImportedUser => r.type === 'user');
    if (users.length > 0 && !this.dryRun) {
      const saved = await this.service.saveUsers(users);
      this.users += saved.added + saved.updated;
    } else this.users += users.length;
    await this.settleRedirects(false);
    this.options.onProgress?.(this.done, this.options.total ?? null);
  }

  /** After a batch is in the store, the store answers for its items: per-item memory is dropped. */
  private settle(): void {
    for (const allocator of Object.values(this.ids)) allocator.settle();
    this.nodeIds.clear();
    this.commentIds.clear();
    this.nodes.settle();
    this.comments.settle();
  }

  /**
   * Adds the redirects whose target the store now knows (node/<nid>, taxonomy/term/<tid> or any
   * stored path). The rest wait for a later batch; at the end they are skipped with the reason.
   */
  private async settleRedirects(final: boolean): Promise<void> {
    if (this.redirectQueue.length === 0) return;
    const queue = this.redirectQueue;
    this.redirectQueue = [];
    const clean = (p: string) => p.replace(/^\/+|\/+$/g, '');
    const stored = await this.service.pathTargets(this.edition, queue.map((r) => clean(r.to)));
    const resolved: ImportBatch['redirects'][number][] = [];
    for (const r of queue) {
      const to = clean(r.to);
      const raw = /^(node|taxonomy\/term)\/(\d+)$/.exec(to);
      const target = stored.get(to) ?? this.dryRunPaths.get(to) ?? (raw ? { targetType: raw[1] === 'node' ? 'node' as const : 'term' as const, targetId: Number(raw[2]) } : undefined);
      if (target !== undefined && clean(r.from) !== to) {
        resolved.push({ path: clean(r.from), ...target });
        this.reportUrl({ path: clean(r.from), fate: 'redirect', to });
      }
      else if (target === undefined && !final && this.redirectQueue.length < REMEMBERED) this.redirectQueue.push(r);
      else if (target === undefined) this.skip(`/${clean(r.from)}`, `it redirected to /${to}, which was not imported`);
    }
    if (resolved.length === 0) return;
    if (!this.dryRun) await this.service.apply(this.edition, { ...emptyBatch(), redirects: resolved }, this.runId!);
    this.redirects += resolved.length;
  }

  /** Redirects to pages at fixed routes need no target item: written at once. */
  private async addFixedRouteRedirects(redirects: readonly ImportedRedirect[]): Promise<void> {
    if (redirects.length === 0) return;
    const clean = (p: string) => p.replace(/^\/+|\/+$/g, '');
    const pathRedirects = redirects.map((r) => ({ path: clean(r.from), location: clean(r.to) })).filter((r) => r.path !== r.location);
    if (!this.dryRun) await this.service.apply(this.edition, { ...emptyBatch(), pathRedirects }, this.runId!);
    for (const r of pathRedirects) this.reportUrl({ path: r.path, fate: 'redirect', to: r.location });
    this.redirects += pathRedirects.length;
  }

  /** Writes each landing page's list of items, the items resolved by key (missing ones left out, with a warning). */
  private async settleLandingPages(): Promise<void> {
    for (const landing of this.landingQueue) {
      const unknown = landing.items.filter((k) => this.nodeIds.get(k) === undefined);
      for (const [key, item] of await this.service.findItems(this.edition, 'node', unknown)) this.nodeIds.set(key, item.id);
      const nids = landing.items.flatMap((k) => {
        const nid = this.nodeIds.get(k);
        if (nid === undefined) this.warn(landing.key, `its listed item ${k} was not imported; left out of the list`);
        return nid === undefined ? [] : [nid];
      });
      if (!this.dryRun) await this.service.apply(this.edition, { ...emptyBatch(), landing: [{ landingNid: landing.landingNid, nids }] }, this.runId!);
    }
  }

  /** Writes the batch; on failure, item by item. Returns the keys of items that could not be written. */
  private async write(batch: ImportBatch): Promise<Set<string>> {
    const failed = new Set<string>();
    try {
      await this.service.apply(this.edition, batch, this.runId!);
      return failed;
    } catch (whole) {
      for (const part of splitBatch(batch)) {
        try {
          await this.service.apply(this.edition, part.batch, this.runId!);
        } catch (error) {
          for (const key of part.keys) failed.add(key);
          this.skip(part.ref, `could not be written: ${(error as Error).message.split('\n')[0]}`);
        }
      }
      if (failed.size === 0) throw whole;
      return failed;
    }
  }

  /** The term id for a key, from this run or the store; undefined when it never arrived. */
  async termFor(key: string): Promise<TermInfo | undefined> {
    const known = this.terms.get(key);
    if (known) return known;
    const stored = (await this.service.findItems(this.edition, 'term', [key])).get(key);
    if (!stored) return undefined;
    const parsed = JSON.parse(stored.state) as { parentTid: number | null; otherParentTids?: number[] };
    const info = { tid: stored.id, parentTid: parsed.parentTid, otherParentTids: parsed.otherParentTids ?? [], state: stored.state };
    this.remember(key, info);
    return info;
  }

  private async resolveTerms(records: ImportedTerm[], batch: MutableBatch, reported: ReportedItem[]): Promise<void> {
    const fresh = records.filter((r) => !this.terms.has(r.key));
    const stored = await this.service.findItems(this.edition, 'term', fresh.map((r) => r.key));
    const explicit = fresh.map((r) => r.tid).filter((t): t is number => t !== null && !this.ids.term.claimedInRun(t));
    const taken = await this.service.takenIds('term', explicit);
    for (const r of records) {
      const before = this.terms.get(r.key) ?? (stored.has(r.key) ? { tid: stored.get(r.key)!.id, state: stored.get(r.key)!.state } : undefined);
      const tid = before?.tid ?? (r.tid !== null && !taken.has(r.tid) && !this.ids.term.claimedInRun(r.tid) ? this.ids.term.claim(r.tid) : this.ids.term.fresh());
      if (before === undefined && r.tid !== null && tid !== r.tid) this.warn(r.key, `term id ${r.tid} is taken; imported as ${tid}, so /taxonomy/term/${r.tid} does not reach it`);
      const parent = r.parentKey === null ? undefined : await this.termFor(r.parentKey);
      if (r.parentKey !== null && parent === undefined) this.warn(r.key, `its parent ${r.parentKey} was not imported; filed at the top level`);
      const previous = before === undefined ? null : (JSON.parse(before.state) as { path: string | null; legacyPaths: string[] });
      const path = r.path ?? previous?.path ?? null;
      const legacy = [...new Set([...(previous?.legacyPaths ?? []), ...(previous?.path ? [previous.path] : []), ...r.legacyPaths])].filter((p) => p !== path).sort();
      const parentTid = parent?.tid ?? null;
      const otherParentTids: number[] = [];
      for (const key of r.otherParentKeys ?? []) {
        const other = await this.termFor(key);
        if (other === undefined) this.warn(r.key, `its further parent ${key} was not imported; listed under ${r.parentKey ?? 'no parent'} only`);
        else otherParentTids.push(other.tid);
      }
      // Further parents join the state only when there are some, so states stored before compare equal.
      const state = JSON.stringify({ vocabulary: r.vocabulary, name: r.name, path, legacyPaths: legacy, parentTid, weight: r.weight, ...(otherParentTids.length > 0 ? { otherParentTids } : {}) });
      this.remember(r.key, { tid, parentTid, otherParentTids, state });
      const action = ImportRun.action(before?.state, state);
      reported.push({ type: 'term', key: r.key, id: tid, action, path, legacyPaths: [...legacy, `taxonomy/term/${tid}`] });
      if (action === 'unchanged') continue;
      batch.terms.push({ tid, vocabulary: r.vocabulary, name: r.name, path, parentTid, weight: r.weight, legacyPaths: legacy });
      batch.items.push(this.item('term', r.key, tid, state, r.provenance));
    }
  }

  private remember(key: string, info: TermInfo): void {
    this.terms.set(key, info);
    this.termsById.set(info.tid, info);
  }

  /** The author id for a byline name, creating the author when no record or stored row has it. */
  async authorFor(name: string, batch: MutableBatch, reported: ReportedItem[]): Promise<number> {
    const slug = this.authorSlugs.get(name) ?? (slugify(name) || 'author');
    const known = this.authorIds.get(slug);
    if (known) return known.aid;
    const stored = (await this.service.authorsBySlug(this.edition, [slug])).get(slug);
    if (stored !== undefined) {
      this.ids.author.claim(stored);
      this.authorIds.set(slug, { aid: stored, name });
      return stored;
    }
    const aid = this.ids.author.fresh();
    this.authorIds.set(slug, { aid, name });
    batch.authors.push({ aid, name, slug });
    reported.push({ type: 'author', key: `author/${slug}`, id: aid, action: 'imported', path: `author/${slug}`, legacyPaths: [] });
    return aid;
  }

  private async resolveAuthors(records: ImportedAuthor[], batch: MutableBatch, reported: ReportedItem[]): Promise<void> {
    const stored = await this.service.authorsBySlug(this.edition, records.map((r) => r.slug ?? slugify(r.name)));
    for (const r of records) {
      const slug = r.slug ?? (slugify(r.name) || 'author');
      this.authorSlugs.set(r.name, slug);
      const known = this.authorIds.get(slug);
      if (known && known.name === r.name) continue;
      const aid = known?.aid ?? stored.get(slug) ?? this.ids.author.fresh();
      this.ids.author.claim(aid);
      const action: ImportAction = known === undefined && !stored.has(slug) ? 'imported' : 'updated';
      this.authorIds.set(slug, { aid, name: r.name });
      if (stored.has(slug) && known === undefined) {
        reported.push({ type: 'author', key: r.key, id: aid, action: 'unchanged', path: `author/${slug}`, legacyPaths: [] });
        continue;
      }
      batch.authors.push({ aid, name: r.name, slug });
      batch.items.push(this.item('author', r.key, aid, JSON.stringify({ name: r.name, slug }), r.provenance));
      reported.push({ type: 'author', key: r.key, id: aid, action, path: `author/${slug}`, legacyPaths: [] });
    }
  }

  private async resolveBlogs(records: ImportedBlog[], batch: MutableBatch, reported: ReportedItem[]): Promise<void> {
    const stored = await this.service.findItems(this.edition, 'blog', records.map((r) => r.key));
    const taken = await this.service.takenIds('blog', records.map((r) => r.uid));
    for (const r of records) {
      const before = this.blogIds.get(r.key) ?? (stored.has(r.key) ? { bid: stored.get(r.key)!.id, state: stored.get(r.key)!.state } : undefined);
      const bid = before?.bid ?? (!taken.has(r.uid) && !this.ids.blog.claimedInRun(r.uid) ? this.ids.blog.claim(r.uid) : this.ids.blog.fresh());
      const state = JSON.stringify({ uid: r.uid, title: r.title, slug: r.slug, ownerName: r.ownerName });
      this.blogIds.set(r.key, { bid, state });
      const action = ImportRun.action(before?.state, state);
      reported.push({ type: 'blog', key: r.key, id: bid, action, path: `blogs/${r.slug}`, legacyPaths: [`blog/${r.uid}`] });
      if (action === 'unchanged') continue;
      batch.blogs.push({ bid, uid: r.uid, title: r.title, slug: r.slug, ownerName: r.ownerName });
      batch.items.push(this.item('blog', r.key, bid, state, r.provenance));
    }
  }

  private async resolveCorrections(records: ImportedCorrection[], batch: MutableBatch, reported: ReportedItem[]): Promise<void> {
    if (records.length === 0) return;
    const stored = await this.service.findItems(this.edition, 'correction', records.map((r) => r.key));
    const nodeKeys = records.flatMap((r) => (r.nodeKey !== null && this.nodeIds.get(r.nodeKey) === undefined ? [r.nodeKey] : []));
    for (const [key, item] of await this.service.findItems(this.edition, 'node', nodeKeys)) this.nodeIds.set(key, item.id);
    const taken = await this.service.takenIds('correction', records.flatMap((r) => (r.id !== null && !stored.has(r.key) ? [r.id] : [])));
    for (const r of records) {
      const nid = r.nodeKey === null ? null : this.nodeIds.get(r.nodeKey) ?? null;
      if (r.nodeKey !== null && nid === null) this.warn(r.key, `its item ${r.nodeKey} was not imported; kept on the corrections page only`);
      const before = stored.get(r.key);
      const id = before?.id ?? (r.id !== null && !taken.has(r.id) && !this.ids.correction.claimedInRun(r.id) ? this.ids.correction.claim(r.id) : this.ids.correction.fresh());
      // Corrections are editors' HTML: trusted, but sanitised like any editor's body.
      const bodyHtml = formatText('full_html', r.bodyHtml).html;
      const state = JSON.stringify({ nid, kind: r.kind, title: r.title, bodyHtml, publishedAt: r.publishedAt });
      const action = ImportRun.action(before?.state, state);
      reported.push({ type: 'correction', key: r.key, id, action, path: null, legacyPaths: [] });
      if (action === 'unchanged') continue;
      batch.corrections.push({ id, nid, kind: r.kind, title: r.title, bodyHtml, publishedAt: r.publishedAt });
      batch.items.push(this.item('correction', r.key, id, state, r.provenance));
    }
  }

  /** The blog id for a key; undefined when the blog never arrived. */
  async blogFor(key: string): Promise<number | undefined> {
    const known = this.blogIds.get(key);
    if (known) return known.bid;
    const stored = (await this.service.findItems(this.edition, 'blog', [key])).get(key);
    if (stored) this.blogIds.set(key, { bid: stored.id, state: stored.state });
    return stored?.id;
  }

  item(type: ImportItemType, key: string, id: number, state: string, provenance: { source: string; originalUrl: string | null; capturedAt: number | null }, contentHash = ''): ImportBatch['items'][number] {
    return { type, key, id, state, contentHash: contentHash || sha256(state), source: provenance.source, originalUrl: provenance.originalUrl, capturedAt: provenance.capturedAt };
  }
}

/** Runs an import to the end and returns its summary. */
export function runImport(options: ImportOptions): Promise<ImportSummary> {
  return new ImportRun(options).execute();
}

import type { Edition } from '../domain/edition.ts';
import { sanctionedWriter, type WritableEdition } from '../domain/edition-guard.ts';
import type {
  ImportedAuthor, ImportedBlog, ImportedComment, ImportedGone, ImportedNode, ImportedRedirect, ImportedTerm, ImportedUser, ImportedCorrection, ImportRecord, ImportSource, ImportSourceName,
} from '../domain/import-record.ts';
import type { ImportService } from '../services/import-service.ts';
import type { ImportBatch, ImportItemType, PathTargetType } from '../store/types.ts';
import { BoundedMap } from './bounded-map.ts';
import { readAhead } from './read-ahead.ts';
import { emptyCounts, UNPUBLISHED_COMMENT, type ImportAction, type ImportSummary, type ReportedItem, type ReportSink, type UrlFate } from './import-report.ts';
import { NodeBuilder } from './node-builder.ts';
import { CommentBuilder } from './comment-builder.ts';
import { TermBuilder } from './term-builder.ts';
import { AuthorBuilder } from './author-builder.ts';
import { BlogBuilder } from './blog-builder.ts';
import { CorrectionBuilder } from './correction-builder.ts';
import { REMEMBERED, RunState } from './run-state.ts';
import { splitBatch, emptyBatch } from './batch.ts';
import type { FileCopier } from './file-copier.ts';
import { NodeFiles } from './node-files.ts';
import { sourcePathOf, sourceUrlFate } from './source-url-fate.ts';

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

/** Source URLs with a query string remembered for the end of a run; past this many, the rest are named as skips. */
const MAX_SOURCE_URLS = 1_000_000;

/** Records read ahead of the importer while it writes. */
const READ_AHEAD = 2000;

/** The item types a stored path can lead to. */
const PATH_TARGETS: Partial<Record<ImportItemType, PathTargetType>> = { node: 'node', term: 'term', author: 'author', blog: 'blog' };

/**
 * One import run: reads records, resolves keys to Folio ids (keeping original ids), merges what
 * earlier runs stored, and writes a batch at a time through the import service, each batch in one
 * transaction. A batch that fails is retried item by item, so one bad item is skipped with its
 * reason and never half-written.
 */
export class ImportRun {
  private readonly edition: WritableEdition;
  private readonly dryRun: boolean;
  /** Ids, key maps, lookups, skips and warnings: what the builders share. */
  private readonly state: RunState;
  private runId: number | null = null;
  private readonly counts = emptyCounts();
  private readonly seen = new BoundedMap<string, ImportAction>(REMEMBERED * 5);
  private readonly itemsByType: Record<string, number> = {};
  private readonly urls: Record<UrlFate['fate'], number> = { canonical: 0, redirect: 0, gone: 0 };
  /** A dry run writes nothing, so the paths its items would have are remembered for redirects to find. */
  private readonly dryRunPaths = new BoundedMap<string, { targetType: PathTargetType; targetId: number }>(REMEMBERED * 5);
  private gone = 0;
  private redirects = 0;
  /** Redirects whose target has not arrived yet: retried after each batch and at the end. */
  private redirectQueue: ImportedRedirect[] = [];
  private users = 0;
  /** The source's URLs with a query string: their fates are settled at the end, when the store holds everything. */
  private readonly sourceUrls = new Set<string>();
  private done = 0;
  private pending: ImportRecord[] = [];
  private pendingNodes = 0;
  private readonly terms: TermBuilder;
  private readonly authors: AuthorBuilder;
  private readonly blogs: BlogBuilder;
  private readonly nodes: NodeBuilder;
  private readonly comments: CommentBuilder;
  private readonly corrections: CorrectionBuilder;
  private readonly files: NodeFiles | null;

  constructor(private readonly options: ImportOptions) {
    // The one sanctioned way into an archive edition: imports (STYLE.md, "read-only twice over").
    this.edition = sanctionedWriter(options.edition, 'import');
    this.dryRun = options.dryRun ?? false;
    this.state = new RunState(this.edition, options.service, this.dryRun, options.report);
    this.terms = new TermBuilder(this.state);
    this.authors = new AuthorBuilder(this.state);
    this.blogs = new BlogBuilder(this.state);
    this.nodes = new NodeBuilder(this.state);
    this.comments = new CommentBuilder(this.state);
    this.corrections = new CorrectionBuilder(this.state);
    this.files = options.files ? new NodeFiles({ reportUrl: (e) => this.reportUrl(e), warn: (ref, why) => this.state.warn(ref, why) }, options.files) : null;
  }

  private get service(): ImportService {
    return this.options.service;
  }

  async execute(): Promise<ImportSummary> {
    const started = Date.now();
    await this.state.startIds();
    if (!this.dryRun) this.runId = await this.service.startRun(this.edition, this.options.sourceName, this.options.inputs);
    const batchSize = this.options.batchSize ?? 500;
    for await (const record of readAhead(this.options.source, READ_AHEAD)) {
      this.done++;
      if (record.type === 'skip') {
        this.state.skip(record.ref, record.reason);
        continue;
      }
      if (record.type === 'source-url') {
        if (this.sourceUrls.size < MAX_SOURCE_URLS) this.sourceUrls.add(record.url);
        else this.state.skip(`/${record.url}`, `more than ${MAX_SOURCE_URLS} URLs with a query string: its fate is not reported`);
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
    await this.settleSourceUrls();
    if (!this.dryRun) await this.service.finished(this.edition);
    const { skipped, skips, warnings, skipReasons } = this.state;
    const summary: ImportSummary = {
      source: this.options.sourceName, edition: this.edition.code, dryRun: this.dryRun, runId: this.runId,
      seconds: (Date.now() - started) / 1000, counts: this.counts, gone: this.gone, redirects: this.redirects, users: this.users, skipped,
      skips, warnings, itemsByType: { ...this.itemsByType }, urls: { ...this.urls }, skipReasons: skipReasons.top(20),
      ...(this.files ? { files: { ...this.files.counts } } : {}),
    };
    if (this.runId !== null) await this.service.finishRun(this.runId, { ...summary, skips: summary.skips.slice(0, 50), warnings: summary.warnings.slice(0, 50) });
    await this.options.report?.close(summary);
    return summary;
  }

  /** Tells the report what an old URL answers now, and counts it by fate. */
  private reportUrl(entry: UrlFate): void {
    this.urls[entry.fate]++;
    this.options.report?.url?.(entry);
  }

  /** The URLs an item answers at: its page, the old paths that redirect to it, or all of them gone. */
  private reportItemUrls(entry: ReportedItem): void {
    if (entry.type === 'comment') {
      if (entry.shownAt !== undefined && entry.path !== null) this.reportUrl({ path: entry.path, fate: 'redirect', to: entry.shownAt });
      else if (entry.path !== null) this.reportUrl({ path: entry.path, fate: 'gone', reason: entry.goneReason ?? UNPUBLISHED_COMMENT });
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
    await this.terms.resolve(records.filter((r): r is ImportedTerm => r.type === 'term'), batch, reported);
    await this.authors.resolve(records.filter((r): r is ImportedAuthor => r.type === 'author'), batch, reported);
    await this.blogs.resolve(records.filter((r): r is ImportedBlog => r.type === 'blog'), batch, reported);
    await this.nodes.resolve(records.filter((r): r is ImportedNode => r.type === 'node'), batch, reported);
    await this.files?.copyFor(records.filter((r): r is ImportedNode => r.type === 'node'), batch);
    // Replies that waited for their parent go first: it may be in the store by now.
    await this.comments.resolve([...this.comments.takeWaiting(), ...records.filter((r): r is ImportedComment => r.type === 'comment')], batch, reported);
    // An old site's unpublished comment, or one on an unpublished item: its permalink answers 410
    // (goneReason says why, as the report does);
    // approved later, it redirects again. A Folio export carries its own gone paths, and its held
    // comments are a moderation queue, not old URLs.
    if (this.options.sourceName !== 'folio') for (const c of reported) if (c.type === 'comment' && c.shownAt === undefined) batch.gone.push({ path: `comment/${c.id}`, reason: c.goneReason ?? UNPUBLISHED_COMMENT });
    await this.corrections.resolve(records.filter((r): r is ImportedCorrection => r.type === 'correction'), batch, reported);
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
    this.state.settle();
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
      else if (target === undefined) this.state.skip(`/${clean(r.from)}`, `it redirected to /${to}, which was not imported`);
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

  /**
   * Gives each source URL with a query string its own fate in the report (issue 11), from what its
   * path is now; a listing page past what the import holds is recorded, so it leads to the
   * listing's last page. A dry run wrote nothing to ask about: those URLs are left out of its report.
   */
  private async settleSourceUrls(): Promise<void> {
    const urls = [...this.sourceUrls];
    this.sourceUrls.clear();
    if (this.dryRun) return;
    for (let i = 0; i < urls.length; i += 500) {
      const part = urls.slice(i, i + 500);
      const facts = await this.service.sourcePaths(this.edition, part.map(sourcePathOf));
      const pathRedirects: { path: string; location: string }[] = [];
      for (const url of part) {
        const fact = facts.get(sourcePathOf(url));
        const outcome = fact === undefined ? null : sourceUrlFate(url, fact);
        if (outcome === null) {
          this.state.skip(`/${url}`, fact === undefined ? 'its path was not imported' : 'its ?page= is not a page number');
          continue;
        }
        this.reportUrl(outcome.fate);
        if (outcome.pastEnd) pathRedirects.push(outcome.pastEnd);
      }
      if (pathRedirects.length > 0) await this.service.apply(this.edition, { ...emptyBatch(), pathRedirects }, this.runId!);
    }
  }

  /** Writes each landing page's list of items, the items resolved by key (missing ones left out, with a warning). */
  private async settleLandingPages(): Promise<void> {
    const { state } = this;
    for (const landing of state.landingQueue) {
      await state.loadNodeIds(landing.items);
      const nids = landing.items.flatMap((k) => {
        const nid = state.nodeIds.get(k);
        if (nid === undefined) state.warn(landing.key, `its listed item ${k} was not imported; left out of the list`);
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
          this.state.skip(part.ref, `could not be written: ${(error as Error).message.split('\n')[0]}`);
        }
      }
      if (failed.size === 0) throw whole;
      return failed;
    }
  }
}

/** Runs an import to the end and returns its summary. */
export function runImport(options: ImportOptions): Promise<ImportSummary> {
  return new ImportRun(options).execute();
}

import type { WritableEdition } from '../domain/edition-guard.ts';
import type {
  ImportBatch, ImportedItemState, ImportItemType, ImportStore, PathTargetType, RevisionWrite, SourcePathFact,
} from '../store/types.ts';
import type { ContentChanged } from './publishing-service.ts';
import { RelatedService } from './related-service.ts';

/** What an import tells the precomputed related items (RelatedService). */
export type RelatedRefresh = Pick<RelatedService, 'dependents' | 'refreshAround' | 'rebuild'>;

/** What the search index needs told after an import batch. */
export interface ImportIndexer {
  indexNodes(nids: readonly number[]): Promise<void>;
  removeNodes(nids: readonly number[]): Promise<void>;
}

/**
 * Nodes whose search entries wait to be built together. The index is built in bulk (thousands
 * of documents per call, fewer and larger FTS segments) rather than after every batch; this
 * bounds how many a killed import can leave unindexed until the next run repairs them.
 */
const INDEX_PENDING_NODES = 10_000;
/** Nodes read and indexed per call while building the pending entries. */
const INDEX_CHUNK = 2_000;

/**
 * The importer's way into the store. Writes take a WritableEdition: for an archive only the
 * importer can make one (sanctionedWriter), so imports are the one way content enters an archive.
 * Every batch lands in one transaction; the search index follows in bulk (every
 * INDEX_PENDING_NODES nodes and when the run finishes), and the page caches at the end.
 */
export class ImportService {
  /** Nodes written since the index was last built: nid → published (indexed) or not (taken out). */
  private readonly unindexed = new Map<number, boolean>();

  constructor(
    private readonly store: ImportStore,
    private readonly indexer: ImportIndexer,
    private readonly changed: ContentChanged,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
    private readonly related: RelatedRefresh | null = null,
  ) {}

  /** Per edition, the nodes this run wrote and their dependents before it, or 'all' once a rebuild is cheaper. */
  private readonly touched = new Map<string, Set<number> | 'all'>();

  findItems(edition: WritableEdition, type: ImportItemType, keys: readonly string[]): Promise<Map<string, ImportedItemState>> {
    return this.store.findItems(edition.code, type, keys);
  }

  revisionHashes(nids: readonly number[]): Promise<Map<number, Set<string>>> {
    return this.store.revisionHashes(nids);
  }

  revision(nid: number, contentHash: string): Promise<RevisionWrite | undefined> {
    return this.store.revision(nid, contentHash);
  }

  maxId(type: ImportItemType): Promise<number> {
    return this.store.maxId(type);
  }

  takenIds(type: ImportItemType, ids: readonly number[]): Promise<Set<number>> {
    return ids.length === 0 ? Promise.resolve(new Set()) : this.store.takenIds(type, ids);
  }

  authorsBySlug(edition: WritableEdition, slugs: readonly string[]): Promise<Map<string, number>> {
    return this.store.authorsBySlug(edition.code, slugs);
  }

  pathTargets(edition: WritableEdition, paths: readonly string[]): Promise<Map<string, { targetType: PathTargetType; targetId: number }>> {
    return this.store.pathTargets(edition.code, paths);
  }

  /** What each site path is in the edition now: the fates of a source's URLs with a query string. */
  sourcePaths(edition: WritableEdition, paths: readonly string[]): Promise<Map<string, SourcePathFact>> {
    return this.store.sourcePaths(edition.code, paths);
  }

  commentThreads(nid: number): Promise<string[]> {
    return this.store.commentThreads(nid);
  }

  saveUsers(users: Parameters<ImportStore['saveUsers']>[0]): Promise<{ added: number; updated: number }> {
    return this.store.saveUsers(users);
  }

  /** Opens a run; first repairs the search entries an interrupted earlier run left waiting. */
  async startRun(edition: WritableEdition, source: string, inputs: readonly string[]): Promise<number> {
    const interrupted = await this.store.closeInterruptedRuns(edition.code, this.now());
    // Out, then in again: the published ones come back (indexNodes reads only published nodes).
    for (let i = 0; i < interrupted.length; i += INDEX_CHUNK) {
      const part = interrupted.slice(i, i + INDEX_CHUNK);
      await this.indexer.removeNodes(part);
      await this.indexer.indexNodes(part);
    }
    return this.store.startRun(edition.code, source, inputs, this.now());
  }

  /** Builds the waiting search entries, then closes the run with its summary. */
  async finishRun(runId: number, summary: object): Promise<void> {
    await this.buildIndex();
    await this.store.finishRun(runId, this.now(), JSON.stringify(summary));
  }

  /** Writes one batch atomically; its nodes' search entries are built with the next bulk build. */
  async apply(edition: WritableEdition, batch: ImportBatch, runId: number): Promise<void> {
    await this.noteNodes(edition, batch.nodes.map((n) => n.nid));
    await this.store.applyBatch(edition, batch, runId);
    for (const n of batch.nodes) {
      // Re-inserted so that the last write of a node decides, in write order.
      this.unindexed.delete(n.nid);
      this.unindexed.set(n.nid, n.published);
    }
    if (this.unindexed.size >= INDEX_PENDING_NODES) await this.buildIndex();
  }

  /** Indexes the published nodes written since the last build and takes the unpublished ones out. */
  async buildIndex(): Promise<void> {
    const pending = [...this.unindexed];
    this.unindexed.clear();
    const published = pending.filter(([, p]) => p).map(([nid]) => nid);
    const withdrawn = pending.filter(([, p]) => !p).map(([nid]) => nid);
    for (let i = 0; i < withdrawn.length; i += INDEX_CHUNK) await this.indexer.removeNodes(withdrawn.slice(i, i + INDEX_CHUNK));
    for (let i = 0; i < published.length; i += INDEX_CHUNK) await this.indexer.indexNodes(published.slice(i, i + INDEX_CHUNK));
  }

  /**
   * Brings the related items of what the run wrote up to date, then tells the caches the edition
   * changed; called once at the end of a run, not per batch.
   */
  async finished(edition: WritableEdition): Promise<void> {
    const touched = this.touched.get(edition.code);
    this.touched.delete(edition.code);
    if (this.related && touched instanceof Set) await this.related.refreshAround([...touched]);
    else if (this.related && touched === 'all') await this.related.rebuild(edition.code);
    this.changed(edition.code);
  }

  /**
   * Remembers nodes a batch is about to write, with the articles whose related items depend on
   * them as they stand before it (a re-imported node may leave a tag). A large run is followed
   * by one rebuild of the edition instead.
   */
  private async noteNodes(edition: WritableEdition, nids: readonly number[]): Promise<void> {
    if (!this.related || nids.length === 0) return;
    const seen = this.touched.get(edition.code) ?? new Set<number>();
    if (seen === 'all') return;
    if (RelatedService.rebuildsFor(seen.size + nids.length)) {
      this.touched.set(edition.code, 'all');
      return;
    }
    for (const nid of [...nids, ...(await this.related.dependents(nids))]) seen.add(nid);
    this.touched.set(edition.code, RelatedService.rebuildsFor(seen.size) ? 'all' : seen);
  }
}

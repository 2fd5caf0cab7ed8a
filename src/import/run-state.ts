import type { WritableEdition } from '../domain/edition-guard.ts';
import type { ImportService } from '../services/import-service.ts';
import type { ImportBatch, ImportItemType } from '../store/types.ts';
import { slugify } from '../text/slugify.ts';
import type { MutableBatch } from './batch.ts';
import { BoundedMap } from './bounded-map.ts';
import { sha256 } from './content-hash.ts';
import { IdAllocator } from './id-allocator.ts';
import type { NodeState } from './node-state.ts';
import { SkipReasonTally, type ImportAction, type ReportedItem, type ReportSink, type SkippedItem } from './import-report.ts';

/** Items remembered per run before the store is asked again: bounds memory on million-item inputs. */
export const REMEMBERED = 20_000;
/** Skips and warnings kept for the summary (all of them go to the report file). */
const SUMMARY_LIST = 200;

/** Facts about a term that nodes filed under it need. */
export interface TermInfo {
  readonly tid: number;
  readonly parentTid: number | null;
  /** Further parents of a term with several (Drupal's term_hierarchy); its items are listed under each. */
  readonly otherParentTids?: readonly number[];
  readonly state: string;
}

/** Where an item came from, as import_items keeps it. */
export interface Provenance {
  readonly source: string;
  readonly originalUrl: string | null;
  readonly capturedAt: number | null;
}

/** Action relative to what the store (or this run) held before. */
export function actionOf(previous: string | undefined, next: string): ImportAction {
  return previous === undefined ? 'imported' : previous === next ? 'unchanged' : 'updated';
}

/** The import_items row that remembers an item between runs. */
export function itemRow(type: ImportItemType, key: string, id: number, state: string, provenance: Provenance, contentHash = ''): ImportBatch['items'][number] {
  return { type, key, id, state, contentHash: contentHash || sha256(state), source: provenance.source, originalUrl: provenance.originalUrl, capturedAt: provenance.capturedAt };
}

/**
 * What the builders of one run share: the id allocators, the key-to-id maps, the term, author and
 * blog lookups, and the skip and warning lists. The builders read and fill it; the importer owns
 * the run's flow (batches, redirects, the summary) and never hands itself to them.
 */
export class RunState {
  readonly ids = {} as Record<ImportItemType, IdAllocator>;
  readonly terms = new Map<string, TermInfo>();
  readonly termsById = new Map<number, TermInfo>();
  /** A byline name to the slug its author record gave (names without a record are slugified). */
  readonly authorSlugs = new Map<string, string>();
  readonly authorIds = new Map<string, { aid: number; name: string }>();
  readonly blogIds = new Map<string, { bid: number; state: string }>();
  readonly nodeIds = new BoundedMap<string, number>(REMEMBERED);
  /** Whether each node in `nodeIds` is published: an unpublished node's comments answer 410 like it. */
  readonly nodePublished = new BoundedMap<string, boolean>(REMEMBERED);
  readonly commentIds = new BoundedMap<string, { cid: number; nid: number; thread: string }>(REMEMBERED);
  /** Landing pages whose items are written once every item has arrived (at the end of the run). */
  readonly landingQueue: { key: string; landingNid: number; items: readonly string[] }[] = [];
  readonly skips: SkippedItem[] = [];
  readonly warnings: SkippedItem[] = [];
  readonly skipReasons = new SkipReasonTally();
  skipped = 0;

  constructor(
    readonly edition: WritableEdition,
    readonly service: ImportService,
    readonly dryRun: boolean,
    private readonly report: ReportSink | undefined,
  ) {}

  /** Starts the id allocators above every id in use. */
  async startIds(): Promise<void> {
    for (const type of ['node', 'term', 'author', 'blog', 'comment', 'correction'] as const) this.ids[type] = new IdAllocator(await this.service.maxId(type));
  }

  /** After a batch is in the store, the store answers for its items: per-item memory is dropped. */
  settle(): void {
    for (const allocator of Object.values(this.ids)) allocator.settle();
    this.nodeIds.clear();
    this.nodePublished.clear();
    this.commentIds.clear();
  }

  /** Records an item that was not imported, with the reason. */
  skip(ref: string, reason: string): void {
    this.skipped++;
    this.skipReasons.add({ ref, reason });
    if (this.skips.length < SUMMARY_LIST) this.skips.push({ ref, reason });
    this.report?.skip({ ref, reason });
  }

  /** Records a loss worth knowing about an item that was imported. */
  warn(ref: string, reason: string): void {
    if (this.warnings.length < SUMMARY_LIST) this.warnings.push({ ref, reason });
    this.report?.warn?.({ ref, reason });
  }

  /** The term id for a key, from this run or the store; undefined when it never arrived. */
  async termFor(key: string): Promise<TermInfo | undefined> {
    const known = this.terms.get(key);
    if (known) return known;
    const stored = (await this.service.findItems(this.edition, 'term', [key])).get(key);
    if (!stored) return undefined;
    const parsed = JSON.parse(stored.state) as { parentTid: number | null; otherParentTids?: number[] };
    const info = { tid: stored.id, parentTid: parsed.parentTid, otherParentTids: parsed.otherParentTids ?? [], state: stored.state };
    this.rememberTerm(key, info);
    return info;
  }

  /** Remembers a term by key and by id. */
  rememberTerm(key: string, info: TermInfo): void {
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

  /** The blog id for a key; undefined when the blog never arrived. */
  async blogFor(key: string): Promise<number | undefined> {
    const known = this.blogIds.get(key);
    if (known) return known.bid;
    const stored = (await this.service.findItems(this.edition, 'blog', [key])).get(key);
    if (stored) this.blogIds.set(key, { bid: stored.id, state: stored.state });
    return stored?.id;
  }

  /** The node id for each key this run or the store knows (fills `nodeIds` from the store). */
  async loadNodeIds(keys: readonly string[]): Promise<void> {
    const unknown = [...new Set(keys)].filter((k) => this.nodeIds.get(k) === undefined);
    if (unknown.length === 0) return;
    for (const [key, item] of await this.service.findItems(this.edition, 'node', unknown)) {
      this.nodeIds.set(key, item.id);
      this.nodePublished.set(key, (JSON.parse(item.state) as Pick<NodeState, 'published'>).published);
    }
  }
}

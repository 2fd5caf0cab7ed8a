import type { ImportedNode, ImportedRevision } from '../domain/import-record.ts';
import { checkText, formatChecked, type CheckedText } from '../filter/index.ts';
import type { ImportNodeWrite, RevisionWrite } from '../store/types.ts';
import { leadAndTeaser } from '../text/teaser.ts';
import type { MutableBatch } from './batch.ts';
import { BoundedMap } from './bounded-map.ts';
import { revisionHash } from './content-hash.ts';
import type { ImportAction, ReportedItem } from './import-report.ts';
import { mergeState, stateOf, type NodeState } from './node-state.ts';
import { itemRow, type RunState } from './run-state.ts';

/** Renders a revision's markup (checked against its format's bounds) in its own text format, as the original site did. */
function renderRevision(nid: number, hash: string, r: ImportedRevision, body: CheckedText): RevisionWrite {
  return {
    nid, contentHash: hash, sourceVid: r.vid, title: r.title, bodyHtml: formatChecked(body).html,
    summary: r.summary, credit: r.credit, photo: r.photo, revisedAt: r.revisedAt, log: r.log,
  };
}

/** Turns node records into node rows and revisions, merging them with what is stored. */
export class NodeBuilder {
  /** States written by this run, newer than the store's until the batch lands. */
  private readonly states = new BoundedMap<string, { nid: number; state: string }>(20_000);
  /** Revisions rendered by this run, by node and hash, for a current version not yet in the store. */
  private readonly rendered = new BoundedMap<string, RevisionWrite>(2_000);
  private readonly hashes = new BoundedMap<number, Set<string>>(20_000);

  constructor(private readonly run: RunState) {}

  /** Forgets what the store now holds (after a batch is written). */
  settle(): void {
    this.states.clear();
    this.rendered.clear();
    this.hashes.clear();
  }

  async resolve(records: ImportedNode[], batch: MutableBatch, reported: ReportedItem[]): Promise<void> {
    if (records.length === 0) return;
    const { run } = this;
    const unknownKeys = records.filter((r) => this.states.get(r.key) === undefined).map((r) => r.key);
    const stored = await run.service.findItems(run.edition, 'node', unknownKeys);
    for (const [key, item] of stored) this.states.set(key, { nid: item.id, state: item.state });
    const storedHashes = await run.service.revisionHashes([...stored.values()].map((s) => s.id));
    for (const [nid, set] of storedHashes) this.hashes.set(nid, set);
    const explicit = records.filter((r) => this.states.get(r.key) === undefined && r.nid !== null).map((r) => r.nid!);
    const taken = await run.service.takenIds('node', explicit.filter((n) => !run.ids.node.claimedInRun(n)));
    for (const record of records) {
      if (record.revisions.length === 0) {
        run.skip(record.key, 'it has no content (no revision)');
        continue;
      }
      // Markup over the filter's bounds (markup-limits.ts) cannot be rendered: skip the item
      // with the reason instead of stopping the whole run.
      // Each body is prepared and checked once; the revisions rendered below reuse it.
      const checked = record.revisions.map((r) => checkText(r.bodyFormat, r.body));
      const refused = checked.find((c): c is Extract<typeof c, { limit: unknown }> => 'limit' in c);
      if (refused) {
        run.skip(record.key, `its text was refused: ${refused.limit.message}`);
        continue;
      }
      const bodies = checked.flatMap((c) => ('text' in c ? [c.text] : []));
      for (const note of record.notes ?? []) run.warn(record.key, note);
      await this.resolveOne(record, bodies, taken, batch, reported);
    }
  }

  private allocate(record: ImportedNode, taken: Set<number>): number {
    const { ids } = this.run;
    if (record.nid !== null && !taken.has(record.nid) && !ids.node.claimedInRun(record.nid)) return ids.node.claim(record.nid);
    const nid = ids.node.fresh();
    if (record.nid !== null) this.run.warn(record.key, `node id ${record.nid} is taken by another item; imported as ${nid}, so /node/${record.nid} does not reach it`);
    return nid;
  }

  private async resolveOne(record: ImportedNode, bodies: readonly CheckedText[], taken: Set<number>, batch: MutableBatch, reported: ReportedItem[]): Promise<void> {
    const { run } = this;
    const before = this.states.get(record.key);
    const nid = before?.nid ?? this.allocate(record, taken);
    run.nodeIds.set(record.key, nid);
    run.nodePublished.set(record.key, record.published);
    const hashes = record.revisions.map(revisionHash);
    // The record's last revision is its current one (a Drupal node reverted to an old revision
    // shows that old text); between records, the one captured or revised later wins.
    const latest = record.revisions.length - 1;
    const incoming = stateOf(record, { hash: hashes[latest]!, revisedAt: record.revisions[latest]!.revisedAt });
    const previous = before === undefined ? null : (JSON.parse(before.state) as NodeState);
    const { state, incomingIsCurrent } = mergeState(previous, incoming);
    const known = this.hashes.get(nid) ?? new Set<string>();
    const added: RevisionWrite[] = [];
    record.revisions.forEach((r, i) => {
      if (known.has(hashes[i]!) || added.some((a) => a.contentHash === hashes[i])) return;
      const revision = renderRevision(nid, hashes[i]!, r, bodies[i]!);
      added.push(revision);
      this.rendered.set(`${nid}\u0000${revision.contentHash}`, revision);
    });
    const stateJson = JSON.stringify(state);
    const action: ImportAction = before === undefined ? 'imported' : added.length === 0 && stateJson === before.state ? 'unchanged' : 'updated';
    const canonicalPaths = [...state.legacyPaths, `node/${nid}`];
    reported.push({
      type: 'node', key: record.key, id: nid, action, path: state.path ?? `node/${nid}`, legacyPaths: canonicalPaths,
      contentType: state.sourceType ?? state.kind, ...(state.published ? {} : { goneReason: 'unpublished' }),
    });
    if (action === 'unchanged') return;
    const current = incomingIsCurrent
      ? this.rendered.get(`${nid}\u0000${state.current.hash}`) ?? renderRevision(nid, state.current.hash, record.revisions[latest]!, bodies[latest]!)
      : this.rendered.get(`${nid}\u0000${state.current.hash}`) ?? (await run.service.revision(nid, state.current.hash));
    this.states.set(record.key, { nid, state: stateJson });
    for (const r of added) known.add(r.contentHash);
    this.hashes.set(nid, known);
    if (current === undefined) {
      // Only in a dry run: the current version would have been written by an earlier batch.
      return;
    }
    batch.nodes.push(await this.nodeRow(record.key, nid, state, current, batch, reported));
    if (state.translationSet !== null) batch.translations.push({ nid, tnid: state.translationSet });
    if (state.landingItems.length > 0) run.landingQueue.push({ key: record.key, landingNid: nid, items: state.landingItems });
    batch.revisions.push(...added);
    batch.items.push(itemRow('node', record.key, nid, stateJson, record.provenance, state.current.hash));
  }

  private async nodeRow(key: string, nid: number, state: NodeState, current: RevisionWrite, batch: MutableBatch, reported: ReportedItem[]): Promise<ImportNodeWrite> {
    const { run } = this;
    const termIds: number[] = [];
    let sectionTid: number | null = null;
    if (state.sectionKey !== null) {
      const section = await run.termFor(state.sectionKey);
      if (section === undefined) run.warn(key, `its section ${state.sectionKey} was not imported`);
      else {
        sectionTid = section.tid;
        // Listings of a parent section include its subsections' items, as on the original site; a
        // section with several parents is listed under each of them (and their ancestors).
        const queue: (typeof section)[] = [section];
        for (let steps = 0; queue.length > 0 && steps < 32; steps++) {
          const t = queue.shift()!;
          if (termIds.includes(t.tid)) continue;
          termIds.push(t.tid);
          for (const parentTid of [t.parentTid, ...(t.otherParentTids ?? [])]) {
            const parent = parentTid === null ? undefined : run.termsById.get(parentTid);
            if (parent !== undefined) queue.push(parent);
          }
        }
      }
    }
    for (const tagKey of state.tagKeys) {
      const tag = await run.termFor(tagKey);
      if (tag === undefined) run.warn(key, `its tag ${tagKey} was not imported; left out`);
      else termIds.push(tag.tid);
    }
    const authorIds: number[] = [];
    for (const name of state.authors) authorIds.push(await run.authorFor(name, batch, reported));
    const blogId = state.blogKey === null ? null : ((await run.blogFor(state.blogKey)) ?? null);
    if (state.blogKey !== null && blogId === null) run.warn(key, `its blog ${state.blogKey} was not imported`);
    const opening = leadAndTeaser(current.bodyHtml);
    return {
      nid, kind: state.kind, title: current.title, path: state.path, legacyPaths: state.legacyPaths, summary: current.summary,
      teaser: current.summary ?? opening.teaser, leadHtml: opening.leadHtml, bodyHtml: current.bodyHtml,
      credit: current.credit, photo: current.photo, publishedAt: state.publishedAt, updatedAt: state.current.revisedAt, showDate: state.showDate,
      promoted: state.promoted, sectionTid, termIds, authorIds, blogId, commentPolicy: state.commentPolicy, published: state.published,
      listedComments: state.listedComments ?? 0,
    };
  }
}

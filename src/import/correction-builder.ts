import type { ImportedCorrection } from '../domain/import-record.ts';
import { formatText } from '../filter/index.ts';
import type { MutableBatch } from './batch.ts';
import type { ReportedItem } from './import-report.ts';
import { actionOf, itemRow, type RunState } from './run-state.ts';

/** Turns corrections and letters into rows of the Editor's Corner, tied to their item when it was imported. */
export class CorrectionBuilder {
  constructor(private readonly run: RunState) {}

  async resolve(records: readonly ImportedCorrection[], batch: MutableBatch, reported: ReportedItem[]): Promise<void> {
    if (records.length === 0) return;
    const { run } = this;
    const stored = await run.service.findItems(run.edition, 'correction', records.map((r) => r.key));
    await run.loadNodeIds(records.flatMap((r) => (r.nodeKey === null ? [] : [r.nodeKey])));
    const taken = await run.service.takenIds('correction', records.flatMap((r) => (r.id !== null && !stored.has(r.key) ? [r.id] : [])));
    for (const r of records) {
      const nid = r.nodeKey === null ? null : run.nodeIds.get(r.nodeKey) ?? null;
      if (r.nodeKey !== null && nid === null) run.warn(r.key, `its item ${r.nodeKey} was not imported; kept on the corrections page only`);
      const before = stored.get(r.key);
      const id = before?.id ?? (r.id !== null && !taken.has(r.id) && !run.ids.correction.claimedInRun(r.id) ? run.ids.correction.claim(r.id) : run.ids.correction.fresh());
      // Corrections are editors' HTML: trusted, but sanitised like any editor's body.
      const bodyHtml = formatText('full_html', r.bodyHtml).html;
      const state = JSON.stringify({ nid, kind: r.kind, title: r.title, bodyHtml, publishedAt: r.publishedAt });
      const action = actionOf(before?.state, state);
      reported.push({ type: 'correction', key: r.key, id, action, path: null, legacyPaths: [] });
      if (action === 'unchanged') continue;
      batch.corrections.push({ id, nid, kind: r.kind, title: r.title, bodyHtml, publishedAt: r.publishedAt });
      batch.items.push(itemRow('correction', r.key, id, state, r.provenance));
    }
  }
}

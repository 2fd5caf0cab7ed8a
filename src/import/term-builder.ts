import type { ImportedTerm } from '../domain/import-record.ts';
import type { MutableBatch } from './batch.ts';
import type { ReportedItem } from './import-report.ts';
import { actionOf, itemRow, type RunState } from './run-state.ts';

/** Turns term records into term rows: original tids kept when free, parents resolved, paths only ever added. */
export class TermBuilder {
  constructor(private readonly run: RunState) {}

  async resolve(records: readonly ImportedTerm[], batch: MutableBatch, reported: ReportedItem[]): Promise<void> {
    const { run } = this;
    const fresh = records.filter((r) => !run.terms.has(r.key));
    const stored = await run.service.findItems(run.edition, 'term', fresh.map((r) => r.key));
    const explicit = fresh.map((r) => r.tid).filter((t): t is number => t !== null && !run.ids.term.claimedInRun(t));
    const taken = await run.service.takenIds('term', explicit);
    for (const r of records) {
      const before = run.terms.get(r.key) ?? (stored.has(r.key) ? { tid: stored.get(r.key)!.id, state: stored.get(r.key)!.state } : undefined);
      const tid = before?.tid ?? (r.tid !== null && !taken.has(r.tid) && !run.ids.term.claimedInRun(r.tid) ? run.ids.term.claim(r.tid) : run.ids.term.fresh());
      if (before === undefined && r.tid !== null && tid !== r.tid) run.warn(r.key, `term id ${r.tid} is taken; imported as ${tid}, so /taxonomy/term/${r.tid} does not reach it`);
      const parent = r.parentKey === null ? undefined : await run.termFor(r.parentKey);
      if (r.parentKey !== null && parent === undefined) run.warn(r.key, `its parent ${r.parentKey} was not imported; filed at the top level`);
      const previous = before === undefined ? null : (JSON.parse(before.state) as { path: string | null; legacyPaths: string[] });
      const path = r.path ?? previous?.path ?? null;
      const legacy = [...new Set([...(previous?.legacyPaths ?? []), ...(previous?.path ? [previous.path] : []), ...r.legacyPaths])].filter((p) => p !== path).sort();
      const parentTid = parent?.tid ?? null;
      const otherParentTids: number[] = [];
      for (const key of r.otherParentKeys ?? []) {
        const other = await run.termFor(key);
        if (other === undefined) run.warn(r.key, `its further parent ${key} was not imported; listed under ${r.parentKey ?? 'no parent'} only`);
        else otherParentTids.push(other.tid);
      }
      // Further parents join the state only when there are some, so states stored before compare equal.
      const state = JSON.stringify({ vocabulary: r.vocabulary, name: r.name, path, legacyPaths: legacy, parentTid, weight: r.weight, ...(otherParentTids.length > 0 ? { otherParentTids } : {}) });
      run.rememberTerm(r.key, { tid, parentTid, otherParentTids, state });
      const action = actionOf(before?.state, state);
      reported.push({ type: 'term', key: r.key, id: tid, action, path, legacyPaths: [...legacy, `taxonomy/term/${tid}`] });
      if (action === 'unchanged') continue;
      batch.terms.push({ tid, vocabulary: r.vocabulary, name: r.name, path, parentTid, weight: r.weight, legacyPaths: legacy });
      batch.items.push(itemRow('term', r.key, tid, state, r.provenance));
    }
  }
}

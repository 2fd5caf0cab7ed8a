import { ENTRIES_PER_TAG, rankRelated, type TagEntry } from './related-ranking.ts';
import type { PrecomputedRelated, RelatedInputs, RelatedSubject } from '../store/types.ts';

/** A key's entries in ascending (publishedAt, nid) order, as parallel arrays. */
interface Ordered {
  readonly nids: number[];
  readonly times: number[];
}

/** True when (aTime, aNid) sorts before (bTime, bNid). */
function before(aTime: number, aNid: number, bTime: number, bNid: number): boolean {
  return aTime < bTime || (aTime === bTime && aNid < bNid);
}

/** The first index whose entry does not sort before (time, nid). */
function lowerBound(list: Ordered, time: number, nid: number): number {
  let lo = 0;
  let hi = list.nids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(list.times[mid]!, list.nids[mid]!, time, nid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose time is after `time`. */
function upperBoundTime(list: Ordered, time: number): number {
  let lo = 0;
  let hi = list.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list.times[mid]! <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function group(rows: readonly { key: number; nid: number; publishedAt: number }[]): Map<number, Ordered> {
  const byKey = new Map<number, Ordered>();
  for (const row of rows) {
    let list = byKey.get(row.key);
    if (!list) byKey.set(row.key, (list = { nids: [], times: [] }));
    list.nids.push(row.nid);
    list.times.push(row.publishedAt);
  }
  return byKey;
}

/** The newest ENTRIES_PER_TAG entries of a tag published up to the subject, itself left out (as ArchiveQueries.newestByTags). */
function* window(list: Ordered, subject: RelatedSubject): Generator<TagEntry> {
  let taken = 0;
  for (let i = upperBoundTime(list, subject.publishedAt) - 1; i >= 0 && taken < ENTRIES_PER_TAG; i--) {
    if (list.nids[i] === subject.nid) continue;
    taken++;
    yield { nid: list.nids[i]!, publishedAt: list.times[i]! };
  }
}

/**
 * Every subject's related candidates and section neighbours from its edition's entries, in
 * memory: the same answers RelatedService.rank gets from the store one article at a time, for a
 * whole edition in one pass (a 100,000-article rebuild reads three statements, not 200,000).
 */
export function computeRelated(inputs: RelatedInputs): PrecomputedRelated[] {
  const tags = group(inputs.tagEntries.map((e) => ({ key: e.tid, nid: e.nid, publishedAt: e.publishedAt })));
  const sections = group(inputs.sectionEntries.map((e) => ({ key: e.sectionTid, nid: e.nid, publishedAt: e.publishedAt })));
  return inputs.subjects.map((subject) => {
    const related = rankRelated(subject.tags.flatMap((tid) => {
      const list = tags.get(tid);
      return list ? [...window(list, subject)] : [];
    }));
    let previous: number | null = null;
    let next: number | null = null;
    const list = subject.sectionTid === null ? undefined : sections.get(subject.sectionTid);
    if (list) {
      const at = lowerBound(list, subject.publishedAt, subject.nid);
      previous = at > 0 ? list.nids[at - 1]! : null;
      const after = list.nids[at] === subject.nid && list.times[at] === subject.publishedAt ? at + 1 : at;
      next = after < list.nids.length ? list.nids[after]! : null;
    }
    return { nid: subject.nid, edition: subject.edition, related, previous, next };
  });
}

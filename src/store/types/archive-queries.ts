import type { NodeKind } from '../../domain/content.ts';

/** A half-open span of epoch seconds: from ≤ t < to. */
export interface TimeSpan {
  readonly from: number;
  readonly to: number;
}

/** A node id with the time that orders it, for neighbours and related items. */
export interface DatedId {
  readonly nid: number;
  readonly publishedAt: number;
}

/** Date archives, related items and section neighbours: the read queries behind those pages. */
export interface ArchiveQueries {
  /** The first and last publication times of these kinds in the edition, or undefined when it has none. */
  publishedSpan(edition: string, kinds: readonly NodeKind[]): Promise<TimeSpan | undefined>;
  /** How many published items of these kinds fall in each span, in the order given. */
  countInSpans(edition: string, kinds: readonly NodeKind[], spans: readonly TimeSpan[]): Promise<number[]>;
  /** One page of the ids published in a span, newest first. */
  idsInSpan(edition: string, kinds: readonly NodeKind[], span: TimeSpan, offset: number, limit: number): Promise<number[]>;
  /** The newest `perTag` items filed under each tag (excluding one node), as (tid, nid, time) rows. */
  /** Per tag, the newest entries (published up to `before`, when given), other than excludeNid. */
  newestByTags(tids: readonly number[], excludeNid: number, perTag: number, before?: number): Promise<(DatedId & { tid: number })[]>;
  /** The published neighbour of a node in its section, older ('previous') or newer ('next'). */
  sectionNeighbour(sectionTid: number, node: DatedId, direction: 'previous' | 'next'): Promise<number | undefined>;
  /** Both section neighbours in one statement (the article page needs both). */
  sectionNeighbours(sectionTid: number, node: DatedId): Promise<{ previous: number | undefined; next: number | undefined }>;
}

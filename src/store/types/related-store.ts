import type { NodeLink } from '../../domain/content.ts';

export type { NodeLink };

/** An article's precomputed related candidates (best first) and section neighbours. */
export interface PrecomputedRelated {
  readonly nid: number;
  readonly edition: string;
  /** Candidate ids, best first; the page shows the first few that are published. */
  readonly related: readonly number[];
  readonly previous: number | null;
  readonly next: number | null;
}

/**
 * A stored row with the links its page shows, as the page's one read returns them (issue 14):
 * what RelatedStore.links gives for its ids, the candidates kept in the row's order.
 */
export interface StoredRelated extends PrecomputedRelated {
  readonly links: {
    /** The published candidates' links, best first. */
    readonly related: readonly NodeLink[];
    /** The neighbours' links, null when there is none or it is not published. */
    readonly previous: NodeLink | null;
    readonly next: NodeLink | null;
  };
}

/** An article as ranking sees it: when it was published, its section and its tags. */
export interface RelatedSubject {
  readonly nid: number;
  readonly edition: string;
  readonly publishedAt: number;
  /** Null when it has none, or its section term no longer exists in its edition. */
  readonly sectionTid: number | null;
  readonly tags: readonly number[];
}

/** Everything an edition-wide rebuild ranks from, each list in ascending (key, publishedAt, nid) order. */
export interface RelatedInputs {
  readonly subjects: readonly RelatedSubject[];
  /** Every (tag, node) entry of the edition's tags, whatever the node's status. */
  readonly tagEntries: readonly { tid: number; nid: number; publishedAt: number }[];
  /** The edition's published nodes that have a section. */
  readonly sectionEntries: readonly { sectionTid: number; nid: number; publishedAt: number }[];
}

/** Precomputed related items and neighbours (migration 018), and what computing them reads. */
export interface RelatedStore {
  /** The article's precomputed row; undefined when none was computed. */
  read(nid: number): Promise<PrecomputedRelated | undefined>;
  /** Links of those of these nodes that are published (any order). */
  links(nids: readonly number[]): Promise<NodeLink[]>;
  /** The articles among these nodes, as ranking sees them. */
  subjects(nids: readonly number[]): Promise<RelatedSubject[]>;
  /**
   * Articles whose related items or neighbours may depend on these nodes as they stand now:
   * per tag the next `perTag` + 1 entries after each node (whose windows may hold it), and its
   * section neighbours (whose previous or next it may be).
   */
  dependents(nids: readonly number[], perTag: number): Promise<number[]>;
  /** Writes these rows, replacing any the articles had. */
  save(rows: readonly PrecomputedRelated[]): Promise<void>;
  /** What an edition-wide rebuild needs, in three reads. */
  inputs(edition: string): Promise<RelatedInputs>;
  /** Replaces every row of the edition in one transaction. */
  replaceEdition(edition: string, rows: readonly PrecomputedRelated[]): Promise<void>;
}

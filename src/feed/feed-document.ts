/** One entry of a feed, as plain data with absolute URLs. */
export interface FeedEntry {
  readonly title: string;
  /** Absolute permalink; also the entry's guid / id. */
  readonly link: string;
  /** Epoch seconds. */
  readonly published: number;
  readonly updated?: number;
  readonly authors: readonly string[];
  readonly categories: readonly string[];
  /** Plain-text summary (a teaser), or HTML when `htmlContent` is set. */
  readonly summary: string;
  /** Rendered, trusted HTML (a comment body); sent escaped, as RSS and Atom expect. */
  readonly htmlContent?: string;
  /** The credit line, e.g. "(Reuters, The Levant Ledger)". */
  readonly credit?: string | null;
  /** The item's corrections and updates as plain text with their dates, after the summary as a newspaper prints them. */
  readonly corrections?: readonly string[];
}

/** A whole feed: the channel and its entries, newest first. */
export interface FeedDocument {
  readonly title: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  readonly link: string;
  /** Absolute URL of the feed itself (Atom's rel="self" and id). */
  readonly self: string;
  readonly description: string;
  /** BCP 47 language: "en", "ar". */
  readonly language: string;
  /** Epoch seconds; defaults to the newest entry's time. */
  readonly updated?: number;
  readonly entries: readonly FeedEntry[];
}

/** The newest time in a feed, for lastBuildDate and Atom's <updated>; 0 for an empty feed. */
export function feedUpdated(doc: FeedDocument): number {
  return doc.updated ?? doc.entries.reduce((max, e) => Math.max(max, e.updated ?? e.published), 0);
}

/** An entry's description: the teaser, the credit line when there is one, then any corrections. */
export function entryDescription(entry: FeedEntry): string {
  const teaser = entry.credit ? `${entry.summary} ${entry.credit}` : entry.summary;
  return [teaser, ...(entry.corrections ?? [])].join(' ');
}

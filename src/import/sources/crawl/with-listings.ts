import type { ImportProvenance, ImportRecord, ImportedSourceUrl } from '../../../domain/import-record.ts';
import { captureListing, type Capture } from './capture.ts';
import { ListingIndex } from './listing-index.ts';
import { listingKindOf } from './mined-listing.ts';
import { sitePath, sourceUrlOf } from './url-path.ts';

/**
 * A crawl's records with what its listing pages say (issue 11, point 3): a first pass reads only
 * the listing pages (told by their URL before anything is decoded); the second gives each
 * capture's records, its node with the tags, section, authors and blog the listings gave it; then
 * the listed items no capture holds, as teaser-only items.
 */
export async function* withListings(listingCaptures: AsyncIterable<Capture>, captures: AsyncIterable<readonly ImportRecord[]>, source: 'html' | 'warc'): AsyncGenerator<ImportRecord> {
  const index = new ListingIndex();
  const listingUrls: ImportedSourceUrl[] = [];
  for await (const capture of listingCaptures) {
    const listing = captureListing(capture);
    const provenance: ImportProvenance = { source, originalUrl: capture.url, capturedAt: capture.capturedAt };
    if (listing !== null) index.add(listing, provenance);
    // A listing's own path is reported with its term, author or blog; a fixed listing (the front
    // page, /node, /blog) has no item to carry it, so it is a source URL of its own.
    const url = sourceUrlOf(capture.url) ?? (listing !== null && (listing.kind === 'front' || listing.kind === 'blogs') ? listing.path : null);
    if (listing !== null && url !== null) listingUrls.push({ type: 'source-url', url, provenance });
  }
  // Terms first, parents before children, so a subsection captured before its parent is filed under it on the first run.
  yield* index.records({ deriveParents: false });
  yield* listingUrls;
  for await (const records of captures) {
    const comments = records.filter((r) => r.type === 'comment').length;
    for (const r of records) {
      yield r.type === 'node' ? index.augment(r, comments) : r;
      if (r.type === 'node') yield* queryUrlOf(r.provenance);
    }
  }
  yield* index.teaserOnly();
}

/** A capture's URL as a source URL of its own when it carries a query string ("content/a?page=1"). */
export function* queryUrlOf(provenance: ImportProvenance): Generator<ImportedSourceUrl> {
  const url = provenance.originalUrl === null ? null : sourceUrlOf(provenance.originalUrl);
  if (url !== null) yield { type: 'source-url', url, provenance };
}

/** True for a capture whose URL is a listing's: only those are read in the first pass. */
export function isListingUrl(url: string): boolean {
  return listingKindOf(sitePath(url)) !== null;
}

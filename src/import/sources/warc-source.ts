import type { ImportRecord, ImportSource } from '../../domain/import-record.ts';
import { arcCaptures } from './crawl/arc-reader.ts';
import { captureRecords, type Capture } from './crawl/capture.ts';
import { warcCaptures } from './crawl/warc-captures.ts';
import { isListingUrl, withListings } from './crawl/with-listings.ts';

/** `folio import warc <files…>`: pages of .warc, .warc.gz, .arc and .arc.gz crawls, one record in memory at a time. */
export function warcSource(paths: string[]): ImportSource {
  // Two passes: the listing pages first, then every capture (see `withListings`).
  return withListings(listingCaptures(paths), captureGroups(paths), 'warc');
}

/** Every captured URL of the archives (responses only), for `folio urls check`. */
export async function* warcUrls(paths: string[]): AsyncIterable<string> {
  for (const path of paths) for await (const capture of captures(path, false)) yield capture.url;
}

async function* captureGroups(paths: string[]): AsyncGenerator<readonly ImportRecord[]> {
  for (const path of paths) {
    try {
      for await (const capture of captures(path, true)) yield captureRecords(capture, 'warc');
    } catch (error) {
      // A truncated or corrupt archive keeps what was read before the damage.
      yield [{ type: 'skip', ref: path, reason: `archive unreadable from here on: ${(error as Error).message}` }];
    }
  }
}

async function* listingCaptures(paths: string[]): AsyncGenerator<Capture> {
  for (const path of paths) {
    try {
      for await (const capture of captures(path, true)) if (isListingUrl(capture.url)) yield capture;
    } catch {
      // The second pass reports the damage.
    }
  }
}

function captures(path: string, withBody: boolean): AsyncGenerator<Capture> {
  return /\.arc(\.gz)?$/i.test(path) ? arcCaptures(path, withBody) : warcCaptures(path, withBody);
}

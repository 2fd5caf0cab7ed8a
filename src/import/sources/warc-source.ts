import type { ImportRecord, ImportSource } from '../../domain/import-record.ts';
import { arcCaptures } from './crawl/arc-reader.ts';
import { captureRecords, type Capture } from './crawl/capture.ts';
import { warcCaptures } from './crawl/warc-captures.ts';

/** `folio import warc <files…>`: pages of .warc, .warc.gz, .arc and .arc.gz crawls, one record in memory at a time. */
export function warcSource(paths: string[]): ImportSource {
  return readAll(paths);
}

/** Every captured URL of the archives (responses only), for `folio urls check`. */
export async function* warcUrls(paths: string[]): AsyncIterable<string> {
  for (const path of paths) for await (const capture of captures(path, false)) yield capture.url;
}

async function* readAll(paths: string[]): AsyncGenerator<ImportRecord> {
  for (const path of paths) {
    try {
      for await (const capture of captures(path, true)) yield* captureRecords(capture, 'warc');
    } catch (error) {
      // A truncated or corrupt archive keeps what was read before the damage.
      yield { type: 'skip', ref: path, reason: `archive unreadable from here on: ${(error as Error).message}` };
    }
  }
}

function captures(path: string, withBody: boolean): AsyncGenerator<Capture> {
  return /\.arc(\.gz)?$/i.test(path) ? arcCaptures(path, withBody) : warcCaptures(path, withBody);
}

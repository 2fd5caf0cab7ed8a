import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ImportProvenance, ImportRecord, ImportSource, ImportedNode } from '../../domain/import-record.ts';
import { decodePage } from './crawl/decode-page.ts';
import { dumpUrl, parseManifest, storedPath } from './crawl/dump-url.ts';
import { ListingIndex } from './crawl/listing-index.ts';
import { listingKindOf, type ListingKind } from './crawl/mined-listing.ts';
import { publishedLineCount, textDumpRecords, type DumpIdentity } from './crawl/text-dump.ts';
import { looksLikeListing, parseTextListing } from './crawl/text-listing.ts';
import { nidOfPath, sourceUrlOf } from './crawl/url-path.ts';
import { walkFiles } from './crawl/walk-files.ts';
import { queryUrlOf } from './crawl/with-listings.ts';

/** The manifest a folder of dumps may hold: "<file name>\t<url>" per line. */
const MANIFEST = 'urls.tsv';

/**
 * `folio import text <files-or-dirs…>`: plain-text dumps (.txt) of the original site's pages.
 * Two passes, one file in memory at a time: the first reads the listings (whole, they are small)
 * and which URLs each article was captured at; the second writes the articles with what the
 * listings say about them, then the listed articles no dump holds, as teasers.
 */
export function textSource(paths: string[]): ImportSource {
  return readAll(paths);
}

/** One readable dump: its text (without a URL line), where it was captured, and when. */
interface Dump {
  readonly file: string;
  readonly text: string;
  /** Decoded site path without query; null when nothing names the URL. */
  readonly path: string | null;
  readonly provenance: ImportProvenance;
  /** The listing kind when the dump is a listing page; null for an article. */
  readonly listing: ListingKind | null;
}

async function* readAll(paths: string[]): AsyncGenerator<ImportRecord> {
  const index = new ListingIndex();
  // Title and date → the nid and alias its captures revealed, so /node/<nid> and the alias meet.
  const places = new Map<string, { nid: number | null; alias: string | null }>();
  for await (const dump of dumps(paths)) {
    if ('skip' in dump) continue;
    if (dump.listing !== null) {
      index.add(parseTextListing(dump.text, dump.listing, dump.path ?? ''), dump.provenance);
      continue;
    }
    if (dump.path === null) continue;
    const node = nodeOf(textDumpRecords(dump.text, dump.file, dump.provenance, { capturedPath: dump.path, nid: null, alias: null }));
    if (node === undefined) continue;
    const id = placeKey(node);
    const known = places.get(id) ?? { nid: null, alias: null };
    places.set(id, { nid: known.nid ?? nidOfPath(dump.path), alias: known.alias ?? node.path });
  }
  yield* index.records();
  for await (const dump of dumps(paths)) {
    if ('skip' in dump) {
      yield dump.skip;
      continue;
    }
    if (dump.listing !== null) {
      if (dump.path === null) yield { type: 'skip', ref: dump.file, reason: 'a front page or listing whose URL is unknown: its teasers were read, the page itself is a fixed route' };
      else if (dump.listing === 'front' || dump.listing === 'blogs') yield { type: 'source-url', url: sourceUrlOf(dump.provenance.originalUrl ?? '') ?? dump.path, provenance: dump.provenance };
      else yield* queryUrlOf(dump.provenance);
      continue;
    }
    const first = textDumpRecords(dump.text, dump.file, dump.provenance, { capturedPath: dump.path, nid: null, alias: null });
    const node = nodeOf(first);
    const place = node === undefined ? undefined : places.get(placeKey(node));
    const identity: DumpIdentity = { capturedPath: dump.path, nid: place?.nid ?? null, alias: place?.alias ?? null };
    const records = place === undefined ? first : textDumpRecords(dump.text, dump.file, dump.provenance, identity);
    const comments = records.filter((r) => r.type === 'comment').length;
    yield* records.map((r) => (r.type === 'node' ? index.augment(r, comments) : r));
    if (records.some((r) => r.type === 'node')) yield* queryUrlOf(dump.provenance);
  }
  yield* index.teaserOnly();
}

function nodeOf(records: readonly ImportRecord[]): ImportedNode | undefined {
  return records.find((r): r is ImportedNode => r.type === 'node');
}

function placeKey(node: ImportedNode): string {
  return `${node.revisions.at(-1)!.title}\u0000${node.publishedAt}`;
}

/** Every dump under the paths, read and told apart (article or listing), or a skip with the reason. */
async function* dumps(paths: readonly string[]): AsyncGenerator<Dump | { skip: ImportRecord }> {
  const manifests = new Map<string, Map<string, string>>();
  for (const path of paths) {
    try {
      for await (const { file } of walkFiles([path], /\.txt$/i)) {
        let text: string;
        let capturedAt: number;
        try {
          const [bytes, info] = await Promise.all([readFile(file), stat(file)]);
          // Dumps have no charset label: a BOM, else UTF-8, else windows-1252.
          const decoded = decodePage(bytes, 'text/plain');
          if (!decoded.ok) {
            yield { skip: { type: 'skip', ref: file, reason: decoded.reason } };
            continue;
          }
          text = decoded.text;
          capturedAt = Math.floor(info.mtimeMs / 1000);
        } catch (error) {
          yield { skip: { type: 'skip', ref: file, reason: `unreadable file: ${(error as Error).message}` } };
          continue;
        }
        const named = dumpUrl(text, basename(file), await manifestOf(dirname(file), manifests));
        const path = named.url === null ? null : storedPath(named.url);
        const published = publishedLineCount(named.text);
        const kind = path === null ? null : listingKindOf(path);
        // Front pages and /node print several "Published …" lines; standard listings none, but "Read more" lines.
        const listing = kind ?? (published >= 2 ? 'front' : published === 0 && looksLikeListing(named.text) ? 'tag' : null);
        if (listing !== null && path === null && published < 2) {
          yield { skip: { type: 'skip', ref: file, reason: 'a listing page whose URL is unknown: nothing says whose listing it is' } };
          continue;
        }
        yield { file, text: named.text, path, listing, provenance: { source: 'text', originalUrl: named.url, capturedAt } };
      }
    } catch (error) {
      yield { skip: { type: 'skip', ref: path, reason: `unreadable path: ${(error as Error).message}` } };
    }
  }
}

async function manifestOf(dir: string, cache: Map<string, Map<string, string>>): Promise<Map<string, string>> {
  let manifest = cache.get(dir);
  if (manifest === undefined) {
    manifest = await readFile(join(dir, MANIFEST), 'utf8').then(parseManifest, () => new Map<string, string>());
    cache.set(dir, manifest);
  }
  return manifest;
}

import { appendFileSync, closeSync, openSync, readSync } from 'node:fs';
import type { Lang } from '../../domain/errors.ts';
import { tokenizeForSearch } from '../../text/arabic-normalize.ts';
import { shardKey, DOCS_PER_SHARD } from './search-shards.ts';

/** One searchable item, as its page's structured data describes it. */
export interface SearchDocument {
  /** The page's export-relative file. */
  readonly file: string;
  readonly title: string;
  readonly teaser: string;
  readonly authors: readonly string[];
  readonly tags: readonly string[];
  /** ISO date-time of publication; newest items rank first among equals. */
  readonly published: string;
}

/** A file of the index: its export-relative name and its text. */
export interface IndexFile {
  readonly file: string;
  readonly text: string;
}

/** Documents' text collected before it goes to the spill file: one write per this many characters. */
const SPILL_CHARS = 1 << 20;

/**
 * The client-side search index of one language, built with the server's own tokeniser.
 * Shards are JSONP-style scripts (`folioSearch.shard(key, postings)`) rather than JSON,
 * because Chromium refuses fetch() of local files: a script tag loads from file:// as well.
 * A posting is `docId * 2 + 1` when the token is in the title, `docId * 2` otherwise.
 *
 * Documents wait in `spill` (a file of JSON lines the caller provides and removes), and nothing
 * of them stays in memory during the crawl: at 100,000 articles the documents were tens of
 * megabytes of the main thread's heap while the render threads were running too, and even a
 * line's place and sort key (an object and two strings each) were 17 MB at the export's peak
 * (issue 14). `build` reads them back after the crawl, when the render threads have stopped.
 */
export class SearchIndexBuilder {
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(readonly lang: Lang, private readonly dir: string, private readonly spill: string) {}

  add(document: SearchDocument): void {
    const line = JSON.stringify(document);
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= SPILL_CHARS) this.flush();
  }

  private flush(): void {
    appendFileSync(this.spill, this.pending.map((line) => `${line}\n`).join(''));
    this.pending = [];
    this.pendingChars = 0;
  }

  /**
   * The shard and document files, in a stable order so an unchanged archive yields the same bytes.
   * One file at a time, for the caller to write before the next is made: at 100,000 articles
   * their texts together are tens of megabytes the export need not hold at once.
   */
  *build(): Generator<IndexFile> {
    this.flush();
    // The documents themselves are read back one at a time: read whole, at 100,000 articles they
    // took the main thread's heap to 300 MB at the end of the export, its peak (issue 14).
    const lines = [...spilledLines(this.spill)].sort((a, b) => (a.published > b.published ? -1 : a.published < b.published ? 1 : a.file < b.file ? -1 : 1));
    const shards = new Map<string, Map<string, number[]>>();
    const fd = openSync(this.spill, 'r');
    try {
      let rows: [string, string, string, string][] = [];
      let buffer = Buffer.alloc(0);
      for (let id = 0; id < lines.length; id++) {
        const line = lines[id]!;
        if (buffer.length < line.length) buffer = Buffer.alloc(line.length * 2);
        readSync(fd, buffer, 0, line.length, line.offset);
        const doc = JSON.parse(buffer.toString('utf8', 0, line.length)) as SearchDocument;
        const inTitle = new Set(tokenizeForSearch(doc.title, this.lang));
        const all = new Set([...inTitle, ...tokenizeForSearch([doc.teaser, ...doc.authors, ...doc.tags].join(' '), this.lang)]);
        for (const token of all) {
          const key = shardKey(token);
          let shard = shards.get(key);
          if (!shard) shards.set(key, (shard = new Map()));
          let postings = shard.get(token);
          if (!postings) shard.set(token, (postings = []));
          postings.push(id * 2 + (inTitle.has(token) ? 1 : 0));
        }
        rows.push([doc.file, doc.title, doc.published.slice(0, 10), doc.teaser]);
        if (rows.length === DOCS_PER_SHARD || id === lines.length - 1) {
          const n = Math.floor(id / DOCS_PER_SHARD);
          yield { file: `${this.dir}docs-${n}.js`, text: `folioSearch.docs(${n},${JSON.stringify(rows)});\n` };
          rows = [];
        }
      }
    } finally {
      closeSync(fd);
    }
    for (const key of [...shards.keys()].sort()) {
      const shard = shards.get(key)!;
      shards.delete(key);
      const postings = Object.fromEntries([...shard].sort(([a], [b]) => (a < b ? -1 : 1)));
      yield { file: `${this.dir}${key}.js`, text: `folioSearch.shard(${JSON.stringify(key)},${JSON.stringify(postings)});\n` };
    }
    yield { file: `${this.dir}meta.js`, text: `folioSearch.meta(${JSON.stringify({ documents: lines.length })});\n` };
  }
}

/** A document's line in the spill file and the fields the index is sorted by. */
interface SpilledLine {
  readonly offset: number;
  readonly length: number;
  readonly published: string;
  readonly file: string;
}

/** Bytes of the spill file read at a time when finding its lines. */
const READ_BYTES = 1 << 20;
const NEWLINE = 0x0a;

/**
 * Each line of a spill file (JSON, so no line holds a raw newline), with its byte place and sort
 * key. The file exists: `build` flushes, which creates it even with no document.
 */
function* spilledLines(spill: string): Generator<SpilledLine> {
  const fd = openSync(spill, 'r');
  try {
    let chunk = Buffer.alloc(READ_BYTES);
    let start = 0; // file offset of chunk[0]
    let filled = 0;
    for (;;) {
      const read = readSync(fd, chunk, filled, chunk.length - filled, start + filled);
      filled += read;
      let from = 0;
      for (let end = chunk.indexOf(NEWLINE, from); end !== -1 && end < filled; end = chunk.indexOf(NEWLINE, from)) {
        const doc = JSON.parse(chunk.toString('utf8', from, end)) as SearchDocument;
        yield { offset: start + from, length: end - from, published: doc.published, file: doc.file };
        from = end + 1;
      }
      if (read === 0) break;
      // The unfinished line moves to the front; a line longer than the buffer grows it.
      const rest = chunk.subarray(from, filled);
      if (from === 0 && filled === chunk.length) chunk = Buffer.concat([chunk, Buffer.alloc(chunk.length)]);
      rest.copy(chunk, 0);
      start += from;
      filled = rest.length;
    }
  } finally {
    closeSync(fd);
  }
}

/** The search document a page's JSON-LD describes, if it is an item (it has a headline). */
export function searchDocumentOf(file: string, jsonLd: readonly string[]): SearchDocument | null {
  for (const text of jsonLd) {
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(text) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (typeof data.headline !== 'string') continue;
    const names = (v: unknown) => (Array.isArray(v) ? v : []).map((a) => (typeof a === 'string' ? a : (a as { name?: unknown })?.name)).filter((n): n is string => typeof n === 'string');
    return {
      file,
      title: data.headline,
      teaser: typeof data.description === 'string' ? data.description : '',
      authors: names(data.author),
      tags: names(data.keywords),
      published: typeof data.datePublished === 'string' ? data.datePublished : '',
    };
  }
  return null;
}

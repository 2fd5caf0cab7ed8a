import { createReadStream, createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ImportSummary, ReportedItem, ReportSink, SkippedItem, UrlFate } from '../import/import-report.ts';

/** Skips kept for the file: a broken input could skip millions; the summary says how many there were. */
const MAX_SKIPS = 100_000;

/**
 * `--report <file>`: JSON with every item (its Folio id, canonical path and legacy paths), every
 * source URL with its fate (canonical, redirect to X, gone with the reason), every skip and every
 * warning (imported with a change: an id reassigned, a parent lost) with its reason, and the summary. Items and URLs stream to disk as they come (URLs to a side file joined
 * at the end), so memory stays flat; an item seen several times in one run (captures of one page)
 * is listed again, the last entry holding its merged paths.
 */
export class ReportFile implements ReportSink {
  private readonly out: WriteStream;
  private readonly urlsPath: string;
  private readonly urls: WriteStream;
  private first = true;
  private firstUrl = true;
  private readonly skips: SkippedItem[] = [];
  private readonly warnings: SkippedItem[] = [];

  constructor(path: string) {
    this.out = createWriteStream(path, { encoding: 'utf8' });
    this.out.write('{"items":[\n');
    this.urlsPath = `${path}.urls.tmp`;
    this.urls = createWriteStream(this.urlsPath, { encoding: 'utf8' });
  }

  item(entry: ReportedItem): void {
    this.out.write(`${this.first ? '' : ',\n'}${JSON.stringify(entry)}`);
    this.first = false;
  }

  url(entry: UrlFate): void {
    this.urls.write(`${this.firstUrl ? '' : ',\n'}${JSON.stringify(entry)}`);
    this.firstUrl = false;
  }

  skip(entry: SkippedItem): void {
    if (this.skips.length < MAX_SKIPS) this.skips.push(entry);
  }

  warn(entry: SkippedItem): void {
    if (this.warnings.length < MAX_SKIPS) this.warnings.push(entry);
  }

  async close(summary: ImportSummary): Promise<void> {
    this.urls.end();
    await once(this.urls, 'finish');
    this.out.write('\n],\n"urls":[\n');
    for await (const chunk of createReadStream(this.urlsPath, { encoding: 'utf8' })) {
      if (!this.out.write(chunk)) await once(this.out, 'drain');
    }
    rmSync(this.urlsPath, { force: true });
    this.out.end(`\n],\n"skipped":${JSON.stringify(this.skips)},\n"warnings":${JSON.stringify(this.warnings)},\n"summary":${JSON.stringify({ ...summary, skips: undefined })}}\n`);
    await once(this.out, 'finish');
  }
}

import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ImportSummary, ReportedItem, ReportSink, SkippedItem } from '../import/import-report.ts';

/** Skips kept for the file: a broken input could skip millions; the summary says how many there were. */
const MAX_SKIPS = 100_000;

/**
 * `--report <file>`: JSON with every item (its Folio id, canonical path and legacy paths), every
 * skip with its reason, and the summary. Items stream to disk as they come, so memory stays flat;
 * an item seen several times in one run (captures of one page) is listed again, the last entry
 * holding its merged paths.
 */
export class ReportFile implements ReportSink {
  private readonly out: WriteStream;
  private first = true;
  private readonly skips: SkippedItem[] = [];

  constructor(path: string) {
    this.out = createWriteStream(path, { encoding: 'utf8' });
    this.out.write('{"items":[\n');
  }

  item(entry: ReportedItem): void {
    this.out.write(`${this.first ? '' : ',\n'}${JSON.stringify(entry)}`);
    this.first = false;
  }

  skip(entry: SkippedItem): void {
    if (this.skips.length < MAX_SKIPS) this.skips.push(entry);
  }

  async close(summary: ImportSummary): Promise<void> {
    this.out.end(`\n],\n"skipped":${JSON.stringify(this.skips)},\n"summary":${JSON.stringify({ ...summary, skips: undefined })}}\n`);
    await once(this.out, 'finish');
  }
}

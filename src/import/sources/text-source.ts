import { readFile, stat } from 'node:fs/promises';
import type { ImportRecord, ImportSource } from '../../domain/import-record.ts';
import { decodePage } from './crawl/decode-page.ts';
import { textDumpRecords } from './crawl/text-dump.ts';
import { walkFiles } from './crawl/walk-files.ts';

/** `folio import text <files-or-dirs…>`: plain-text dumps (.txt) of article pages, one file in memory at a time. */
export function textSource(paths: string[]): ImportSource {
  return readAll(paths);
}

async function* readAll(paths: string[]): AsyncGenerator<ImportRecord> {
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
            yield { type: 'skip', ref: file, reason: decoded.reason };
            continue;
          }
          text = decoded.text;
          capturedAt = Math.floor(info.mtimeMs / 1000);
        } catch (error) {
          yield { type: 'skip', ref: file, reason: `unreadable file: ${(error as Error).message}` };
          continue;
        }
        yield* textDumpRecords(text, file, { source: 'text', originalUrl: null, capturedAt });
      }
    } catch (error) {
      yield { type: 'skip', ref: path, reason: `unreadable path: ${(error as Error).message}` };
    }
  }
}

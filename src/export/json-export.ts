import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';
import type { ExportService } from '../services/export-service.ts';

/** What an export wrote. */
export interface JsonExportSummary {
  readonly editions: readonly string[];
  readonly records: Readonly<Record<string, number>>;
  readonly bytes: number;
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/**
 * `folio export json <file>`: every edition as JSON lines (gzipped when the name ends in .gz),
 * in the importer's own record format, so `folio import folio <file>` restores it. Streams with
 * back-pressure, so memory stays flat on a million articles.
 */
export async function exportJson(service: ExportService, file: string, options: { editions?: readonly string[]; includeSecrets?: boolean; onProgress?: (records: number) => void } = {}): Promise<JsonExportSummary> {
  const sink = createWriteStream(file);
  const out: Writable = file.endsWith('.gz') ? createGzip() : sink;
  if (out !== sink) out.pipe(sink);
  const header = await service.header(options.editions, options.includeSecrets ?? false);
  await write(out, `${JSON.stringify(header)}\n`);
  const records: Record<string, number> = {};
  let total = 0;
  for (const user of await service.users(options.includeSecrets ?? false)) {
    await write(out, `${JSON.stringify(user)}\n`);
    records.user = (records.user ?? 0) + 1;
  }
  for (const edition of header.editions) {
    for await (const record of service.records(edition)) {
      await write(out, `${JSON.stringify(record)}\n`);
      if (record.type !== 'folio-edition') records[record.type] = (records[record.type] ?? 0) + 1;
      if (++total % 1000 === 0) options.onProgress?.(total);
    }
  }
  out.end();
  await once(sink, 'finish');
  return { editions: header.editions, records, bytes: sink.bytesWritten };
}

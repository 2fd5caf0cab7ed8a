import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { Invalid } from '../../domain/errors.ts';
import type { ImportRecord, ImportSource } from '../../domain/import-record.ts';

const RECORD_TYPES = new Set(['term', 'author', 'blog', 'node', 'comment', 'gone', 'redirect', 'user', 'correction']);

function linesOf(path: string): AsyncIterable<string> {
  const raw = createReadStream(path);
  return createInterface({ input: path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw, crlfDelay: Infinity });
}

/** The editions a Folio export holds, from its header line. */
export async function exportEditions(path: string): Promise<string[]> {
  for await (const line of linesOf(path)) {
    try {
      const header = JSON.parse(line) as { type?: string; editions?: unknown };
      if (header.type === 'folio-export' && Array.isArray(header.editions)) return header.editions.filter((e): e is string => typeof e === 'string');
    } catch {
      // Not a header: fall through to the error below.
    }
    break;
  }
  throw new Invalid(`${path} is not a Folio export: its first line is not a {"type":"folio-export"} header`);
}

/**
 * Folio's own export (`folio export json`): JSON lines, a header, then each edition's records
 * after a {"type":"folio-edition"} marker, in the order the importer needs. With `edition`, only
 * that edition's records are read. A line that is not a record is skipped with its line number.
 */
export function folioSource(paths: string[], edition?: string): ImportSource {
  return (async function* records() {
    for (const path of paths) {
      let n = 0;
      let current: string | null = null;
      for await (const line of linesOf(path)) {
        n++;
        if (line.trim() === '') continue;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          yield { type: 'skip', ref: `${path}:${n}`, reason: 'not valid JSON' };
          continue;
        }
        const type = (value as { type?: unknown } | null)?.type;
        if (type === 'folio-export') continue;
        if (type === 'folio-edition') {
          current = String((value as { code?: unknown }).code);
          continue;
        }
        if (edition !== undefined && current !== null && current !== edition) continue;
        if (typeof type !== 'string' || !RECORD_TYPES.has(type)) {
          yield { type: 'skip', ref: `${path}:${n}`, reason: `not a Folio export record (type ${JSON.stringify(type)})` };
          continue;
        }
        yield value as ImportRecord;
      }
    }
  })();
}

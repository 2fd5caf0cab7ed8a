import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { ImportRecord, ImportSource } from '../../domain/import-record.ts';

const RECORD_TYPES = new Set(['term', 'author', 'blog', 'node', 'comment', 'gone']);

/**
 * Folio's own export: JSON lines, the first a header ({"type":"folio-export",…}), then one import
 * record per line, in the order the importer needs (taxonomy, authors, blogs, nodes, comments).
 * A line that is not a record is skipped with its line number, never fatal.
 */
export async function* folioSource(paths: string[]): ImportSource {
  for (const path of paths) {
    const raw = createReadStream(path);
    const lines = createInterface({ input: path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw, crlfDelay: Infinity });
    let n = 0;
    for await (const line of lines) {
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
      if (typeof type !== 'string' || !RECORD_TYPES.has(type)) {
        yield { type: 'skip', ref: `${path}:${n}`, reason: `not a Folio export record (type ${JSON.stringify(type)})` };
        continue;
      }
      yield value as ImportRecord;
    }
  }
}

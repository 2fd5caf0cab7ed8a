import { createReadStream } from 'node:fs';
import { AsyncIterReader } from 'warcio';
import type { Capture } from './capture.ts';
import { MAX_PAGE_BYTES, parseHttpHead } from './http-head.ts';

// warcio.js reads WARC only; the older ARC format (Internet Archive, 1996–2008 crawls) is a
// header line "URL IP date content-type [...] length" followed by that many bytes of HTTP
// response. warcio's reader still does the work of un-gzipping member by member.

/** Captures of an .arc or .arc.gz file, one record in memory at a time. */
export async function* arcCaptures(path: string, withBody = true): AsyncGenerator<Capture> {
  const reader = new AsyncIterReader(createReadStream(path));
  for (;;) {
    const raw = await reader.readlineRaw();
    if (raw === null) return;
    const line = Buffer.from(raw).toString('latin1').trim();
    if (line === '') continue;
    const fields = line.split(/\s+/);
    const length = Number(fields.at(-1));
    const url = fields[0] ?? '';
    if (fields.length < 5 || !Number.isInteger(length) || length < 0) throw new Error(`not an ARC record header: "${line.slice(0, 80)}"`);
    const isPage = /^https?:/i.test(url) && /^text\/html|^application\/xhtml/i.test(fields[3] ?? '');
    if (!withBody || !isPage || length > MAX_PAGE_BYTES) {
      await reader.skipSize(length);
      if (/^https?:/i.test(url)) yield { url, capturedAt: arcDate(fields[2] ?? ''), status: null, contentType: fields[3] ?? null, location: null, body: new Uint8Array(0) };
      continue;
    }
    const block = await reader.readSize(length);
    const head = parseHttpHead(block);
    yield { url, capturedAt: arcDate(fields[2] ?? ''), ...head };
  }
}

/** ARC dates are "YYYYMMDDhhmmss" in UTC. */
function arcDate(s: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?$/.exec(s);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) / 1000 : null;
}

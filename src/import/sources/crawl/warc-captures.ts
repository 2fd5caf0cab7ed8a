import { createReadStream } from 'node:fs';
import { WARCParser } from 'warcio';
import type { Capture } from './capture.ts';
import { MAX_PAGE_BYTES } from './http-head.ts';

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/**
 * HTTP response captures of a .warc or .warc.gz file, streamed record by record. Only HTML
 * payloads are read (and de-chunked, un-gzipped by warcio); other responses come with an
 * empty body so the caller can still count or list them.
 */
export async function* warcCaptures(path: string, withBody = true): AsyncGenerator<Capture> {
  for await (const record of new WARCParser(createReadStream(path))) {
    const url = record.warcTargetURI ?? '';
    if (record.warcType !== 'response' || !/^https?:/i.test(url)) continue;
    const http = record.httpHeaders;
    const contentType = http?.headers.get('content-type') ?? null;
    const status = http ? Number(http.statusCode) || null : null;
    const date = Date.parse(record.warcDate ?? '');
    const capture = { url, capturedAt: Number.isNaN(date) ? null : Math.floor(date / 1000), status, contentType, location: http?.headers.get('location') ?? null };
    const wanted = withBody && status === 200 && HTML_TYPES.test(contentType ?? 'text/html') && record.warcContentLength <= MAX_PAGE_BYTES;
    yield { ...capture, body: wanted ? await record.readFully(true) : new Uint8Array(0) };
  }
}

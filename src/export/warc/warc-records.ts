import type { LightMyRequestResponse } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { WARCRecord, WARCSerializer } from 'warcio';

/**
 * SHA-1 in base32 with the "sha1:" label: the convention of Heritrix, wget and pywb, whose CDX
 * indexes and deduplication compare digests in this form (WARC 1.1 §5.8 allows any algorithm).
 */
const DIGEST = { algo: 'sha-1', prefix: 'sha1:', base32: true } as const;

/** Headers a WARC response keeps: framing headers of the live connection do not describe the stored bytes. */
const DROPPED_HEADERS = new Set(['transfer-encoding', 'connection', 'keep-alive']);

/** A WARC-Date to the second, the precision every WARC reader accepts (WARC 1.1 §5.4). */
function warcDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A warcinfo record describing the file (WARC 1.1 §6.4). */
export async function warcinfoRecord(filename: string, date: Date, fields: Record<string, string>, gzip: boolean): Promise<Uint8Array> {
  const info = await WARCRecord.createWARCInfo({ filename, date: warcDate(date), warcVersion: 'WARC/1.1' }, fields);
  return WARCSerializer.serialize(info, { gzip, digest: DIGEST });
}

/**
 * A request record and its response record for one fetched URL, serialised; warcio computes
 * the block and payload digests and lengths from the bytes, and the request names its response
 * in WARC-Concurrent-To, as crawlers write them.
 */
export async function exchangeRecords(url: string, date: Date, res: LightMyRequestResponse, gzip: boolean): Promise<Uint8Array[]> {
  const target = new URL(url);
  const httpHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined && !DROPPED_HEADERS.has(name)) httpHeaders[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  const response = WARCRecord.create({
    url, date: warcDate(date), type: 'response', warcVersion: 'WARC/1.1',
    statusline: `HTTP/1.1 ${res.statusCode} ${STATUS_CODES[res.statusCode] ?? 'Unknown'}`, httpHeaders,
  }, [new Uint8Array(res.rawPayload)]);
  const request = WARCRecord.create({
    url, date: warcDate(date), type: 'request', warcVersion: 'WARC/1.1', statusline: `GET ${target.pathname}${target.search} HTTP/1.1`,
    httpHeaders: { Host: target.host, 'User-Agent': 'folio-warc-export' },
    warcHeaders: { 'WARC-Concurrent-To': response.warcHeader('WARC-Record-ID')! },
  }, [new Uint8Array(0)]);
  return [await WARCSerializer.serialize(response, { gzip, digest: DIGEST }), await WARCSerializer.serialize(request, { gzip, digest: DIGEST })];
}

import type { FastifyInstance } from 'fastify';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { basename } from 'node:path';
import { requestTarget, sitemapUrls } from './warc/sitemap-urls.ts';
import { exchangeRecords, warcinfoRecord } from './warc/warc-records.ts';

/** What the WARC export renders with. */
export interface WarcExportDeps {
  readonly app: FastifyInstance;
  /** The site's base URL (config.baseUrl): the URLs the records are filed under. */
  readonly siteUrl: string;
  readonly clock: () => Date;
}

/** What a WARC export wrote. */
export interface WarcExportReport {
  readonly urls: number;
  /** URLs that answered other than 200 (recorded all the same: an archive keeps what it saw). */
  readonly notOk: readonly string[];
  readonly bytes: number;
  readonly seconds: number;
}

/**
 * `folio export warc <file>`: every URL of the sitemaps fetched through the real app in process
 * and written as WARC/1.1 request and response records after a warcinfo record, one gzip member
 * per record when the name ends in .gz (what replay tools index by offset).
 */
export async function exportWarc(deps: WarcExportDeps, file: string, onProgress: (done: number) => void = () => {}): Promise<WarcExportReport> {
  const started = Date.now();
  const gzip = file.endsWith('.gz');
  const out = createWriteStream(file);
  const write = async (bytes: Uint8Array) => {
    if (!out.write(bytes)) await once(out, 'drain');
  };
  await write(await warcinfoRecord(basename(file), deps.clock(), {
    software: 'Folio (folio export warc)', format: 'WARC File Format 1.1', conformsTo: 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
    isPartOf: deps.siteUrl, description: 'Every public page of the site as its sitemaps list them, rendered in process',
  }, gzip));
  const seen = new Set<string>();
  const notOk: string[] = [];
  for await (const url of sitemapUrls(deps.app, deps.siteUrl)) {
    if (seen.has(url)) continue;
    seen.add(url);
    // The Host header as a crawler would send it: editions bound to their own host are told apart by it.
    const res = await deps.app.inject({ method: 'GET', url: requestTarget(url), headers: { host: new URL(url).host, 'user-agent': 'folio-warc-export' } });
    if (res.statusCode !== 200) notOk.push(`${url} (${res.statusCode})`);
    for (const record of await exchangeRecords(url, deps.clock(), res, gzip)) await write(record);
    onProgress(seen.size);
  }
  out.end();
  await once(out, 'finish');
  return { urls: seen.size, notOk, bytes: out.bytesWritten, seconds: (Date.now() - started) / 1000 };
}

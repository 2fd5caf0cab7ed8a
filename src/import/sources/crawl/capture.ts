import type { ImportProvenance, ImportRecord, ImportSourceName } from '../../../domain/import-record.ts';
import { decodePage } from './decode-page.ts';
import type { MinedListing } from './mined-listing.ts';
import { pageRecords } from './page-records.ts';
import { parsePage } from './parse-page.ts';
import { sitePath } from './url-path.ts';

/** One fetched page as a crawl stored it. */
export interface Capture {
  readonly url: string;
  /** Unix seconds. */
  readonly capturedAt: number | null;
  /** HTTP status; null when the crawl kept no headers (saved files). */
  readonly status: number | null;
  readonly contentType: string | null;
  readonly location: string | null;
  readonly body: Uint8Array;
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/**
 * Records for one capture; never throws. Errors and non-HTML answers become a skip with the
 * reason. A redirect within the site becomes a redirect record: the old path answered, so it must
 * keep answering (the importer points it at whatever its target became); one to another site is skipped.
 * 410 Gone is the one error status that means something: the path answered "removed".
 */
export function captureRecords(capture: Capture, source: ImportSourceName): ImportRecord[] {
  const ref = capture.url;
  const provenance: ImportProvenance = { source, originalUrl: capture.url, capturedAt: capture.capturedAt };
  const status = capture.status;
  if (status !== null && status >= 300 && status < 400) {
    const to = capture.location === null ? null : sameSiteTarget(capture.url, capture.location);
    if (to === null) return [skip(ref, `redirect ${status}${capture.location ? ` to ${capture.location}` : ''}, off the site`)];
    return [{ type: 'redirect', from: sitePath(capture.url), to, provenance }];
  }
  if (status === 410) return [{ type: 'gone', path: sitePath(capture.url), reason: 'the original site answered 410 Gone', provenance }];
  if (status !== null && status !== 200) return [skip(ref, `HTTP status ${status}`)];
  if (capture.contentType !== null && !HTML_TYPES.test(capture.contentType.trim())) return [skip(ref, `not HTML (${capture.contentType.split(';')[0]!.trim()})`)];
  if (capture.body.length === 0) return [skip(ref, 'empty page')];
  const decoded = decodePage(capture.body, capture.contentType);
  if (!decoded.ok) return [skip(ref, decoded.reason)];
  try {
    const page = parsePage(decoded.text, capture.url);
    if (page.kind === 'other') return [skip(ref, page.reason)];
    return pageRecords(page, capture.url, provenance);
  } catch (error) {
    // A parser bug on one page must not stop a 10,000-page import; the report names the page.
    return [skip(ref, `page could not be parsed: ${(error as Error).message}`)];
  }
}

/** What a listing page captured without error says; null for any other capture. */
export function captureListing(capture: Capture): MinedListing | null {
  if ((capture.status !== null && capture.status !== 200) || capture.body.length === 0) return null;
  if (capture.contentType !== null && !HTML_TYPES.test(capture.contentType.trim())) return null;
  const decoded = decodePage(capture.body, capture.contentType);
  if (!decoded.ok) return null;
  try {
    const page = parsePage(decoded.text, capture.url);
    return page.kind === 'listing' ? page.mined : null;
  } catch {
    // The second pass reports the page that cannot be parsed.
    return null;
  }
}

/** The site path a Location header points at, when it stays on the captured host. */
function sameSiteTarget(url: string, location: string): string | null {
  try {
    const from = new URL(url);
    const target = new URL(location, url);
    const sameHost = target.host.replace(/^www\./, '') === from.host.replace(/^www\./, '');
    return sameHost ? sitePath(target.toString()) : null;
  } catch {
    return null;
  }
}

function skip(ref: string, reason: string): ImportRecord {
  return { type: 'skip', ref, reason };
}

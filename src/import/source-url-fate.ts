import { LISTING_PAGE_SIZE } from '../domain/pagination.ts';
import type { SourcePathFact } from '../store/types.ts';
import type { UrlFate } from './import-report.ts';

/** The path of a source URL, without its query: "tags/x?page=2" → "tags/x". */
export function sourcePathOf(url: string): string {
  const at = url.indexOf('?');
  return at < 0 ? url : url.slice(0, at);
}

/** A source URL's fate, and the redirect to record when it is a listing page past what the import holds. */
export interface SourceUrlOutcome {
  readonly fate: UrlFate;
  readonly pastEnd?: { readonly path: string; readonly location: string };
}

/**
 * What a source URL with a query string ("tags/x?page=2"), or a fixed listing no item carries
 * ("node", ""), answers, given what its path is now
 * (issue 11). Folio reads only `page` of a query, as the old site's pager wrote it: a page within
 * the listing is the listing's page; one past what the import holds (a crawl that captured
 * `?page=2` but not the items before it) leads to the listing's last page. Null when the query's
 * page is no page number (Folio answers 400: not a URL the old site linked).
 */
export function sourceUrlFate(url: string, fact: SourcePathFact): SourceUrlOutcome | null {
  const raw = new URLSearchParams(url.slice(sourcePathOf(url).length + 1)).get('page');
  if (raw !== null && !/^\d{1,9}$/.test(raw)) return null;
  const page = raw === null ? 0 : Number(raw);
  if (fact.kind === 'gone') return { fate: { path: url, fate: 'gone', reason: fact.reason } };
  if (fact.kind === 'redirect') return { fate: { path: url, fate: 'redirect', to: fact.location } };
  const { canonicalPath, listed } = fact;
  if (listed !== null && page > 0 && page * LISTING_PAGE_SIZE >= listed) {
    const last = Math.max(0, Math.ceil(listed / LISTING_PAGE_SIZE) - 1);
    return {
      fate: { path: url, fate: 'redirect', to: last === 0 ? canonicalPath : `${canonicalPath}?page=${last}` },
      pastEnd: { path: `${canonicalPath}?page=${page}`, location: canonicalPath },
    };
  }
  if (sourcePathOf(url) === canonicalPath) return { fate: { path: url, fate: 'canonical' } };
  return { fate: { path: url, fate: 'redirect', to: raw === null ? canonicalPath : `${canonicalPath}?page=${raw}` } };
}

// Where each site URL lands in the export folder. The mapping depends on the URL alone, so a
// page's links can be rewritten before the pages they point at are rendered.

/** The pager parameter: Drupal's zero-based `?page=N`. */
const PAGE_QUERY = /^\?page=(\d{1,6})$/;
/** The last segment has a file extension (rss.xml, sitemap-1.xml, folio.css, photo-3.svg, manifest.webmanifest). */
const HAS_EXTENSION = /\.(?:[a-z0-9]{1,5}|webmanifest)$/i;
/** Feeds without an extension in their path: /blog/feed, /taxonomy/term/5/feed, /comment/feed/2001. */
const FEED_PATH = /(?:^|\/)feed$|(?:^|\/)comment\/feed\/\d+$/;

/** The page a pager query names (`?page=3` → 3), or null for any other query. */
export function pagerPage(search: string): number | null {
  const page = PAGE_QUERY.exec(search);
  return page ? Number(page[1]) : null;
}

/**
 * The export-relative file of a site path and query, or null when it is no page of its own
 * (a search with a query, a form's target). Pages become `<path>/index.html` so that both a
 * static host and file:// find them; pager pages become `<path>/page/N/index.html`.
 */
export function fileForUrl(pathname: string, search: string): string | null {
  const page = search === '' ? null : PAGE_QUERY.exec(search);
  if (search !== '' && !page) return null;
  const path = decodePath(pathname).replace(/^\/+|\/+$/g, '');
  if (path.split('/').some((s) => s === '..' || s === '.')) return null;
  const pager = page && page[1] !== '0' ? `page/${page[1]}/` : '';
  if (pager === '' && HAS_EXTENSION.test(path)) return path;
  if (pager === '' && FEED_PATH.test(path)) return `${path}.xml`;
  return `${path === '' ? '' : `${path}/`}${pager}index.html`;
}

/** A path as a file name: percent-escapes decoded (Arabic slugs are stored as letters on disk). */
export function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/** A file's path written into a link: each segment escaped again. */
export function encodeFilePath(file: string): string {
  return file.split('/').map((s) => encodeURIComponent(s)).join('/');
}

/** A link from the file `fromFile` to the file `toFile`, both export-relative: a relative URL. */
export function relativeLink(fromFile: string, toFile: string): string {
  const from = fromFile.split('/').slice(0, -1);
  const to = toFile.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join('/');
  return encodeFilePath(`${'../'.repeat(up)}${rest}`);
}

/** A file's address under a base URL: `index.html` dropped, as static hosts serve it for the folder. */
export function absoluteLink(baseUrl: string, file: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${encodeFilePath(file.replace(/(^|\/)index\.html$/, '$1'))}`;
}

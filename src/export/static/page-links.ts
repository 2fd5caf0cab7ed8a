import type { Lang } from '../../domain/errors.ts';
import { t } from '../../text/messages.ts';
import { escapeHtml } from '../../web/views/html.ts';
import { isCommentPermalink, isDroppedPath, isSearchPath } from './link-policy.ts';
import { absoluteLink, fileForUrl, relativeLink } from './url-files.ts';

// What the export does to each link of a rendered page, decided once for both ways of rewriting a
// page (rewrite-page.ts splices the page's text; rewrite-page-tree.ts edits a parsed tree).

/** What a page needs to know to rewrite its links for the export. */
export interface PageContext {
  /** The path and query the page was rendered from ("/tags/gaza?page=1"). */
  readonly url: string;
  /** Its export-relative file. */
  readonly file: string;
  readonly lang: Lang;
  /** The live site's origin: links to it are same-site. */
  readonly siteOrigin: string;
  /** Links become absolute under this URL; relative when null (works from file:// too). */
  readonly baseUrl: string | null;
  /** Path prefixes of every edition ('' for the root one). */
  readonly prefixes: readonly string[];
  /** True when the path belongs to an exported edition; other links keep pointing at the live site. */
  readonly exported: (pathname: string) => boolean;
}

/** The rewritten page, the same-site URLs (path and query) it links to, and its JSON-LD texts. */
export interface RewrittenPage {
  readonly html: string;
  readonly links: readonly string[];
  readonly jsonLd: readonly string[];
}

/** Attributes that hold a URL the export rewrites, by element. */
export const URL_ATTRIBUTES: Readonly<Record<string, string>> = { a: 'href', link: 'href', img: 'src', script: 'src', source: 'src', form: 'action' };

/** What happens to one element's URL attribute: a new value, or (links only) the link goes. */
export type LinkEdit = { readonly attribute: string; readonly value: string } | 'remove';

/** Classes that mark the comment form, its wrapper, and the search page's results column. */
export const COMMENT_FORM = /\bcomment-form\b/;
export const COMMENT_FORM_WRAPPER = /\bcomment-form-wrapper\b/;
export const SEARCH_PAGE = /\bsearch-page\b/;

/** Links whose job is to name the live page (canonical, translations): never pointed at a file. */
function namesLivePage(name: string, attribs: Readonly<Record<string, string>>): boolean {
  return name === 'link' && (/\bcanonical\b/.test(attribs.rel ?? '') || attribs.hreflang !== undefined);
}

function linkTo(ctx: PageContext, file: string, suffix: string): string {
  return `${ctx.baseUrl === null ? relativeLink(ctx.file, file) : absoluteLink(ctx.baseUrl, file)}${suffix}`;
}

/** Where a same-site link leads, worked out once per distinct link text (see `targetOf`). */
interface LinkTarget {
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly href: string;
  /** What the link becomes: kept live, removed, an anchor on this page, the search page, or a file. */
  readonly kind: 'live' | 'dropped' | 'anchor' | 'search' | 'file';
  /** The export file it points at ('search' and 'file'). */
  readonly file: string | null;
  /** The URL the crawl follows ('file'). */
  readonly follow: string | null;
}

/** Root-relative links (`/section/politics`) recur on every page: their targets are kept, per export. */
const targetCache = new WeakMap<PageContext['exported'], Map<string, LinkTarget | null>>();
/** Distinct links remembered per export; most (article links) are seen a handful of times. */
const TARGET_CACHE_SIZE = 20_000;

function classify(target: URL, ctx: PageContext): LinkTarget | null {
  const { pathname, search, hash, href } = target;
  const base = { pathname, search, hash, href, file: null, follow: null };
  if (target.origin !== ctx.siteOrigin) return null;
  if (!ctx.exported(pathname)) return { ...base, kind: 'live' };
  if (isDroppedPath(pathname, ctx.prefixes)) return { ...base, kind: 'dropped' };
  if (isCommentPermalink(pathname, ctx.prefixes) && hash !== '') return { ...base, kind: 'anchor' };
  if (isSearchPath(pathname, ctx.prefixes)) return { ...base, kind: 'search', file: fileForUrl(pathname, '')! };
  const exact = fileForUrl(pathname, search);
  const file = exact ?? fileForUrl(pathname, '');
  if (file === null) return null;
  return { ...base, kind: 'file', file, follow: exact === null ? pathname : `${pathname}${search}` };
}

/** The target of a link's text on this page, or null when the export leaves the link alone. */
function targetOf(value: string, here: URL, ctx: PageContext): LinkTarget | null {
  const rootRelative = value.startsWith('/') && !value.startsWith('//');
  let cache: Map<string, LinkTarget | null> | undefined;
  if (rootRelative) {
    cache = targetCache.get(ctx.exported);
    if (!cache) targetCache.set(ctx.exported, (cache = new Map()));
    const known = cache.get(value);
    if (known !== undefined) return known;
  }
  let target: URL;
  try {
    target = new URL(value, here);
  } catch {
    return null;
  }
  const result = classify(target, ctx);
  if (cache) {
    if (cache.size >= TARGET_CACHE_SIZE) cache.clear();
    cache.set(ownCopy(value), result);
  }
  return result;
}

/**
 * The string's characters in a string of its own. An attribute's value is a slice of the page's
 * HTML, and V8 keeps a slice's whole parent alive: as cache keys, the slices kept some thousands of
 * rendered pages (20-60 MB of each render thread's live heap, rising until the cache cleared, issue
 * 14). Joining makes a new string that `slice` flattens into a copy, which no longer holds the page.
 */
function ownCopy(value: string): string {
  return ` ${value}`.slice(1);
}

/**
 * What the export does to an element's URL attribute on the page at `here`, or null to leave it:
 * same-site links point at the files they land in (and join `follow`, the URLs the crawl visits),
 * links to staff and posting pages are removed, comment permalinks become anchors on the page.
 */
export function linkEdit(name: string, attribs: Readonly<Record<string, string>>, here: URL, ctx: PageContext, follow: Set<string>): LinkEdit | null {
  const attribute = URL_ATTRIBUTES[name];
  if (attribute === undefined) return null;
  const value = attribs[attribute];
  if (value === undefined || value.startsWith('#') || namesLivePage(name, attribs)) return null;
  const target = targetOf(value, here, ctx);
  if (target === null) return null;
  switch (target.kind) {
    case 'live':
      return { attribute, value: target.href };
    case 'dropped':
      return name === 'a' ? 'remove' : null;
    case 'anchor':
      return { attribute, value: target.hash };
    case 'search':
      return { attribute, value: linkTo(ctx, target.file!, `${target.search}${target.hash}`) };
    case 'file':
      follow.add(target.follow!);
      return { attribute, value: linkTo(ctx, target.file!, target.hash) };
  }
}

/** What replaces the comment form's section: a localised note, keeping its id so "add a comment" anchors still land. */
export function commentsClosedNote(lang: Lang, id: string | undefined): string {
  return `<section class="comments-closed"${id ? ` id="${escapeHtml(id)}"` : ''}><p>${escapeHtml(t(lang, 'commentsClosed'))}</p></section>`;
}

/** What the search page gets: a results region for its results column, and the script (for the body) that fills it from the prebuilt index. */
export function clientSearchParts(ctx: PageContext, searchScript: string): { readonly region: string; readonly script: string } {
  const indexDir = `search-index/${ctx.lang}/`;
  return {
    region: '<div class="static-search-results" id="static-search-results" aria-live="polite"></div>',
    script: `<script src="${escapeHtml(linkTo(ctx, searchScript, ''))}" data-index="${escapeHtml(linkTo(ctx, `${indexDir}x`, '').slice(0, -1))}" data-lang="${ctx.lang}" data-root="${escapeHtml(linkTo(ctx, 'index.html', '').replace(/index\.html$/, ''))}" defer></script>`,
  };
}


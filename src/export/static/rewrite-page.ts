import { DomUtils, parseDocument } from 'htmlparser2';
import { isTag, type ChildNode, type Document, type Element } from 'domhandler';
import type { Lang } from '../../domain/errors.ts';
import { t } from '../../text/messages.ts';
import { isCommentPermalink, isDroppedPath, isSearchPath } from './link-policy.ts';
import { absoluteLink, fileForUrl, relativeLink } from './url-files.ts';

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
const URL_ATTRIBUTES: Readonly<Record<string, string>> = { a: 'href', link: 'href', img: 'src', script: 'src', source: 'src', form: 'action' };

/** Links whose job is to name the live page (canonical, translations): never pointed at a file. */
function namesLivePage(el: Element): boolean {
  return el.name === 'link' && (/\bcanonical\b/.test(el.attribs.rel ?? '') || el.attribs.hreflang !== undefined);
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

/** The elements a rewrite works on, found in one walk of the document, in document order. */
function elementsOf(doc: Document): { withUrls: Element[]; commentForms: Element[]; jsonLd: Element[] } {
  const withUrls: Element[] = [];
  const commentForms: Element[] = [];
  const jsonLd: Element[] = [];
  const stack: ChildNode[] = [...doc.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (URL_ATTRIBUTES[node.name] !== undefined) withUrls.push(node);
    if (node.name === 'form' && /\bcomment-form\b/.test(node.attribs.class ?? '')) commentForms.push(node);
    if (node.name === 'script' && node.attribs.type === 'application/ld+json') jsonLd.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return { withUrls, commentForms, jsonLd };
}

/**
 * Rewrites one rendered page for the export: same-site links to the files they land in,
 * links to staff and posting pages removed, the comment form replaced by a localised note that
 * comments are closed, and the search page wired to the client-side search.
 */
export function rewritePage(html: string, ctx: PageContext, searchScript: string): RewrittenPage {
  const doc = parseDocument(html);
  const links = new Set<string>();
  const here = new URL(ctx.url, ctx.siteOrigin);
  // One walk finds everything: a link's removal takes only an emptied paragraph or list item
  // with it, never a comment form or structured data.
  const found = elementsOf(doc);
  for (const el of found.withUrls) {
    const attr = URL_ATTRIBUTES[el.name]!;
    const value = el.attribs[attr];
    if (value === undefined || value.startsWith('#') || namesLivePage(el)) continue;
    const target = targetOf(value, here, ctx);
    if (target === null) continue;
    switch (target.kind) {
      case 'live':
        el.attribs[attr] = target.href;
        break;
      case 'dropped':
        if (el.name === 'a') removeLink(el);
        break;
      case 'anchor':
        el.attribs[attr] = target.hash;
        break;
      case 'search':
        el.attribs[attr] = linkTo(ctx, target.file!, `${target.search}${target.hash}`);
        break;
      case 'file':
        links.add(target.follow!);
        el.attribs[attr] = linkTo(ctx, target.file!, target.hash);
        break;
    }
  }
  closeCommentForms(found.commentForms, ctx.lang);
  if (isSearchPath(here.pathname, ctx.prefixes)) addClientSearch(doc, ctx, searchScript);
  const jsonLd = found.jsonLd.map((e) => DomUtils.textContent(e));
  return { html: DomUtils.getOuterHTML(doc, { encodeEntities: 'utf8' }), links: [...links], jsonLd };
}

/** Removes a link, and its paragraph or list item when nothing else is left in it. */
function removeLink(el: Element): void {
  const parent = el.parent as Element | null;
  DomUtils.removeElement(el);
  if (parent && ['p', 'li'].includes(parent.name) && DomUtils.textContent(parent).trim() === '' && !parent.children.some((c) => c.type === 'tag')) DomUtils.removeElement(parent);
}

/** The comment form's section becomes a note, keeping its id so "add a comment" anchors still land. */
function closeCommentForms(forms: readonly Element[], lang: Lang): void {
  for (const el of forms) {
    const wrapper = el.parent !== null && /\bcomment-form-wrapper\b/.test((el.parent as Element).attribs?.class ?? '') ? el.parent as Element : el;
    const id = wrapper.attribs.id ? ` id="${wrapper.attribs.id}"` : '';
    const note = parseDocument(`<section class="comments-closed"${id}><p>${escapeText(t(lang, 'commentsClosed'))}</p></section>`).children[0]!;
    DomUtils.replaceElement(wrapper, note);
  }
}

/** The search page gets a results region and the script that fills it from the prebuilt index. */
function addClientSearch(doc: ReturnType<typeof parseDocument>, ctx: PageContext, searchScript: string): void {
  const page = DomUtils.findOne((e) => /\bsearch-page\b/.test(e.attribs.class ?? ''), doc.children);
  const body = DomUtils.findOne((e) => e.name === 'body', doc.children);
  if (!page || !body) return;
  const indexDir = `search-index/${ctx.lang}/`;
  const region = parseDocument('<div class="static-search-results" id="static-search-results" aria-live="polite"></div>').children[0]!;
  DomUtils.appendChild(page, region);
  const script = parseDocument(`<script src="${escapeText(linkTo(ctx, searchScript, ''))}" data-index="${escapeText(linkTo(ctx, `${indexDir}x`, '').slice(0, -1))}" data-lang="${ctx.lang}" data-root="${escapeText(linkTo(ctx, 'index.html', '').replace(/index\.html$/, ''))}" defer></script>`).children[0]!;
  DomUtils.appendChild(body, script);
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

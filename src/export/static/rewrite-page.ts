import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
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

/**
 * Rewrites one rendered page for the export: same-site links to the files they land in,
 * links to staff and posting pages removed, the comment form replaced by a localised note that
 * comments are closed, and the search page wired to the client-side search.
 */
export function rewritePage(html: string, ctx: PageContext, searchScript: string): RewrittenPage {
  const doc = parseDocument(html);
  const links = new Set<string>();
  const here = new URL(ctx.url, ctx.siteOrigin);
  for (const el of DomUtils.findAll((e) => URL_ATTRIBUTES[e.name] !== undefined, doc.children)) {
    const attr = URL_ATTRIBUTES[el.name]!;
    const value = el.attribs[attr];
    if (value === undefined || value.startsWith('#') || namesLivePage(el)) continue;
    let target: URL;
    try {
      target = new URL(value, here);
    } catch {
      continue;
    }
    if (target.origin !== ctx.siteOrigin) continue;
    if (!ctx.exported(target.pathname)) {
      el.attribs[attr] = target.href;
    } else if (isDroppedPath(target.pathname, ctx.prefixes)) {
      if (el.name === 'a') removeLink(el);
    } else if (isCommentPermalink(target.pathname, ctx.prefixes) && target.hash !== '') {
      el.attribs[attr] = target.hash;
    } else if (isSearchPath(target.pathname, ctx.prefixes)) {
      el.attribs[attr] = linkTo(ctx, fileForUrl(target.pathname, '')!, `${target.search}${target.hash}`);
    } else {
      const file = fileForUrl(target.pathname, target.search) ?? fileForUrl(target.pathname, '');
      if (file === null) continue;
      links.add(fileForUrl(target.pathname, target.search) === null ? target.pathname : `${target.pathname}${target.search}`);
      el.attribs[attr] = linkTo(ctx, file, target.hash);
    }
  }
  closeCommentForms(doc, ctx.lang);
  if (isSearchPath(here.pathname, ctx.prefixes)) addClientSearch(doc, ctx, searchScript);
  const jsonLd = DomUtils.findAll((e) => e.name === 'script' && e.attribs.type === 'application/ld+json', doc.children).map((e) => DomUtils.textContent(e));
  return { html: DomUtils.getOuterHTML(doc, { encodeEntities: 'utf8' }), links: [...links], jsonLd };
}

/** Removes a link, and its paragraph or list item when nothing else is left in it. */
function removeLink(el: Element): void {
  const parent = el.parent as Element | null;
  DomUtils.removeElement(el);
  if (parent && ['p', 'li'].includes(parent.name) && DomUtils.textContent(parent).trim() === '' && !parent.children.some((c) => c.type === 'tag')) DomUtils.removeElement(parent);
}

/** The comment form's section becomes a note, keeping its id so "add a comment" anchors still land. */
function closeCommentForms(doc: ReturnType<typeof parseDocument>, lang: Lang): void {
  for (const el of DomUtils.findAll((e) => e.name === 'form' && /\bcomment-form\b/.test(e.attribs.class ?? ''), doc.children)) {
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

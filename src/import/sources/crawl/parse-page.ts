import type { NodeKind } from '../../../domain/content.ts';
import { parseBlogDate, parsePublishedDate } from './beirut-time.ts';
import { parseComments } from './comment-parts.ts';
import { findAll, findOne, hasClass, parseHtml, textOf, type Document, type Element } from './dom.ts';
import { bodyAndCredit, bylineAuthors, captionAboveByline, leadPhoto, nidOfPage } from './node-parts.ts';
import { BLOG_META, BY_LINE, PUBLISHED_LINE, contentRoot, findLine, isChrome, isInComments } from './page-layout.ts';
import type { ParsedListingPage, ParsedPage } from './parsed-page.ts';
import { htmlTeasers } from './html-teasers.ts';
import { listingKindOf, nameFromPath } from './mined-listing.ts';
import { SECTION_PATH, TAG_PATH, linkPath, shownLinks } from './shown-links.ts';
import { nidOfPath, sitePath } from './url-path.ts';

// Recognises what a crawled page of the original site is and reads its parts. Drupal's body
// classes decide when present; otherwise the URL and the printed lines (By:, Published …,
// the blog meta) do.

/** Drupal node types of the original site → Folio's kinds. */
const NODE_TYPES: Record<string, NodeKind> = {
  article: 'article', story: 'article', blog: 'blog_post', page: 'page', landing: 'landing', special_coverage: 'landing',
  newsletter: 'newsletter', corrections: 'corrections', editors_corner: 'corrections',
};

/** Reads one decoded page captured at url. */
export function parsePage(html: string, url: string): ParsedPage {
  if (!/<(html|body|head|title|h1|p|div)\b/i.test(html)) return { kind: 'other', reason: 'no HTML markup' };
  const doc = parseHtml(html);
  const canonicalPath = canonicalOf(doc);
  const path = canonicalPath ?? sitePath(url);
  const bodyClass = findOne(doc, (el) => el.name === 'body')?.attribs.class ?? '';
  const nodeType = /\bnode-type-([a-z0-9_-]+)/.exec(bodyClass)?.[1]?.replace(/-/g, '_');
  if (nodeType === undefined && !/\bpage-node\b/.test(bodyClass)) {
    const listing = parseListing(doc, path, bodyClass);
    if (listing) return listing;
  }
  return parseNode(doc, url, canonicalPath, nodeType);
}

function parseNode(doc: Document, url: string, canonicalPath: string | null, nodeType: string | undefined): ParsedPage {
  const root = contentRoot(doc);
  const title = pageTitle(doc);
  const outside = (el: Element): boolean => isChrome(el) || isInComments(el);
  const published = findLine(root, /^\s*Published\b/i, PUBLISHED_LINE, outside);
  const byLine = findLine(root, /^\s*By:/i, BY_LINE, outside);
  const blogLine = findLine(root, /^\s*By\s/i, BLOG_META, outside);
  const nid = nidOfPage(doc) ?? nidOfPath(canonicalPath ?? '') ?? nidOfPath(sitePath(url));
  const path = canonicalPath ?? sitePath(url);
  const nodeKind = (nodeType !== undefined ? NODE_TYPES[nodeType] : undefined) ?? (blogLine ? 'blog_post' : published || byLine ? 'article' : null);
  const looksLikeNode = nid !== null || /^content\/[^/]+$/.test(path) || /^blogs\/[^/]+\/[^/]+$/.test(path);
  if (title === '' || (nodeKind === null && !looksLikeNode)) return { kind: 'other', reason: `unrecognised page type at /${path}` };

  const blogMeta = blogLine ? BLOG_META.exec(textOf(blogLine)) : null;
  const after = published ?? blogLine ?? byLine;
  const { body, credit } = bodyAndCredit(doc, root, after);
  const blogLink = blogLine ? findOne(blogLine, (el) => el.name === 'a') : null;
  const uidLink = findOne(root, (el) => el.name === 'a' && /^blog\/\d+$/.test(linkPath(el) ?? ''));
  const sections = shownLinks(root, SECTION_PATH).sort((a, b) => a.path.split('/').length - b.path.split('/').length);
  return {
    kind: 'node',
    nodeKind: nodeKind ?? 'page',
    nid,
    canonicalPath,
    title,
    photo: leadPhoto(root) ?? captionAboveByline(doc, root, byLine ?? published),
    authors: blogMeta ? [{ name: blogMeta[1]!, path: '' }] : bylineAuthors(byLine),
    publishedAt: blogMeta ? parseBlogDate(blogMeta[2]!) : published ? parsePublishedDate(textOf(published)) : null,
    body,
    credit,
    tags: shownLinks(root, TAG_PATH),
    sections,
    comments: parseComments(doc),
    blog: blogMeta ? { name: blogLink ? textOf(blogLink) : blogMeta[3]!, path: blogLink ? linkPath(blogLink) : null, uid: uidLink ? Number(linkPath(uidLink)!.slice(5)) : null } : null,
    hasCommentForm: findOne(doc, (el) => el.name === 'form' && (el.attribs.id === 'comment-form' || hasClass(el, 'comment-form'))) !== null,
    promoted: findOne(doc, (el) => hasClass(el, 'node-promoted')) !== null,
  };
}

function parseListing(doc: Document, path: string, bodyClass: string): ParsedListingPage | { kind: 'other'; reason: string } | null {
  const term = /^taxonomy\/term\/(\d+)$/.exec(path);
  const kind = listingKindOf(path);
  if (kind === null) return /\bpage-taxonomy-term\b/.test(bodyClass) ? { kind: 'other', reason: `term listing at unknown path /${path}` } : null;
  const vocabulary = kind === 'tag' || kind === 'section' || kind === 'author' ? kind : null;
  // The front page's <title> is the site name alone, which pageTitle leaves out.
  const heading = pageTitle(doc);
  const teasers = htmlTeasers(doc);
  // A heading-less term listing is named from its path; a page that shows neither a heading nor a teaser is something else.
  if (heading === '' && teasers.length === 0 && kind !== 'front') return { kind: 'other', reason: `listing /${path} shows no name and no items` };
  const name = heading === '' ? null : heading;
  return { kind: 'listing', vocabulary, name: name ?? nameFromPath(path), path, tid: term ? Number(term[1]) : null, mined: { kind, path, name, teasers } };
}

/** The page heading, else the <title> without the site name. */
function pageTitle(doc: Document): string {
  const h1 = findOne(doc, (el) => el.name === 'h1' && el.attribs.id === 'page-title')
    ?? findAll(doc, (el) => el.name === 'h1' && !isChrome(el)).find((el) => textOf(el) !== '');
  if (h1) return textOf(h1);
  const title = findOne(doc, (el) => el.name === 'title');
  const text = title ? textOf(title) : '';
  const cut = text.lastIndexOf(' | ');
  return cut > 0 ? text.slice(0, cut).trim() : '';
}

function canonicalOf(doc: Document): string | null {
  const link = findOne(doc, (el) => el.name === 'link' && /\bcanonical\b/.test(el.attribs.rel ?? ''))?.attribs.href
    ?? findOne(doc, (el) => el.name === 'meta' && el.attribs.property === 'og:url')?.attribs.content;
  return link ? sitePath(link) : null;
}

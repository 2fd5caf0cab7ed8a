import { parsePublishedDate } from './beirut-time.ts';
import { findAll, findOne, hasClass, textOf, type Document, type Element } from './dom.ts';
import { listingKindOf, type ListingTeaser } from './mined-listing.ts';
import { BY_LINE, contentRoot, isChrome } from './page-layout.ts';
import { AUTHOR_PATH, linkPath } from './shown-links.ts';

// The teasers of a crawled listing page: Drupal's .node-teaser blocks, or, on a themed or
// hand-saved copy, each heading that links an item. A teaser's link gives its article's path.

/** Paths a listing links its items at. */
const ITEM_PATH = /^(content\/[^/]+|node\/\d+|blogs\/[^/]+\/[^/]+|[a-z0-9-]+\/[^/]+)$/;
/** The listing item's date: "Friday, September 19, 2014", or the front page's "Published …". */
const DATE_TEXT = /(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+[A-Za-z]+\s+\d{1,2},\s+\d{4}/;
/** "3 comments", "1 comment", "Read more | 12 Comments". */
const COMMENTS_TEXT = /(\d+)\s+(?:new\s+)?comments?\b/i;

/** The teasers of a listing page, in page order. */
export function htmlTeasers(doc: Document): ListingTeaser[] {
  const root = contentRoot(doc);
  const blocks = findAll(root, (el) => hasClass(el, 'node-teaser') && !isChrome(el));
  if (blocks.length > 0) return blocks.flatMap((b) => teaserOf(b, headingLink(b)));
  // No teaser blocks: every content heading that links an item starts one.
  return findAll(root, (el) => /^h[2-3]$/.test(el.name) && !isChrome(el))
    .map((h) => ({ h, a: findOne(h, (el) => el.name === 'a' && isItemPath(linkPath(el))) }))
    .filter((x): x is { h: Element; a: Element } => x.a !== null)
    .flatMap(({ h, a }) => teaserOf(h.parent?.type === 'tag' ? (h.parent as Element) : h, a));
}

function isItemPath(path: string | null): boolean {
  return path !== null && ITEM_PATH.test(path) && listingKindOf(path) === null;
}

function headingLink(block: Element): Element | null {
  const heading = findOne(block, (el) => /^h[1-4]$/.test(el.name));
  return heading ? findOne(heading, (el) => el.name === 'a') : null;
}

function teaserOf(block: Element, link: Element | null): ListingTeaser[] {
  if (link === null) return [];
  const title = textOf(link);
  if (title === '') return [];
  const paragraphs = findAll(block, (el) => el.name === 'p' && !findOne(el, (c) => c === link)).map(textOf).filter((t) => t !== '' && !DATE_TEXT.test(t) && !BY_LINE.test(t));
  const text = textOf(block);
  const links = findAll(block, (el) => el.name === 'a');
  const byline = links.filter((a) => AUTHOR_PATH.test(linkPath(a) ?? '')).map(textOf);
  const comments = links.map((a) => COMMENTS_TEXT.exec(textOf(a))).find((m) => m !== null);
  const readMore = links.some((a) => /^Read more\b/i.test(textOf(a)));
  const date = DATE_TEXT.exec(text);
  return [{
    title, path: linkPath(link), authors: byline, date: date ? parsePublishedDate(date[0]) : null,
    teaser: paragraphs[0] ?? '', comments: comments ? Number(comments[1]) : readMore ? 0 : null,
  }];
}

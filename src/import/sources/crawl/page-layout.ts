import { allElements, findOne, hasClass, textNodes, textOf, type AnyNode, type Document, type Element } from './dom.ts';

// The page furniture around the content, recognised by Drupal's ids and classes first and by
// the words it prints second, so a themed or hand-saved copy still parses.

const CHROME_IDS = new Set(['header', 'footer', 'footer-wrapper', 'navigation', 'main-menu', 'secondary-menu', 'sidebar-first', 'sidebar-second', 'skip-link', 'comment-form', 'block-archive-notice']);
const CHROME_CLASSES = ['sidebar', 'navigation', 'share-links', 'region-sidebar-first', 'region-sidebar-second', 'region-footer', 'region-header', 'pager', 'archive-notice', 'archive-signature', 'feed-icon', 'back-to-top'];
const CHROME_TAGS = new Set(['header', 'footer', 'nav', 'aside', 'form', 'script', 'style', 'noscript', 'head', 'button', 'input', 'textarea']);

/** Text of page furniture that a paragraph may carry without any telling class. */
const CHROME_TEXT = [
  /^\^?\s*Back to Top$/i, /^Post new comment$/i, /^More information about formatting options$/i, /^Syndicate content$/i,
  /^Read more\b/i, /^(Tweet|Share|Email|Print)$/i, /^Comments$/i,
];

/** A "By: A, B" line. */
export const BY_LINE = /^By:\s*(\S.*)$/i;
/** "Published Tuesday, November 18, 2014". */
export const PUBLISHED_LINE = /^Published\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+[A-Za-z]+\s+\d{1,2},\s+\d{4}$/i;
/** Blog post meta: "By Name – Mon, 2014-11-10 18:40 - Blog name". */
export const BLOG_META = /^By\s+(.+?)\s+[–—-]\s+[A-Za-z]{3},\s+(\d{4}-\d{2}-\d{2}\s+\d{1,2}:\d{2})\s+-\s+(.+)$/;
/** A credit line: "(Reuters, Al-Akhbar)". */
export const CREDIT_LINE = /^\([^()]{1,200}\)$/;

/** True for an element that is, or sits inside, site furniture rather than the page's content. */
export function isChrome(el: Element): boolean {
  return inherited(chromeMemo, el, (e) => CHROME_TAGS.has(e.name) || CHROME_IDS.has(e.attribs.id ?? '') || CHROME_CLASSES.some((c) => hasClass(e, c)));
}

/** True for text that only page furniture prints. */
export function isChromeText(text: string): boolean {
  return CHROME_TEXT.some((re) => re.test(text));
}

/** True inside the comment area (comments and the form). */
export function isInComments(el: Element): boolean {
  return inherited(commentsMemo, el, (e) => e.attribs.id === 'comments' || hasClass(e, 'comment') || hasClass(e, 'comment-wrapper') || hasClass(e, 'indented'));
}

// Both questions are asked of nearly every element of a page; remembering the answer per
// element makes a page cost one walk instead of one walk up from every element.
const chromeMemo = new WeakMap<Element, boolean>();
const commentsMemo = new WeakMap<Element, boolean>();

function inherited(memo: WeakMap<Element, boolean>, el: Element, own: (e: Element) => boolean): boolean {
  let answer = memo.get(el);
  if (answer === undefined) {
    const parent = el.parent?.type === 'tag' ? (el.parent as Element) : null;
    answer = own(el) || (parent !== null && inherited(memo, parent, own));
    memo.set(el, answer);
  }
  return answer;
}

/** Levels climbed from a line's first word to the element holding the whole line ("By:" label → field). */
const MAX_LINE_DEPTH = 4;
/** Longer texts are paragraphs, not a By: or date line. */
const MAX_LINE_LENGTH = 400;

/**
 * The first, smallest element whose whole text matches: the line itself, not a wrapper. Lines
 * are found from their first word (start), which is far cheaper than testing every element's text.
 */
export function findLine(root: AnyNode | AnyNode[], start: RegExp, pattern: RegExp, skip: (el: Element) => boolean = () => false): Element | null {
  for (const text of textNodes(root)) {
    if (!start.test((text as { data: string }).data)) continue;
    let el = text.parent?.type === 'tag' ? (text.parent as Element) : null;
    for (let depth = 0; el !== null && depth < MAX_LINE_DEPTH; depth++) {
      const line = textOf(el);
      if (line.length > MAX_LINE_LENGTH) break;
      if (pattern.test(line)) {
        if (!skip(el)) return el;
        break;
      }
      el = el.parent?.type === 'tag' ? (el.parent as Element) : null;
    }
  }
  return null;
}

/** The part of the page that holds the node: Drupal's .node, an <article>, #content, or the body. */
export function contentRoot(doc: Document): Element | Document {
  return findOne(doc, (el) => hasClass(el, 'node') && /^node-\d+$/.test(el.attribs.id ?? ''))
    ?? findOne(doc, (el) => el.name === 'article')
    ?? findOne(doc, (el) => el.attribs.id === 'content')
    ?? findOne(doc, (el) => el.name === 'body')
    ?? doc;
}

/** Position of every element in document order, to ask "is this after the Published line?". */
export function documentOrder(doc: Document): Map<Element, number> {
  const order = new Map<Element, number>();
  allElements(doc).forEach((el, i) => order.set(el, i));
  return order;
}

/**
 * The staff format's rewrites of the parsed tree, before the canonical writer decides what
 * survives: pasted embed code becomes a placeholder, word-processor markup becomes the plain
 * elements it stands for, and images get the `alt` attribute HTML requires. Pure; works on parse5
 * nodes in place.
 */
import { defaultTreeAdapter, type DefaultTreeAdapterMap } from 'parse5';
import { embedUrl, isEmbedId, parseEmbedUrl, type Embed } from './embeds.ts';
import { STAFF_IMAGE_PROTOCOLS } from './staff-settings.ts';
import type { TreeChild, TreeElement } from './tree-policy.ts';
import { isSafeUrl } from './url-safety.ts';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type Fragment = DefaultTreeAdapterMap['documentFragment'];

const HTML = 'http://www.w3.org/1999/xhtml' as never;

/** Headings outside h2–h4 take the nearest level kept (the page's title is the h1). */
const HEADING_LEVELS: Readonly<Record<string, string>> = Object.freeze({ h1: 'h2', h5: 'h4', h6: 'h4' });
/** Containers that word processors and web pages use for paragraphs: they become `<p>`. */
const PARAGRAPH_LIKE = new Set(['div', 'section', 'article', 'header', 'footer', 'main']);
/** Attributes that mark a figure as a placeholder; removed from any figure that is not one. */
const PLACEHOLDER_ATTRIBUTES = new Set(['class', 'data-embed', 'data-id']);

function attribute(element: TreeElement, name: string): string | null {
  const found = element.attrs.find((a) => a.name === name && a.namespace === undefined);
  return found === undefined ? null : found.value;
}

function isElement(node: TreeChild): node is TreeElement {
  return 'tagName' in node;
}

function textContent(node: TreeChild): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return isElement(node) ? node.childNodes.map(textContent).join('') : '';
}

function rename(element: TreeElement, tag: string): void {
  element.tagName = tag;
  element.nodeName = tag;
}

/** Replaces `element` by its children, in place. */
function unwrap(element: TreeElement): void {
  const parent = element.parentNode;
  if (parent === null) return;
  for (const child of [...element.childNodes]) defaultTreeAdapter.insertBefore(parent, child, element);
  defaultTreeAdapter.detachNode(element);
}

/** A placeholder: `<figure class="embed" data-embed data-id><a href>address</a>[figcaption]</figure>`. */
function placeholder(embed: Embed, caption: TreeElement | null): TreeElement {
  const figure = defaultTreeAdapter.createElement('figure', HTML, [
    { name: 'class', value: 'embed' },
    { name: 'data-embed', value: embed.provider },
    { name: 'data-id', value: embed.id },
  ]);
  const url = embedUrl(embed);
  const link = defaultTreeAdapter.createElement('a', HTML, [{ name: 'href', value: url }]);
  defaultTreeAdapter.insertText(link, url);
  defaultTreeAdapter.appendChild(figure, link);
  if (caption !== null) {
    defaultTreeAdapter.detachNode(caption);
    defaultTreeAdapter.appendChild(figure, caption);
  }
  return figure;
}

function replace(element: TreeElement, replacement: TreeElement): void {
  const parent = element.parentNode;
  if (parent === null) return;
  defaultTreeAdapter.insertBefore(parent, replacement, element);
  defaultTreeAdapter.detachNode(element);
}

function descendants(element: TreeElement): TreeElement[] {
  const out: TreeElement[] = [];
  // Document order: children pushed in reverse onto a stack.
  const pending: TreeChild[] = [...element.childNodes].reverse();
  while (pending.length > 0) {
    const node = pending.pop() as TreeChild;
    if (isElement(node)) {
      out.push(node);
      for (let i = node.childNodes.length - 1; i >= 0; i--) pending.push(node.childNodes[i] as TreeChild);
    }
  }
  return out;
}

/** The embed a pasted tweet blockquote quotes: its last link to a status (the post's own date link). */
function tweetOf(blockquote: TreeElement): Embed | null {
  const classes = (attribute(blockquote, 'class') ?? '').split(/\s+/);
  if (!classes.includes('twitter-tweet') && !classes.includes('twitter-video')) return null;
  let found: Embed | null = null;
  for (const element of descendants(blockquote)) {
    if (element.tagName !== 'a') continue;
    const embed = parseEmbedUrl(attribute(element, 'href') ?? '');
    if (embed?.provider === 'twitter') found = embed;
  }
  return found;
}

/** An existing placeholder's embed, read from its own attributes (the only source trusted). */
function placeholderOf(figure: TreeElement): Embed | null {
  const provider = attribute(figure, 'data-embed');
  const id = attribute(figure, 'data-id');
  return provider !== null && id !== null && isEmbedId(provider, id) ? { provider, id } : null;
}

// Word and Google Docs mark plain text with a "bold" or "italic" element styled back to normal
// (`<b style="font-weight:normal" id="docs-internal-guid-…">` around a whole paste).
const NOT_BOLD = /font-weight\s*:\s*(?:normal|[1-5]00)\b/i;
const NOT_ITALIC = /font-style\s*:\s*normal\b/i;
const BOLD = /font-weight\s*:\s*(?:bold|[6-9]00)\b/i;
const ITALIC = /font-style\s*:\s*italic\b/i;

/** The mark a `<span style>` from a word processor stands for, or null. */
function styledMark(span: TreeElement): string | null {
  const style = attribute(span, 'style') ?? '';
  if (BOLD.test(style)) return 'strong';
  if (ITALIC.test(style)) return 'em';
  return null;
}

function isFakeMark(element: TreeElement): boolean {
  const style = attribute(element, 'style') ?? '';
  if (element.tagName === 'b' || element.tagName === 'strong') return NOT_BOLD.test(style) || (attribute(element, 'id') ?? '').startsWith('docs-internal-guid');
  if (element.tagName === 'i' || element.tagName === 'em') return NOT_ITALIC.test(style);
  return false;
}

function rewriteElement(element: TreeElement): void {
  const tag = element.tagName;
  if (tag === 'iframe') {
    const embed = parseEmbedUrl(attribute(element, 'src') ?? '');
    // An iframe that is not a known embed is dropped with its content by the writer.
    if (embed !== null) replace(element, placeholder(embed, null));
    return;
  }
  if (tag === 'blockquote') {
    const tweet = tweetOf(element);
    if (tweet !== null) {
      replace(element, placeholder(tweet, null));
      return;
    }
  }
  if (tag === 'figure') {
    const embed = placeholderOf(element);
    if (embed !== null) {
      const caption = element.childNodes.find((c): c is TreeElement => isElement(c) && c.tagName === 'figcaption') ?? null;
      if (caption !== null) rewriteChildren(caption);
      replace(element, placeholder(embed, caption));
      return;
    }
    element.attrs = element.attrs.filter((a) => !PLACEHOLDER_ATTRIBUTES.has(a.name));
  }
  if (tag === 'img') {
    const src = attribute(element, 'src');
    if (src === null || src.trim() === '' || !isSafeUrl(src, STAFF_IMAGE_PROTOCOLS)) {
      defaultTreeAdapter.detachNode(element);
      return;
    }
    // HTML requires alt; an empty one is written and reported by staffBodyProblems.
    if (attribute(element, 'alt') === null) element.attrs.push({ name: 'alt', value: '' });
    return;
  }
  if (tag === 'a') {
    const href = attribute(element, 'href');
    rewriteChildren(element);
    // A link with no usable address is only its text (a dead `<a>` would look like a link).
    if (href === null || href.trim() === '' || !isSafeUrl(href)) unwrap(element);
    return;
  }
  const heading = HEADING_LEVELS[tag];
  if (heading !== undefined) rename(element, heading);
  else if (PARAGRAPH_LIKE.has(tag)) rename(element, 'p');
  else if (tag === 'span') {
    const mark = styledMark(element);
    if (mark !== null) rename(element, mark);
  }
  rewriteChildren(element);
  if (isFakeMark(element)) unwrap(element);
}

function rewriteChildren(parent: ParentNode): void {
  // A copy: rewriting a child may replace it, unwrap it or remove it.
  for (const child of [...parent.childNodes]) if (isElement(child)) rewriteElement(child);
}

/** The first pass, on the parsed input: embeds, word-processor markup, image `alt`. */
export function rewriteStaffTree(fragment: Fragment): void {
  rewriteChildren(fragment);
}

/**
 * The second pass, on the canonical output parsed again: a paragraph holding nothing but a link
 * to a video or post, its text the address itself (a pasted or typed address), becomes a
 * placeholder. Returns whether anything changed.
 */
export function embedBareLinks(fragment: Fragment): boolean {
  let changed = false;
  for (const child of [...fragment.childNodes]) {
    if (!isElement(child) || child.tagName !== 'p') continue;
    const elements = child.childNodes.filter(isElement);
    const link = elements[0];
    if (elements.length !== 1 || link === undefined || link.tagName !== 'a') continue;
    if (textContent(child).trim() !== textContent(link).trim()) continue;
    const href = attribute(link, 'href') ?? '';
    if (textContent(link).trim() !== href) continue;
    const embed = parseEmbedUrl(href);
    if (embed === null) continue;
    replace(child, placeholder(embed, null));
    changed = true;
  }
  return changed;
}

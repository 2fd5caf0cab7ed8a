/**
 * A strict parser for a small subset of HTML in which the HTML5 tree-construction rules have
 * nothing to repair: lower-case tags from a short list, double-quoted attributes, every element
 * closed in order, no block where HTML5 would close a paragraph or list item. For such markup the
 * HTML5 tree is the obvious one, so it is built directly, with parse5's own node shapes and
 * parse5's own character-reference decoder (the entities package). Anything outside the subset
 * returns null and goes to parse5.
 *
 * Why: parse5 reads text one character at a time and costs about 25 µs per kilobyte; most
 * comments are a few paragraphs of text, links and breaks that this parser reads in a fraction of
 * that. The tests parse every accepted input with parse5 too and require identical trees.
 */
import { defaultTreeAdapter, type DefaultTreeAdapterMap } from 'parse5';
import { decodeHTML, decodeHTMLAttribute } from 'entities/decode';

type Element = DefaultTreeAdapterMap['element'];
type Fragment = DefaultTreeAdapterMap['documentFragment'];

const HTML = 'http://www.w3.org/1999/xhtml' as never;

// Phrasing elements: they may hold text and each other, never blocks or paragraphs.
const INLINE = new Set(['a', 'em', 'strong', 'cite', 'code', 'span']);
const VOID = new Set(['br', 'img']);
// Containers that may hold paragraphs, blocks and phrasing content.
const FLOW = new Set(['blockquote', 'aside', 'li', 'dd', 'dt']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const LISTS: Readonly<Record<string, ReadonlySet<string>>> = { ul: new Set(['li']), ol: new Set(['li']), dl: new Set(['dt', 'dd']) };

const START_TAG = /<([a-z][a-z0-9]*)((?: [a-z]+="[^"<>\r\u0000]*")*)( \/)?>/y;
const END_TAG = /<\/([a-z][a-z0-9]*)>/y;
const ATTRIBUTE = / ([a-z]+)="([^"]*)"/g;

/** Whether `tag` may open here, given the open elements (innermost last). */
function mayOpen(tag: string, stack: readonly Element[]): boolean {
  const current = stack.length === 0 ? null : (stack[stack.length - 1] as Element).tagName;
  if (current !== null && current in LISTS) return (LISTS[current] as ReadonlySet<string>).has(tag);
  if (tag === 'li' || tag === 'dt' || tag === 'dd') return false; // only directly in their list
  const inInline = current !== null && (INLINE.has(current) || HEADINGS.has(current) || current === 'p');
  if (INLINE.has(tag) || VOID.has(tag)) {
    // A second <a> would close the first (adoption agency).
    return !(tag === 'a' && stack.some((element) => element.tagName === 'a'));
  }
  // p, headings and blocks: HTML5 closes an open <p> (and a heading closes a heading), and blocks
  // inside phrasing content are re-parented on the next run; only allow them where nothing closes.
  if (inInline) return false;
  return tag === 'p' || HEADINGS.has(tag) || tag in LISTS || FLOW.has(tag);
}

/** Parses `html` if it lies in the subset; returns the fragment, or null to use parse5. */
export function parseSubset(html: string): Fragment | null {
  // The preprocessor rewrites CR and NUL, and the tokenizer treats them specially in text.
  if (html.indexOf('\r') !== -1 || html.indexOf('\u0000') !== -1) return null;
  const fragment = defaultTreeAdapter.createDocumentFragment();
  const stack: Element[] = [];
  let position = 0;
  while (position < html.length) {
    const lt = html.indexOf('<', position);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > position) {
      const raw = html.slice(position, textEnd);
      const parent = stack.length === 0 ? fragment : (stack[stack.length - 1] as Element);
      defaultTreeAdapter.insertText(parent, raw.indexOf('&') === -1 ? raw : decodeHTML(raw));
    }
    if (lt === -1) break;
    if (html.charCodeAt(lt + 1) === 0x2f) {
      END_TAG.lastIndex = lt;
      const end = END_TAG.exec(html);
      const current = stack[stack.length - 1];
      if (end === null || current === undefined || current.tagName !== end[1]) return null;
      stack.pop();
      position = END_TAG.lastIndex;
      continue;
    }
    START_TAG.lastIndex = lt;
    const start = START_TAG.exec(html);
    if (start === null) return null;
    const tag = start[1] as string;
    const isVoid = VOID.has(tag);
    if (start[3] !== undefined && !isVoid) return null; // parse5 would ignore the slash
    if (!mayOpen(tag, stack)) return null;
    const attrs: { name: string; value: string }[] = [];
    if (start[2] !== '') for (const attribute of (start[2] as string).matchAll(ATTRIBUTE)) {
      const name = attribute[1] as string;
      if (attrs.some((a) => a.name === name)) return null; // duplicates: leave it to parse5
      const value = attribute[2] as string;
      attrs.push({ name, value: value.indexOf('&') === -1 ? value : decodeHTMLAttribute(value) });
    }
    const element = defaultTreeAdapter.createElement(tag, HTML, attrs);
    defaultTreeAdapter.appendChild(stack.length === 0 ? fragment : (stack[stack.length - 1] as Element), element);
    if (!isVoid) stack.push(element);
    position = START_TAG.lastIndex;
  }
  return stack.length === 0 ? fragment : null;
}

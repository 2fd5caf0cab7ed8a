/**
 * The canonical writer of the repair stage (docs/comment-format.md decision 8: the output is a fixed point).
 *
 * The line-break stage turns newlines into `<p>` and `<br />`, and parse5 then repairs what that
 * produces (a `<p>` closed early by a list, an `<em>` re-opened in the next paragraph, …). If the
 * repaired tree were written as is, the next run's line-break stage could read it differently.
 * So the tree is reduced to a skeleton that the line-break stage cannot change, and written from
 * that skeleton in one canonical way:
 * - blocks (lists, quotes, headings, asides) keep their nesting;
 * - between them, inline content forms runs; `<p>` boundaries and blank lines split runs into
 *   paragraphs, `<br>` and single newlines are line breaks, two line breaks make a paragraph
 *   break (as `<br /><br />` does for the line-break stage);
 * - whitespace next to blocks, paragraph edges and line breaks is insignificant and dropped;
 * - inline elements are marks over their text: they are closed and re-opened around blocks and
 *   paragraph breaks, as a browser would render them.
 * Each run is written as `<p>…</p>` at the top level and in blockquotes (and wherever a container
 * holds several paragraphs), with `<br />\n` for line breaks. The line-break stage meets exactly
 * the paragraphs and breaks it would have made, so the next run ends with the same skeleton.
 * Likewise the text between two tags is linked here exactly as the URL stage will read it on the
 * next run, so that stage finds nothing new to link.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import { BidiTracker } from '../text/bidi-controls.ts';
import { linkText } from './filter-url.ts';
import { elementFate, escapeText, isVoid, removeControlCharacters, startTag, type TreeChild, type TreeElement, type TreePolicy } from './tree-policy.ts';

/** An inline element acting as a mark: its start and end tag. */
interface Mark {
  readonly tag: string;
  readonly open: string;
  readonly close: string;
}

type Item =
  | {
      readonly kind: 'content';
      readonly html: string;
      /** Escaped text (not an element such as `<img />`). */
      readonly text: boolean;
      /** Only spaces and tabs: part of a gap, not content. */
      readonly space: boolean;
      readonly marks: readonly Mark[];
    }
  | { readonly kind: 'newlines'; readonly count: number; readonly marks: readonly Mark[] }
  | { readonly kind: 'line'; readonly marks: readonly Mark[] }
  | { readonly kind: 'para' }
  | { readonly kind: 'block'; readonly html: string };

type InlineItem = Extract<Item, { marks: readonly Mark[] }>;

// Whitespace runs that hold a newline; ASCII whitespace only (NBSP is content).
const NEWLINE_RUN = /[\t\f\r ]*\n[\t\n\f\r ]*/g;
const ONLY_SPACE = /^[\t\f\r ]*$/;

function pushTextItem(raw: string, marks: readonly Mark[], items: Item[]): void {
  const html = escapeText(raw);
  // Text made only of control characters writes nothing and must not count as content.
  if (html !== '') items.push({ kind: 'content', html, text: true, space: ONLY_SPACE.test(html), marks });
}

function pushText(value: string, marks: readonly Mark[], items: Item[]): void {
  // escapeText removes controls too; this copy matters only where a control sits in a newline run.
  const text = value.indexOf('\n') === -1 ? value : removeControlCharacters(value);
  if (text.indexOf('\n') === -1) {
    pushTextItem(text, marks, items);
    return;
  }
  let last = 0;
  NEWLINE_RUN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = NEWLINE_RUN.exec(text)) !== null) {
    if (match.index > last) pushTextItem(text.slice(last, match.index), marks, items);
    let count = 0;
    for (let i = 0; i < match[0].length; i++) if (match[0].charCodeAt(i) === 0x0a) count++;
    items.push({ kind: 'newlines', count, marks });
    last = match.index + match[0].length;
  }
  if (last < text.length) pushTextItem(last === 0 ? text : text.slice(last), marks, items);
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const DEFINITIONS = new Set(['dd', 'dt']);

/**
 * Blocks the parser will not nest directly: a heading in a heading, `li` in `li`, `dd`/`dt` in
 * `dd`/`dt` (the start tag closes the open one). Nested this way only through an inline element
 * the canonical form removes, they are written as paragraphs of their container instead.
 */
function cannotNest(container: string | null, tag: string): boolean {
  if (container === null) return false;
  if (HEADINGS.has(tag)) return HEADINGS.has(container);
  if (tag === 'li') return container === 'li';
  return DEFINITIONS.has(tag) && DEFINITIONS.has(container);
}

/**
 * Deepest nesting written (blocks plus inline elements around a piece of text). Deeper markup is
 * kept as its text, paragraphs and breaks: real comments never come close, and every paragraph
 * re-opens the inline elements around it, so this bounds what each paragraph adds to the output.
 * MARKUP_LIMITS.depth (markup-limits.ts) sits above it with room for the `<p>` and `<a>` the
 * format adds, so the output is always accepted when formatted again (decision 8).
 */
export const MAX_NESTING = 32;

function flatten(node: TreeChild, marks: readonly Mark[], items: Item[], policy: TreePolicy, container: string | null, depth: number): void {
  if (node.nodeName === '#text') {
    pushText((node as DefaultTreeAdapterMap['textNode']).value, marks, items);
    return;
  }
  if (!('tagName' in node)) return; // comments never reach user formats' output
  const fate = elementFate(node, policy);
  if (fate === 'drop') return;
  const tag = node.tagName;
  const nests = fate === 'unwrap' || (!isVoid(tag) && tag !== 'p' && !(policy.blockTags.has(tag) && cannotNest(container, tag)));
  if (nests && depth + marks.length >= MAX_NESTING) {
    flattenDeep(node, marks, items, policy);
  } else if (fate === 'unwrap') {
    // Unwrapped elements count towards the depth too: only the depth bounds the recursion.
    for (const child of node.childNodes) flatten(child, marks, items, policy, container, depth + 1);
  } else if (tag === 'br') {
    items.push({ kind: 'line', marks });
  } else if (tag === 'p' && policy.paragraphAttributes === true && startTag(node, policy) !== '<p>' && !holdsBlock(node, policy)) {
    const inner = renderParagraph(node, marks, policy, depth + 1);
    if (inner !== '') items.push({ kind: 'block', html: `${startTag(node, policy)}${inner}</p>` });
  } else if (policy.verbatimTags?.has(tag) === true) {
    items.push({ kind: 'block', html: writeVerbatim(node, policy, depth) });
  } else if (tag === 'p' || (policy.blockTags.has(tag) && cannotNest(container, tag))) {
    items.push({ kind: 'para' });
    for (const child of node.childNodes) flatten(child, marks, items, policy, container, depth);
    items.push({ kind: 'para' });
  } else if (policy.blockTags.has(tag)) {
    const open = startTag(node, policy);
    items.push({ kind: 'block', html: isVoid(tag) ? open : `${open}${renderContainer(node, marks, policy, depth + 1)}</${tag}>` });
  } else if (isVoid(tag)) {
    items.push({ kind: 'content', html: startTag(node, policy), text: false, space: false, marks });
  } else {
    const mark: Mark = { tag, open: startTag(node, policy), close: `</${tag}>` };
    const before = items.length;
    const inner = [...marks, mark];
    for (const child of node.childNodes) flatten(child, inner, items, policy, container, depth);
    // An empty element stays: dropping it could join two words into one URL on the next run.
    if (items.length === before) items.push({ kind: 'content', html: mark.open + mark.close, text: false, space: false, marks });
  }
}

/** True when a paragraph holds a block (through unwrapped elements too; only a rewritten tree can). */
function holdsBlock(element: TreeElement, policy: TreePolicy): boolean {
  return element.childNodes.some((child) => 'tagName' in child && elementFate(child, policy) !== 'drop' && (
    child.tagName === 'p' || policy.blockTags.has(child.tagName) || policy.verbatimTags?.has(child.tagName) === true || holdsBlock(child, policy)));
}

/**
 * A paragraph that keeps its own attributes (`<p dir="ltr">` in an Arabic article): its runs joined
 * by a blank line written as two breaks, which the next run reads back as the same split.
 */
function renderParagraph(element: TreeElement, marks: readonly Mark[], policy: TreePolicy, depth: number): string {
  const items: Item[] = [];
  for (const child of element.childNodes) flatten(child, marks, items, policy, 'p', depth);
  const inline = items.filter((item): item is InlineItem => item.kind === 'content' || item.kind === 'newlines' || item.kind === 'line');
  return resolveRuns(inline).map((run) => writeRun(run, policy)).join('<br />\n<br />\n');
}

/**
 * Elements kept inside a verbatim block (`pre`): phrasing marks and breaks only. Blocks, links and
 * nested verbatim blocks are unwrapped, because their parsed shape inside `pre` (adoption-agency
 * repairs of `<a>` in `<a>`, …) need not survive being written and parsed again.
 */
const VERBATIM_INNER = new Set(['strong', 'em', 'b', 'i', 'u', 's', 'sub', 'sup', 'code', 'br']);

/** A verbatim block as parsed: text escaped, allowed phrasing kept, newlines untouched. */
function writeVerbatim(element: TreeElement, policy: TreePolicy, depth: number): string {
  const bidi = new BidiTracker();
  const write = (nodes: readonly TreeChild[], level: number): string => {
    let out = '';
    for (const child of nodes) {
      if (child.nodeName === '#text') {
        const text = escapeText((child as DefaultTreeAdapterMap['textNode']).value);
        bidi.feed(text);
        out += text;
      } else if ('tagName' in child && elementFate(child, policy) !== 'drop') {
        const keep = elementFate(child, policy) === 'keep' && VERBATIM_INNER.has(child.tagName) && level < MAX_NESTING;
        if (!keep) out += write(child.childNodes, level + 1);
        else if (isVoid(child.tagName)) out += startTag(child, policy);
        else {
          const outer = bidi.depth;
          out += `${startTag(child, policy)}${write(child.childNodes, level + 1)}${bidi.closeTo(outer)}</${child.tagName}>`;
        }
      }
    }
    return out;
  };
  let inner = write(element.childNodes, depth + 1) + bidi.closeTo(0);
  // The parser drops one newline right after the start tag; a leading newline is written twice.
  if (inner.startsWith('\n')) inner = `\n${inner}`;
  return `${startTag(element, policy)}${inner}</${element.tagName}>`;
}

/** Past MAX_NESTING: the subtree's text, breaks and paragraph boundaries, without recursion. */
function flattenDeep(root: TreeElement, marks: readonly Mark[], items: Item[], policy: TreePolicy): void {
  const pending: (TreeChild | 'para')[] = [root];
  while (pending.length > 0) {
    const node = pending.pop() as TreeChild | 'para';
    if (node === 'para') {
      items.push({ kind: 'para' });
    } else if (node.nodeName === '#text') {
      pushText((node as DefaultTreeAdapterMap['textNode']).value, marks, items);
    } else if ('tagName' in node && elementFate(node, policy) !== 'drop') {
      if (node.tagName === 'br') {
        items.push({ kind: 'line', marks });
        continue;
      }
      if (node.tagName === 'img') continue;
      const boundary = node.tagName === 'p' || policy.blockTags.has(node.tagName);
      if (boundary) {
        items.push({ kind: 'para' });
        pending.push('para');
      }
      for (let i = node.childNodes.length - 1; i >= 0; i--) pending.push(node.childNodes[i] as TreeChild);
    }
  }
}

function isSpaceOnly(item: InlineItem): boolean {
  return item.kind === 'content' && item.space;
}

/** A paragraph's worth of inline items with its gaps resolved: content and line breaks only. */
type Run = InlineItem[];

/**
 * Splits a sequence of inline items into runs at paragraph breaks. Gaps (line breaks, newlines,
 * spaces) are resolved: two or more breaks split the run, one is a line break, none keeps the
 * spaces; a newline right after a `<br>` is the `<br />\n` convention, not a second break.
 */
function resolveRuns(items: readonly InlineItem[]): Run[] {
  const runs: Run[] = [];
  let run: Run = [];
  let i = 0;
  while (i < items.length) {
    const item = items[i] as InlineItem;
    if (item.kind === 'content' && !isSpaceOnly(item)) {
      run.push(item);
      i++;
      continue;
    }
    const gapStart = i;
    let breaks = 0;
    let afterLine = false;
    let breakMarks: readonly Mark[] | null = null;
    while (i < items.length) {
      const gapItem = items[i] as InlineItem;
      if (gapItem.kind === 'content' && !isSpaceOnly(gapItem)) break;
      if (gapItem.kind === 'line') {
        breaks++;
        afterLine = true;
        breakMarks ??= gapItem.marks;
      } else if (gapItem.kind === 'newlines') {
        const counted = afterLine ? gapItem.count - 1 : gapItem.count;
        if (counted > 0) breakMarks ??= gapItem.marks;
        breaks += counted;
        afterLine = false;
      }
      i++;
    }
    if (breaks >= 2) {
      runs.push(run);
      run = [];
    } else if (breaks === 1) {
      run.push({ kind: 'line', marks: breakMarks ?? [] });
    } else {
      for (let j = gapStart; j < i; j++) run.push(items[j] as InlineItem);
    }
  }
  runs.push(run);
  return runs.map(trimRun).filter((r) => r.length > 0);
}

function isEdgeSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0c || code === 0x0d;
}

function trimContent(item: InlineItem, start: boolean, end: boolean): InlineItem | null {
  if (item.kind !== 'content') return item;
  const html = item.html;
  // Loops, not /[ \t]+$/: a regex anchored at the end retries from every space of long text.
  let from = 0;
  let to = html.length;
  if (start) while (from < to && isEdgeSpace(html.charCodeAt(from))) from++;
  if (end) while (to > from && isEdgeSpace(html.charCodeAt(to - 1))) to--;
  if (from === to) return null;
  return from === 0 && to === html.length ? item : { ...item, html: html.slice(from, to) };
}

/** Drops edge whitespace and edge line breaks, and spaces next to line breaks. */
function trimRun(run: Run): Run {
  let start = 0;
  let end = run.length;
  while (start < end && (run[start]?.kind === 'line' || isSpaceOnly(run[start] as InlineItem))) start++;
  while (end > start && (run[end - 1]?.kind === 'line' || isSpaceOnly(run[end - 1] as InlineItem))) end--;
  const out: Run = [];
  for (let i = start; i < end; i++) {
    const item = run[i] as InlineItem;
    const trimmed = trimContent(item, i === start || run[i - 1]?.kind === 'line', i === end - 1 || run[i + 1]?.kind === 'line');
    if (trimmed !== null) out.push(trimmed);
  }
  return out;
}

/**
 * Writes a run, opening and closing marks as they change (shared prefixes stay open). Text that
 * ends up between two tags is one segment for the URL stage of the next run; each segment outside
 * `a` and `code` is linked now, so that stage finds nothing left to link (parse5 can join text
 * an ignored end tag had split, as in "0@A</a>x").
 */
function writeRun(run: Run, policy: TreePolicy): string {
  let out = '';
  let segment = '';
  let open: readonly Mark[] = [];
  let bidi: BidiTracker | null = null;
  for (const item of run) {
    if (item.kind === 'content' && item.text && BIDI_SCOPED.test(item.html)) (bidi ??= new BidiTracker()).feed(item.html);
    const marks = item.marks;
    let shared = 0;
    while (shared < open.length && shared < marks.length && open[shared] === marks[shared]) shared++;
    const textContinues = item.kind === 'content' && item.text && shared === open.length && shared === marks.length;
    if (segment !== '' && !textContinues) {
      out += linkSegment(segment, open, policy);
      segment = '';
    }
    for (let k = open.length - 1; k >= shared; k--) out += (open[k] as Mark).close;
    for (let k = shared; k < marks.length; k++) out += (marks[k] as Mark).open;
    open = marks;
    if (item.kind === 'content' && item.text) segment += item.html;
    else out += item.kind === 'line' ? '<br />\n' : item.kind === 'content' ? item.html : '';
  }
  // A paragraph closes the embeddings, overrides and isolates its text opened (issue 10), as
  // text inside the innermost open element: the next run reads the closers back as part of the
  // same run, finds nothing open, and writes the same output (decision 8).
  if (bidi !== null) segment += bidi.closeTo(0);
  if (segment !== '') out += linkSegment(segment, open, policy);
  for (let k = open.length - 1; k >= 0; k--) out += (open[k] as Mark).close;
  return out;
}

// Controls that open or close a bidi scope (bidi-controls.ts reads them).
const BIDI_SCOPED = /[\u202A-\u202E\u2066-\u2069]/;

function linkSegment(segment: string, open: readonly Mark[], policy: TreePolicy): string {
  if (policy.linkRel === null) return segment;
  for (const mark of open) if (mark.tag === 'a' || mark.tag === 'code') return segment;
  return linkText(segment, { rel: policy.linkRel });
}

type Part = { readonly block: string } | { readonly run: Run };

// A `<p>` boundary counts as a blank line.
const PARAGRAPH_BREAK: InlineItem = { kind: 'newlines', count: 2, marks: [] };

function renderItems(items: readonly Item[], container: string | null, policy: TreePolicy): string {
  const parts: Part[] = [];
  let inline: InlineItem[] = [];
  for (const item of items) {
    if (item.kind === 'block') {
      for (const run of resolveRuns(inline)) parts.push({ run });
      inline = [];
      parts.push({ block: item.html });
    } else if (item.kind === 'para') {
      inline.push(PARAGRAPH_BREAK);
    } else {
      inline.push(item);
    }
  }
  for (const run of resolveRuns(inline)) parts.push({ run });
  if (parts.length === 0) return '';
  let wrap = container === null || container === 'blockquote';
  for (let i = 1; i < parts.length && !wrap; i++) if ('run' in (parts[i] as Part) && 'run' in (parts[i - 1] as Part)) wrap = true;
  let html = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as Part;
    if (i > 0) html += '\n';
    html += 'block' in part ? part.block : wrap ? `<p>${writeRun(part.run, policy)}</p>` : writeRun(part.run, policy);
  }
  if (container === null) return html;
  const lead = 'block' in (parts[0] as Part) || wrap ? '\n' : '';
  const tail = 'block' in (parts[parts.length - 1] as Part) || wrap ? '\n' : '';
  return lead + html + tail;
}

function renderContainer(element: TreeElement, marks: readonly Mark[], policy: TreePolicy, depth: number): string {
  const items: Item[] = [];
  for (const child of element.childNodes) flatten(child, marks, items, policy, element.tagName, depth);
  return renderItems(items, element.tagName, policy);
}

/** Writes the top-level nodes of a parsed fragment in canonical form. */
export function renderFlow(children: readonly TreeChild[], policy: TreePolicy): string {
  const items: Item[] = [];
  for (const child of children) flatten(child, [], items, policy, null, 0);
  return renderItems(items, null, policy);
}

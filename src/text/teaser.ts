import { parseFragment, serializeOuter } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

/** The teaser length of docs/original-site.md (Standard listings): listings show the body "cut at a word boundary near 150 characters". */
export const TEASER_LIMIT = 150;
const ELLIPSIS = '...';

// Unicode-aware \w, as PHP's mb_ereg saw it when Views trimmed teasers: letters, marks, digits, _.
const WORD_CHAR = /[\p{L}\p{M}\p{N}\p{Pc}]/u;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * Listing teaser: the text whole if it fits in limit characters, else cut at the last word
 * boundary within the limit with "..." added.
 */
export function cutTeaser(text: string, limit = TEASER_LIMIT): string {
  const trimmed = text.trim();
  // Only the first limit + 1 code points matter; a long body is not split whole. A window of
  // 2 × limit + 2 code units holds at least limit + 1 code points whatever the surrogates.
  const window = trimmed.length > 2 * limit + 2 ? trimmed.slice(0, 2 * limit + 2) : trimmed;
  const chars = Array.from(window); // code points, as Drupal's drupal_strlen counted
  if (window === trimmed && chars.length <= limit) return trimmed;

  const head = graphemePrefix(chars, limit);
  // As Views' views_trim_text(): keep everything before the last word boundary that still has a
  // character after it, so a partial last word goes and an opening bracket or quote in front of
  // it stays: 'the ("...'. The original site's teasers look like that, so we keep it. Unlike
  // Views, a word that ends exactly at the limit is complete and is kept.
  let cut = isWordChar(head[head.length - 1]) && !isWordChar(chars[head.length]) ? head.length : 0;
  for (let i = head.length - 1; cut === 0 && i >= 1; i--) {
    if (isWordChar(head[i - 1]) !== isWordChar(head[i])) cut = i;
  }
  const kept = head.slice(0, cut).join('').trimEnd();
  // One word longer than the limit (a URL, a long compound) would leave nothing, or just a
  // bracket: Views printed a bare "..." there; a hard cut at a character boundary says more.
  return (WORD_CHAR.test(kept) ? kept : head.join('').trimEnd()) + ELLIPSIS;
}

/**
 * The listing teaser of a body given as HTML. Long bodies are read from their opening only: the
 * teaser depends on the first 150 characters of text, and parsing a whole long article for them
 * was the costliest step of an import. The opening is widened until it holds enough text.
 */
export function teaserFromHtml(html: string, limit = TEASER_LIMIT): string {
  for (let size = 4096; ; size *= 4) {
    if (html.length <= size) return cutTeaser(htmlToText(html), limit);
    const text = htmlToText(html.slice(0, size));
    // Margin past the limit: a tag cut off at the end of the opening only disturbs the end.
    if (text.length > 2 * limit + 64) return cutTeaser(text.slice(0, 2 * limit + 2), limit);
  }
}

/** The length of opening after which a body's teaser and lead are looked for first. */
const OPENING = 1200;

/**
 * A body's lead paragraph and teaser together, parsing only its opening: the body cut just after
 * the first `</p>` past 1,200 characters. Bodies are Folio's own balanced HTML, so a paragraph
 * found in that opening is complete; when the opening holds no paragraph, or too little text for
 * the teaser, the whole body is read. Equal to firstParagraph() and teaserFromHtml() (tested).
 */
export function leadAndTeaser(html: string, limit = TEASER_LIMIT): { leadHtml: string; teaser: string } {
  const end = html.length <= OPENING ? -1 : html.indexOf('</p>', OPENING);
  if (end === -1) return { leadHtml: firstParagraph(html), teaser: teaserFromHtml(html, limit) };
  const nodes = parseFragment(html.slice(0, end + 4)).childNodes;
  const lead = findFirstParagraph(nodes);
  const pieces: string[] = [];
  collectText(nodes, pieces);
  const text = pieces.join('').replace(/\s+/g, ' ').trim();
  return {
    leadHtml: lead ?? firstParagraph(html),
    teaser: text.length > 2 * limit + 64 ? cutTeaser(text.slice(0, 2 * limit + 2), limit) : teaserFromHtml(html, limit),
  };
}

/** Plain text of an HTML fragment: tags dropped, entities decoded, blocks joined by a space, whitespace collapsed. */
export function htmlToText(html: string): string {
  const pieces: string[] = [];
  collectText(parseFragment(html).childNodes, pieces);
  return pieces.join('').replace(/\s+/g, ' ').trim();
}

/**
 * HTML of a body's first paragraph: its first <p> with text, or, for bodies written without <p>
 * (Drupal's autop added them at render time), the first run of inline content up to a blank line
 * or a block element, wrapped in <p>. '' when the body has no text. Not a sanitiser: pass
 * filtered HTML in.
 */
export function firstParagraph(html: string): string {
  return findFirstParagraph(parseFragment(html).childNodes) ?? '';
}

// Elements whose start and end separate words.
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'center', 'dd', 'details', 'div',
  'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul',
]);
// Elements whose content is not reading text. parse5 keeps <noscript> and <iframe> bodies as raw text.
const HIDDEN_TAGS = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math']);
// Wrappers that hold paragraphs rather than being one.
const CONTAINER_TAGS = new Set(['article', 'blockquote', 'center', 'div', 'main', 'section']);
// autop's paragraph break: two newlines with only spaces between them.
const BLANK_LINE = /\n[ \t\r\f]*\n/;

function collectText(nodes: ChildNode[], pieces: string[]): void {
  for (const node of nodes) {
    if (node.nodeName === '#text') pieces.push((node as DefaultTreeAdapterTypes.TextNode).value);
    else if (isElement(node) && !HIDDEN_TAGS.has(node.tagName)) {
      const block = BLOCK_TAGS.has(node.tagName);
      if (block) pieces.push(' ');
      collectText(node.childNodes, pieces);
      if (block) pieces.push(' ');
    }
  }
}

function findFirstParagraph(nodes: ChildNode[]): string | undefined {
  let run: string[] = []; // serialised inline nodes since the last paragraph break
  const flush = (): string | undefined => {
    const inner = run.join('').trim();
    run = [];
    // Markup alone (an image, a lone <br>) is not a paragraph.
    return htmlToText(inner) === '' ? undefined : `<p>${inner}</p>`;
  };
  for (const node of nodes) {
    if (node.nodeName === '#text') {
      const [first = '', ...rest] = (node as DefaultTreeAdapterTypes.TextNode).value.split(BLANK_LINE);
      run.push(escapeText(first));
      for (const part of rest) {
        const found = flush();
        if (found) return found;
        run.push(escapeText(part));
      }
      continue;
    }
    if (!isElement(node) || HIDDEN_TAGS.has(node.tagName)) continue; // comments, scripts
    if (node.tagName === 'br' || !BLOCK_TAGS.has(node.tagName)) {
      run.push(serializeOuter(node));
      continue;
    }
    // A block element ends the inline run before it.
    const found = flush() ?? paragraphIn(node);
    if (found) return found;
  }
  return flush();
}

function paragraphIn(block: Element): string | undefined {
  if (block.tagName === 'p') return /\S/.test(textOf(block)) ? serializeOuter(block) : undefined; // skips <p>&nbsp;</p>
  if (CONTAINER_TAGS.has(block.tagName)) return findFirstParagraph(block.childNodes);
  return undefined; // headings, lists, tables, figures: not the paragraph a listing wants
}

function isElement(node: ChildNode): node is Element {
  return 'tagName' in node;
}

function textOf(element: Element): string {
  const pieces: string[] = [];
  collectText(element.childNodes, pieces);
  return pieces.join('');
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Characters that can join a grapheme to a neighbour: marks, format characters (joiners, Arabic
// prepended signs), variation selectors, Hangul jamo, anything astral (emoji, regional
// indicators) and CR before LF. Text without them is cut by code points alone.
const JOINING = /[\p{M}\p{Cf}\uFE00-\uFE0F\u1100-\u11FF\u{10000}-\u{10FFFF}\r]/u;

function graphemePrefix(chars: string[], limit: number): string[] {
  // Back off to a grapheme boundary so a cut never separates a letter from its marks or splits
  // an emoji sequence. One code point past the limit is enough context to find that boundary.
  const sample = chars.slice(0, limit + 1).join('');
  // Plain text (most teasers) has a boundary at every code point: no segmenter needed.
  if (!JOINING.test(sample)) return chars.slice(0, limit);
  let taken = 0;
  for (const { segment } of graphemes.segment(sample)) {
    const size = Array.from(segment).length;
    if (taken + size > limit) break;
    taken += size;
  }
  return chars.slice(0, taken);
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

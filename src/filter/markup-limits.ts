/**
 * Bounds on the markup a format will parse (issue 10: generated inputs of deep nesting or many
 * attributes grew memory by hundreds of MiB). They are checked on the prepared text with the
 * tokenizer the HTML stage uses, before any stage or the HTML parser runs, so refusing costs one
 * linear scan that stops at the first token over a bound.
 */
import { Invalid } from '../domain/errors.ts';
import { VOID_ELEMENTS } from './filter-settings.ts';
import { readTagName, scanMarkup } from './markup-tokens.ts';
import { countXssAttributes } from './xss-attributes.ts';

/** How much markup one text may hold. */
export interface MarkupLimits {
  /** Elements open at once (start tags not yet closed, explicitly or by HTML's implied ends). */
  readonly depth: number;
  /** Attributes written on one tag, dropped ones included. */
  readonly attributes: number;
  /** Tags and comments in the whole text. */
  readonly tags: number;
  /**
   * Elements whose depth and attributes count, or undefined for all. filtered_html removes every
   * other tag in its first stage, by a linear scan, so they never reach the parser.
   */
  readonly elements?: ReadonlySet<string>;
}

/**
 * The bounds for reader comments (filtered_html) and plain text.
 * - depth 40: real comments nest a few levels (a quote in a quote, a list, a link in emphasis).
 *   Each paragraph re-opens every inline element still open, so depth times paragraphs is the
 *   work and the output; the canonical writer keeps 32 levels (CANONICAL_DEPTH), and 40 leaves
 *   room for the `<p>` and `<a>` the format adds, so its own output is always accepted again.
 * - attributes 64: an allowed tag keeps at most six; 64 leaves pasted HTML (class, style, data-*)
 *   readable while a tag cannot carry thousands through the HTML parser.
 * - tags 10,000: the longest comment the form takes (COMMENT_LIMITS.comment, 20,000 characters)
 *   holds at most 6,667 tags, so this never refuses a comment the form accepts; it bounds what
 *   imports and `folio format` hand the parser.
 */
export const MARKUP_LIMITS: MarkupLimits = Object.freeze({ depth: 40, attributes: 64, tags: 10_000 });

/** MARKUP_LIMITS where only the elements `allowed` survive the first stage (filtered_html). */
export function limitsFor(allowed: ReadonlySet<string>): MarkupLimits {
  return Object.freeze({ ...MARKUP_LIMITS, elements: allowed });
}

/**
 * full_html (articles and imported pages, written by staff): the same depth and attribute
 * bounds, and room for a long article's tables (a 500-row table of five columns is 6,000 tags).
 */
export const FULL_HTML_MARKUP_LIMITS: MarkupLimits = Object.freeze({ depth: 40, attributes: 64, tags: 100_000 });

/** Which bound a text goes over. */
export type MarkupProblem = 'depth' | 'attributes' | 'tags';

function messages(problem: MarkupProblem, limits: MarkupLimits): { readonly en: string; readonly ar: string } {
  switch (problem) {
    case 'depth':
      return {
        en: `The text nests HTML tags more than ${limits.depth} levels deep. Please close some tags or simplify the formatting.`,
        ar: `يتداخل النص في وسوم HTML أكثر من ${limits.depth} مستوى. يرجى إغلاق بعض الوسوم أو تبسيط التنسيق.`,
      };
    case 'attributes':
      return {
        en: `A tag in the text has more than ${limits.attributes} attributes. Please remove the ones it does not need.`,
        ar: `يحمل أحد وسوم النص أكثر من ${limits.attributes} سمة. يرجى حذف ما لا يلزم منها.`,
      };
    case 'tags':
      return {
        en: `The text holds more than ${limits.tags.toLocaleString('en')} HTML tags. Please shorten it or remove some formatting.`,
        ar: `يحتوي النص على أكثر من ${limits.tags.toLocaleString('en')} وسم HTML. يرجى تقصيره أو حذف بعض التنسيق.`,
      };
  }
}

/** The error `formatText` throws for text over a bound; `problem` says which. */
export class FilterLimitError extends Invalid {
  readonly problem: MarkupProblem;
  constructor(problem: MarkupProblem, limits: MarkupLimits = MARKUP_LIMITS, field?: string) {
    super(messages(problem, limits), field);
    this.problem = problem;
  }
}

/** A start tag that ends open elements, and how far back it looks (it stops at a boundary). */
interface ImpliedEnd {
  readonly closes: ReadonlySet<string>;
  readonly boundary: ReadonlySet<string>;
}

const BLOCK_CONTAINERS = new Set(['blockquote', 'div', 'li', 'dd', 'dt', 'td', 'th', 'aside', 'section', 'article', 'table', 'ul', 'ol', 'dl', 'button']);
const CLOSES_P: ImpliedEnd = { closes: new Set(['p']), boundary: BLOCK_CONTAINERS };
const CELLS = new Set(['td', 'th']);
const ROW_PARTS = new Set(['tr', 'td', 'th']);
const TABLE_PARTS = new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);

/**
 * HTML's most common implied end tags (`<li>` ends the open `li`, `<p>` and blocks end an open
 * `p`, cells and rows end theirs), so text that leaves them unclosed, as much old HTML does, is
 * not counted as deep. The count stays an upper bound of what the HTML parser builds.
 */
const IMPLIED_ENDS: Readonly<Record<string, ImpliedEnd>> = Object.freeze({
  li: { closes: new Set(['li']), boundary: new Set(['ul', 'ol', 'menu']) },
  dt: { closes: new Set(['dt', 'dd']), boundary: new Set(['dl']) },
  dd: { closes: new Set(['dt', 'dd']), boundary: new Set(['dl']) },
  td: { closes: CELLS, boundary: new Set(['tr', 'table']) },
  th: { closes: CELLS, boundary: new Set(['tr', 'table']) },
  tr: { closes: ROW_PARTS, boundary: new Set(['thead', 'tbody', 'tfoot', 'table']) },
  thead: { closes: TABLE_PARTS, boundary: new Set(['table']) },
  tbody: { closes: TABLE_PARTS, boundary: new Set(['table']) },
  tfoot: { closes: TABLE_PARTS, boundary: new Set(['table']) },
  option: { closes: new Set(['option']), boundary: new Set(['select', 'datalist']) },
  ...Object.fromEntries(
    ['p', 'div', 'blockquote', 'ul', 'ol', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'table', 'aside', 'section', 'article', 'address', 'figure', 'header', 'footer', 'nav', 'main', 'form', 'fieldset', 'details', 'menu'].map((tag) => [tag, CLOSES_P]),
  ),
});

/**
 * HTML's formatting elements. Closing an element around one (by an end tag or an implied end)
 * does not end it: the parser re-opens it at the next text ("reconstructs the active formatting
 * elements"), in every following paragraph, so it still counts as open here.
 */
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);

/** Closes the element at `index` and everything opened after it, except formatting elements. */
function closeAt(stack: string[], index: number): void {
  let write = index;
  for (let read = index + 1; read < stack.length; read++) {
    const open = stack[read] as string;
    if (FORMATTING.has(open)) stack[write++] = open;
  }
  stack.length = write;
}

/** Closes the open element a start tag implicitly ends, if one is open before a boundary. */
function applyImpliedEnd(stack: string[], tag: string): void {
  const rule = IMPLIED_ENDS[tag];
  if (rule === undefined) return;
  // The outermost match before a boundary: <tr> ends the open row, cells and all.
  let match = -1;
  for (let i = stack.length - 1; i >= 0; i--) {
    const open = stack[i] as string;
    if (rule.boundary.has(open)) break;
    if (rule.closes.has(open)) match = i;
  }
  if (match !== -1) closeAt(stack, match);
}

/** The first bound the markup in `text` goes over, or null when it is within all of them. */
export function findMarkupProblem(text: string, limits: MarkupLimits = MARKUP_LIMITS): MarkupProblem | null {
  if (text.indexOf('<') === -1) return null;
  let problem: MarkupProblem | null = null;
  let tags = 0;
  const stack: string[] = [];
  scanMarkup(text, { multilineComments: true }, (kind, start, end) => {
    if (kind !== 'tag' && kind !== 'comment') return true;
    if (++tags > limits.tags) {
      problem = 'tags';
      return false;
    }
    if (kind === 'comment') return true;
    const raw = text.slice(start, end);
    const tag = readTagName(raw);
    if (tag === null) return true;
    const name = tag.name.toLowerCase();
    if (limits.elements !== undefined && !limits.elements.has(name)) return true;
    if (tag.closing) {
      const open = stack.lastIndexOf(name);
      // A formatting end tag ends that element alone (the parser re-opens the ones inside it).
      if (open !== -1 && FORMATTING.has(name)) stack.splice(open, 1);
      else if (open !== -1) closeAt(stack, open);
      return true;
    }
    const attributeText = raw.slice(tag.nameEnd, raw.endsWith('>') ? -1 : raw.length);
    if (countXssAttributes(attributeText, limits.attributes) > limits.attributes) {
      problem = 'attributes';
      return false;
    }
    // A trailing "/" does not close a non-void element in HTML, so <em/> still opens one.
    if (VOID_ELEMENTS.has(name)) return true;
    applyImpliedEnd(stack, name);
    stack.push(name);
    if (stack.length > limits.depth) {
      problem = 'depth';
      return false;
    }
    return true;
  });
  return problem;
}

/** Throws `FilterLimitError` when `findMarkupProblem` reports a bound. */
export function assertMarkupLimits(text: string, limits: MarkupLimits = MARKUP_LIMITS, field?: string): void {
  const problem = findMarkupProblem(text, limits);
  if (problem !== null) throw new FilterLimitError(problem, limits, field);
}

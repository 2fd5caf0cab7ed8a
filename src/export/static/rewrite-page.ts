import { Parser } from 'htmlparser2';
import { escapeHtml } from '../../web/views/html.ts';
import { isSearchPath } from './link-policy.ts';
import { clientSearchParts, COMMENT_FORM, COMMENT_FORM_WRAPPER, commentsClosedNote, linkEdit, SEARCH_PAGE, type PageContext, type RewrittenPage } from './page-links.ts';
import { rewritePageTree } from './rewrite-page-tree.ts';

/**
 * Rewrites one rendered page for the export: same-site links to the files they land in, links to
 * staff and posting pages removed (with a paragraph or list item they leave empty), the comment
 * form replaced by a localised note that comments are closed, and the search page wired to the
 * client-side search.
 *
 * The page's text is edited in place: one pass of htmlparser2's parser finds where each change
 * goes, and everything else is copied as rendered. Building the whole tree and serialising it
 * again (rewrite-page-tree.ts) was a fifth of a render thread's time in a 10,000-article export
 * (issue 14). Both give the same document; where an element to remove or replace has no exact
 * place in the text (a tag the parser implied, an unclosed element), the tree does the work.
 */
export function rewritePage(html: string, ctx: PageContext, searchScript: string): RewrittenPage {
  return splicePage(html, ctx, searchScript) ?? rewritePageTree(html, ctx, searchScript);
}

/** One element open in the parse, and what the rewrite needs to know of it. */
interface Frame {
  readonly name: string;
  readonly attribs: Readonly<Record<string, string>>;
  /** Where its start tag begins, or -1 when the parser implied the tag. */
  readonly start: number;
  /** Where its start tag ends (the index of `>`). */
  readonly openEnd: number;
  /** A link to remove. */
  drop: boolean;
  /** What replaces the element (the comment form's section). */
  replaceWith: string | null;
  /** The search page's results column, which gets the results region. */
  searchColumn: boolean;
  /** Its JSON-LD text, for structured-data scripts. */
  jsonLd: string[] | null;
  /** As rewrite-page-tree.ts's removeLink sees it: a removed link among its children, */
  droppedChild: boolean;
  /** another element (script and style excepted, as the tree's `type === 'tag'` test does), */
  otherChild: boolean;
  /** or text that is not white space (that of its script or style children included). */
  text: boolean;
}

/** A change to the page's text: [start, end) replaced by `text`. */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** An element whose removal leaves an empty paragraph or list item takes that with it. */
const EMPTIED_PARENTS = new Set(['p', 'li']);

/** `rewritePage` by splicing the text, or null when the page needs the tree. */
export function splicePage(html: string, ctx: PageContext, searchScript: string): RewrittenPage | null {
  const links = new Set<string>();
  const jsonLd: string[] = [];
  const here = new URL(ctx.url, ctx.siteOrigin);
  const searchPage = isSearchPath(here.pathname, ctx.prefixes);
  const edits: Edit[] = [];
  const stack: Frame[] = [];
  /** Where each attribute of the tag being read is written: [start, end) of `name="value"`, the first of each name. */
  let spans = new Map<string, readonly [number, number]>();
  let searchColumnFound = false;
  let searchColumnEnd = -1;
  let bodyEnd = -1;
  let exact = true;

  const parser = new Parser({
    onopentagname() {
      spans = new Map();
    },
    onattribute(name) {
      if (!spans.has(name)) spans.set(name, [parser.startIndex, parser.endIndex]);
    },
    onopentag(name, attribs, implied) {
      const parent = stack.at(-1);
      const frame: Frame = {
        name, attribs, start: implied ? -1 : parser.startIndex, openEnd: parser.endIndex,
        drop: false, replaceWith: null, searchColumn: false, jsonLd: null, droppedChild: false, otherChild: false, text: false,
      };
      const edit = linkEdit(name, attribs, here, ctx, links);
      if (edit === 'remove') {
        frame.drop = true;
      } else if (edit !== null) {
        const span = spans.get(edit.attribute)!;
        edits.push({ start: span[0], end: span[1], text: `${edit.attribute}="${escapeHtml(edit.value)}"` });
      }
      if (name === 'form' && COMMENT_FORM.test(attribs.class ?? '')) {
        const wrapper = parent && COMMENT_FORM_WRAPPER.test(parent.attribs.class ?? '') ? parent : frame;
        wrapper.replaceWith = commentsClosedNote(ctx.lang, wrapper.attribs.id);
      }
      if (searchPage && !searchColumnFound && SEARCH_PAGE.test(attribs.class ?? '')) {
        frame.searchColumn = true;
        searchColumnFound = true;
      }
      if (name === 'script' && attribs.type === 'application/ld+json') frame.jsonLd = [];
      stack.push(frame);
    },
    ontext(data) {
      const frame = stack.at(-1);
      if (!frame) return;
      frame.jsonLd?.push(data);
      if (!frame.text && /\S/.test(data)) frame.text = true;
    },
    onclosetag(name, implied) {
      const frame = stack.pop()!;
      // [start, end) of the whole element, when the text has it: a void element ends with its start tag.
      const closedAtOpen = implied && parser.endIndex === frame.openEnd;
      const end = frame.start >= 0 && (!implied || closedAtOpen) ? parser.endIndex + 1 : -1;
      // Where its end tag begins, for what is appended inside it.
      const closeTag = implied ? -1 : parser.startIndex;
      const parent = stack.at(-1);
      if (frame.jsonLd) jsonLd.push(frame.jsonLd.join(''));
      const emptied = EMPTIED_PARENTS.has(name) && frame.droppedChild && !frame.otherChild && !frame.text;
      if (parent) {
        if (frame.drop) parent.droppedChild = true;
        else if (name === 'script' || name === 'style') parent.text ||= frame.text;
        else parent.otherChild = true;
        // The tree removes a paragraph when its last link goes, and whether a list item holding it
        // counts it then depends on the order of their links: the tree decides.
        if (emptied && EMPTIED_PARENTS.has(parent.name)) exact = false;
      }
      if (frame.drop || emptied || frame.replaceWith !== null) {
        if (end < 0) exact = false;
        else edits.push({ start: frame.start, end, text: frame.replaceWith ?? '' });
      }
      if (frame.searchColumn) {
        if (closeTag < 0) exact = false;
        searchColumnEnd = closeTag;
      }
      if (searchPage && name === 'body' && bodyEnd < 0) {
        if (closeTag < 0) exact = false;
        bodyEnd = closeTag;
      }
    },
  }, { decodeEntities: true });
  parser.end(html);
  if (!exact) return null;
  if (searchPage && searchColumnFound && bodyEnd >= 0) {
    const parts = clientSearchParts(ctx, searchScript);
    edits.push({ start: searchColumnEnd, end: searchColumnEnd, text: parts.region }, { start: bodyEnd, end: bodyEnd, text: parts.script });
  }
  return { html: applyEdits(html, edits), links: [...links], jsonLd };
}

/** The text with each edit made; an edit inside a span already replaced (a removed link's parent) is dropped. */
function applyEdits(html: string, edits: Edit[]): string {
  if (edits.length === 0) return html;
  // Outer spans first where two start together, so that the inner one falls inside it.
  edits.sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: string[] = [];
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue;
    parts.push(html.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(html.slice(at));
  return parts.join('');
}


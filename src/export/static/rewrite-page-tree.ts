import { DomUtils, parseDocument } from 'htmlparser2';
import { isTag, type ChildNode, type Document, type Element } from 'domhandler';
import type { Lang } from '../../domain/errors.ts';
import { isSearchPath } from './link-policy.ts';
import { clientSearchParts, COMMENT_FORM, COMMENT_FORM_WRAPPER, commentsClosedNote, linkEdit, SEARCH_PAGE, URL_ATTRIBUTES, type PageContext, type RewrittenPage } from './page-links.ts';

// The export's page rewrite on a parsed tree: the reference for rewrite-page.ts's splicing, and
// what it falls back to for markup whose elements it cannot place exactly in the text.

/** The elements a rewrite works on, found in one walk of the document, in document order. */
function elementsOf(doc: Document): { withUrls: Element[]; commentForms: Element[]; jsonLd: Element[] } {
  const withUrls: Element[] = [];
  const commentForms: Element[] = [];
  const jsonLd: Element[] = [];
  const stack: ChildNode[] = [...doc.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (URL_ATTRIBUTES[node.name] !== undefined) withUrls.push(node);
    if (node.name === 'form' && COMMENT_FORM.test(node.attribs.class ?? '')) commentForms.push(node);
    if (node.name === 'script' && node.attribs.type === 'application/ld+json') jsonLd.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return { withUrls, commentForms, jsonLd };
}

/**
 * Rewrites one rendered page for the export on its parsed tree: same-site links to the files they
 * land in, links to staff and posting pages removed, the comment form replaced by a localised note
 * that comments are closed, and the search page wired to the client-side search.
 */
export function rewritePageTree(html: string, ctx: PageContext, searchScript: string): RewrittenPage {
  const doc = parseDocument(html);
  const links = new Set<string>();
  const here = new URL(ctx.url, ctx.siteOrigin);
  // One walk finds everything: a link's removal takes only an emptied paragraph or list item
  // with it, never a comment form or structured data.
  const found = elementsOf(doc);
  for (const el of found.withUrls) {
    const edit = linkEdit(el.name, el.attribs, here, ctx, links);
    if (edit === 'remove') removeLink(el);
    else if (edit !== null) el.attribs[edit.attribute] = edit.value;
  }
  closeCommentForms(found.commentForms, ctx.lang);
  if (isSearchPath(here.pathname, ctx.prefixes)) addClientSearch(doc, ctx, searchScript);
  const jsonLd = found.jsonLd.map((e) => DomUtils.textContent(e));
  return { html: DomUtils.getOuterHTML(doc, { encodeEntities: 'utf8' }), links: [...links], jsonLd };
}

/** Removes a link, and its paragraph or list item when nothing else is left in it. */
function removeLink(el: Element): void {
  const parent = el.parent as Element | null;
  DomUtils.removeElement(el);
  if (parent && ['p', 'li'].includes(parent.name) && DomUtils.textContent(parent).trim() === '' && !parent.children.some((c) => c.type === 'tag')) DomUtils.removeElement(parent);
}

function fragment(html: string): ChildNode {
  return parseDocument(html).children[0]!;
}

/** The comment form's section becomes a note. */
function closeCommentForms(forms: readonly Element[], lang: Lang): void {
  for (const el of forms) {
    const wrapper = el.parent !== null && COMMENT_FORM_WRAPPER.test((el.parent as Element).attribs?.class ?? '') ? el.parent as Element : el;
    DomUtils.replaceElement(wrapper, fragment(commentsClosedNote(lang, wrapper.attribs.id)));
  }
}

/** The search page gets a results region and the script that fills it from the prebuilt index. */
function addClientSearch(doc: Document, ctx: PageContext, searchScript: string): void {
  const page = DomUtils.findOne((e) => SEARCH_PAGE.test(e.attribs.class ?? ''), doc.children);
  const body = DomUtils.findOne((e) => e.name === 'body', doc.children);
  if (!page || !body) return;
  const parts = clientSearchParts(ctx, searchScript);
  DomUtils.appendChild(page, fragment(parts.region));
  DomUtils.appendChild(body, fragment(parts.script));
}

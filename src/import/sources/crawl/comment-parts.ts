import { parseCommentDate } from './beirut-time.ts';
import { findAll, findOne, hasAncestor, hasClass, innerHtml, outerHtml, textOf, type Document, type Element } from './dom.ts';
import type { ParsedComment } from './parsed-page.ts';

// Drupal 7 prints each comment as <a id="comment-<cid>"></a> followed by its block, and puts
// the replies to a comment in the <div class="indented"> after it; depth in .indented is the thread.

const ANCHOR = /^comment-(\d+)$/;

/** The comments a page shows, parents before their replies. */
export function parseComments(doc: Document): ParsedComment[] {
  const blocks = commentBlocks(doc);
  const comments: ParsedComment[] = [];
  const lastAtDepth: number[] = [];
  for (const { block, cid } of blocks) {
    const depth = countAncestors(block, (el) => hasClass(el, 'indented'));
    const parentIndex = depth > 0 ? lastAtDepth[depth - 1] ?? null : null;
    const parsed = parseBlock(block, cid, parentIndex);
    if (parsed === null) continue;
    lastAtDepth[depth] = comments.length;
    lastAtDepth.length = depth + 1;
    comments.push(parsed);
  }
  return comments;
}

function commentBlocks(doc: Document): { block: Element; cid: number | null }[] {
  const anchors = findAll(doc, (el) => el.name === 'a' && ANCHOR.test(el.attribs.id ?? el.attribs.name ?? ''));
  if (anchors.length > 0) {
    return anchors.flatMap((a) => {
      const block = nextElement(a);
      const cid = Number(ANCHOR.exec(a.attribs.id ?? a.attribs.name ?? '')![1]);
      return block ? [{ block, cid }] : [];
    });
  }
  return findAll(doc, (el) => hasClass(el, 'comment') && el.name !== 'form' && !hasAncestor(el, (p) => hasClass(p, 'comment')))
    .map((block) => ({ block, cid: null }));
}

function parseBlock(block: Element, cid: number | null, parentIndex: number | null): ParsedComment | null {
  const text = textOf(block);
  const createdAt = parseCommentDate(text);
  const userLink = findOne(block, (el) => hasClass(el, 'username'));
  const submitted = /Submitted by\s+(.+?)\s+on\s/i.exec(text);
  const name = userLink ? textOf(userLink) : submitted?.[1] ?? '';
  if (name === '' && createdAt === null) return null;
  const homepage = userLink?.name === 'a' ? userLink.attribs.href ?? null : null;
  const heading = findOne(block, (el) => /^h[2-4]$/.test(el.name));
  return { cid, parentIndex, name: name || 'Anonymous', homepage, createdAt, subject: heading ? textOf(heading) : '', body: commentBody(block) };
}

function commentBody(block: Element): string {
  const field = findOne(block, (el) => hasClass(el, 'field-item') && hasAncestor(el, (p) => hasClass(p, 'field-name-comment-body')))
    ?? findOne(block, (el) => /(^|[\s-])(body|comment-body)(\s|$)/.test(el.attribs.class ?? ''));
  if (field) return innerHtml(field);
  // No telling class: the paragraphs that are not the "Submitted by" line.
  return findAll(block, (el) => el.name === 'p' && !/^Submitted by\b/i.test(textOf(el))).map(outerHtml).join('\n');
}

function nextElement(el: Element): Element | null {
  for (let n = el.next; n; n = n.next) if (n.type === 'tag') return n as Element;
  return null;
}

function countAncestors(el: Element, test: (el: Element) => boolean): number {
  let n = 0;
  for (let p = el.parent; p; p = p.parent) if (p.type === 'tag' && test(p as Element)) n++;
  return n;
}

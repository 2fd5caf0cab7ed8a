import type { ImportedPhoto } from '../../../domain/import-record.ts';
import { findAll, findOne, hasAncestor, hasClass, outerHtml, textOf, type Document, type Element } from './dom.ts';
import { CREDIT_LINE, documentOrder, isChrome, isChromeText, isInComments } from './page-layout.ts';
import type { ShownLink } from './parsed-page.ts';
import { isNotice, splitCaption } from './text-blocks.ts';
import { AUTHOR_PATH, linkPath } from './shown-links.ts';

// The parts of a node page between the title and the comments.

const BLOCK_TAGS = new Set(['p', 'blockquote', 'ul', 'ol', 'dl', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'table']);
/** "(Photo: AFP - Rami Saad)" or "(Photos: …)" at the end of a caption. */
const PHOTO_CREDIT = /\(\s*Photos?\s*:[^()]*\)\s*$/i;

/** Body blocks and the credit line: the field's blocks, or the content's blocks after the date line. */
export function bodyAndCredit(doc: Document, root: Element | Document, after: Element | null): { body: string; credit: string | null } {
  const field = findOne(root, (el) => hasClass(el, 'field-item') && hasAncestor(el, (p) => hasClass(p, 'field-name-body')));
  let blocks: Element[];
  if (field) {
    blocks = field.children.filter((n): n is Element => n.type === 'tag' && BLOCK_TAGS.has((n as Element).name));
  } else {
    const order = documentOrder(doc);
    const start = after ? order.get(after) ?? -1 : -1;
    const candidates = findAll(root, (el) => BLOCK_TAGS.has(el.name) && (order.get(el) ?? 0) > start
      && !isChrome(el) && !isInComments(el) && !hasAncestor(el, (p) => p.name === 'figure' || (after !== null && p === after)));
    blocks = candidates.filter((el) => !hasAncestor(el, (p) => BLOCK_TAGS.has(p.name)) && !isChromeText(textOf(el)));
  }
  blocks = blocks.filter((el) => textOf(el) !== '' || findOne(el, (c) => c.name === 'img') !== null);
  const last = blocks.at(-1);
  const credit = last && CREDIT_LINE.test(textOf(last)) ? textOf(last) : null;
  if (credit !== null) blocks = blocks.slice(0, -1);
  return { body: blocks.map(outerHtml).join('\n'), credit };
}

/** The lead photo: Drupal's image field, a <figure>, or the first content image before the byline. */
export function leadPhoto(root: Element | Document): ImportedPhoto | null {
  const holder = findOne(root, (el) => hasClass(el, 'field-name-field-image')) ?? findOne(root, (el) => el.name === 'figure' && !isChrome(el));
  const img = holder ? findOne(holder, (el) => el.name === 'img') : null;
  if (!holder || !img?.attribs.src) return null;
  const captionEl = findOne(holder, (el) => hasClass(el, 'image-caption') || el.name === 'figcaption');
  const creditEl = findOne(holder, (el) => hasClass(el, 'photo-credit'));
  const captionText = captionEl ? textOf(captionEl) : '';
  const credit = creditEl ? textOf(creditEl) : PHOTO_CREDIT.exec(captionText)?.[0].trim() ?? null;
  const caption = credit !== null && captionText.endsWith(credit) ? captionText.slice(0, -credit.length).trim() : captionText;
  return { src: img.attribs.src, caption: caption || null, credit };
}

/**
 * The photo caption and credit printed as a line of their own above the byline, on pages whose
 * image did not survive (or a theme without an image field): the lead photo's caption and credit,
 * without an image. Only a line that ends with a photo credit is taken, so no paragraph is mistaken for one.
 */
export function captionAboveByline(doc: Document, root: Element | Document, byline: Element | null): ImportedPhoto | null {
  if (byline === null) return null;
  const order = documentOrder(doc);
  const limit = order.get(byline) ?? -1;
  const lines = findAll(root, (el) => (el.name === 'p' || el.name === 'div') && (order.get(el) ?? Infinity) < limit && !isChrome(el) && !isInComments(el)
    && !hasAncestor(el, (p) => p === byline) && !findOne(el.children, (c) => c.name === 'p' || c.name === 'div'));
  for (const el of lines) {
    const text = textOf(el);
    if (text === '' || text.length > 400 || isNotice([text])) continue;
    const { caption, credit } = splitCaption(text);
    if (credit !== null) return { src: '', caption, credit };
  }
  return null;
}

/** Byline names from a "By:" line, linked or not, in order. */
export function bylineAuthors(line: Element | null): ShownLink[] {
  if (!line) return [];
  const links = findAll(line, (el) => el.name === 'a').map((a) => ({ name: textOf(a), path: linkPath(a) ?? '' })).filter((l) => l.name !== '');
  if (links.length > 0) return links.map((l) => ({ name: l.name, path: AUTHOR_PATH.test(l.path) ? l.path : '' }));
  return textOf(line).replace(/^By:\s*/i, '').split(/\s*,\s*|\s+and\s+/).filter((n) => n !== '').map((name) => ({ name, path: '' }));
}

/** Every node id a page gives away, most reliable first. */
export function nidOfPage(doc: Document): number | null {
  const clues: (string | undefined)[] = [];
  const shortlink = findOne(doc, (el) => el.name === 'link' && /\bshortlink\b/.test(el.attribs.rel ?? ''));
  clues.push(shortlink?.attribs.href?.match(/\/node\/(\d+)\b/)?.[1]);
  const body = findOne(doc, (el) => el.name === 'body');
  clues.push(body?.attribs.class?.match(/\bpage-node-(\d+)\b/)?.[1]);
  const form = findOne(doc, (el) => el.name === 'form' && /\/comment\/reply\/\d+/.test(el.attribs.action ?? ''));
  clues.push(form?.attribs.action?.match(/\/comment\/reply\/(\d+)/)?.[1]);
  const link = findOne(doc, (el) => el.name === 'a' && /\/(?:node\/\d+\/edit|comment\/reply\/\d+)/.test(el.attribs.href ?? ''));
  clues.push(link?.attribs.href?.match(/\/(?:node|comment\/reply)\/(\d+)/)?.[1]);
  const nodeDiv = findOne(doc, (el) => /^node-\d+$/.test(el.attribs.id ?? ''));
  clues.push(nodeDiv?.attribs.id?.slice('node-'.length));
  // Renderers print node-0 for unsaved previews; it names no node.
  const nid = clues.map(Number).find((n) => Number.isInteger(n) && n > 0);
  return nid ?? null;
}

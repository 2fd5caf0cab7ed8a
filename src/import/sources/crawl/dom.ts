import { DomUtils, parseDocument } from 'htmlparser2';

// Thin helpers over htmlparser2's DOM, so the page parsers read as "find the By: line", not as tree walking.

// domhandler's node types, named through htmlparser2's own API so we depend on one package only.
export type Document = ReturnType<typeof parseDocument>;
export type Element = Parameters<typeof DomUtils.getAttributeValue>[0];
export type AnyNode = Parameters<typeof DomUtils.getParent>[0];

/** Parses a page leniently (truncated or broken markup gives a partial tree, never an error). */
export function parseHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

/** Every element under root (document order) that matches the predicate. */
export function findAll(root: AnyNode | AnyNode[], test: (el: Element) => boolean): Element[] {
  return DomUtils.findAll(test, Array.isArray(root) ? root : [root]);
}

/** The first element under root that matches. */
export function findOne(root: AnyNode | AnyNode[], test: (el: Element) => boolean): Element | null {
  return DomUtils.findOne(test, Array.isArray(root) ? root : [root], true);
}

/** True when the element's class attribute holds the class. */
export function hasClass(el: Element, name: string): boolean {
  const cls = el.attribs.class;
  // Most tests fail on the substring check, which spares splitting every class attribute of the page.
  return cls !== undefined && cls.includes(name) && cls.split(/\s+/).includes(name);
}



/** Text of a node with whitespace collapsed, as a reader sees it. */
export function textOf(node: AnyNode | AnyNode[]): string {
  return DomUtils.textContent(node).replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Markup inside an element, UTF-8 kept as characters (only &, <, >, quotes are escaped). */
export function innerHtml(el: Element): string {
  return DomUtils.getInnerHTML(el, { encodeEntities: 'utf8', selfClosingTags: true, emptyAttrs: true }).trim();
}

/** Markup of an element itself. */
export function outerHtml(el: Element): string {
  return DomUtils.getOuterHTML(el, { encodeEntities: 'utf8', selfClosingTags: true, emptyAttrs: true }).trim();
}

/** True when an ancestor (not el itself) matches. */
export function hasAncestor(el: AnyNode, test: (el: Element) => boolean): boolean {
  for (let p = el.parent; p; p = p.parent) if (p.type === 'tag' && test(p as Element)) return true;
  return false;
}


/** Text nodes under root in document order. */
export function* textNodes(root: AnyNode | AnyNode[]): Generator<AnyNode> {
  for (const node of Array.isArray(root) ? root : [root]) {
    if (node.type === 'text') yield node;
    else if ('children' in node) yield* textNodes(node.children);
  }
}

/** All elements of the document in order. */
export function allElements(root: AnyNode | AnyNode[]): Element[] {
  return findAll(root, () => true);
}

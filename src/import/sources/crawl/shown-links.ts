import { findAll, textOf, type AnyNode, type Element } from './dom.ts';
import type { ShownLink } from './parsed-page.ts';
import { isChrome } from './page-layout.ts';
import { sitePath } from './url-path.ts';

/** Links in the content (not menus or sidebars) whose site path matches, deduplicated, in page order. */
export function shownLinks(root: AnyNode | AnyNode[], pathPattern: RegExp): ShownLink[] {
  const seen = new Map<string, ShownLink>();
  for (const a of findAll(root, (el) => el.name === 'a' && el.attribs.href !== undefined)) {
    const path = linkPath(a);
    if (path === null || !pathPattern.test(path) || seen.has(path) || isChrome(a)) continue;
    const name = textOf(a);
    if (name !== '') seen.set(path, { name, path });
  }
  return [...seen.values()];
}

/** The site path a link points at; null for links off the site. */
export function linkPath(a: Element): string | null {
  const href = a.attribs.href ?? '';
  if (/^[a-z]+:/i.test(href) && !/^https?:/i.test(href)) return null;
  return sitePath(href);
}

/** Terms: tags, free terms without alias. */
export const TAG_PATH = /^(tags\/[^/]+|taxonomy\/term\/\d+)$/;
/** Sections and subsections. */
export const SECTION_PATH = /^section\/[^/]+(\/[^/]+)?$/;
/** Author listings. */
export const AUTHOR_PATH = /^author\/[^/]+$/;

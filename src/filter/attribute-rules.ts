/**
 * Which attributes a tag may keep and what their values may be (docs/comment-format.md decisions 2 and 3). Shared by
 * the HTML stage (text level) and the repair stage (tree level), so both enforce the same list.
 */
import { URL_SCHEMES } from '../domain/url-schemes.ts';
import { URL_ATTRIBUTES } from './filter-settings.ts';
import { isSafeUrl } from './url-safety.ts';

/** A per-tag attribute allow-list with attributes every tag may carry. */
export interface AttributeList {
  readonly perTag: Readonly<Record<string, readonly string[]>>;
  readonly global: readonly string[];
}

const orderCache = new WeakMap<AttributeList, Map<string, readonly string[]>>();

/** The attributes `tag` may keep, in the canonical order they are written in. */
export function allowedAttributes(list: AttributeList, tag: string): readonly string[] {
  let byTag = orderCache.get(list);
  if (byTag === undefined) {
    byTag = new Map();
    orderCache.set(list, byTag);
  }
  let names = byTag.get(tag);
  if (names === undefined) {
    const own = list.perTag[tag] ?? [];
    names = [...own, ...list.global.filter((name) => !own.includes(name))];
    byTag.set(tag, names);
  }
  return names;
}

const LANGUAGE_TAG = /^[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*$/;
const DIRECTION = /^(?:ltr|rtl|auto)$/i;
const SMALL_NUMBER = /^[0-9]{1,4}$/;
const TOKEN = /^[a-zA-Z0-9]{1,16}$/;
const NUMERIC_ATTRIBUTES = new Set(['width', 'height', 'colspan', 'rowspan', 'span', 'start', 'value']);

/**
 * The value to keep for a decoded attribute value, or null to drop the attribute. URLs must be
 * relative or use an allowed scheme, however often they are decoded (docs/comment-format.md decision 3); `title` and
 * `alt` are kept whole (docs/comment-format.md decision 2: no Drupal-style "Re:" stripping).
 */
export function cleanAttributeValue(
  name: string,
  value: string,
  protocols: readonly string[] = URL_SCHEMES.links,
): string | null {
  if (URL_ATTRIBUTES.has(name)) return isSafeUrl(value, protocols) ? value : null;
  if (name === 'lang' || name === 'hreflang') return LANGUAGE_TAG.test(value) ? value : null;
  if (name === 'dir') return DIRECTION.test(value) ? value.toLowerCase() : null;
  if (NUMERIC_ATTRIBUTES.has(name)) return SMALL_NUMBER.test(value) ? value : null;
  if (name === 'type' || name === 'scope') return TOKEN.test(value) ? value : null;
  return value;
}

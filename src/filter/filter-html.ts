/**
 * Folio's HTML stage (Drupal's `filter_html`, weight 1): `filter_xss` with the site's tag list,
 * per-tag attributes (docs/comment-format.md decision 2), strict URL checks (docs/comment-format.md decision 3) and `rel` on links (docs/comment-format.md decision 4).
 */
import { checkPlain } from './check-plain.ts';
import { decodeEntities } from './decode-entities.ts';
import { URL_SCHEMES } from '../domain/url-schemes.ts';
import { allowedAttributes, cleanAttributeValue, type AttributeList } from './attribute-rules.ts';
import {
  FOLIO_TAG_ATTRIBUTES,
  GLOBAL_ATTRIBUTES,
  LINK_REL,
  SITE_ALLOWED_HTML,
  VOID_ELEMENTS,
  parseAllowedHtml,
} from './filter-settings.ts';
import { filterXssWith, type AttributeWriter, type XssPolicy } from './filter-xss.ts';

/** Options of Folio's HTML stage. */
export interface FilterHtmlOptions {
  /** The `allowed_html` setting; default the site's. */
  readonly allowedHtml?: string;
  /** Add `rel="nofollow ugc noopener"` to every link (docs/comment-format.md decision 4); default true. */
  readonly nofollow?: boolean;
  /**
   * Tags kept although the setting does not list them; default `p` and `br`. They are the tags
   * the line-break stage writes, so keeping them is what makes running the format on its own
   * output change nothing (docs/comment-format.md decision 8). They carry no attributes but lang and dir.
   */
  readonly extraTags?: readonly string[];
}

/** The attribute allow-list of user-written formats (docs/comment-format.md decision 2). */
export const FOLIO_ATTRIBUTE_LIST: AttributeList = Object.freeze({
  perTag: FOLIO_TAG_ATTRIBUTES,
  global: GLOBAL_ATTRIBUTES,
});

/** Writes only allowed attributes, in canonical order, double-quoted; the first occurrence counts. */
export function writeAllowedAttributes(list: AttributeList, rel: string | null): AttributeWriter {
  return (tag, attributes) => {
    const names = allowedAttributes(list, tag);
    const values = new Map<string, string | null>();
    for (const attribute of attributes) {
      if (attribute.value === null || !names.includes(attribute.name) || values.has(attribute.name)) continue;
      values.set(attribute.name, cleanAttributeValue(attribute.name, decodeEntities(attribute.value), URL_SCHEMES.links));
    }
    let out = '';
    for (const name of names) {
      const value = values.get(name);
      if (value !== undefined && value !== null) out += ` ${name}="${checkPlain(value)}"`;
    }
    if (tag === 'a' && rel !== null) out += ` rel="${rel}"`;
    return out;
  };
}

const policyCache = new Map<string, XssPolicy>();

let defaultPolicy: XssPolicy | null = null;

function folioPolicy(options: FilterHtmlOptions): XssPolicy {
  // The site's own settings are the common case: skip building the cache key.
  if (options.allowedHtml === undefined && options.extraTags === undefined && options.nofollow === undefined) {
    defaultPolicy ??= buildPolicy(SITE_ALLOWED_HTML, ['p', 'br'], true);
    return defaultPolicy;
  }
  return buildPolicy(options.allowedHtml ?? SITE_ALLOWED_HTML, options.extraTags ?? ['p', 'br'], options.nofollow ?? true);
}

function buildPolicy(setting: string, extra: readonly string[], nofollow: boolean): XssPolicy {
  const key = `${setting}\u0000${extra.join(' ')}\u0000${nofollow}`;
  let policy = policyCache.get(key);
  if (policy === undefined) {
    const tags = new Set([...parseAllowedHtml(setting), ...extra]);
    tags.delete('!--'); // comments never survive in user-written text
    policy = {
      allowedTags: tags,
      allowComments: false,
      multilineComments: true,
      lowercaseNames: true,
      selfClosing: 'canonical',
      removeNetscapeRepeatedly: true,
      voidElements: VOID_ELEMENTS,
      writeAttributes: writeAllowedAttributes(FOLIO_ATTRIBUTE_LIST, nofollow ? LINK_REL : null),
    };
    policyCache.set(key, policy);
  }
  return policy;
}

function isPhpTrimmed(code: number): boolean {
  // PHP's trim() list: space, \t, \n, \r, NUL, \v. A leading NBSP or form feed is kept.
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x00 || code === 0x0b;
}

/** PHP's `trim()` with its default character list (a loop: a regex would be quadratic on long runs). */
export function phpTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPhpTrimmed(text.charCodeAt(start))) start++;
  while (end > start && isPhpTrimmed(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Folio's HTML stage: filters `text` to the allowed tags and attributes, then trims it. */
export function filterHtml(text: string, options: FilterHtmlOptions = {}): string {
  return phpTrim(filterXssWith(text, folioPolicy(options)));
}

/** Drupal's `filter_html_escape` (the plain_text format's first stage): escape everything, trim. */
export function filterHtmlEscape(text: string): string {
  return phpTrim(checkPlain(text));
}

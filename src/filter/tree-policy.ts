/**
 * The repair stage's allow-list and the serialising helpers shared by its two writers (the
 * faithful one in repair-html.ts and the canonical one in canonical-flow.ts).
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import { allowedAttributes, cleanAttributeValue, type AttributeList } from './attribute-rules.ts';
import { URL_SCHEMES } from '../domain/url-schemes.ts';
import { DROP_WITH_CONTENT, VOID_ELEMENTS } from './filter-settings.ts';

/** A parse5 element of the default tree adapter. */
export type TreeElement = DefaultTreeAdapterMap['element'];
/** A parse5 child node of the default tree adapter. */
export type TreeChild = DefaultTreeAdapterMap['childNode'];

/** What the repair stage lets through, and how it writes it. */
export interface TreePolicy {
  /** Elements kept; other HTML elements are unwrapped (their content stays), as Drupal strips tags. */
  readonly allowedTags: ReadonlySet<string>;
  readonly attributes: AttributeList;
  /** URL schemes allowed in href/src/cite (docs/comment-format.md decision 3). */
  readonly protocols?: readonly string[];
  /** `rel` forced onto every `<a>` (docs/comment-format.md decision 4), or null. */
  readonly linkRel: string | null;
  /** Attributes added to every `<img>` (docs/comment-format.md decision 4). */
  readonly imageAttributes: ReadonlyArray<readonly [string, string]>;
  /** Keep HTML comments (only full_html does; comments never reach it in user formats). */
  readonly keepComments: boolean;
  /**
   * Write paragraphs and line breaks in canonical form (canonical-flow.ts), so the line-break
   * stage leaves the output unchanged on the next run (docs/comment-format.md decision 8). Off for full_html, whose
   * repair stage stays a plain HTML5 corrector.
   */
  readonly canonicalFlow: boolean;
  /** Elements laid out as blocks by the canonical writer (everything else allowed is inline). */
  readonly blockTags: ReadonlySet<string>;
  /**
   * Blocks the canonical writer copies as parsed instead of reflowing (`pre`: its newlines are
   * the content). Only staff_html has any.
   */
  readonly verbatimTags?: ReadonlySet<string>;
  /** Schemes an `<img src>` may use, when narrower than `protocols` (staff images: https only). */
  readonly imageProtocols?: readonly string[];
  /**
   * When true, `linkRel` goes only on links with an absolute address (a scheme or `//`): a link
   * within the site is the paper's own and needs none (staff_html).
   */
  readonly relOnlyOffSite?: boolean;
  /**
   * When true, a `<p>` with allowed attributes (`dir`, `lang`) is written as its own block with
   * them, instead of dissolving into the flow's paragraphs (staff_html: mixed RTL/LTR text).
   */
  readonly paragraphAttributes?: boolean;
}

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** What happens to an element: written, replaced by its children, or removed with them. */
export type ElementFate = 'keep' | 'unwrap' | 'drop';

/** Decides an element's fate under `policy`. */
export function elementFate(element: TreeElement, policy: TreePolicy): ElementFate {
  // Foreign content (svg, math) is never kept: its parsing rules differ and it can carry script.
  if (element.namespaceURI !== HTML_NAMESPACE) return 'drop';
  if (DROP_WITH_CONTENT.has(element.tagName)) return 'drop';
  return policy.allowedTags.has(element.tagName) ? 'keep' : 'unwrap';
}

/** True for elements written as `<name />` with no end tag. */
export function isVoid(tag: string): boolean {
  return VOID_ELEMENTS.has(tag);
}

// C0 controls other than tab and newline are invisible junk (and XML feeds forbid them).
const CONTROLS = /[\u0000-\u0008\u000b-\u001f]/g;
const HAS_CONTROL = /[\u0000-\u0008\u000b-\u001f]/;
const TEXT_SPECIALS = /[&<>\u00a0]/g;
const HAS_TEXT_SPECIAL = /[&<>\u00a0]/;
const ATTRIBUTE_SPECIALS = /[&<>"\u00a0]/g;
const HAS_ATTRIBUTE_SPECIAL = /[&<>"\u00a0]/;
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\u00a0': '&nbsp;',
};

/** Removes C0 controls other than tab and newline. */
export function removeControlCharacters(text: string): string {
  return HAS_CONTROL.test(text) ? text.replace(CONTROLS, '') : text;
}

function escapeWith(test: RegExp, pattern: RegExp, text: string): string {
  return test.test(text) ? text.replace(pattern, replaceSpecial) : text;
}

function replaceSpecial(c: string): string {
  return ESCAPES[c] ?? c;
}

// One test for the common case: plain text with nothing to remove or escape.
const NEEDS_WORK = /[\u0000-\u0008\u000b-\u001f&<>\u00a0]/;

/** Escapes decoded text for an HTML text position (`& < >` and NBSP as `&nbsp;`), minus controls. */
export function escapeText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return escapeWith(HAS_TEXT_SPECIAL, TEXT_SPECIALS, removeControlCharacters(text));
}

/** The start tag for a kept element: allowed attributes in canonical order, then forced ones. */
export function startTag(element: TreeElement, policy: TreePolicy): string {
  const tag = element.tagName;
  let out = `<${tag}`;
  let href: string | undefined;
  if (element.attrs.length > 0) {
    const names = allowedAttributes(policy.attributes, tag);
    const values = new Map<string, string>();
    for (const attribute of element.attrs) {
      if (attribute.namespace !== undefined || !names.includes(attribute.name)) continue;
      const protocols = tag === 'img' && attribute.name === 'src' && policy.imageProtocols !== undefined
        ? policy.imageProtocols
        : policy.protocols ?? URL_SCHEMES.links;
      const value = cleanAttributeValue(attribute.name, removeControlCharacters(attribute.value), protocols);
      if (value !== null) values.set(attribute.name, value);
    }
    for (const name of names) {
      const value = values.get(name);
      if (value !== undefined) out += ` ${name}="${escapeWith(HAS_ATTRIBUTE_SPECIAL, ATTRIBUTE_SPECIALS, value)}"`;
    }
    href = values.get('href');
  }
  if (tag === 'a' && policy.linkRel !== null && (policy.relOnlyOffSite !== true || isOffSite(href))) {
    out += ` rel="${policy.linkRel}"`;
  }
  if (tag === 'img') for (const [name, value] of policy.imageAttributes) out += ` ${name}="${value}"`;
  return isVoid(tag) ? `${out} />` : `${out}>`;
}

// A scheme (`https:`, `mailto:`) or a protocol-relative `//host` leaves the site.
const ABSOLUTE_URL = /^[\u0000-\u0020]*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|[\\/]{2})/;

/** True when a link's href, as it is written, points away from the site. */
function isOffSite(href: string | undefined): boolean {
  return href !== undefined && ABSOLUTE_URL.test(href);
}

/** A comment is kept only if it re-parses as the same comment (no `--`, no odd start or end). */
export function isSafeComment(data: string): boolean {
  return !data.includes('--') && !data.startsWith('>') && !data.startsWith('->') && !data.endsWith('-');
}

/**
 * Test helper: re-parses formatter output with parse5 and checks it against an allow-list, the
 * way a browser would see it. Used by the hostile-input tests and the property tests.
 */
import assert from 'node:assert/strict';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { decodeUntilStable } from '../../src/filter/decode-entities.ts';
import {
  DRUPAL_ADMIN_TAGS,
  FULL_HTML_GLOBAL_ATTRIBUTES,
  FULL_HTML_TAG_ATTRIBUTES,
} from '../../src/filter/filter-settings.ts';
import { urlScheme } from '../../src/filter/url-safety.ts';
import { URL_SCHEMES } from '../../src/domain/url-schemes.ts';

type Node = DefaultTreeAdapterMap['childNode'];

/** Which elements and attributes may appear. */
export interface SafetyRules {
  readonly tags: ReadonlySet<string>;
  readonly attributes: (tag: string) => readonly string[];
  readonly comments: boolean;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'action', 'formaction', 'background', 'poster', 'data', 'xlink:href']);

/** The filtered_html rules: the site's 20 tags plus p and br, docs/comment-format.md decision 2's attributes. */
export const FILTERED_RULES: SafetyRules = {
  tags: new Set([
    'a', 'em', 'strong', 'cite', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'img',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'span', 'aside', 'p', 'br',
  ]),
  attributes: (tag) => {
    const own: Record<string, string[]> = {
      a: ['href', 'title', 'hreflang', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'referrerpolicy'],
      blockquote: ['cite'],
    };
    return [...(own[tag] ?? []), 'lang', 'dir'];
  },
  comments: false,
};

/** The full_html rules: the admin tag list, full_html's attribute list, comments allowed. */
export const FULL_RULES: SafetyRules = {
  tags: new Set(DRUPAL_ADMIN_TAGS),
  attributes: (tag) => [...(FULL_HTML_TAG_ATTRIBUTES[tag] ?? []), ...FULL_HTML_GLOBAL_ATTRIBUTES],
  comments: true,
};

/** The plain_text rules: links, paragraphs and breaks only. */
export const PLAIN_RULES: SafetyRules = {
  tags: new Set(['a', 'p', 'br']),
  attributes: (tag) => (tag === 'a' ? ['href', 'rel'] : []),
  comments: false,
};

// Both the scheme a browser reads and the one a normalising consumer reads (NFKC, ignorables
// removed: docs/url-schemes.md) must be allowed.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

function schemeIsAllowed(value: string): boolean {
  for (const decoded of [value, decodeUntilStable(value)]) {
    const normalised = decoded.normalize('NFKC').replace(IGNORABLE, '').replace(/^[\s\p{Cc}]+/u, '');
    for (const candidate of [decoded, normalised]) {
      const scheme = urlScheme(candidate);
      if (scheme !== null && !URL_SCHEMES.links.includes(scheme)) return false;
    }
  }
  return true;
}

function walk(nodes: readonly Node[], rules: SafetyRules, html: string): void {
  for (const node of nodes) {
    if (node.nodeName === '#comment') {
      assert.ok(rules.comments, `comment in output: ${html}`);
      continue;
    }
    if (!('tagName' in node)) continue;
    assert.equal(node.namespaceURI, 'http://www.w3.org/1999/xhtml', `foreign element <${node.tagName}> in ${html}`);
    assert.ok(rules.tags.has(node.tagName), `element <${node.tagName}> not allowed in ${html}`);
    const allowed = rules.attributes(node.tagName);
    for (const attribute of node.attrs) {
      assert.ok(!attribute.name.startsWith('on'), `event handler ${attribute.name} in ${html}`);
      assert.notEqual(attribute.name, 'style', `style attribute in ${html}`);
      assert.ok(allowed.includes(attribute.name), `attribute ${attribute.name} on <${node.tagName}> in ${html}`);
      if (URL_ATTRIBUTES.has(attribute.name)) {
        assert.ok(schemeIsAllowed(attribute.value), `URL ${JSON.stringify(attribute.value)} in ${html}`);
      }
    }
    walk(node.childNodes, rules, html);
  }
}

/** Asserts that `html`, parsed as a browser would, holds only what `rules` allow. */
export function assertSafeHtml(html: string, rules: SafetyRules = FILTERED_RULES): void {
  walk(parseFragment(html).childNodes, rules, html);
}

/**
 * The three text formats as data: their preparation step, their stages in order, and each
 * stage's implementation. format-text.ts runs them.
 */
import { checkPlain } from './check-plain.ts';
import { decodeEntities, decodeTextReferences } from './decode-entities.ts';
import { filterAutop } from './filter-autop.ts';
import { FOLIO_ATTRIBUTE_LIST, filterHtml, filterHtmlEscape } from './filter-html.ts';
import {
  DRUPAL_ADMIN_TAGS,
  FULL_HTML_GLOBAL_ATTRIBUTES,
  FULL_HTML_TAG_ATTRIBUTES,
  IMAGE_EXTRA_ATTRIBUTES,
  LINK_REL,
  SITE_ALLOWED_HTML,
  VOID_ELEMENTS,
  parseAllowedHtml,
} from './filter-settings.ts';
import { DRUPAL_URL_SKIP_TAGS, filterUrl } from './filter-url.ts';
import { filterXssWith, removeNetscapeEntities, type XssPolicy } from './filter-xss.ts';
import { FULL_HTML_MARKUP_LIMITS, limitsFor, type MarkupLimits } from './markup-limits.ts';
import { repairHtml, type TreePolicy } from './repair-html.ts';
import { repairStaffHtml } from './staff-html.ts';

/** The text formats: readers' comments, imported pages and staff-written bodies (staff_html). */
export type FormatName = 'filtered_html' | 'plain_text' | 'full_html' | 'staff_html';

/** The stages a format is made of (Drupal's filters). */
export type StageName = 'url' | 'html' | 'autop' | 'repair';

/** One format: how input is prepared, and its stages in order. */
export interface TextFormat {
  readonly prepare: (text: string) => string;
  /** Bounds on the prepared text's markup, checked before any stage; null when no markup is parsed. */
  readonly limits: MarkupLimits | null;
  readonly stages: readonly StageName[];
  readonly run: Readonly<Record<StageName, (text: string) => string>>;
}

/** The format names, for validation and listings. */
export const FORMAT_NAMES: readonly FormatName[] = Object.freeze(['filtered_html', 'plain_text', 'full_html', 'staff_html']);

// check_markup(): CRLF and lone CR become LF before any filter runs.
const CARRIAGE_RETURNS = /\r\n?/g;
// C0 controls other than tab, newline and CR: invisible, invalid in XML feeds, and able to hide
// markup from one stage but not another. NUL is refused earlier (docs/comment-format.md decision 1).
const CONTROLS = /[\u0001-\u0008\u000b\u000c\u000e-\u001f]/g;
const HAS_CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f]/;

function normaliseNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(CARRIAGE_RETURNS, '\n');
}

function removeControls(text: string): string {
  return HAS_CONTROL.test(text) ? text.replace(CONTROLS, '') : text;
}

/**
 * Preparation for the HTML formats. Netscape entities are removed and character references that
 * do not stand for markup are decoded, repeatedly until nothing changes (each can expose the
 * other). Afterwards every stage sees the characters a reader will see: the URL stage links
 * `www&#46;example&#46;com` as the reader sees it, and a `&#10;` is a line break to the
 * line-break stage, exactly as on the next run over the output (docs/comment-format.md decision 8).
 */
export function prepareHtmlText(text: string): string {
  let current = removeControls(text);
  for (;;) {
    const next = decodeTextReferences(removeNetscapeEntities(current, true));
    if (next === current) break;
    current = next;
  }
  return removeControls(normaliseNewlines(current));
}

/** Preparation for plain text: newlines and controls only; references stay as typed. */
export function preparePlainText(text: string): string {
  return removeControls(normaliseNewlines(text));
}

const FILTERED_TREE_POLICY: TreePolicy = Object.freeze<TreePolicy>({
  allowedTags: new Set([...parseAllowedHtml(SITE_ALLOWED_HTML), 'p', 'br']),
  attributes: FOLIO_ATTRIBUTE_LIST,
  linkRel: LINK_REL,
  imageAttributes: IMAGE_EXTRA_ATTRIBUTES,
  keepComments: false,
  canonicalFlow: true,
  blockTags: new Set(['ul', 'ol', 'dl', 'li', 'dt', 'dd', 'blockquote', 'aside', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']),
});

const PLAIN_TREE_POLICY: TreePolicy = Object.freeze<TreePolicy>({
  allowedTags: new Set(['a', 'p', 'br']),
  attributes: { perTag: { a: ['href'] }, global: [] },
  linkRel: LINK_REL,
  imageAttributes: [],
  keepComments: false,
  canonicalFlow: true,
  blockTags: new Set(),
});

/** full_html's repair policy: the admin tag list, a broad but closed attribute list. */
const FULL_TREE_POLICY: TreePolicy = Object.freeze<TreePolicy>({
  allowedTags: new Set(DRUPAL_ADMIN_TAGS),
  attributes: { perTag: FULL_HTML_TAG_ATTRIBUTES, global: FULL_HTML_GLOBAL_ATTRIBUTES },
  linkRel: null,
  imageAttributes: [],
  keepComments: true,
  canonicalFlow: false,
  blockTags: new Set(),
});

/**
 * full_html has no HTML filter in Drupal. Folio runs a normalising pass in its place: every
 * well-formed tag and comment is kept (the repair stage decides what survives), but stray `<`
 * and `>` are escaped, names lowercased and attributes re-quoted, so the line-break stage's
 * `<tag[^>]*>` patterns stay linear on hostile input.
 */
const FULL_NORMALISE_POLICY: XssPolicy = Object.freeze<XssPolicy>({
  allowedTags: 'any',
  allowComments: true,
  multilineComments: true,
  lowercaseNames: true,
  selfClosing: 'canonical',
  removeNetscapeRepeatedly: true,
  voidElements: VOID_ELEMENTS,
  writeAttributes: (_tag, attributes) => {
    let out = '';
    for (const attribute of attributes) {
      out += attribute.value === null ? ` ${attribute.name}` : ` ${attribute.name}="${checkPlain(decodeEntities(attribute.value))}"`;
    }
    return out;
  },
});

/** Every format's definition. */
export const TEXT_FORMATS: Readonly<Record<FormatName, TextFormat>> = Object.freeze({
  filtered_html: {
    prepare: prepareHtmlText,
    limits: limitsFor(FILTERED_TREE_POLICY.allowedTags),
    // Folio runs the HTML stage before the URL stage; Drupal ran filter_url first so that
    // filter_xss would re-check the links it made. Here the repair stage re-checks everything
    // (docs/comment-format.md decision 10), and filtering first means the URL stage sees exactly the text the reader
    // will see: text that a stripped tag split ("+@<script>x") is joined before linking, as it
    // is when the output is formatted again, so the output stays a fixed point (docs/comment-format.md decision 8).
    stages: ['html', 'url', 'autop', 'repair'],
    run: {
      url: (text) => filterUrl(text, { skipTags: ['a', 'code'] }),
      html: (text) => filterHtml(text),
      autop: filterAutop,
      repair: (text) => repairHtml(text, FILTERED_TREE_POLICY),
    },
  },
  plain_text: {
    prepare: preparePlainText,
    // Every "<" is escaped by the first stage: no markup reaches the parser, whatever its shape.
    limits: null,
    // Drupal's plain_text order: escape (filter_html_escape) first, then URLs, then line breaks.
    stages: ['html', 'url', 'autop', 'repair'],
    run: {
      url: (text) => filterUrl(text),
      html: filterHtmlEscape,
      autop: filterAutop,
      repair: (text) => repairHtml(text, PLAIN_TREE_POLICY),
    },
  },
  full_html: {
    prepare: prepareHtmlText,
    limits: FULL_HTML_MARKUP_LIMITS,
    stages: ['url', 'html', 'autop', 'repair'],
    run: {
      url: (text) => filterUrl(text, { skipTags: DRUPAL_URL_SKIP_TAGS }),
      html: (text) => filterXssWith(text, FULL_NORMALISE_POLICY),
      autop: filterAutop,
      repair: (text) => repairHtml(text, FULL_TREE_POLICY),
    },
  },
  // Staff bodies (staff-html.ts): the repair stage alone. The other stages are listed for
  // `folio format --stage`; in the pipeline the canonical writer does their work.
  staff_html: {
    prepare: prepareHtmlText,
    limits: FULL_HTML_MARKUP_LIMITS,
    stages: ['repair'],
    run: {
      url: (text) => filterUrl(text, { skipTags: ['a', 'code', 'pre'] }),
      html: (text) => filterXssWith(text, FULL_NORMALISE_POLICY),
      autop: filterAutop,
      repair: repairStaffHtml,
    },
  },
});

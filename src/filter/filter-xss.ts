/**
 * Drupal 7's `filter_xss()` (includes/common.inc) as a policy-driven function. `filterXss` and
 * `filterXssAdmin` are the Drupal-compatible helpers; filter-html.ts builds Folio's HTML stage on
 * the same core with a stricter policy.
 */
import { checkPlain } from './check-plain.ts';
import { decodeEntities } from './decode-entities.ts';
import { DRUPAL_ADMIN_TAGS, DRUPAL_PROTOCOLS, DRUPAL_XSS_DEFAULT_TAGS } from './filter-settings.ts';
import { readTagName, tokenizeMarkup } from './markup-tokens.ts';
import { stripDangerousProtocols } from './url-safety.ts';
import { parseXssAttributes, type RawAttribute } from './xss-attributes.ts';

/** How a start tag's attributes are written out; returns the text after the name (with its leading space). */
export type AttributeWriter = (tag: string, attributes: readonly RawAttribute[]) => string;

/** Everything that differs between Drupal's filter_xss and Folio's HTML stage. */
export interface XssPolicy {
  /** Lowercased names of allowed elements, or 'any' to keep every well-formed tag. */
  readonly allowedTags: ReadonlySet<string> | 'any';
  /** Keep `<!-- … -->` comments (Drupal: only when `!--` is in the allowed list). */
  readonly allowComments: boolean;
  /** See `TokenizeOptions.multilineComments`. */
  readonly multilineComments: boolean;
  /** Lowercase element names (Drupal keeps the typed case). */
  readonly lowercaseNames: boolean;
  /**
   * 'drupal': a trailing `/` is kept as ` /`. 'canonical': void elements always get ` /`, others
   * never (an HTML5 parser ignores it on them), so `<br>` and `<br/>` come out alike.
   */
  readonly selfClosing: 'drupal' | 'canonical';
  /** Netscape `&{…}` entities are removed until none is left, not just once. */
  readonly removeNetscapeRepeatedly: boolean;
  readonly writeAttributes: AttributeWriter;
  /** Elements treated as void under `selfClosing: 'canonical'`. */
  readonly voidElements?: ReadonlySet<string>;
}

const NEEDS_FILTERING = /[<>&\u0000]/;
const NETSCAPE_ENTITY = /&[\t\n\v\f\r ]*\{[^}]*(?:\}[\t\n\v\f\r ]*;?|$)/g;
const DECIMAL_REF = /&amp;#([0-9]+;)/g;
const HEX_REF = /&amp;#[Xx]([0-9A-Fa-f]+);/g;
const NAMED_REF = /&amp;([A-Za-z][A-Za-z0-9]*;)/g;
const XHTML_SLASH = /([\t\n\v\f\r ]?)\/[\t\n\v\f\r ]*$/;

/** Removes Netscape 4 JavaScript entities (`&{…};`), once or until none is left. */
export function removeNetscapeEntities(text: string, repeatedly: boolean): string {
  if (text.indexOf('&') === -1) return text;
  let current = text;
  for (;;) {
    const next = current.replace(NETSCAPE_ENTITY, '');
    if (!repeatedly || next === current) return next;
    current = next;
  }
}

/**
 * Drupal re-allows `&#x…;` only with an even number of hex digits after dropping surplus leading
 * zeros (`/&amp;#[Xx]0*((?:[0-9A-Fa-f]{2})+;)/`). Computed here instead of by backtracking, which
 * is quadratic on a long run of zeros.
 */
function restoreHexReference(match: string, digits: string): string {
  let zeros = 0;
  while (zeros < digits.length && digits.charCodeAt(zeros) === 0x30) zeros++;
  const significant = digits.length - zeros;
  let keepZeros: number;
  if (significant === 0) keepZeros = zeros >= 2 ? 2 : -1;
  else if (significant % 2 === 0) keepZeros = 0;
  else keepZeros = zeros >= 1 ? 1 : -1;
  if (keepZeros < 0) return match;
  return `&#x${digits.slice(zeros - keepZeros)};`;
}

/** Escapes every `&`, then restores only well-formed references (Drupal's four replacements). */
function normaliseAmpersands(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text
    .replaceAll('&', '&amp;')
    .replace(DECIMAL_REF, '&#$1')
    .replace(HEX_REF, restoreHexReference)
    .replace(NAMED_REF, '&$1');
}

/** Runs `filter_xss` with the given policy. The caller has already dealt with invalid UTF-8. */
export function filterXssWith(input: string, policy: XssPolicy): string {
  // Text with no markup, ampersand or NUL comes out unchanged: skip the scan.
  if (NEEDS_FILTERING.test(input) === false) return input;
  let text = input.indexOf('\u0000') === -1 ? input : input.replaceAll('\u0000', '');
  text = removeNetscapeEntities(text, policy.removeNetscapeRepeatedly);
  text = normaliseAmpersands(text);
  let output = '';
  for (const token of tokenizeMarkup(text, policy)) {
    const raw = text.slice(token.start, token.end);
    switch (token.kind) {
      case 'text':
        output += raw;
        break;
      case 'lt':
        output += '&lt;';
        break;
      case 'gt':
        output += '&gt;';
        break;
      case 'comment':
        if (policy.allowComments) output += raw;
        break;
      case 'tag':
        output += raw.length === 1 ? '&lt;' : filterTag(raw, policy);
        break;
    }
  }
  return output;
}

function isAllowed(policy: XssPolicy, name: string): boolean {
  return policy.allowedTags === 'any' || policy.allowedTags.has(name);
}

/** Drupal's `_filter_xss_split` for one `<…` token. */
function filterTag(raw: string, policy: XssPolicy): string {
  const tag = readTagName(raw);
  if (tag === null) return ''; // "Seriously malformed": <?xml …>, <!DOCTYPE …>, <!-- unclosed …
  const lower = tag.name.toLowerCase();
  if (!isAllowed(policy, lower)) return '';
  const name = policy.lowercaseNames ? lower : tag.name;
  if (tag.closing) return `</${name}>`;

  // The attribute text runs from after the name to the closing `>` (absent at end of input).
  const nameEnd = tag.nameEnd;
  let attributeText = raw.endsWith('>') ? raw.slice(nameEnd, -1) : raw.slice(nameEnd);
  const slash = XHTML_SLASH.exec(attributeText);
  if (slash !== null) attributeText = attributeText.slice(0, slash.index) + (slash[1] ?? '');

  const attributes = policy.writeAttributes(lower, parseXssAttributes(attributeText)).replace(/[<>]/g, '');
  let ending = '';
  if (policy.selfClosing === 'drupal') ending = slash !== null ? ' /' : '';
  else if (policy.voidElements?.has(lower)) ending = ' /';
  return `<${name}${attributes}${ending}>`;
}

/** Drupal 7's attribute output: everything but style/on*, each value protocol-stripped and escaped. */
export function writeDrupalAttributes(protocols: readonly string[]): AttributeWriter {
  return (_tag, attributes) => {
    let out = '';
    for (const attribute of attributes) {
      if (attribute.value === null) {
        out += ` ${attribute.name}`;
        continue;
      }
      // filter_xss_bad_protocol(): decode once, strip bad protocols, check_plain.
      const value = checkPlain(stripDangerousProtocols(decodeEntities(attribute.value), protocols));
      out += attribute.quote === "'" ? ` ${attribute.name}='${value}'` : ` ${attribute.name}="${value}"`;
    }
    return out;
  };
}

function drupalPolicy(tags: readonly string[], protocols: readonly string[]): XssPolicy {
  const lowered = tags.map((tag) => tag.toLowerCase());
  return {
    allowedTags: new Set(lowered),
    allowComments: lowered.includes('!--'),
    multilineComments: false,
    lowercaseNames: false,
    selfClosing: 'drupal',
    removeNetscapeRepeatedly: false,
    writeAttributes: writeDrupalAttributes(protocols),
  };
}

/**
 * Drupal 7's `filter_xss($string, $allowed_tags)` for a valid string: disallowed tags are removed
 * (their text stays), attributes lose style/on* and dangerous protocols, entities are normalised.
 * Folio differences: the `&#14;` weakness is closed (references are decoded with HTML5's rules),
 * and 7.37+/7.99+ name rules apply (hyphenated tags, digits in attribute names).
 */
export function filterXss(
  text: string,
  allowedTags: readonly string[] = DRUPAL_XSS_DEFAULT_TAGS,
  protocols: readonly string[] = DRUPAL_PROTOCOLS,
): string {
  return filterXssWith(text, drupalPolicy(allowedTags, protocols));
}

/** Drupal 7's `filter_xss_admin()`: `filter_xss` with the large admin tag list. */
export function filterXssAdmin(text: string): string {
  return filterXss(text, DRUPAL_ADMIN_TAGS);
}

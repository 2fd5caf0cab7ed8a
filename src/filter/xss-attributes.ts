/**
 * Reads a start tag's attribute text with Drupal 7's `_filter_xss_attributes()` state machine.
 * It only reads; what is kept and how values are cleaned is the caller's policy.
 */

/** One attribute as written: lowercased name, raw (still encoded) value or null when valueless. */
export interface RawAttribute {
  readonly name: string;
  readonly value: string | null;
  /** The quote the value was written with; unquoted values report `"`. */
  readonly quote: '"' | "'";
}

// PHP's \s without the u flag: ASCII whitespace only. JavaScript's \s would also eat NBSP.
const WS = '[\\t\\n\\v\\f\\r ]';
// Drupal 7.99+ names (7.34 allowed only letters and "-", which cut `data-a2a-url` at the digit).
const NAME = /^[-a-zA-Z][-a-zA-Z0-9]*/;
const EQUALS = new RegExp(`^${WS}*=${WS}*`);
const SPACES = new RegExp(`^${WS}+`);
const DOUBLE_QUOTED = new RegExp(`^"([^"]*)"(?:${WS}+|$)`);
const SINGLE_QUOTED = new RegExp(`^'([^']*)'(?:${WS}+|$)`);
const UNQUOTED = new RegExp(`^([^\\t\\n\\v\\f\\r "']+)(?:${WS}+|$)`);
// "Not well formed; remove and try again": quoted strings or other non-space characters, then
// spaces. Drupal's regex has an empty alternative here; JavaScript, like PCRE in practice,
// skips empty iterations, so the whole run is dropped (docs/comment-format.md §2.2, `<img onabort!#$%…=…>`).
const MALFORMED = new RegExp(`^(?:"[^"]*(?:"|$)|'[^']*(?:'|$)|[^\\t\\n\\v\\f\\r ])*${WS}*`);

/**
 * Parses attribute text. `skipped` reports names Drupal would drop outright (style, on*, and the
 * 7.80+ rules: a leading "-" or more than 96 characters); they are still consumed.
 */
export function parseXssAttributes(text: string): RawAttribute[] {
  const attributes: RawAttribute[] = [];
  readAttributes(text, attributes, Infinity);
  return attributes;
}

/**
 * How many attributes the text names (dropped ones included: they are read all the same),
 * counting no further than `max + 1`, so a tag with a million attributes costs no more to
 * refuse than one just over the bound.
 */
export function countXssAttributes(text: string, max: number): number {
  return readAttributes(text, null, max);
}

/** The state machine; collects into `attributes` when given, and returns the names read. */
function readAttributes(text: string, attributes: RawAttribute[] | null, max: number): number {
  let count = 0;
  let rest = text;
  let mode = 0;
  let name = '';
  let skip = false;
  while (rest.length > 0) {
    let working = false;
    let match: RegExpExecArray | null;
    if (mode === 0) {
      match = NAME.exec(rest);
      if (match !== null) {
        if (++count > max) return count;
        name = match[0].toLowerCase();
        // When only counting, every attribute is read as if dropped: nothing is collected.
        skip = attributes === null || isSkippedAttributeName(name);
        working = true;
        mode = 1;
        rest = rest.slice(match[0].length);
      }
    } else if (mode === 1) {
      if ((match = EQUALS.exec(rest)) !== null) {
        working = true;
        mode = 2;
        rest = rest.slice(match[0].length);
      } else if ((match = SPACES.exec(rest)) !== null) {
        working = true;
        mode = 0;
        if (!skip) attributes!.push({ name, value: null, quote: '"' });
        rest = rest.slice(match[0].length);
      }
    } else {
      if ((match = DOUBLE_QUOTED.exec(rest)) !== null) {
        if (!skip) attributes!.push({ name, value: match[1] ?? '', quote: '"' });
      } else if ((match = SINGLE_QUOTED.exec(rest)) !== null) {
        if (!skip) attributes!.push({ name, value: match[1] ?? '', quote: "'" });
      } else if ((match = UNQUOTED.exec(rest)) !== null) {
        if (!skip) attributes!.push({ name, value: match[1] ?? '', quote: '"' });
      }
      if (match !== null) {
        working = true;
        mode = 0;
        rest = rest.slice(match[0].length);
      }
    }
    if (!working) {
      const junk = MALFORMED.exec(rest);
      const length = junk === null ? 0 : junk[0].length;
      // The regex always consumes at least one character here (the state machine only fails on
      // a non-name, non-space character), but guard against a loop anyway.
      rest = rest.slice(Math.max(length, 1));
      mode = 0;
    }
  }
  if (mode === 1 && !skip) attributes!.push({ name, value: null, quote: '"' });
  return count;
}

/** Drupal's unconditional drops: `style`, event handlers (`on*`), and 7.80+'s odd names. */
export function isSkippedAttributeName(name: string): boolean {
  return name === 'style' || name.startsWith('on') || name.startsWith('-') || name.length > 96;
}

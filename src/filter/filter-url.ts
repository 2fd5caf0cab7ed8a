/**
 * The URL stage: Drupal 7.34's `_filter_url` (weight 0). Turns absolute URLs, e-mail addresses
 * and `www.` addresses in text into links, never inside tags, comments or skipped elements.
 * Folio differences, each documented where it happens: link text is shortened by characters
 * with "…" (docs/comment-format.md decision 5); only URL_SCHEMES.links are recognised (docs/url-schemes.md); "+" is allowed in
 * e-mail local parts (as Drupal 7.40+); a scheme must start a word ("sftp://x" is not
 * "s" + ftp link); a link stops at any character reference but `&amp;` (an encoded `<`, `>`,
 * quote or NBSP is never part of a URL). Tags are found by the tokenizer the HTML stage uses.
 */
import { checkPlain } from './check-plain.ts';
import { decodeEntities } from './decode-entities.ts';
import { URL_SCHEMES } from '../domain/url-schemes.ts';
import { URL_LENGTH } from './filter-settings.ts';
import { readTagName, tokenizeMarkup } from './markup-tokens.ts';
import { shortenLinkText } from './truncate-utf8.ts';

/** Options of the URL stage. */
export interface FilterUrlOptions {
  /** Maximum link text length in characters; 0 disables shortening. Default 72. */
  readonly length?: number;
  /** Schemes recognised in absolute URLs. Default URL_SCHEMES.links (docs/url-schemes.md). */
  readonly protocols?: readonly string[];
  /**
   * Elements whose content is never linked. Default Drupal's a, script, style, code, pre.
   * filtered_html passes only a and code: the others are stripped by the HTML stage, so their
   * text is ordinary visible text there and must be linked the same way on every run.
   */
  readonly skipTags?: readonly string[];
}

/** Drupal 7's `$ignore_tags`. */
export const DRUPAL_URL_SKIP_TAGS: readonly string[] = Object.freeze(['a', 'script', 'style', 'code', 'pre']);

// The building blocks of Drupal 7.34's patterns, verbatim.
const DOMAIN = '(?:[A-Za-z0-9._+-]+\\.)?[A-Za-z]{2,64}\\b';
const IP = '(?:[0-9]{1,3}\\.){3}[0-9]{1,3}';
const AUTH = '[a-zA-Z0-9:%_+*~#?&=.,/;-]+@';
const TRAIL = '[a-zA-Z0-9:%_+*~#&\\[\\]=/;?!\\.,-]*[a-zA-Z0-9:%_+*~#&\\[\\]=/;-]';
const WWW_SOURCE = `www\\.(?:${DOMAIN})/?(?:${TRAIL})?`;
const DOMAIN_AT = new RegExp(DOMAIN, 'y');
// Drupal's trailing-punctuation group is lazy and optional, so it never takes anything; the
// trail's last-character rule is what leaves ".,?!" outside the link.

interface Patterns {
  readonly full: RegExp;
  readonly fullAnchored: RegExp;
  /** A cheap test for "scheme:" before running the full pattern. */
  readonly hint: RegExp;
  readonly find: Finder;
}

const patternCache = new Map<string, Patterns>();
let lastProtocols: readonly string[] | null = null;
let lastPatterns: Patterns | null = null;

function patternsFor(protocols: readonly string[]): Patterns {
  if (protocols === lastProtocols && lastPatterns !== null) return lastPatterns;
  const key = protocols.join(' ');
  let patterns = patternCache.get(key);
  if (patterns === undefined) {
    const names = protocols.map((p) => p.replace(/[^a-z0-9+.-]/gi, ''));
    const schemes = names.map((name) => `${name}:(?://)?`).join('|');
    // Folio adds the look-behind: with fewer protocols than Drupal, "sftp://x" must not become
    // "s" plus a link to "ftp://x".
    const source = `(?<![A-Za-z0-9+.-])(?:${schemes})(?:(?:${AUTH})?(?:${DOMAIN}|${IP})/?(?:${TRAIL})?)`;
    const full = new RegExp(source, 'g');
    const fullAnchored = new RegExp(source, 'y');
    patterns = { full, fullAnchored, hint: new RegExp(`(?:${names.join('|')}):`), find: regexFinder(full, fullAnchored) };
    patternCache.set(key, patterns);
  }
  lastProtocols = protocols;
  lastPatterns = patterns;
  return patterns;
}

const WWW = new RegExp(WWW_SOURCE, 'g');
const WWW_ANCHORED = new RegExp(WWW_SOURCE, 'y');

/** A piece of a text run: plain text still to scan, or finished link markup. */
interface Piece {
  readonly text: string;
  readonly linked: boolean;
}

const REFERENCE = /&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/g;

/**
 * Where a match must stop so it does not take in a character reference other than `&amp;`
 * (such as `&gt;` or `&nbsp;`). Those stand for characters that are not URL characters, and
 * once the text has been through the HTML parser they are literal characters that the pattern
 * would stop at anyway; stopping here keeps the two readings the same.
 */
function referenceCut(match: string): number {
  if (match.indexOf('&') === -1) return match.length;
  REFERENCE.lastIndex = 0;
  let ref: RegExpExecArray | null;
  while ((ref = REFERENCE.exec(match)) !== null) {
    if (decodeEntities(ref[0]) !== '&') return ref.index;
  }
  return match.length;
}

function makeLink(prefix: string, matched: string, length: number, rel: string | null): string {
  // _filter_url_parse_*: decode once, escape for the href, shorten then escape for the caption.
  const decoded = decodeEntities(matched);
  const relAttribute = rel === null ? '' : ` rel="${rel}"`;
  return `<a href="${prefix}${checkPlain(decoded)}"${relAttribute}>${checkPlain(shortenLinkText(decoded, length))}</a>`;
}

type Finder = (text: string, from: number) => readonly [number, number] | null;

/** Finds the next match of a global regex, trimmed by `referenceCut` and re-anchored if cut. */
function regexFinder(global: RegExp, anchored: RegExp): Finder {
  return (text, from) => {
    let start = from;
    for (;;) {
      global.lastIndex = start;
      const match = global.exec(text);
      if (match === null) return null;
      const cut = referenceCut(match[0]);
      if (cut === match[0].length) return [match.index, match.index + cut];
      anchored.lastIndex = 0;
      const shorter = anchored.exec(text.slice(match.index, match.index + cut));
      if (shorter !== null && shorter[0].length > 0) return [match.index, match.index + shorter[0].length];
      start = match.index + 1;
    }
  };
}

const FIND_WWW: Finder = regexFinder(WWW, WWW_ANCHORED);

function isLocalPart(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ||
    code === 0x2e || code === 0x5f || code === 0x2d || code === 0x2b
  );
}

/**
 * `[A-Za-z0-9._+-]{1,254}@DOMAIN`, found from each "@" backwards instead of trying every start
 * position (which costs 254 steps per character on a long run without "@").
 */
const findEmail: Finder = (text, from) => {
  let at = text.indexOf('@', from);
  while (at !== -1) {
    let start = at;
    while (start > from && at - start < 254 && isLocalPart(text.charCodeAt(start - 1))) start--;
    if (start < at) {
      DOMAIN_AT.lastIndex = at + 1;
      const domain = DOMAIN_AT.exec(text);
      if (domain !== null) return [start, at + 1 + domain[0].length];
    }
    at = text.indexOf('@', at + 1);
  }
  return null;
};

/** Replaces every match in the unlinked pieces with a link. */
function linkPieces(pieces: Piece[], find: Finder, hint: string | RegExp, prefix: string, length: number, rel: string | null): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    if (piece.linked || (typeof hint === 'string' ? piece.text.indexOf(hint) === -1 : !hint.test(piece.text))) {
      out.push(piece);
      continue;
    }
    let position = 0;
    let found: readonly [number, number] | null;
    while ((found = find(piece.text, position)) !== null) {
      const [start, end] = found;
      if (start > position) out.push({ text: piece.text.slice(position, start), linked: false });
      out.push({ text: makeLink(prefix, piece.text.slice(start, end), length, rel), linked: true });
      position = end;
    }
    if (position < piece.text.length) out.push({ text: piece.text.slice(position), linked: false });
  }
  return out;
}

/**
 * Links the URLs, e-mail addresses and www. addresses in one run of HTML text (no tags in it).
 * The repair stage calls this on its output's text so that nothing linkable is left for the
 * next run (docs/comment-format.md decision 8); `rel` is then written on the links it makes.
 */
export function linkText(text: string, options: FilterUrlOptions & { readonly rel?: string | null } = {}): string {
  if (text.indexOf(':') === -1 && text.indexOf('@') === -1 && text.indexOf('www.') === -1) return text;
  const patterns = patternsFor(options.protocols ?? URL_SCHEMES.links);
  const length = options.length ?? URL_LENGTH;
  const rel = options.rel ?? null;
  // Drupal's order: absolute URLs, then e-mail addresses, then www. addresses; links made by an
  // earlier pass are not scanned again.
  let pieces: Piece[] = [{ text, linked: false }];
  pieces = linkPieces(pieces, patterns.find, patterns.hint, '', length, rel);
  pieces = linkPieces(pieces, findEmail, '@', 'mailto:', length, rel);
  pieces = linkPieces(pieces, FIND_WWW, 'www.', 'http://', length, rel);
  return pieces.length === 1 && pieces[0] !== undefined ? pieces[0].text : pieces.map((p) => p.text).join('');
}

/** Runs the URL stage over HTML-ish text. */
export function filterUrl(text: string, options: FilterUrlOptions = {}): string {
  const skipTags = options.skipTags ?? DRUPAL_URL_SKIP_TAGS;
  let output = '';
  let run = '';
  let skipping: string | null = null;
  for (const token of tokenizeMarkup(text, { multilineComments: true })) {
    const raw = text.slice(token.start, token.end);
    if (token.kind === 'text' || token.kind === 'lt' || token.kind === 'gt') {
      run += raw;
      continue;
    }
    if (run !== '') output += skipping === null ? linkText(run, options) : run;
    run = '';
    output += raw;
    if (token.kind !== 'tag') continue;
    const tag = readTagName(raw);
    if (tag === null) continue;
    const name = tag.name.toLowerCase();
    // Only the matching end tag ends a skipped region; there is no nesting count (as Drupal).
    if (skipping === null && !tag.closing && skipTags.includes(name)) skipping = name;
    else if (skipping !== null && tag.closing && name === skipping) skipping = null;
  }
  if (run !== '') output += skipping === null ? linkText(run, options) : run;
  return output;
}

/**
 * The line-break stage: Drupal 7.34's `_filter_autop` (weight 2), step for step (docs/comment-format.md §4), with
 * `aside` added to the block list (docs/comment-format.md decision 7) and `svg` to the skipped elements (as 7.93+).
 * The regexes are Drupal's, with `\s` spelled as ASCII whitespace (PCRE's meaning, not
 * JavaScript's, which would also eat NBSP) and `.` as "not a newline". Steps whose regex would
 * be quadratic on long whitespace runs are written as loops.
 */

const WS = '[\\t\\n\\v\\f\\r ]';
const BLOCK =
  '(?:table|thead|tfoot|caption|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|select|form|blockquote|address|p|h[1-6]|hr|aside)';

const DOUBLE_BR = new RegExp(`<br />${WS}*<br />`, 'g');
const BLOCK_OPEN = new RegExp(`(<${BLOCK}[^>]*>)`, 'g');
const BLOCK_CLOSE = new RegExp(`(</${BLOCK}>)`, 'g');
const NEWLINE_RUNS = /\n\n+/g;
const PARAGRAPH_BREAK = new RegExp(`\\n${WS}*\\n\\n?([^\\n])`, 'g');
const LIST_IN_P = /<p>(<li[^\n]+?)<\/p>/g;
const BLOCKQUOTE_IN_P = /<p><blockquote([^>]*)>/gi;
const EMPTY_P = new RegExp(`<p>${WS}*</p>\\n?`, 'g');
const P_BEFORE_BLOCK = new RegExp(`<p>${WS}*(</?${BLOCK}[^>]*>)`, 'g');
const P_AFTER_BLOCK = new RegExp(`(</?${BLOCK}[^>]*>)${WS}*</p>`, 'g');
const BR_AFTER_BLOCK = new RegExp(`(</?${BLOCK}[^>]*>)${WS}*<br />`, 'g');
const BR_BEFORE_CLOSE = new RegExp(`<br />(${WS}*</?(?:p|li|div|th|pre|td|ul|ol)>)`, 'g');
const BARE_AMPERSAND = /&([^#])(?![A-Za-z0-9]{1,8};)/g;
const SKIP_TAG = /<\/?(?:pre|script|style|object|iframe|svg)/iy;

/** A chunk of input: text to rewrite, or a delimiter (skip tag or comment) copied unchanged. */
interface Chunk {
  readonly text: string;
  readonly delimiter: boolean;
}

/**
 * Splits like `preg_split('@(<!--.*?-->|</?(?:pre|script|style|object|iframe|svg|!--)[^>]*>)@i')`:
 * one-line comments, `<!--` up to the next `>`, and skip tags up to their `>`.
 */
function splitChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let last = 0;
  let nextGt = -2;
  let lt = text.indexOf('<');
  while (lt !== -1) {
    let end = -1;
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      const newline = text.indexOf('\n', lt + 4);
      if (close !== -1 && (newline === -1 || newline > close)) end = close + 3;
    } else {
      SKIP_TAG.lastIndex = lt;
      if (!SKIP_TAG.test(text)) end = -2;
    }
    if (end === -1 || end === -2) {
      if (end === -1) {
        // A `<!--…>` or skip-tag delimiter runs to the next `>`; none left means no delimiter.
        if (nextGt !== -1 && nextGt <= lt) nextGt = text.indexOf('>', lt + 1);
        end = nextGt === -1 ? -2 : nextGt + 1;
      }
    }
    if (end > 0) {
      chunks.push({ text: text.slice(last, lt), delimiter: false });
      chunks.push({ text: text.slice(lt, end), delimiter: true });
      last = end;
      lt = text.indexOf('<', end);
    } else {
      lt = text.indexOf('<', lt + 1);
    }
  }
  chunks.push({ text: text.slice(last), delimiter: false });
  return chunks;
}

/** `preg_replace('/^\n|\n\s*\n$/', '', $chunk)` without the quadratic backtracking. */
function stripEdgeNewlines(chunk: string): string {
  const start = chunk.charCodeAt(0) === 0x0a ? 1 : 0;
  let end = chunk.length;
  if (end - start >= 2 && chunk.charCodeAt(end - 1) === 0x0a) {
    let runStart = end;
    while (runStart > start && isSpace(chunk.charCodeAt(runStart - 1))) runStart--;
    const firstNewline = chunk.indexOf('\n', runStart);
    if (firstNewline !== -1 && firstNewline < end - 1) end = firstNewline;
  }
  return chunk.slice(start, end);
}

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/**
 * `preg_replace('|(?<!<br />)\s*\n|', "<br />\n", $chunk)` without quadratic backtracking: in
 * each whitespace run holding a newline, everything up to the last newline becomes one
 * `<br />\n`; a run right after `<br />` keeps its first character (the lookbehind moves the
 * match start by one). Scans from newline to newline, so plain spaces cost nothing.
 */
function lineBreaks(chunk: string): string {
  let out = '';
  let copied = 0;
  let newline = chunk.indexOf('\n');
  while (newline !== -1) {
    let start = newline;
    while (start > copied && isSpace(chunk.charCodeAt(start - 1))) start--;
    let end = newline + 1;
    while (end < chunk.length && isSpace(chunk.charCodeAt(end))) end++;
    let lastNewline = newline;
    for (let i = end - 1; i > newline; i--) {
      if (chunk.charCodeAt(i) === 0x0a) {
        lastNewline = i;
        break;
      }
    }
    if (start >= 6 && chunk.startsWith('<br />', start - 6)) start++;
    if (start <= lastNewline) {
      out += chunk.slice(copied, start) + '<br />\n';
      copied = lastNewline + 1;
    }
    newline = chunk.indexOf('\n', end);
  }
  return copied === 0 ? chunk : out + chunk.slice(copied);
}

const BLOCKQUOTE_OPEN = /<blockquote/i;
// Any tag the block patterns could match (a prefix test, like the patterns themselves: `<p`
// also matches `<pre` and `<param`).
const ANY_BLOCK_TAG = new RegExp(`</?${BLOCK}`);

function rewriteChunk(input: string): string {
  let end = input.length;
  while (end > 0 && input.charCodeAt(end - 1) === 0x0a) end--;
  // Each replacement below is Drupal's; the guards only skip a pass that cannot match.
  const hasTags = input.indexOf('<') !== -1;
  // Without block tags in the input, the only block tags are the paragraphs added below, and
  // the block-spacing and paragraph-unwrapping patterns cannot match.
  const hasBlocks = hasTags && ANY_BLOCK_TAG.test(input);
  let chunk = input.slice(0, end) + '\n\n';
  if (hasTags && chunk.indexOf('<br />') !== -1) chunk = chunk.replace(DOUBLE_BR, '\n\n');
  if (hasBlocks) {
    chunk = chunk.replace(BLOCK_OPEN, '\n$1');
    chunk = chunk.replace(BLOCK_CLOSE, '$1\n\n');
  }
  if (chunk.indexOf('\n\n\n') !== -1) chunk = chunk.replace(NEWLINE_RUNS, '\n\n');
  chunk = stripEdgeNewlines(chunk);
  chunk = '<p>' + (chunk.indexOf('\n') === -1 ? chunk : chunk.replace(PARAGRAPH_BREAK, '</p>\n<p>$1')) + '</p>\n';
  if (hasTags) {
    if (chunk.indexOf('<p><li') !== -1) chunk = chunk.replace(LIST_IN_P, '$1');
    if (BLOCKQUOTE_OPEN.test(chunk)) chunk = chunk.replace(BLOCKQUOTE_IN_P, '<blockquote$1><p>');
    chunk = chunk.replaceAll('</blockquote></p>', '</p></blockquote>');
  }
  chunk = chunk.replace(EMPTY_P, '');
  if (hasBlocks) {
    chunk = chunk.replace(P_BEFORE_BLOCK, '$1');
    chunk = chunk.replace(P_AFTER_BLOCK, '$1');
  }
  chunk = lineBreaks(chunk);
  if (chunk.indexOf('<br />') !== -1) {
    chunk = chunk.replace(BR_AFTER_BLOCK, '$1');
    chunk = chunk.replace(BR_BEFORE_CLOSE, '$1');
  }
  return chunk.indexOf('&') === -1 ? chunk : chunk.replace(BARE_AMPERSAND, '&amp;$1');
}

/** Skip-tag name as Drupal reads it: after `<` or `</`, up to a space or `>`, case kept. */
function skipTagName(delimiter: string, open: boolean): string {
  const rest = delimiter.slice(open ? 1 : 2);
  const stop = rest.search(/[ >]/);
  return stop === -1 ? rest : rest.slice(0, stop);
}

/** Converts line breaks into `<p>` and `<br />` (Drupal 7's `_filter_autop`). */
export function filterAutop(text: string): string {
  let ignoring: string | null = null;
  let output = '';
  for (const chunk of splitChunks(text)) {
    if (chunk.delimiter) {
      output += chunk.text;
      if (chunk.text.startsWith('<!--')) continue; // a comment changes nothing
      const open = chunk.text.charCodeAt(1) !== 0x2f;
      const name = skipTagName(chunk.text, open);
      if (ignoring === null) {
        if (open) ignoring = name;
      } else if (!open && name === ignoring) {
        ignoring = null; // only the identical name ends the skipped region
      }
    } else {
      output += ignoring === null ? rewriteChunk(chunk.text) : chunk.text;
    }
  }
  return output;
}

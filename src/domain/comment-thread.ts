/**
 * Comment threading keys (docs/comment-format.md §7.5, Drupal 7's `comment_save`, `int2vancode`, `vancode2int`).
 * A thread key is a dot-separated path of "vancodes" ending in "/". A vancode is a number in base
 * 36 prefixed by (number of digits − 1), so plain string order equals numeric order and sorting
 * threads as strings gives the threaded display order.
 */

/** Encodes a non-negative integer as a vancode: 0 → "00", 35 → "0z", 36 → "110", 1296 → "2100". */
export function int2vancode(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`vancode of ${value}: need a non-negative integer`);
  const digits = value.toString(36);
  return String.fromCharCode(0x30 + digits.length - 1) + digits;
}

/** Decodes a vancode; an empty or malformed one counts as 0, as PHP's base_convert does. */
export function vancode2int(code: string): number {
  const value = Number.parseInt(code.slice(1), 36);
  return Number.isNaN(value) ? 0 : value;
}

function stripSlash(thread: string): string {
  return thread.endsWith('/') ? thread.slice(0, -1) : thread;
}

function maxThread(threads: readonly string[], prefix: string): string {
  let max = '';
  for (const thread of threads) if (thread.startsWith(prefix) && thread > max) max = thread;
  return max;
}

/**
 * The thread key of a new comment on a node whose comments have `existingThreads`.
 * Top level (`parentThread` null): one more than the first segment of the largest key, so the
 * first comment is "01/". Reply: the parent's key plus one more than the largest sibling at that
 * depth, or "00" for the first reply. Sequence: 01/, 01.00/, 01.00.00/, 01.01/, 02/.
 */
export function nextThread(existingThreads: readonly string[], parentThread: string | null): string {
  if (parentThread === null) {
    const first = stripSlash(maxThread(existingThreads, '')).split('.')[0] ?? '';
    return `${int2vancode(vancode2int(first) + 1)}/`;
  }
  const parent = stripSlash(parentThread);
  const max = maxThread(existingThreads, `${parent}.`);
  let n = -1;
  if (max !== '') {
    const depth = parent.split('.').length;
    n = vancode2int(stripSlash(max).split('.')[depth] ?? '');
  }
  return `${parent}.${int2vancode(n + 1)}/`;
}

/** Nesting depth of a thread key: 0 for a top-level comment. */
export function threadDepth(thread: string): number {
  return stripSlash(thread).split('.').length - 1;
}

/**
 * Reading stdin as bytes, not text: Node's own text decoding (setEncoding, readline) turns
 * invalid UTF-8 into U+FFFD silently, and Folio refuses such input instead
 * (docs/comment-format.md decision 1). Callers decode each piece strictly themselves.
 */
import { Invalid } from '../domain/errors.ts';

/**
 * The most one input (or one input line) may hold. Many times the longest comment (20,000
 * characters: at most about 480 KB even as \u-escaped JSON), so only a runaway input without
 * newlines reaches it; it keeps memory bounded whatever arrives on stdin.
 */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** One line of input: its 1-based number and its bytes, without the line ending. */
export interface ByteLine {
  readonly number: number;
  readonly bytes: Buffer;
  /** Set (with empty bytes) for a line over MAX_INPUT_BYTES under `overlong: 'report'`. */
  readonly overlong?: true;
}

/** What `byteLines` does with a line longer than MAX_INPUT_BYTES. */
export interface ByteLineOptions {
  /** 'throw' (the default) stops with an Invalid; 'report' skips the line's bytes and yields it marked. */
  readonly overlong?: 'throw' | 'report';
}

/** The error for a line over MAX_INPUT_BYTES. */
export function tooLongLine(number: number): Invalid {
  return tooLong(`line ${number}`);
}

const LF = 0x0a;
const CR = 0x0d;

function tooLong(what: string): Invalid {
  return new Invalid(`${what} is longer than ${MAX_INPUT_BYTES / 1024 / 1024} MiB`);
}

/** Every byte of a stream, refusing more than MAX_INPUT_BYTES. */
export async function readAllBytes(source: AsyncIterable<Buffer | string>, what = 'stdin'): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    length += bytes.length;
    if (length > MAX_INPUT_BYTES) throw tooLong(what);
    parts.push(bytes);
  }
  return Buffer.concat(parts, length);
}

function withoutCr(bytes: Buffer): Buffer {
  return bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.subarray(0, -1) : bytes;
}

/**
 * The lines of a stream as they arrive (LF or CRLF endings), holding only the current line in
 * memory. A last line without a newline still counts; the empty "line" after a final newline does
 * not. A line over MAX_INPUT_BYTES throws, or with `overlong: 'report'` is read past (never held)
 * and yielded empty with `overlong` set, so a batch can answer it and go on.
 */
export async function* byteLines(source: AsyncIterable<Buffer | string>, options: ByteLineOptions = {}): AsyncGenerator<ByteLine> {
  const report = options.overlong === 'report';
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let number = 0;
  // True while skipping the rest of an overlong line (report mode).
  let skipping = false;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let lf = bytes.indexOf(LF, start); lf !== -1; lf = bytes.indexOf(LF, start)) {
      const lineStart = start;
      number += 1;
      start = lf + 1;
      if (skipping) {
        skipping = false;
        yield { number, bytes: Buffer.alloc(0), overlong: true };
        continue;
      }
      const tail = bytes.subarray(lineStart, lf);
      const line = pendingLength === 0 ? tail : Buffer.concat([...pending, tail], pendingLength + tail.length);
      pending = [];
      pendingLength = 0;
      if (line.length > MAX_INPUT_BYTES) {
        if (!report) throw tooLong(`line ${number}`);
        yield { number, bytes: Buffer.alloc(0), overlong: true };
        continue;
      }
      yield { number, bytes: withoutCr(line) };
    }
    if (start < bytes.length && !skipping) {
      pending.push(bytes.subarray(start));
      pendingLength += bytes.length - start;
      if (pendingLength > MAX_INPUT_BYTES) {
        if (!report) throw tooLong(`line ${number + 1}`);
        pending = [];
        pendingLength = 0;
        skipping = true;
      }
    }
  }
  if (skipping) yield { number: number + 1, bytes: Buffer.alloc(0), overlong: true };
  else if (pendingLength > 0) yield { number: number + 1, bytes: withoutCr(Buffer.concat(pending, pendingLength)) };
}

/** The first line of a stream, without its line ending; undefined when the stream is empty. */
export async function readFirstLine(source: AsyncIterable<Buffer | string>): Promise<Buffer | undefined> {
  // Returning from the loop ends the generator, which stops reading: nothing after the first
  // line (a password, say, followed by other data) is consumed or held.
  for await (const line of byteLines(source)) return line.bytes;
  return undefined;
}

import { validateUtf8 } from '../filter/index.ts';

/** The key under which the parser lists fields whose bytes were not valid UTF-8. */
export const INVALID_UTF8_KEY = '__invalidUtf8';

/** A parsed form: each field's value (the last one wins), and the fields with bad bytes. */
export type ParsedForm = Record<string, string> & { [INVALID_UTF8_KEY]?: string[] };

function percentDecode(text: string): Buffer {
  const plus = text.replace(/\+/g, ' ');
  if (!plus.includes('%')) return Buffer.from(plus, 'latin1');
  const bytes: number[] = [];
  for (let i = 0; i < plus.length; i++) {
    const c = plus.charCodeAt(i);
    if (c === 0x25 && /^[0-9A-Fa-f]{2}$/.test(plus.slice(i + 1, i + 3))) {
      bytes.push(parseInt(plus.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      for (const b of Buffer.from(plus[i]!, 'utf8')) bytes.push(b);
    }
  }
  return Buffer.from(bytes);
}

/**
 * Parses application/x-www-form-urlencoded like the standard parser, but checks each value's
 * bytes: invalid UTF-8 is decoded with U+FFFD *and reported*, so the comment form can refuse it
 * with a message and show the text back (docs/comment-format.md decision 1) instead of silently
 * altering it as querystring parsers do.
 */
export function parseForm(body: string): ParsedForm {
  const out: ParsedForm = Object.create(null) as ParsedForm;
  const invalid: string[] = [];
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const key = percentDecode(rawKey).toString('utf8');
    if (key === INVALID_UTF8_KEY || key === '__proto__') continue;
    const bytes = percentDecode(rawValue);
    if (!validateUtf8(bytes)) invalid.push(key);
    out[key] = bytes.toString('utf8');
  }
  if (invalid.length > 0) out[INVALID_UTF8_KEY] = invalid;
  return out;
}

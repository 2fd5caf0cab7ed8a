import { Invalid } from '../domain/errors.ts';

// The one function that turns a path (and query, and fragment) as Folio holds it into what an HTTP
// header may carry. Stored paths are Unicode (Arabic slugs), while a header value is bytes that
// Node refuses above U+00FF or at CR/LF: an unencoded Arabic Location once took the server down.

/**
 * RFC 3986 §2: unreserved and reserved characters travel as they are; '%' does too when it
 * starts an escape already made (imported paths keep their original escapes byte for byte).
 */
const KEPT = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]/;
const HEX = /^[0-9A-Fa-f]{2}$/;

/** C0 and C1 controls and DEL: never part of a URL a reader could follow (and CR/LF split headers). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/** Thrown for a URL that would carry a control character: answered with 400, never sent on. */
export class UnsafeUrl extends Invalid {
  constructor() {
    super({
      en: 'This address contains control characters, so it cannot be followed.',
      ar: 'يحتوي هذا العنوان على محارف تحكّم، فلا يمكن اتّباعه.',
    });
  }
}

/** Whether a URL holds a control character (see UnsafeUrl). */
export function hasControlCharacter(url: string): boolean {
  return CONTROL.test(url);
}

/**
 * A path, query and fragment as a valid RFC 3986 URI reference: every character outside the
 * unreserved and reserved sets (controls included) is percent-encoded as UTF-8, existing escapes
 * are kept and a lone '%' becomes %25. A lone surrogate (no UTF-8 form) becomes U+FFFD. The result
 * is printable ASCII, so it is safe in any header (Link) and in redirect files.
 */
export function toUriReference(url: string): string {
  let out = '';
  for (let i = 0; i < url.length; i++) {
    const c = url[i]!;
    if (c === '%') {
      out += HEX.test(url.slice(i + 1, i + 3)) ? '%' : '%25';
    } else if (KEPT.test(c)) {
      out += c;
    } else {
      const code = url.codePointAt(i)!;
      const char = String.fromCodePoint(code);
      i += char.length - 1;
      out += code >= 0xd800 && code <= 0xdfff ? '%EF%BF%BD' : encodeURIComponent(char);
    }
  }
  return out;
}

/**
 * Where a redirect may send a reader: the URI reference of `url`, or UnsafeUrl (a 400) when it
 * holds a control character, since no page of ours lives at such an address and a CR/LF in a
 * Location is the start of a response-splitting attack. Every redirect goes through here.
 */
export function redirectTarget(url: string): string {
  if (CONTROL.test(url)) throw new UnsafeUrl();
  return toUriReference(url);
}

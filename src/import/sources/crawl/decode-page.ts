import iconv from 'iconv-lite';

// Pages of the original crawl come in UTF-8, windows-1256 (Arabic) and Latin-1. The order of
// authority follows the HTML standard's encoding sniffing: BOM, then the HTTP charset, then
// <meta charset> / http-equiv in the first bytes, then UTF-8 if the bytes are valid UTF-8,
// else windows-1252.

/** Bytes scanned for a <meta> charset (the HTML standard's prescan looks at 1024; 4096 tolerates long heads). */
const META_PRESCAN_BYTES = 4096;

// WHATWG maps these labels to windows-1252, and so did the browsers that displayed the pages.
const LATIN1_ALIASES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'cp819', 'iso_8859-1']);

export type DecodedPage = { readonly ok: true; readonly text: string; readonly charset: string } | { readonly ok: false; readonly reason: string };

/** Decodes a page's bytes; a declared encoding we cannot decode, or bytes invalid in it, give a reason instead. */
export function decodePage(bytes: Uint8Array, contentType: string | null): DecodedPage {
  const bom = bomCharset(bytes);
  if (bom) return decodeAs(bytes.subarray(bom.length), bom.charset);
  const declared = charsetOf(contentType) ?? metaCharset(bytes);
  if (declared) return decodeAs(bytes, declared);
  const utf8 = decodeAs(bytes, 'utf-8');
  return utf8.ok ? utf8 : decodeAs(bytes, 'windows-1252');
}

/** The charset parameter of a Content-Type value, lower-cased. */
export function charsetOf(contentType: string | null): string | null {
  const m = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

function bomCharset(b: Uint8Array): { charset: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, META_PRESCAN_BYTES)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function decodeAs(bytes: Uint8Array, label: string): DecodedPage {
  const charset = LATIN1_ALIASES.has(label) ? 'windows-1252' : label;
  if (charset === 'utf-8' || charset === 'utf8') {
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), charset: 'utf-8' };
    } catch {
      return { ok: false, reason: 'bytes are not valid utf-8' };
    }
  }
  if (!iconv.encodingExists(charset)) return { ok: false, reason: `unknown encoding "${label}"` };
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), charset);
  // iconv-lite substitutes U+FFFD for bytes the charset does not define.
  if (text.includes('\uFFFD')) return { ok: false, reason: `bytes not decodable as ${label}` };
  return { ok: true, text, charset };
}

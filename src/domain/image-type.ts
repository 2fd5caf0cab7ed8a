/**
 * The image types the newsroom accepts (issue 12, point 5), told apart by their first bytes, never
 * by a file's name or the browser's claimed type: a renamed text file or GIF is refused.
 */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/avif';

/** What the first bytes are: an accepted type, a known but refused one (GIF), or unknown. */
export type SniffResult = { readonly kind: 'accepted'; readonly type: ImageType } | { readonly kind: 'refused'; readonly what: string } | { readonly kind: 'unknown' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/**
 * The ISO BMFF brands of an 'ftyp' box (HEIF/AVIF): the major brand and the compatible ones.
 * See ISO/IEC 14496-12 §4.3; AVIF files name 'avif' (still) or 'avis' (sequence).
 */
function ftypBrands(bytes: Uint8Array): string[] {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return [];
  const size = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(bytes.length, size);
  const brands = [ascii(bytes, 8, 12)];
  for (let i = 16; i + 4 <= end; i += 4) brands.push(ascii(bytes, i, i + 4));
  return brands;
}

/** The type of an image from its first bytes (the magic numbers of each format). */
export function sniffImageType(bytes: Uint8Array): SniffResult {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { kind: 'accepted', type: 'image/jpeg' };
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return { kind: 'accepted', type: 'image/png' };
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { kind: 'accepted', type: 'image/webp' };
  const brands = ftypBrands(bytes);
  if (brands.includes('avif') || brands.includes('avis')) return { kind: 'accepted', type: 'image/avif' };
  if (brands.some((b) => b === 'heic' || b === 'heix' || b === 'mif1')) return { kind: 'refused', what: 'HEIC' };
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) return { kind: 'refused', what: 'GIF' };
  if (bytes.length >= 2 && ascii(bytes, 0, 2) === 'BM') return { kind: 'refused', what: 'BMP' };
  if (bytes.length >= 4 && (ascii(bytes, 0, 4) === 'II*\u0000' || ascii(bytes, 0, 4) === 'MM\u0000*')) return { kind: 'refused', what: 'TIFF' };
  return { kind: 'unknown' };
}

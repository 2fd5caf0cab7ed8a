// The media type of an old site's file: by its extension first (what the old web server sent),
// then by its first bytes for files whose name has none or an unknown one.

/** Extensions a Drupal news site's files folder holds, and their types. */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', jpe: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp',
  svg: 'image/svg+xml', bmp: 'image/bmp', ico: 'image/vnd.microsoft.icon', tif: 'image/tiff', tiff: 'image/tiff',
  pdf: 'application/pdf', doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text', rtf: 'application/rtf', zip: 'application/zip',
  txt: 'text/plain; charset=utf-8', csv: 'text/csv; charset=utf-8', xml: 'application/xml', json: 'application/json',
  mp3: 'audio/mpeg', ogg: 'audio/ogg', wav: 'audio/wav', m4a: 'audio/mp4',
  mp4: 'video/mp4', m4v: 'video/mp4', webm: 'video/webm', flv: 'video/x-flv', mov: 'video/quicktime', swf: 'application/x-shockwave-flash',
};

/** Signatures at the start of a file (https://mimesniff.spec.whatwg.org/#matching-an-image-type-pattern and friends). */
const SIGNATURES: readonly (readonly [readonly number[], string])[] = [
  [[0xff, 0xd8, 0xff], 'image/jpeg'],
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'],
  [[0x47, 0x49, 0x46, 0x38], 'image/gif'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'application/pdf'],
  [[0x50, 0x4b, 0x03, 0x04], 'application/zip'],
  [[0x49, 0x44, 0x33], 'audio/mpeg'],
  [[0x4f, 0x67, 0x67, 0x53], 'audio/ogg'],
];

/** Bytes a caller should read for `mediaType` to sniff. */
export const SNIFF_BYTES = 16;

/** The type to send for a file, from its name, or else from its first bytes; octet-stream when neither tells. */
export function mediaType(name: string, head: Uint8Array): string {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase();
  const known = ext === undefined ? undefined : BY_EXTENSION[ext];
  if (known !== undefined) return known;
  for (const [signature, type] of SIGNATURES) if (signature.every((b, i) => head[i] === b)) return type;
  // RIFF....WEBP
  if (head.length >= 12 && String.fromCharCode(...head.slice(0, 4)) === 'RIFF' && String.fromCharCode(...head.slice(8, 12)) === 'WEBP') return 'image/webp';
  return 'application/octet-stream';
}

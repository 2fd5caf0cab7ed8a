import { deflateSync } from 'node:zlib';

// Folio's icons are drawn in code, like the demo's photos: the same monogram as assets/icon.svg,
// as PNG (touch icons, manifest icons, the share image) and ICO (/favicon.ico), so the
// repository holds no binary files and every size stays in step with the SVG.

type Rgb = readonly [number, number, number];

const ACCENT: Rgb = [0x8a, 0x1c, 0x1c];
const PAPER: Rgb = [0xfd, 0xfc, 0xf8];
const INK: Rgb = [0x1b, 0x1b, 0x1b];

/** The monogram's bars, in fractions of its square (the same rectangles as icon.svg's path). */
const MONOGRAM_BARS: readonly (readonly [number, number, number, number])[] = [
  [0.3, 0.2, 0.42, 0.8], // stem
  [0.3, 0.2, 0.72, 0.32], // top arm
  [0.3, 0.46, 0.62, 0.57], // middle arm
];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGB PNG (https://www.w3.org/TR/png/) of `pixel(x, y)`. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1); // each row starts with filter type 0 (none)
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type 2 (RGB), deflate, no filter, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function inMonogram(u: number, v: number): boolean {
  return MONOGRAM_BARS.some(([x0, y0, x1, y1]) => u >= x0 && u < x1 && v >= y0 && v < y1);
}

/** The square icon at `size` pixels: the paper-white monogram on the accent red. */
export function iconPng(size: number): Buffer {
  return encodePng(size, size, (x, y) => (inMonogram((x + 0.5) / size, (y + 0.5) / size) ? PAPER : ACCENT));
}

/** The 1200×630 share image (og:image) for pages without a photo: the icon on newsprint between two rules. */
export function shareImagePng(): Buffer {
  const width = 1200;
  const height = 630;
  const side = 330;
  const left = (width - side) / 2;
  const top = (height - side) / 2;
  return encodePng(width, height, (x, y) => {
    if ((y >= 60 && y < 66) || (y >= 72 && y < 76) || (y >= height - 76 && y < height - 72) || (y >= height - 66 && y < height - 60)) return INK;
    if (x < left || x >= left + side || y < top || y >= top + side) return PAPER;
    return inMonogram((x - left + 0.5) / side, (y - top + 0.5) / side) ? PAPER : ACCENT;
  });
}

/** An ICO file holding one PNG image (Windows Vista's format, which every browser reads). */
export function icoOf(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size >= 256 ? 0 : size, 6);
  header.writeUInt8(size >= 256 ? 0 : size, 7);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(24, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18); // the image follows this header
  return Buffer.concat([header, png]);
}

import sharp from 'sharp';

/** The formats the tests make images in. */
export type TestImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

/** A marker written into the GPS block of images made with `gps: true`, to look for in stored files. */
export const GPS_MARK = 'FOLIO-GPS-MARK';

/** Bytes from a fixed linear congruential sequence: noise no codec can compress, the same every run. */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = 12345;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

/**
 * A small image made by sharp: one colour, or noise (which compresses badly, to make a large file).
 * With `gps`, it carries EXIF with a GPS position (and GPS_MARK as its map datum) and a copyright;
 * with `orientation`, an EXIF orientation (6: shown turned by 90°).
 */
export async function buildImage(options: { format: TestImageFormat; width: number; height: number; gps?: boolean; noise?: boolean; alpha?: boolean; orientation?: number }): Promise<Buffer> {
  const channels = options.alpha ? 4 : 3;
  let image = options.noise
    ? sharp(noise(options.width * options.height * 3), { raw: { width: options.width, height: options.height, channels: 3 } })
    : sharp({ create: { width: options.width, height: options.height, channels, background: options.alpha ? { r: 40, g: 90, b: 160, alpha: 0.5 } : '#285aa0' } });
  if (options.gps) {
    image = image.withExif({ IFD0: { Copyright: 'Folio test' }, IFD3: { GPSMapDatum: GPS_MARK, GPSLatitudeRef: 'N', GPSLatitude: '31/1 30/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '34/1 28/1 0/1' } });
  }
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  switch (options.format) {
    case 'jpeg': return image.jpeg().toBuffer();
    case 'png': return image.png().toBuffer();
    case 'webp': return image.webp().toBuffer();
    case 'avif': return image.avif({ effort: 0 }).toBuffer();
    case 'gif': return image.gif().toBuffer();
  }
}

import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import { DERIVATIVE_TYPES, derivativeName, derivativeWidths, type DerivativeFormat } from '../domain/media.ts';

/** One file made from an original. */
export interface Derivative {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly format: DerivativeFormat;
  readonly type: string;
  readonly bytes: Buffer;
}

/** An original's real size (orientation applied) and the files made from it. */
export interface DerivativeSet {
  readonly width: number;
  readonly height: number;
  readonly widths: number[];
  readonly files: Derivative[];
}

/** Why an original could not be used. */
export type ImageProblem = { readonly kind: 'pixels'; readonly pixels: number } | { readonly kind: 'unreadable' };

/** An image the derivatives could not be made from. */
export class ImageRejected extends Error {
  constructor(readonly problem: ImageProblem) {
    super(problem.kind === 'pixels' ? `image has ${problem.pixels} pixels` : 'image cannot be decoded');
  }
}

/**
 * Encoder settings. AVIF at effort 2 of 9: close to effort 4's size at a third of the time on
 * this 2-core class of machine; qualities are the ones sharp's docs and web.dev give as visually
 * equal to JPEG 80. mozjpeg's trellis quantisation makes the fallback about 10% smaller.
 */
const ENCODE: Readonly<Record<DerivativeFormat, (img: Sharp) => Sharp>> = {
  avif: (img) => img.avif({ quality: 50, effort: 2 }),
  webp: (img) => img.webp({ quality: 78 }),
  jpg: (img) => img.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true }),
};

/** The size an image shows at once its EXIF orientation is applied (5 to 8 turn it by 90°). */
function orientedSize(meta: Metadata): { width: number; height: number } {
  const turned = (meta.orientation ?? 1) >= 5;
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  return turned ? { width: height, height: width } : { width, height };
}

/**
 * Makes every derivative of an original: the widths of domain/media.ts (never upscaled) in AVIF,
 * WebP and JPEG, named `<hash>-<width>.<ext>`. The original is decoded once, turned upright by its
 * EXIF orientation and brought down to the largest width; each derivative is resized from that.
 * Every output is encoded from raw pixels, so no metadata (EXIF, GPS, XMP, comments) survives;
 * colours are converted to sRGB, the web's default, on the way.
 */
export async function makeDerivatives(original: Buffer, hash: string, maxPixels: number): Promise<DerivativeSet> {
  let meta: Metadata;
  try {
    meta = await sharp(original, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRejected({ kind: 'unreadable' });
  }
  const { width, height } = orientedSize(meta);
  if (width === 0 || height === 0) throw new ImageRejected({ kind: 'unreadable' });
  if (width * height > maxPixels) throw new ImageRejected({ kind: 'pixels', pixels: width * height });
  const widths = derivativeWidths(width);
  const top = widths[widths.length - 1]!;
  let base: { data: Buffer; info: OutputInfo };
  try {
    base = await sharp(original, { limitInputPixels: maxPixels, failOn: 'error' })
      .rotate()
      .resize({ width: top, withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new ImageRejected({ kind: 'unreadable' });
  }
  const raw = { width: base.info.width, height: base.info.height, channels: base.info.channels };
  const files = await Promise.all(widths.flatMap((w) => (['avif', 'webp', 'jpg'] as const).map(async (format): Promise<Derivative> => {
    const resized = w === raw.width ? sharp(base.data, { raw }) : sharp(base.data, { raw }).resize({ width: w });
    const out = await ENCODE[format](resized).toBuffer({ resolveWithObject: true });
    return { name: derivativeName(hash, w, format), width: out.info.width, height: out.info.height, format, type: DERIVATIVE_TYPES[format], bytes: out.data };
  })));
  return { width, height, widths, files };
}

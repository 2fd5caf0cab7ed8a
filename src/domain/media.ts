import type { Photo } from './content.ts';

/**
 * The media library's vocabulary (issue 12, point 5): an uploaded (or imported) image, and the
 * derivatives made from it at a few widths in AVIF, WebP and a JPEG fallback. Derivatives are
 * named after a hash of the original's bytes, so a name never changes meaning and can be
 * cached for ever.
 */

/**
 * Widths made for every image, never above the original's. 480 fills a phone at 1x, 800 a phone
 * at 2x and the article column, 1200 and 1600 the column on dense screens.
 */
export const DERIVATIVE_WIDTHS: readonly number[] = Object.freeze([480, 800, 1200, 1600]);

/** The derivative formats, best first: the order of a <picture>'s sources (the JPEG is the <img>). */
export const DERIVATIVE_FORMATS = Object.freeze(['avif', 'webp', 'jpg'] as const);
export type DerivativeFormat = (typeof DERIVATIVE_FORMATS)[number];

/** The Content-Type of each derivative format. */
export const DERIVATIVE_TYPES: Readonly<Record<DerivativeFormat, string>> = Object.freeze({ avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg' });

/** How an item is named: 20 hex digits (80 bits) of a SHA-256 (of its edition and bytes). */
export const MEDIA_HASH = /^[0-9a-f]{20}$/;

/** A derivative's file name: `<hash>-<width>.<ext>`. */
const DERIVATIVE_NAME = /^([0-9a-f]{20})-(\d{1,5})\.(avif|webp|jpg)$/;

/** A media item as the library keeps it. */
export interface MediaItem {
  /** The hash of its edition and its original's bytes (services/media-service.ts): its id, and its derivatives' name. */
  readonly id: string;
  readonly edition: string;
  /** The uploaded file's name (shown, never trusted for its type). */
  readonly originalName: string;
  /** The original's sniffed type. */
  readonly type: string;
  /** The original's size after orientation was applied. */
  readonly width: number;
  readonly height: number;
  /** The original's size in bytes. */
  readonly bytes: number;
  readonly caption: string | null;
  readonly credit: string | null;
  /** The text alternative; required before an article using the item is published. */
  readonly alt: string | null;
  /** The widths made, ascending. */
  readonly widths: readonly number[];
  readonly uploadedBy: number | null;
  /** Epoch seconds. */
  readonly uploadedAt: number;
  /** For imported archive photos: the old site's path (sites/default/files/x.jpg), which keeps answering. */
  readonly legacyPath: string | null;
}

/** A derivative's parts from its file name, or null when the name is not one. */
export function parseDerivativeName(name: string): { hash: string; width: number; format: DerivativeFormat } | null {
  const m = DERIVATIVE_NAME.exec(name);
  return m ? { hash: m[1]!, width: Number(m[2]), format: m[3] as DerivativeFormat } : null;
}

/** A derivative's file name. */
export function derivativeName(hash: string, width: number, format: DerivativeFormat): string {
  return `${hash}-${width}.${format}`;
}

/** The widths to make for an original this wide: the standard ones below it, and its own width when it is narrower than the largest (never upscaled). */
export function derivativeWidths(originalWidth: number): number[] {
  const largest = DERIVATIVE_WIDTHS[DERIVATIVE_WIDTHS.length - 1]!;
  const widths = DERIVATIVE_WIDTHS.filter((w) => w < originalWidth);
  const top = Math.min(originalWidth, largest);
  if (!widths.includes(top)) widths.push(top);
  return widths;
}

/** The height of a derivative of this width, as sharp rounds it when it keeps the aspect ratio. */
export function derivativeHeight(item: Pick<MediaItem, 'width' | 'height'>, width: number): number {
  return width >= item.width ? item.height : Math.max(1, Math.round((item.height * width) / item.width));
}

/** One <source> of a <picture>. */
export interface RenditionSource {
  readonly type: string;
  /** "url 480w, url 800w, …" */
  readonly srcset: string;
}

/** What a page needs to show an image responsively: its sources, fallback, real size and text alternative. */
export interface PhotoRendition {
  /** The largest JPEG: the <img>'s src. */
  readonly src: string;
  /** The JPEG widths, for the <img>'s srcset. */
  readonly srcset: string;
  /** AVIF then WebP. */
  readonly sources: readonly RenditionSource[];
  /** The largest derivative's size: the <img>'s width and height (its aspect ratio reserves the space). */
  readonly width: number;
  readonly height: number;
  readonly alt: string | null;
}

/** The rendition of a media item, with derivative URLs under `base` ("/media"). */
export function renditionOf(item: Pick<MediaItem, 'id' | 'width' | 'height' | 'widths' | 'alt'>, base: string): PhotoRendition {
  const url = (w: number, f: DerivativeFormat) => `${base}/${derivativeName(item.id, w, f)}`;
  const srcset = (f: DerivativeFormat) => item.widths.map((w) => `${url(w, f)} ${w}w`).join(', ');
  const largest = item.widths[item.widths.length - 1] ?? item.width;
  return {
    src: url(largest, 'jpg'),
    srcset: srcset('jpg'),
    sources: (['avif', 'webp'] as const).map((f) => ({ type: DERIVATIVE_TYPES[f], srcset: srcset(f) })),
    width: largest,
    height: derivativeHeight(item, largest),
    alt: item.alt,
  };
}

/** An article's lead photo from a media item: its fallback URL, caption and credit, and what srcset needs. */
export function mediaPhoto(item: MediaItem, base: string): Photo & { readonly rendition: PhotoRendition } {
  const rendition = renditionOf(item, base);
  return { src: rendition.src, caption: item.caption, credit: item.credit, rendition };
}

/** The lengths the library keeps for each text field; longer input is refused, not cut. */
export const MEDIA_TEXT_LIMITS = Object.freeze({ caption: 1000, credit: 255, alt: 500 });

/** Where derivatives are stored (config.media.storage): a folder, or an S3-compatible bucket. */
export type MediaStorageSettings =
  | { readonly kind: 'folder'; readonly dir: string }
  | { readonly kind: 's3'; readonly endpoint: string; readonly bucket: string; readonly region: string; readonly accessKeyId: string; readonly secretAccessKey: string };

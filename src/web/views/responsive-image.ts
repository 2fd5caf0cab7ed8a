import type { PhotoRendition } from '../../domain/media.ts';
import type { SafeHtml } from '../../domain/safe-html.ts';
import { html } from './html.ts';

/**
 * The article column's width as the browser should assume it when choosing a derivative: the
 * column is at most 42rem (folio.css --measure) inside 1rem of padding on each side.
 */
export const ARTICLE_PHOTO_SIZES = '(min-width: 44rem) 42rem, calc(100vw - 2rem)';

/** How one image is placed. */
export interface PictureOptions {
  readonly alt: string;
  readonly sizes: string;
  /** Below the fold: the browser fetches it only when it comes near the viewport. */
  readonly lazy: boolean;
}

/**
 * A <picture> with AVIF and WebP sources and a JPEG <img> fallback, each with the full srcset, the
 * real width and height (so the page reserves the space before the image arrives) and async decoding.
 */
export function pictureElement(rendition: PhotoRendition, options: PictureOptions): SafeHtml {
  return html`<picture>${rendition.sources.map((s) => html`<source type="${s.type}" srcset="${s.srcset}" sizes="${options.sizes}">`)}<img src="${rendition.src}" srcset="${rendition.srcset}" sizes="${options.sizes}" alt="${options.alt}" width="${String(rendition.width)}" height="${String(rendition.height)}"${options.lazy ? html` loading="lazy"` : ''} decoding="async"></picture>`;
}

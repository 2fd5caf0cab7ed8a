import { createHash } from 'node:crypto';
import { Conflict, Forbidden, Invalid, NotFound, Unavailable, type Lang } from '../domain/errors.ts';
import { sniffImageType } from '../domain/image-type.ts';
import { MEDIA_HASH, MEDIA_TEXT_LIMITS, mediaPhoto, parseDerivativeName, renditionOf, type MediaItem, type PhotoRendition } from '../domain/media.ts';
import type { Photo } from '../domain/content.ts';
import { can } from '../domain/permissions.ts';
import type { MediaStore, MediaText, UserRecord } from '../store/types.ts';
import { bothLangs, tm, type MediaMessageKey } from '../text/media-messages.ts';
import { siteFilePath } from './file-store.ts';
import { auditActor, type AuditService } from './audit-service.ts';
import { ImageRejected, makeDerivatives } from './image-derivatives.ts';
import type { MediaObject, MediaStorage } from './media-storage.ts';
import { WorkQueue } from './work-queue.ts';

/** Where derivatives are served: `/media/<hash>-<width>.<ext>` on every edition's host. */
export const MEDIA_BASE = '/media';

/** The most items one library page shows. */
export const MEDIA_PAGE_MAX = 60;

/** Who acts: a signed-in user, or the command line (which has the database, so is trusted). */
export type MediaActor = Pick<UserRecord, 'uid' | 'name' | 'role'> | 'cli';

/** An upload as the web form (or a command) hands it over. */
export interface MediaUpload {
  readonly edition: string;
  readonly fileName: string;
  readonly bytes: Buffer;
  /** True when the upload went past the size limit and was cut off. */
  readonly truncated: boolean;
  readonly caption: string;
  readonly credit: string;
  readonly alt: string;
}

/** The upload limits (config.media). */
export interface MediaLimits {
  readonly maxBytes: number;
  readonly maxPixels: number;
}

function invalid(key: MediaMessageKey, params?: Readonly<Record<string, string | number>>, field?: string): Invalid {
  return new Invalid(bothLangs(key, params), field);
}

/** "" → null; too long → Invalid naming the field (its label without the explanation in brackets). */
function cleanText(value: string, field: keyof typeof MEDIA_TEXT_LIMITS, label: MediaMessageKey): string | null {
  const text = value.trim().normalize('NFC');
  if ([...text].length > MEDIA_TEXT_LIMITS[field]) {
    const message = (lang: Lang) => tm(lang, 'errorTooLong', { field: tm(lang, label).replace(/ \(.*$/, ''), max: MEDIA_TEXT_LIMITS[field] });
    throw new Invalid({ en: message('en'), ar: message('ar') }, field);
  }
  return text === '' ? null : text;
}

/**
 * An item's id and its derivatives' name: 80 bits of the SHA-256 of its edition and its bytes. The
 * same file uploaded again in one edition finds its item; each edition keeps its own library.
 */
function mediaId(edition: string, bytes: Buffer): string {
  return createHash('sha256').update(edition).update('\u0000').update(bytes).digest('hex').slice(0, 20);
}

/** Megabytes and megapixels as the messages show them. */
const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
const mp = (pixels: number) => Math.round(pixels / 100_000) / 10;

/**
 * The media library (issue 12, point 5): upload (type sniffed from the bytes, size and pixel
 * limits, metadata stripped), derivatives made by sharp in a bounded queue and kept in the media
 * storage, the editors' text (caption, credit, alt), deletion (refused while an article uses the
 * item), and the lead-photo renditions article pages show. Every change is audited.
 */
export class MediaService {
  constructor(
    private readonly store: MediaStore,
    readonly storage: MediaStorage,
    private readonly audit: AuditService,
    readonly limits: MediaLimits,
    private readonly queue: WorkQueue = new WorkQueue(1, 8, () => new Unavailable(bothLangs('errorBusy'))),
    private readonly now: () => number = () => Date.now(),
    /** Told after a change readers can see (an alt text, a caption), so cached article pages are dropped. */
    private readonly changed: (edition: string) => void = () => undefined,
  ) {}

  private static allowed(actor: MediaActor, permission: 'write drafts' | 'edit any article'): void {
    if (actor !== 'cli' && !can(actor.role, permission)) throw new Forbidden();
  }

  /** Checks and stores an upload; returns the item and whether it is new (the same bytes uploaded again find the first). */
  async upload(actor: MediaActor, upload: MediaUpload): Promise<{ item: MediaItem; created: boolean }> {
    MediaService.allowed(actor, 'write drafts');
    const text = {
      caption: cleanText(upload.caption, 'caption', 'fieldCaption'),
      credit: cleanText(upload.credit, 'credit', 'fieldCredit'),
      alt: cleanText(upload.alt, 'alt', 'fieldAlt'),
    };
    if (upload.bytes.length === 0 && !upload.truncated) throw invalid('errorNoFile', undefined, 'file');
    if (upload.truncated || upload.bytes.length > this.limits.maxBytes) throw invalid('errorTooBig', { mb: mb(this.limits.maxBytes) }, 'file');
    const sniffed = sniffImageType(upload.bytes);
    if (sniffed.kind === 'refused') throw invalid('errorRefusedType', { what: sniffed.what }, 'file');
    if (sniffed.kind === 'unknown') throw invalid('errorType', undefined, 'file');
    const id = mediaId(upload.edition, upload.bytes);
    const existing = await this.store.find(id);
    if (existing) return { item: existing, created: false };
    const item = await this.ingest(id, upload.bytes, sniffed.type, { edition: upload.edition, originalName: upload.fileName.slice(0, 255) || 'upload', ...text, uploadedBy: actor === 'cli' ? null : actor.uid, legacyPath: null });
    await this.audit.record({ actor: auditActor(actor === 'cli' ? null : actor), action: 'media.upload', subject: { type: 'media', id }, edition: upload.edition, after: id, note: item.originalName });
    return { item, created: true };
  }

  /** Makes and stores the derivatives, then the row (so a row never names files that are not there). */
  private async ingest(id: string, bytes: Buffer, type: string, fields: Omit<MediaItem, 'id' | 'type' | 'width' | 'height' | 'bytes' | 'widths' | 'uploadedAt'>): Promise<MediaItem> {
    const set = await this.queue.run(async () => {
      try {
        return await makeDerivatives(bytes, id, this.limits.maxPixels);
      } catch (err) {
        if (!(err instanceof ImageRejected)) throw err;
        if (err.problem.kind === 'pixels') throw invalid('errorTooManyPixels', { mp: mp(err.problem.pixels), max: mp(this.limits.maxPixels) }, 'file');
        throw invalid('errorUnreadable', undefined, 'file');
      }
    });
    await Promise.all(set.files.map((f) => this.storage.put(f.name, f.bytes, f.type)));
    const item: MediaItem = { id, type, width: set.width, height: set.height, bytes: bytes.length, widths: set.widths, uploadedAt: Math.floor(this.now() / 1000), ...fields };
    await this.store.insert(item);
    return (await this.store.find(id)) ?? item;
  }

  /**
   * Registers an imported archive photo (the old site's file at `legacyPath`) with derivatives, so
   * archive articles get srcset too; the old URL keeps serving the copied file. 'skipped' when it
   * is not an accepted image type; 'exists' when these bytes are in the library already.
   */
  async importFile(edition: string, legacyPath: string, bytes: Buffer): Promise<'imported' | 'exists' | 'skipped'> {
    const sniffed = sniffImageType(bytes);
    if (sniffed.kind !== 'accepted') return 'skipped';
    const id = mediaId(edition, bytes);
    if (await this.store.find(id)) return 'exists';
    const name = legacyPath.split('/').pop() ?? legacyPath;
    try {
      await this.ingest(id, bytes, sniffed.type, { edition, originalName: name, caption: null, credit: null, alt: null, uploadedBy: null, legacyPath });
    } catch (err) {
      if (err instanceof Invalid) return 'skipped';
      throw err;
    }
    await this.audit.record({ actor: 'cli', action: 'media.upload', subject: { type: 'media', id }, edition, after: id, note: legacyPath });
    return 'imported';
  }

  /** One item, or NotFound. */
  async get(id: string): Promise<MediaItem> {
    const item = MEDIA_HASH.test(id) ? await this.store.find(id) : undefined;
    if (!item) throw new NotFound(bothLangs('errorNoItem'));
    return item;
  }

  /** A page of the library, newest first, and the cursor of the next (older) page, or null on the last; for anyone who writes. */
  async list(actor: MediaActor, query: { edition: string; limit: number; olderThan?: { at: number; id: string } | null; search?: string | null }): Promise<{ items: MediaItem[]; older: { at: number; id: string } | null }> {
    MediaService.allowed(actor, 'write drafts');
    const limit = Math.max(1, Math.min(MEDIA_PAGE_MAX, Math.floor(query.limit)));
    // One more than shown tells whether an older page exists without counting.
    const rows = await this.store.list({ ...query, limit: limit + 1 });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, older: rows.length > limit && last ? { at: last.uploadedAt, id: last.id } : null };
  }

  /** Changes caption, credit and alt text: the uploader, or anyone who edits any article. */
  async edit(actor: MediaActor, id: string, input: { caption: string; credit: string; alt: string }): Promise<MediaItem> {
    MediaService.allowed(actor, 'write drafts');
    const item = await this.get(id);
    if (actor !== 'cli' && item.uploadedBy !== actor.uid) MediaService.allowed(actor, 'edit any article');
    const text: MediaText = {
      caption: cleanText(input.caption, 'caption', 'fieldCaption'),
      credit: cleanText(input.credit, 'credit', 'fieldCredit'),
      alt: cleanText(input.alt, 'alt', 'fieldAlt'),
    };
    await this.store.updateText(id, text);
    this.changed(item.edition);
    const changed = (['caption', 'credit', 'alt'] as const).filter((k) => item[k] !== text[k]);
    await this.audit.record({ actor: auditActor(actor === 'cli' ? null : actor), action: 'media.edit', subject: { type: 'media', id }, edition: item.edition, note: changed.join(',') || null });
    return { ...item, ...text };
  }

  /** Deletes an item and its files; refused (Conflict) while an article shows it. Editors and admins only. */
  async delete(actor: MediaActor, id: string): Promise<void> {
    MediaService.allowed(actor, 'edit any article');
    const item = await this.get(id);
    const srcs = [renditionOf(item, MEDIA_BASE).src, ...(item.legacyPath ? [`/${item.legacyPath}`] : [])];
    const users = await this.store.nodesUsing(id, srcs);
    if (users.length > 0) throw new Conflict(bothLangs('errorInUse', { count: users.length, nids: users.join(', ') }));
    await this.store.remove(id);
    // The row goes first: a file left behind by a failure here is harmless, a row without files is not.
    await Promise.all(item.widths.flatMap((w) => (['avif', 'webp', 'jpg'] as const).map((f) => this.storage.delete(`${id}-${w}.${f}`))));
    await this.audit.record({ actor: auditActor(actor === 'cli' ? null : actor), action: 'media.delete', subject: { type: 'media', id }, edition: item.edition, before: id, note: item.originalName });
  }

  /** Throws Invalid unless the item has alt text: the publishing path calls it for an article's lead photo. */
  async requireAlt(mediaId: string): Promise<void> {
    const item = await this.get(mediaId);
    if (!item.alt) throw invalid('errorAltMissing', undefined, 'alt');
  }

  /** Like requireAlt, for a lead photo given by its URL: photos that are not in the library are not checked. */
  async requireAltForPhoto(src: string | null | undefined): Promise<void> {
    const item = src ? await this.itemForSrc(src) : undefined;
    if (item && !item.alt) throw invalid('errorAltMissing', undefined, 'alt');
  }

  /** An article's lead photo from a library item: `{ src, caption, credit }` plus its rendition (srcset, size, alt). */
  async photoFor(mediaId: string): Promise<Photo & { readonly rendition: PhotoRendition }> {
    return mediaPhoto(await this.get(mediaId), MEDIA_BASE);
  }

  /** The library item a lead photo's URL names: a derivative URL, or an imported photo's old path. */
  private async itemForSrc(src: string): Promise<MediaItem | undefined> {
    const path = src.replace(/^https?:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
    if (path.startsWith(`${MEDIA_BASE}/`)) {
      const parsed = parseDerivativeName(path.slice(MEDIA_BASE.length + 1));
      return parsed ? this.store.find(parsed.hash) : undefined;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return undefined;
    }
    const legacy = siteFilePath(decoded);
    return legacy === null ? undefined : this.store.findByLegacyPath(legacy);
  }

  /**
   * What srcset needs for a lead photo's URL, or null when it is not in the library. One indexed
   * read, made only when a page is rendered (rendered pages are cached), so it is not memoised here:
   * a memo would keep an old alt text after another instance changed it.
   */
  async renditionFor(src: string): Promise<PhotoRendition | null> {
    const item = await this.itemForSrc(src);
    return item ? renditionOf(item, MEDIA_BASE) : null;
  }

  /** A derivative's bytes for serving, or null (a name that is not a derivative's, or a file not there). */
  async open(name: string): Promise<MediaObject | null> {
    if (parseDerivativeName(name) === null) return null;
    return this.storage.get(name);
  }
}

import type { MediaStorageSettings } from '../domain/media.ts';
import { FolderMediaStorage, type MediaStorage } from './media-storage.ts';
import { S3MediaStorage } from './s3-media-storage.ts';

/** The media storage the configuration names: an S3-compatible bucket when FOLIO_MEDIA_S3_URL is set, else a folder. */
export function openMediaStorage(config: MediaStorageSettings): MediaStorage & { close?(): void } {
  return config.kind === 's3' ? new S3MediaStorage(config) : new FolderMediaStorage(config.dir);
}

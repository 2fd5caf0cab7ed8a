import type { MediaStorageSettings } from '../domain/media.ts';
import { FolderMediaStorage, type MediaStorage } from './media-storage.ts';

/**
 * The media storage the configuration names: an S3-compatible bucket when FOLIO_MEDIA_S3_URL is set,
 * else a folder. The S3 client is loaded only then: its SDK is some megabytes of code and source in
 * every thread that opens a runtime (an export's render threads each do), used by few sites.
 */
export async function openMediaStorage(config: MediaStorageSettings): Promise<MediaStorage & { close?(): void }> {
  if (config.kind !== 's3') return new FolderMediaStorage(config.dir);
  const { S3MediaStorage } = await import('./s3-media-storage.ts');
  return new S3MediaStorage(config);
}

import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { checkedName, typeOfName, type MediaObject, type MediaStorage } from './media-storage.ts';

/** How to reach an S3-compatible bucket. */
export interface S3Settings {
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/**
 * Media in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2…), so every instance serves the
 * same files. Path-style addressing (`<endpoint>/<bucket>/<key>`) works on every such service;
 * checksums only when an operation requires them, since several compatible services reject the
 * SDK's newer default trailers.
 */
export class S3MediaStorage implements MediaStorage {
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: true,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }

  get describe(): string {
    return `bucket ${this.settings.bucket} at ${this.settings.endpoint}`;
  }

  async put(name: string, bytes: Buffer, type: string): Promise<void> {
    await this.client.send(new PutObjectCommand({
      Bucket: this.settings.bucket, Key: checkedName(name), Body: bytes, ContentType: type, ContentLength: bytes.length,
      CacheControl: 'public, max-age=31536000, immutable',
    }));
  }

  async get(name: string): Promise<MediaObject | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: checkedName(name) }));
      if (!out.Body) return null;
      return { bytes: Buffer.from(await out.Body.transformToByteArray()), type: out.ContentType ?? typeOfName(name) };
    } catch (err) {
      if (err instanceof NoSuchKey || (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404)) return null;
      throw err;
    }
  }

  async delete(name: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: checkedName(name) }));
  }

  /** Ends the client's connections. */
  close(): void {
    this.client.destroy();
  }
}

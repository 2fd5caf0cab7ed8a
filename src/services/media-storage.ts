import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDerivativeName } from '../domain/media.ts';

/** A stored media file, ready to be sent. */
export interface MediaObject {
  readonly bytes: Buffer;
  readonly type: string;
}

/**
 * Where the media library keeps its derivatives (issue 12, point 5): a local folder by default,
 * or an S3-compatible bucket (s3-media-storage.ts) that several instances share. Names are
 * derivative names (`<hash>-<width>.<ext>`), never paths: nothing else can be read or written.
 */
export interface MediaStorage {
  /** Stores the bytes under the name (replacing what was there: the same name always holds the same content). */
  put(name: string, bytes: Buffer, type: string): Promise<void>;
  /** The stored file, or null when there is none. */
  get(name: string): Promise<MediaObject | null>;
  /** Removes the file; removing one that is not there is not an error. */
  delete(name: string): Promise<void>;
  /** Where the files go, for the log and the CLI's reports. */
  readonly describe: string;
}

/** Refuses any name that is not a derivative's, so a name can never climb out of the folder or bucket. */
export function checkedName(name: string): string {
  if (parseDerivativeName(name) === null) throw new Error(`not a media file name: ${JSON.stringify(name)}`);
  return name;
}

/** The Content-Type of a derivative, from its extension. */
export function typeOfName(name: string): string {
  const format = parseDerivativeName(name)?.format;
  return format === 'avif' ? 'image/avif' : format === 'webp' ? 'image/webp' : 'image/jpeg';
}

/**
 * Media in a local folder, spread over 256 subfolders by the hash's first two digits (so no one
 * folder grows to hundreds of thousands of entries). Written beside the target and renamed, so a
 * reader never sees half a file.
 */
export class FolderMediaStorage implements MediaStorage {
  constructor(readonly root: string) {}

  get describe(): string {
    return `folder ${this.root}`;
  }

  private path(name: string): string {
    return join(this.root, checkedName(name).slice(0, 2), name);
  }

  async put(name: string, bytes: Buffer): Promise<void> {
    const target = this.path(name);
    await mkdir(join(target, '..'), { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, target);
  }

  async get(name: string): Promise<MediaObject | null> {
    const file = this.path(name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    return { bytes: await readFile(file), type: typeOfName(name) };
  }

  async delete(name: string): Promise<void> {
    await rm(this.path(name), { force: true });
  }
}

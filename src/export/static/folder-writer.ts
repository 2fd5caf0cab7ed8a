import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes files under one folder, creating each sub-folder once rather than once per file. The
 * export's main thread and each render thread have their own: a render thread writes the pages
 * it rendered itself, so their bytes never cross to the main thread (issue 14: at 100,000
 * articles the received pages waiting for the main thread's collector were tens of megabytes of
 * its peak). `mkdirSync` with `recursive` is safe when two threads create the same folder.
 *
 * Synchronous: a promise-based write costs three round trips (open, write, close) per file,
 * which made file output the main thread's largest cost (issue 6).
 */
export class FolderWriter {
  /** Folders known to exist. */
  private readonly folders = new Set<string>(['.']);

  constructor(readonly root: string) {}

  write(file: string, bytes: Uint8Array): void {
    const folder = dirname(file);
    if (!this.folders.has(folder)) {
      mkdirSync(join(this.root, folder), { recursive: true });
      for (let d = folder; d !== '.' && !this.folders.has(d); d = dirname(d)) this.folders.add(d);
    }
    writeFileSync(join(this.root, file), bytes);
  }
}

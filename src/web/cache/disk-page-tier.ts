import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exactBuffer } from './page-bytes.ts';

/** What the disk keeps of a page: enough to serve it without rendering. */
export interface StoredPage {
  readonly edition: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly etag: string;
  readonly gzip: Buffer;
  readonly br: Buffer;
}

interface FileHeader {
  readonly key: string;
  readonly stamp: string;
  readonly edition: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly etag: string;
  readonly gzip: number;
  readonly br: number;
}

/** Bumped when the file layout changes, so files of an older layout are never read as this one. */
const FORMAT = 'folio-page-1';

/**
 * The page cache's optional second tier: rendered, compressed pages as one file each, so a crawl
 * of a whole archive is served from disk after its first pass (issue 14), and a restart does not
 * start cold. A file records the edition's change stamp (services/change-stamps.ts) when it was
 * written; once the stamp moves (a comment, an import, a correction, in this process or another)
 * the file is stale, and is removed when next read. Reads are synchronous: a page file is a few
 * kilobytes, usually in the OS cache, and reading it costs far less than rendering the page.
 *
 * The folder is bounded (FOLIO_PAGE_CACHE_DISK_MB). This process counts the bytes it writes and
 * removes, on top of what a scan found at start; once over the bound, a sweep removes the
 * longest-written files down to 80% of it and recounts exactly. Another process sharing the
 * folder is counted only by the next sweep, so the bound holds to within one sweep's margin.
 */
export class DiskPageTier {
  private readonly pending = new Set<Promise<void>>();
  /** Changes this process was told of, per edition: a page's stamp includes the count. */
  private readonly retired = new Map<string, number>();
  /** Bytes in the folder as far as this process knows. */
  private bytes = 0;
  private sweeping = false;
  /** Bytes written while a sweep runs: its recount cannot have seen them all. */
  private sinceSweep = 0;

  constructor(
    private readonly dir: string,
    private readonly stampOf: (edition: string) => string,
    private readonly maxBytes = Number.POSITIVE_INFINITY,
  ) {
    mkdirSync(dir, { recursive: true });
    this.track(this.scan().then(({ total }) => {
      this.bytes += total;
      this.sweepIfOver();
    }));
  }

  /** Bytes the folder holds, as counted (tests and metrics). */
  get size(): number {
    return this.bytes;
  }

  /** The stored page for a key, if its edition has not changed since it was written. */
  get(key: string): StoredPage | undefined {
    const file = this.fileOf(key);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return undefined;
    }
    const page = decode(bytes, key);
    if (page && page.stamp === this.stamp(page.stored.edition)) return page.stored;
    this.track(unlink(file).then(() => void (this.bytes -= bytes.length), () => undefined));
    return undefined;
  }

  /** Writes a page (atomically: a reader sees the old file or the new one, never half of one). */
  put(key: string, page: StoredPage): void {
    const file = this.fileOf(key);
    const header: FileHeader = {
      key, stamp: this.stamp(page.edition), edition: page.edition, status: page.status, headers: { ...page.headers }, etag: page.etag,
      gzip: page.gzip.length, br: page.br.length,
    };
    const json = Buffer.from(JSON.stringify({ format: FORMAT, ...header }), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(json.length);
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    const content = Buffer.concat([length, json, page.gzip, page.br]);
    this.track(mkdir(join(file, '..'), { recursive: true })
      .then(() => writeFile(temp, content))
      .then(() => stat(file).then((old) => old.size, () => 0))
      .then(async (replaced) => {
        await rename(temp, file);
        this.bytes += content.length - replaced;
        if (this.sweeping) this.sinceSweep += content.length;
        this.sweepIfOver();
      })
      .catch(() => unlink(temp).catch(() => undefined)));
  }

  /** Starts a sweep when the folder holds more than its bound (one sweep at a time). */
  private sweepIfOver(): void {
    if (this.bytes <= this.maxBytes || this.sweeping) return;
    this.sweeping = true;
    this.sinceSweep = 0;
    this.track(this.sweep().finally(() => { this.sweeping = false; }));
  }

  /** Removes the longest-written pages until the folder is at 80% of its bound, and recounts it. */
  private async sweep(): Promise<void> {
    const { total, files } = await this.scan();
    const target = this.maxBytes * 0.8;
    let left = total;
    files.sort((a, b) => a.mtimeMs - b.mtimeMs);
    for (const f of files) {
      if (left <= target) break;
      try {
        await unlink(f.path);
        left -= f.size;
      } catch {
        // Gone already (read as stale, or another process's sweep): the count below is still right.
      }
    }
    // The recount, plus what was written meanwhile (a file the scan saw too is counted twice: the
    // count errs high, so the bound still holds).
    this.bytes = left + this.sinceSweep;
  }

  /** Every page file with its size and write time; leftover temporary files are removed. */
  private async scan(): Promise<{ total: number; files: { path: string; size: number; mtimeMs: number }[] }> {
    const files: { path: string; size: number; mtimeMs: number }[] = [];
    let total = 0;
    const folders = await readdir(this.dir).catch(() => [] as string[]);
    for (const folder of folders) {
      const names = await readdir(join(this.dir, folder)).catch(() => [] as string[]);
      for (const name of names) {
        const path = join(this.dir, folder, name);
        const info = await stat(path).catch(() => null);
        if (!info?.isFile()) continue;
        // A temporary file older than a minute belongs to a write that never finished (a crash).
        if (name.endsWith('.tmp')) {
          if (Date.now() - info.mtimeMs > 60_000) await unlink(path).catch(() => undefined);
          continue;
        }
        files.push({ path, size: info.size, mtimeMs: info.mtimeMs });
        total += info.size;
      }
    }
    return { total, files };
  }

  /**
   * The page cache was told the edition changed. The shared stamp normally moves too; counting
   * here as well keeps the tier right without one (an app built in a test) and in the moment
   * before a foreign stamp is read. After a restart the count starts again, so pages written
   * after such a change are stale then: a few extra renders, never a stale page.
   */
  retire(edition: string): void {
    this.retired.set(edition, (this.retired.get(edition) ?? 0) + 1);
  }

  private stamp(edition: string): string {
    return `${this.stampOf(edition)}#${this.retired.get(edition) ?? 0}`;
  }

  /** Removes every stored page (tests; an operator can also just delete the folder). */
  clear(): void {
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    this.bytes = 0;
  }

  /** Waits for the writes under way (before a process exits, and in tests). */
  async flush(): Promise<void> {
    // A write can start a sweep as it ends: wait for that too.
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  private track(work: Promise<unknown>): void {
    const done: Promise<void> = work.then(() => undefined, () => undefined).then(() => void this.pending.delete(done));
    this.pending.add(done);
  }

  /** Two hex characters of folder, so no folder holds more than a few thousand files at 1M pages. */
  private fileOf(key: string): string {
    const name = createHash('sha256').update(key).digest('hex').slice(0, 40);
    return join(this.dir, name.slice(0, 2), name);
  }
}

function decode(bytes: Buffer, key: string): { stamp: string; stored: StoredPage } | undefined {
  if (bytes.length < 4) return undefined;
  const length = bytes.readUInt32BE(0);
  if (4 + length > bytes.length) return undefined;
  let header: FileHeader & { format?: string };
  try {
    header = JSON.parse(bytes.toString('utf8', 4, 4 + length)) as FileHeader & { format?: string };
  } catch {
    return undefined;
  }
  // A hash collision or a file from another layout is a miss, never another page.
  if (header.format !== FORMAT || header.key !== key || 4 + length + header.gzip + header.br !== bytes.length) return undefined;
  const start = 4 + length;
  return {
    stamp: header.stamp,
    stored: {
      edition: header.edition, status: header.status, headers: header.headers, etag: header.etag,
      // Copies, so the cache holds exactly these bytes and not the whole file's buffer.
      gzip: exactBuffer(bytes.subarray(start, start + header.gzip)),
      br: exactBuffer(bytes.subarray(start + header.gzip)),
    },
  };
}

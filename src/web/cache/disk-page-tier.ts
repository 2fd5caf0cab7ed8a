import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
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
 */
export class DiskPageTier {
  private readonly pending = new Set<Promise<void>>();
  /** Changes this process was told of, per edition: a page's stamp includes the count. */
  private readonly retired = new Map<string, number>();

  constructor(private readonly dir: string, private readonly stampOf: (edition: string) => string) {
    mkdirSync(dir, { recursive: true });
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
    this.track(unlink(file).catch(() => undefined));
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
    this.track(mkdir(join(file, '..'), { recursive: true })
      .then(() => writeFile(temp, Buffer.concat([length, json, page.gzip, page.br])))
      .then(() => rename(temp, file))
      .catch(() => unlink(temp).catch(() => undefined)));
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
  }

  /** Waits for the writes under way (before a process exits, and in tests). */
  async flush(): Promise<void> {
    await Promise.all(this.pending);
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

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** The manifest of what the last export wrote: file → SHA-256 of its bytes. */
export const MANIFEST_FILE = '.folio-static-manifest.json';

/** What an export did to the folder. */
export interface OutputCounts {
  readonly written: number;
  readonly unchanged: number;
  readonly removed: number;
  readonly files: number;
  readonly bytes: number;
}

/**
 * The export folder, written incrementally: a file is rewritten only when its bytes changed
 * since the last export (per the manifest), and files the export no longer produces are
 * removed when it finishes. A re-export of an unchanged archive touches nothing but the manifest.
 */
export class OutputDir {
  private readonly produced = new Map<string, string>();
  private written = 0;
  private unchanged = 0;
  private bytes = 0;

  private constructor(readonly root: string, private readonly previous: ReadonlyMap<string, string>) {}

  /** Opens (creating) the folder and reads the previous export's manifest, if any. */
  static async open(root: string): Promise<OutputDir> {
    await mkdir(root, { recursive: true });
    let previous = new Map<string, string>();
    try {
      previous = new Map(Object.entries(JSON.parse(await readFile(join(root, MANIFEST_FILE), 'utf8')) as Record<string, string>));
    } catch {
      // No manifest (first export) or an unreadable one: every file is written afresh.
    }
    return new OutputDir(root, previous);
  }

  /** True when this export already produced the file. */
  has(file: string): boolean {
    return this.produced.has(file);
  }

  /** Writes a file unless the last export left the same bytes there. */
  async write(file: string, content: string | Uint8Array): Promise<void> {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    const hash = createHash('sha256').update(bytes).digest('base64url');
    this.produced.set(file, hash);
    this.bytes += bytes.length;
    const path = join(this.root, file);
    if (this.previous.get(file) === hash && existsSync(path)) {
      this.unchanged++;
      return;
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
    this.written++;
  }

  /** Removes what the last export wrote and this one did not, then saves the manifest. */
  async finish(): Promise<OutputCounts> {
    let removed = 0;
    for (const file of this.previous.keys()) {
      if (this.produced.has(file)) continue;
      await rm(join(this.root, file), { force: true });
      await removeEmptyParents(this.root, dirname(file));
      removed++;
    }
    const manifest = Object.fromEntries([...this.produced].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    await writeFile(join(this.root, MANIFEST_FILE), JSON.stringify(manifest));
    return { written: this.written, unchanged: this.unchanged, removed, files: this.produced.size, bytes: this.bytes };
  }
}

async function removeEmptyParents(root: string, dir: string): Promise<void> {
  for (let d = dir; d !== '.' && d !== ''; d = dirname(d)) {
    const path = join(root, d);
    if (!existsSync(path) || (await readdir(path)).length > 0) return;
    await rmdir(path);
  }
}

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, readdir, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DigestTable } from './digest-table.ts';
import { FolderWriter } from './folder-writer.ts';

/** The manifest of what the last export wrote: file → SHA-256 of its bytes. */
export const MANIFEST_FILE = '.folio-static-manifest.json';

/** The SHA-256 the manifest records for a file's bytes. */
export function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/** What an export did to the folder. */
export interface OutputCounts {
  readonly written: number;
  readonly unchanged: number;
  readonly removed: number;
  readonly files: number;
  readonly bytes: number;
}

/**
 * A renderer's leave to write one file of the export itself (render threads write the pages they
 * render): the digest the last export left in that file, which unchanged bytes must not rewrite.
 */
export interface WriteOrder {
  readonly previous: string | null;
}

/**
 * The export folder, written incrementally: a file is rewritten only when its bytes changed
 * since the last export (per the manifest), and files the export no longer produces are
 * removed when it finishes. A re-export of an unchanged archive touches nothing but the manifest.
 * Renderers write their pages themselves (`claim`, then `record`); the rest is written here.
 */
export class OutputDir {
  /** File → its slot in `digests`. */
  private readonly produced = new Map<string, number>();
  private readonly digests = new DigestTable();
  /** Files a renderer is writing now, each with what wakes those waiting to write it too. */
  private readonly claimed = new Map<string, { readonly done: Promise<void>; readonly wake: () => void }>();
  private readonly writer: FolderWriter;
  private written = 0;
  private unchanged = 0;
  private bytes = 0;

  private constructor(readonly root: string, private readonly previous: PreviousExport) {
    this.writer = new FolderWriter(root);
  }

  /** Opens (creating) the folder and reads the previous export's manifest, if any. */
  static async open(root: string): Promise<OutputDir> {
    await mkdir(root, { recursive: true });
    let previous = EMPTY_PREVIOUS;
    try {
      previous = readManifest(await readFile(join(root, MANIFEST_FILE), 'utf8'));
    } catch {
      // No manifest (first export) or an unreadable one: every file is written afresh.
    }
    // One listing of the folder instead of a check per file: a file the manifest names but
    // someone deleted since is written again. Only the files the manifest names are marked, and
    // the listing is dropped.
    if (previous.files.size > 0) {
      for (const file of await readdir(root, { recursive: true })) {
        const slot = previous.files.get(file);
        if (slot !== undefined) previous.present[slot] = 1;
      }
    }
    return new OutputDir(root, previous);
  }

  /** True when this export already produced the file, or a renderer is writing it. */
  has(file: string): boolean {
    return this.produced.has(file) || this.claimed.has(file);
  }

  /**
   * Lets a renderer write `file` itself, or null when this export already has it or another
   * renderer is writing it (two URLs can land in one file, `/a%2Cb` and `/a,b`): then the bytes
   * come back to `writeHashed`, after `settled`, and the last one written wins, as it always did.
   * Each claim ends with `release` once the renderer has answered.
   */
  claim(file: string): WriteOrder | null {
    if (this.has(file)) return null;
    let wake = () => {};
    const done = new Promise<void>((resolve) => (wake = resolve));
    this.claimed.set(file, { done, wake });
    const slot = this.previous.files.get(file);
    const kept = slot !== undefined && slot !== NO_DIGEST && this.previous.present[slot] === 1;
    return { previous: kept ? this.previous.digests.text(slot) : null };
  }

  /** Ends a claim: the renderer has written the file (then `record` it), or it was no file after all. */
  release(file: string): void {
    this.claimed.get(file)?.wake();
    this.claimed.delete(file);
  }

  /** Resolves when no renderer is writing the file, so that another write cannot interleave with its. */
  async settled(file: string): Promise<void> {
    await this.claimed.get(file)?.done;
  }

  /** A file a renderer wrote (`wrote`), or found unchanged and left alone. */
  record(file: string, hash: string, size: number, wrote: boolean): void {
    this.produce(file, hash, size);
    if (wrote) this.written++;
    else this.unchanged++;
  }

  /** Writes a file unless the last export left the same bytes there. */
  async write(file: string, content: string | Uint8Array): Promise<void> {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    this.writeHashed(file, bytes, hashOf(bytes));
  }

  /** `write` for bytes whose hash (`hashOf`) is already known. */
  writeHashed(file: string, bytes: Uint8Array, hash: string): void {
    // A file this export already wrote (a second URL landing in it) may no longer hold what the last export left.
    const again = this.produced.has(file);
    const slot = this.produce(file, hash, bytes.length);
    const before = this.previous.files.get(file);
    if (!again && before !== undefined && before !== NO_DIGEST && this.previous.present[before] === 1 && this.digests.same(slot, this.previous.digests, before)) {
      this.unchanged++;
      return;
    }
    this.writer.write(file, bytes);
    this.written++;
  }

  private produce(file: string, hash: string, size: number): number {
    const slot = this.digests.add(hash);
    if (slot === null) throw new Error(`not a SHA-256 digest in base64url: ${hash}`);
    this.produced.set(file, slot);
    this.bytes += size;
    return slot;
  }

  /** Removes what the last export wrote and this one did not, then saves the manifest. */
  async finish(): Promise<OutputCounts> {
    let removed = 0;
    const emptied = new Set<string>();
    for (const file of this.previous.files.keys()) {
      if (this.produced.has(file)) continue;
      await rm(join(this.root, file), { force: true });
      for (let d = dirname(file); d !== '.' && d !== '' && !emptied.has(d); d = dirname(d)) emptied.add(d);
      removed++;
    }
    // Folders left empty go once at the end, deepest first, rather than a listing after each removal.
    for (const folder of [...emptied].sort((a, b) => b.length - a.length)) await removeIfEmpty(join(this.root, folder));
    await writeManifest(join(this.root, MANIFEST_FILE), this.produced, this.digests);
    return { written: this.written, unchanged: this.unchanged, removed, files: this.produced.size, bytes: this.bytes };
  }
}

/** The last export's manifest: file → slot in `digests`, and which of them are still on disk. */
interface PreviousExport {
  readonly files: ReadonlyMap<string, number>;
  readonly digests: DigestTable;
  /** 1 at a file's slot when the folder still holds it. */
  readonly present: Uint8Array;
}

const EMPTY_PREVIOUS: PreviousExport = { files: new Map(), digests: new DigestTable(), present: new Uint8Array(0) };

/** One `"file":"digest"` pair of the manifest as `writeManifest` writes it, and the character after it. */
const MANIFEST_ENTRY = /"((?:[^"\\]|\\.)*)":"((?:[^"\\]|\\.)*)"([,}])/y;
/** The slot of a file whose recorded digest is none (a hand-edited manifest): it never matches. */
const NO_DIGEST = -1;

/**
 * The manifest, read an entry at a time when it is as `writeManifest` writes it: parsed whole, as an
 * object of some 300,000 properties at 100,000 articles, it cost the main thread tens of megabytes
 * more than the map it becomes. Any other JSON object is parsed whole, as before.
 */
function readManifest(text: string): PreviousExport {
  const files = new Map<string, number>();
  const digests = new DigestTable();
  const record = (file: string, digest: unknown) => files.set(file, (typeof digest === 'string' ? digests.add(digest) : null) ?? NO_DIGEST);
  MANIFEST_ENTRY.lastIndex = 1;
  let entry: RegExpExecArray | null = null;
  while (text.startsWith('{') && (entry = MANIFEST_ENTRY.exec(text)) !== null) {
    // JSON.parse gives the name a string of its own: a match is a slice that would keep the whole text.
    record(JSON.parse(`"${entry[1]!}"`) as string, entry[2]);
    if (entry[3] === '}') break;
  }
  if (text !== '{}' && (entry === null || MANIFEST_ENTRY.lastIndex !== text.length)) {
    files.clear();
    for (const [file, digest] of Object.entries(JSON.parse(text) as Record<string, unknown>)) record(file, digest);
  }
  return { files, digests, present: new Uint8Array(files.size) };
}

/** Manifest entries per write. */
const MANIFEST_SLICE = 5000;

/**
 * The manifest as JSON, keys sorted: the bytes `JSON.stringify` gives the sorted object (no file
 * name is an integer, which an object would list first), written a slice at a time. At 100,000
 * articles the manifest is some 225,000 files; building the object and its string whole cost
 * the main thread tens of megabytes at the end of the export.
 */
async function writeManifest(path: string, produced: ReadonlyMap<string, number>, digests: DigestTable): Promise<void> {
  const files = [...produced.keys()].sort();
  const handle = await open(path, 'w');
  try {
    for (let first = 0; first < files.length || first === 0; first += MANIFEST_SLICE) {
      const part = files.slice(first, first + MANIFEST_SLICE).map((f) => `${JSON.stringify(f)}:${JSON.stringify(digests.text(produced.get(f)!))}`).join(',');
      await handle.write(`${first === 0 ? '{' : ','}${part}${first + MANIFEST_SLICE >= files.length ? '}' : ''}`);
    }
  } finally {
    await handle.close();
  }
}

async function removeIfEmpty(path: string): Promise<void> {
  if (!existsSync(path)) return;
  try {
    await rmdir(path);
  } catch {
    // Not empty: it still holds files of this export.
  }
}

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** SHA-256 (hex) of a file, streamed so big payload files never sit in memory. */
export async function sha256File(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Every file under `dir`, as slash-separated paths relative to `root`, sorted. */
export async function filesUnder(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/')).sort();
}

// RFC 8493 §2.1.3: in manifest paths, CR, LF and % are percent-encoded, so one line is one file.
/** A path as a manifest line writes it. */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A manifest line's path, decoded. */
export function decodeManifestPath(path: string): string {
  return path.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

/** A manifest file's text: "<checksum> <path>" per line. */
export function manifestText(entries: readonly { path: string; sha256: string }[]): string {
  return entries.map((e) => `${e.sha256}  ${encodeManifestPath(e.path)}\n`).join('');
}

/** Parses a manifest's lines into path → checksum; malformed lines are returned apart. */
export function parseManifest(text: string): { entries: Map<string, string>; malformed: string[] } {
  const entries = new Map<string, string>();
  const malformed: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const m = /^([0-9a-fA-F]{64})\s+(.+)$/.exec(line);
    if (m) entries.set(decodeManifestPath(m[2]!), m[1]!.toLowerCase());
    else malformed.push(line);
  }
  return { entries, malformed };
}

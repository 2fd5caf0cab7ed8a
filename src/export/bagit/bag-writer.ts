import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { filesUnder, manifestText, sha256File } from './manifest.ts';

/** The tag files' names (RFC 8493 §2.1, §2.2). */
export const BAG_DECLARATION = 'bagit.txt';
export const BAG_INFO = 'bag-info.txt';
export const PAYLOAD_MANIFEST = 'manifest-sha256.txt';
export const TAG_MANIFEST = 'tagmanifest-sha256.txt';

/** What a finished bag holds. */
export interface BagSummary {
  readonly files: number;
  readonly bytes: number;
  /** RFC 8493 §2.2.2: "<octets>.<files>", a quick completeness check. */
  readonly payloadOxum: string;
}

/** A bag-info.txt value folded onto one line: labels and values may not span lines unindented. */
function infoLine(label: string, value: string): string {
  return `${label}: ${value.replace(/\r?\n/g, '\n  ')}\n`;
}

/**
 * Seals a bag whose payload is already under `<dir>/data`: hashes every payload file, then writes
 * bagit.txt, bag-info.txt (with `info` and the Payload-Oxum and Bagging-Date it computes), the
 * payload manifest, and a tag manifest over those tag files, in that order, so each hash covers
 * finished bytes.
 */
export async function sealBag(dir: string, info: readonly (readonly [string, string])[], baggingDate: Date, onFile: (done: number, total: number) => void = () => {}): Promise<BagSummary> {
  await mkdir(join(dir, 'data'), { recursive: true });
  const payload = await filesUnder(dir, join(dir, 'data'));
  const entries: { path: string; sha256: string }[] = [];
  let bytes = 0;
  for (const path of payload) {
    const file = await sha256File(join(dir, path));
    entries.push({ path, sha256: file.sha256 });
    bytes += file.bytes;
    onFile(entries.length, payload.length);
  }
  const payloadOxum = `${bytes}.${payload.length}`;
  await writeFile(join(dir, BAG_DECLARATION), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
  const lines = [...info, ['Bagging-Date', baggingDate.toISOString().slice(0, 10)] as const, ['Payload-Oxum', payloadOxum] as const];
  await writeFile(join(dir, BAG_INFO), lines.map(([label, value]) => infoLine(label, value)).join(''));
  await writeFile(join(dir, PAYLOAD_MANIFEST), manifestText(entries));
  const tags = [];
  for (const name of [BAG_DECLARATION, BAG_INFO, PAYLOAD_MANIFEST]) tags.push({ path: name, sha256: (await sha256File(join(dir, name))).sha256 });
  await writeFile(join(dir, TAG_MANIFEST), manifestText(tags));
  return { files: payload.length, bytes, payloadOxum };
}

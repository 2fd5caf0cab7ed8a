import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BAG_DECLARATION, BAG_INFO, PAYLOAD_MANIFEST, TAG_MANIFEST } from './bag-writer.ts';
import { filesUnder, parseManifest, sha256File } from './manifest.ts';

/** One way a bag is not what its manifests say. */
export interface BagProblem {
  /** The file, relative to the bag (or the tag file at fault). */
  readonly file: string;
  readonly problem: 'missing' | 'not in manifest' | 'checksum mismatch' | 'invalid' | 'oxum mismatch';
  readonly expected?: string;
  readonly actual?: string;
}

/** What a bag check found. */
export interface BagCheck {
  readonly files: number;
  readonly problems: readonly BagProblem[];
}

/** Checks every file listed in a manifest against it; returns the problems. */
async function checkManifest(dir: string, manifestName: string, onFile: () => void): Promise<{ problems: BagProblem[]; listed: Set<string> }> {
  const problems: BagProblem[] = [];
  const { entries, malformed } = parseManifest(await readFile(join(dir, manifestName), 'utf8'));
  for (const line of malformed) problems.push({ file: manifestName, problem: 'invalid', actual: line });
  for (const [path, expected] of entries) {
    // A manifest naming a path outside the bag would have the checker read arbitrary files.
    if (path.split('/').includes('..') || path.startsWith('/')) {
      problems.push({ file: path, problem: 'invalid' });
      continue;
    }
    const full = join(dir, path);
    if (!existsSync(full)) problems.push({ file: path, problem: 'missing', expected });
    else {
      const actual = (await sha256File(full)).sha256;
      if (actual !== expected) problems.push({ file: path, problem: 'checksum mismatch', expected, actual });
    }
    onFile();
  }
  return { problems, listed: new Set(entries.keys()) };
}

/**
 * Validates a bag as RFC 8493 §3 defines it: the declaration is present, every payload file is
 * in the SHA-256 manifest and every manifest entry exists with that checksum, the Payload-Oxum
 * agrees, and the tag manifest's files match too.
 */
export async function checkBag(dir: string, onProgress: (done: number, total: number) => void = () => {}): Promise<BagCheck> {
  const problems: BagProblem[] = [];
  for (const name of [BAG_DECLARATION, PAYLOAD_MANIFEST]) {
    if (!existsSync(join(dir, name))) problems.push({ file: name, problem: 'missing' });
  }
  if (problems.length > 0) return { files: 0, problems };
  if (!/^BagIt-Version: \d+\.\d+\r?\nTag-File-Character-Encoding: UTF-8\r?\n?$/.test(await readFile(join(dir, BAG_DECLARATION), 'utf8'))) {
    problems.push({ file: BAG_DECLARATION, problem: 'invalid' });
  }
  const payload = await filesUnder(dir, join(dir, 'data'));
  let done = 0;
  const tick = () => onProgress(++done, payload.length);
  const checked = await checkManifest(dir, PAYLOAD_MANIFEST, tick);
  problems.push(...checked.problems);
  for (const path of payload) if (!checked.listed.has(path)) problems.push({ file: path, problem: 'not in manifest' });
  if (existsSync(join(dir, BAG_INFO))) {
    const oxum = /^Payload-Oxum:\s*(\d+\.\d+)\s*$/m.exec(await readFile(join(dir, BAG_INFO), 'utf8'))?.[1];
    if (oxum !== undefined) {
      let bytes = 0;
      for (const path of payload) bytes += (await stat(join(dir, path))).size;
      const actual = `${bytes}.${payload.length}`;
      if (actual !== oxum) problems.push({ file: BAG_INFO, problem: 'oxum mismatch', expected: oxum, actual });
    }
  }
  if (existsSync(join(dir, TAG_MANIFEST))) problems.push(...(await checkManifest(dir, TAG_MANIFEST, () => {})).problems);
  return { files: payload.length, problems };
}

import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Files under each path (a file or a folder, recursed) whose name matches, in sorted order per folder, streamed. */
export async function* walkFiles(paths: readonly string[], name: RegExp): AsyncGenerator<{ file: string; root: string }> {
  for (const root of paths) {
    const info = await stat(root);
    if (info.isFile()) yield { file: root, root };
    else yield* walkDir(root, root, name);
  }
}

async function* walkDir(dir: string, root: string, name: RegExp): AsyncGenerator<{ file: string; root: string }> {
  // Names of one folder are held at a time (to sort them), never the whole tree.
  const entries: { name: string; isDir: boolean }[] = [];
  for await (const entry of await opendir(dir)) entries.push({ name: entry.name, isDir: entry.isDirectory() });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDir) yield* walkDir(path, root, name);
    else if (name.test(entry.name)) yield { file: path, root };
  }
}

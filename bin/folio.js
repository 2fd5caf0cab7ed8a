#!/usr/bin/env node
// Runs Folio compiled (dist/, built by `npm run build`, which `npm install` and `npm ci` run
// through `prepare`) when that build is newer than every file and folder in src/; otherwise runs
// the TypeScript in src/ through tsx's loader, so an edited checkout never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const stamp = new URL('dist/.build-stamp', root);

/** The newest modification time in a tree: a file edited, added or removed changes it. */
function newest(dir) {
  let latest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const fresh = existsSync(stamp) && statSync(stamp).mtimeMs >= newest(new URL('src', root).pathname);
if (fresh) {
  await import(new URL('dist/main.js', root).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('src/main.ts', root).href);
}

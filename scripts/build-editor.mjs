// Bundles the staff body editor (src/web/client/editor/, ProseMirror) for browsers with esbuild,
// into src/web/assets/editor.js: the asset catalogue serves it hashed, precompressed and immutable,
// and `npm run build` copies it into dist/ with the other assets. Generated, so git ignores it.
// Run by scripts/build.mjs (so `npm install` and `npm run build` make it) and by the tests that
// need it when it is missing or older than its sources (test/support/editor-bundle.ts).
import { build } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The editor's sources. */
export const EDITOR_SOURCES = join(ROOT, 'src', 'web', 'client', 'editor');
/** Where the bundle goes: beside the stylesheet, where the asset catalogue reads. */
export const EDITOR_BUNDLE = join(ROOT, 'src', 'web', 'assets', 'editor.js');

/** True when the bundle is missing or older than any of its sources. */
export function editorBundleStale() {
  let built;
  try {
    built = statSync(EDITOR_BUNDLE).mtimeMs;
  } catch {
    return true;
  }
  return readdirSync(EDITOR_SOURCES).some((name) => statSync(join(EDITOR_SOURCES, name)).mtimeMs > built);
}

/** Writes the bundle: one minified IIFE, ES2020, no source map (it would be served too). */
export async function buildEditor() {
  await build({
    entryPoints: [join(EDITOR_SOURCES, 'main.ts')],
    outfile: EDITOR_BUNDLE,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildEditor();
  console.log(`folio build: editor bundle ${EDITOR_BUNDLE} (${statSync(EDITOR_BUNDLE).size} bytes) in ${Date.now() - started} ms`);
}

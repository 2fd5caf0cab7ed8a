import { fileURLToPath } from 'node:url';

/** Where the browser search script lands in the export. */
export const SEARCH_SCRIPT_FILE = 'assets/static-search.js';

const ENTRY = fileURLToPath(new URL('./client/search-client.ts', import.meta.url));

/**
 * The browser search script, bundled at export time from the server's tokeniser, so the
 * browser normalises queries exactly as the index was normalised.
 */
export async function bundleSearchScript(): Promise<string> {
  // Loaded when the export gets here, not with the CLI: its module is ~1.3 MB of every command's heap.
  const { build } = await import('esbuild');
  const result = await build({ entryPoints: [ENTRY], bundle: true, format: 'iife', target: 'es2020', minify: true, write: false, charset: 'utf8', legalComments: 'none' });
  return result.outputFiles[0]!.text;
}

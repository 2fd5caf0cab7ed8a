#!/usr/bin/env node
// Compiles src/ to dist/ with esbuild, one output file per source file, so `folio` starts without
// compiling TypeScript (tsx stays for tests and for a checkout whose dist/ is missing or stale;
// see bin/folio.js). Run by npm's `prepare` on `npm install` and `npm ci`, and by `npm run build`.
//
// The tree keeps its shape (dist/web/routes/… beside dist/web/assets/), because several modules
// find files relative to themselves (assets, worker bootstraps, the browser search client).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEditor } from './build-editor.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
/** C sources, compiled by buildRankExtension rather than copied. */
const NATIVE = join(SRC, 'store', 'sqlite', 'native');
/** Written last: bin/folio.js uses dist/ only when this is newer than everything in src/. */
export const STAMP = '.build-stamp';

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** `'./x.ts'` and `'../y/z.ts'` string literals become `.js`: imports, dynamic imports and `new URL(…)`. */
function rewriteRelativeTs(code) {
  return code.replace(/(['"])(\.{1,2}\/[^'"\n]*?)\.ts\1/g, '$1$2.js$1');
}

/**
 * The SQLite search ranking extension (src/store/sqlite/native/folio_rank.c), compiled against the
 * SQLite headers better-sqlite3 ships, into dist/native/. Without a C compiler, or if compiling
 * fails, one line says so and the build goes on: the SQLite store then ranks with FTS5's bm25().
 */
function buildRankExtension() {
  const out = join(DIST, 'native', 'folio-rank.so');
  const compiler = process.env.CC || 'cc';
  try {
    const sqliteHeaders = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'deps', 'sqlite3');
    mkdirSync(dirname(out), { recursive: true });
    execFileSync(compiler, ['-O2', '-shared', '-fPIC', '-I', sqliteHeaders, '-o', out, join(NATIVE, 'folio_rank.c'), '-lm'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    const reason = err.code === 'ENOENT' ? `no C compiler (${compiler}) found` : `${String(err.stderr ?? err.message).trim().split('\n')[0]}`;
    console.log(`folio build: search ranking extension not built (${reason}); SQLite search will rank with FTS5's bm25()`);
  }
}

const started = Date.now();
rmSync(DIST, { recursive: true, force: true });
// The browser editor is bundled for browsers first (into src/web/assets/, copied below), and its
// sources are not compiled as server modules.
await buildEditor();
const CLIENT = join(SRC, 'web', 'client');
const files = walk(SRC).filter((f) => !f.startsWith(`${CLIENT}/`) && !f.startsWith(`${NATIVE}/`));
const sources = files.filter((f) => f.endsWith('.ts'));
const result = await build({
  entryPoints: sources,
  outdir: DIST,
  outbase: SRC,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  write: false,
  logLevel: 'warning',
});
for (const out of result.outputFiles) {
  mkdirSync(dirname(out.path), { recursive: true });
  writeFileSync(out.path, out.path.endsWith('.js') ? rewriteRelativeTs(out.text) : out.text);
}
// Everything else (the stylesheet, the worker bootstraps) is copied; bootstraps get the same rewrite.
for (const file of files.filter((f) => !f.endsWith('.ts'))) {
  const target = join(DIST, relative(SRC, file));
  mkdirSync(dirname(target), { recursive: true });
  if (file.endsWith('.mjs')) writeFileSync(target, rewriteRelativeTs(readFileSync(file, 'utf8')));
  else cpSync(file, target);
}
buildRankExtension();
writeFileSync(join(DIST, STAMP), `${new Date().toISOString()}\n`);
console.log(`folio build: ${sources.length} modules from src/ to dist/ in ${Date.now() - started} ms`);

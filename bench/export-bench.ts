// Static export: the real CLI (`folio export static`, one render thread per core, the main thread crawling and writing) in a child
// process, so that its peak memory, threads included, is the child's alone.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { folioInChild } from './folio-child.ts';

const BIN = fileURLToPath(new URL('../bin/folio.js', import.meta.url));

/** The static export benchmark's figures. */
export interface StaticExportBenchResult {
  readonly articles: number;
  readonly pages: number;
  readonly files: number;
  readonly pagesPerSecond: number;
  /** Render threads: one per core, as `folio export static` starts by default. */
  readonly threads: number;
  readonly bytes: number;
  readonly seconds: number;
  /** User + system CPU time of the export process, threads included. */
  readonly cpuSeconds: number;
  /** Peak resident memory of the export process, render threads included (VmHWM). */
  readonly peakRssMb: number;
  /** A second export of the unchanged archive: what the incremental check costs. */
  readonly rerunSeconds: number;
}

/** One `folio export static` run: its summary line's figures and the child's peak RSS. */
async function exportInChild(args: string[]): Promise<{ seconds: number; cpuSeconds: number; pages: number; files: number; bytes: number; peakRssMb: number }> {
  const { seconds, cpuSeconds, peakRssMb, output } = await folioInChild(['export', 'static', ...args]);
  // "exported 123 pages (456 files, 7.8 MiB) to … in 9.1s: …"
  const summary = /exported (\d+) pages \((\d+) files, ([\d.]+) MiB\)/.exec(output);
  if (!summary) throw new Error(`folio export static printed no summary: ${output.slice(-500)}`);
  return { seconds, cpuSeconds, pages: Number(summary[1]), files: Number(summary[2]), bytes: Number(summary[3]) * 1024 * 1024, peakRssMb };
}

/**
 * Exports a generated archive (cached in `cacheDir`, opened as is) to a temporary folder, twice:
 * once from empty, once unchanged. Targets (issue 14): 100,000 articles in under 4 minutes with
 * a peak RSS under 500 MB.
 */
export async function measureStaticExport(articles: number, cacheDir: string): Promise<StaticExportBenchResult> {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `folio-${articles}.db`);
  if (!existsSync(file)) {
    console.log(`Generating a ${articles.toLocaleString('en')}-article archive once (cached at ${file}) …`);
    execFileSync(process.execPath, [BIN, 'demo', '--articles', String(articles), '--database', `sqlite:${file}`], { stdio: 'inherit' });
  }
  const outDir = mkdtempSync(join(tmpdir(), 'folio-static-bench-'));
  try {
    const args = [outDir, '--database', `sqlite:${file}`];
    const first = await exportInChild(args);
    const again = await exportInChild(args);
    return {
      articles, threads: availableParallelism(), pages: first.pages, files: first.files, pagesPerSecond: first.pages / first.seconds,
      bytes: first.bytes, seconds: first.seconds, cpuSeconds: first.cpuSeconds, peakRssMb: first.peakRssMb, rerunSeconds: again.seconds,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

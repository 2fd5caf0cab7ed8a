// Import throughput: a generated Drupal 7 database and a generated WARC, each imported by the real
// CLI into a fresh SQLite database, against the source read alone (no writes) in the same run.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ImportSource } from '../src/domain/import-record.ts';
import { drupalSource } from '../src/import/sources/drupal/drupal-source.ts';
import { warcSource } from '../src/import/sources/warc-source.ts';
import { createDrupalTestDatabase } from '../test/fixtures/drupal/drupal-test-database.ts';
import { writeFixtureWarc } from '../test/fixtures/original-site/write-fixture-warc.ts';
import { folioInChild } from './folio-child.ts';


/** One import measured: the source read alone, then the full import in a child process. */
export interface ImportMeasure {
  readonly name: string;
  readonly nodes: number;
  readonly comments: number;
  readonly readSeconds: number;
  readonly importSeconds: number;
  /** User + system CPU time of the import process. */
  readonly importCpuSeconds: number;
  readonly peakRssMb: number;
  readonly output: string;
}

async function readAll(source: ImportSource): Promise<{ seconds: number; nodes: number; comments: number }> {
  const start = performance.now();
  let nodes = 0;
  let comments = 0;
  for await (const r of source) {
    if (r.type === 'node') nodes++;
    else if (r.type === 'comment') comments++;
  }
  return { seconds: (performance.now() - start) / 1000, nodes, comments };
}

/** Runs `folio import …` in a child process, with its peak RSS. */
function importInChild(args: string[]): Promise<{ seconds: number; cpuSeconds: number; peakRssMb: number; output: string }> {
  return folioInChild(['import', ...args]);
}

export async function measureDrupalImport(nodes: number, comments: number): Promise<ImportMeasure & { buildSeconds: number }> {
  const buildStart = performance.now();
  const db = await createDrupalTestDatabase({ version: 7, nodes, comments });
  const buildSeconds = (performance.now() - buildStart) / 1000;
  const dir = mkdtempSync(join(tmpdir(), 'folio-bench-import-'));
  try {
    const read = await readAll(drupalSource({ url: db.url }));
    const run = await importInChild(['drupal', '--db', db.url, '--database', `sqlite:${join(dir, 'folio.db')}`]);
    return { name: 'Drupal 7 database', nodes: read.nodes, comments: read.comments, readSeconds: read.seconds, importSeconds: run.seconds, importCpuSeconds: run.cpuSeconds, peakRssMb: run.peakRssMb, output: run.output, buildSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
}

export async function measureWarcImport(pages: number, cacheDir: string): Promise<ImportMeasure & { warcMb: number }> {
  mkdirSync(cacheDir, { recursive: true });
  const warc = join(cacheDir, `fixture-${pages}.warc.gz`);
  if (!existsSync(warc)) await writeFixtureWarc(warc, pages);
  const dir = mkdtempSync(join(tmpdir(), 'folio-bench-import-'));
  try {
    const read = await readAll(warcSource([warc]));
    const run = await importInChild(['warc', warc, '--database', `sqlite:${join(dir, 'folio.db')}`]);
    return {
      name: 'WARC (gzipped)', nodes: read.nodes, comments: read.comments, readSeconds: read.seconds, importSeconds: run.seconds, importCpuSeconds: run.cpuSeconds,
      peakRssMb: run.peakRssMb, output: run.output, warcMb: statSync(warc).size / 1024 / 1024,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportService } from '../services/export-service.ts';
import { sealBag, type BagSummary } from './bagit/bag-writer.ts';
import { exportJson, type JsonExportSummary } from './json-export.ts';
import { exportStatic, type StaticExportDeps, type StaticExportReport } from './static-export.ts';

/** The payload's JSON export, restorable with `folio import folio`. */
export const BAG_JSON_FILE = 'data/folio-export.jsonl.gz';
/** The payload's static site, browsable from disk. */
export const BAG_STATIC_DIR = 'data/site';

/** What the bag is made from. */
export interface BagitExportDeps {
  readonly exports: ExportService;
  /** The app and registry the static site is rendered with; null leaves the site out of the bag. */
  readonly staticSite: StaticExportDeps | null;
  /** The bag's Source-Organization (RFC 8493 §2.2.2). */
  readonly organization: string;
  readonly clock: () => Date;
}

/** What a bag export wrote. */
export interface BagitExportReport extends BagSummary {
  readonly json: JsonExportSummary;
  readonly site: StaticExportReport | null;
}

/**
 * `folio export bagit <dir>`: a BagIt bag (RFC 8493) whose payload is the JSON export and the
 * static site, so a library can check with standard tools that nothing was lost or altered.
 * The directory must be empty or absent: sealing hashes everything under data/, and a stray
 * file from an earlier bag would be vouched for as part of this one.
 */
export async function exportBagit(deps: BagitExportDeps, dir: string, options: { editions?: readonly string[]; onProgress?: (stage: string, done: number, total: number | null) => void } = {}): Promise<BagitExportReport> {
  if (existsSync(dir) && (await readdir(dir)).length > 0) throw new Error(`${dir} is not empty: a bag is written into an empty or new folder`);
  await mkdir(join(dir, 'data'), { recursive: true });
  const editions = options.editions ? { editions: options.editions } : {};
  const json = await exportJson(deps.exports, join(dir, BAG_JSON_FILE), { ...editions, onProgress: (n) => options.onProgress?.('json', n, null) });
  let site: StaticExportReport | null = null;
  if (deps.staticSite !== null) {
    site = await exportStatic(deps.staticSite, { outDir: join(dir, BAG_STATIC_DIR), ...editions, baseUrl: null, onProgress: (done, known) => options.onProgress?.('site', done, known) });
  }
  const now = deps.clock();
  const summary = await sealBag(dir, [
    ['Source-Organization', deps.organization],
    ['External-Description', `Folio archive export: ${json.editions.join(', ')} as JSON lines (${BAG_JSON_FILE}, for folio import folio)${site ? ` and as a static site (${BAG_STATIC_DIR}/index.html)` : ''}.`],
    ['External-Identifier', `folio-${now.toISOString()}`],
    ['Bag-Software-Agent', 'Folio (folio export bagit)'],
  ], now, (done, total) => options.onProgress?.('hashing', done, total));
  return { ...summary, json, site };
}

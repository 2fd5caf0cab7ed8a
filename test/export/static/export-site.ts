import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportStatic, type StaticExportReport } from '../../../src/export/static-export.ts';
import { seedFixture } from '../../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../../support/test-runtime.ts';

/** The fixture newspaper and a folder to export it to. */
export interface ExportedSite {
  readonly site: TestSite;
  readonly dir: string;
  /** Exports (again) into `dir`. */
  exportAgain(baseUrl?: string | null): Promise<StaticExportReport>;
  /** What the first export did. */
  readonly first: StaticExportReport;
}

/** Opens the fixture site and exports every edition once. */
export async function openExportedSite(): Promise<ExportedSite> {
  const site = await openTestSite('sqlite', seedFixture);
  const dir = mkdtempSync(join(tmpdir(), 'folio-static-'));
  const exportAgain = (baseUrl: string | null = null) => exportStatic(
    { app: site.folio.app, editions: site.runtime.editions, exports: site.runtime.exports, sitemap: site.runtime.sitemap, siteUrl: site.runtime.config.baseUrl },
    { outDir: dir, baseUrl },
  );
  const first = await exportAgain();
  return { site, dir, exportAgain, first };
}

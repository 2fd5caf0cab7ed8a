import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { FileStore } from '../../../src/services/file-store.ts';
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

/** Old site files no page links to (a photo whose name has a space, an attachment under the older /files/), with their bytes. */
export const OLD_FILES: readonly { readonly path: string; readonly bytes: Buffer }[] = [
  { path: 'sites/default/files/photos/old photo.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]) },
  { path: 'files/attachments/unlinked report.pdf', bytes: Buffer.from('%PDF-1.4\n% an attachment\n') },
];

/** Puts OLD_FILES into a site's files, as `folio import --files` would have. */
export async function storeOldFiles(files: FileStore): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'folio-old-'));
  try {
    for (const [i, f] of OLD_FILES.entries()) {
      writeFileSync(join(dir, String(i)), f.bytes);
      await files.put(f.path, join(dir, String(i)));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens the fixture site and exports every edition once. */
export async function openExportedSite(): Promise<ExportedSite> {
  const site = await openTestSite('sqlite', seedFixture);
  await storeOldFiles(site.runtime.files);
  const dir = mkdtempSync(join(tmpdir(), 'folio-static-'));
  const exportAgain = (baseUrl: string | null = null) => exportStatic(
    { app: site.folio.app, editions: site.runtime.editions, exports: site.runtime.exports, sitemap: site.runtime.sitemap, siteUrl: site.runtime.config.baseUrl, files: site.runtime.files },
    { outDir: dir, baseUrl },
  );
  const first = await exportAgain();
  return { site, dir, exportAgain, first };
}

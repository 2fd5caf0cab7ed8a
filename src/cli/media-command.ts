import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { openRuntime } from '../runtime.ts';
import { configFrom, type StoreOptions } from './options.ts';
import { startProgress } from './progress.ts';

/** File names worth reading: the accepted image types' usual extensions (each file's bytes still decide). */
const IMAGE_NAME = /\.(jpe?g|png|webp|avif)$/i;

/**
 * `folio media import-files`: registers the old site's images (copied in by `folio import --files`)
 * in the media library with derivatives, so archive articles get srcset too (issue 12, point 5).
 * The old URLs keep serving the copied files; article pages find the item by that old path.
 */
export function mediaCommand(): Command {
  const media = new Command('media').description('the media library');
  media.command('import-files')
    .description('make derivatives (AVIF, WebP, JPEG at 4 widths) of the imported image files in FOLIO_FILES_DIR')
    .option('--edition <code>', 'the edition the photos belong to (default: the one served at the root)')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (options: StoreOptions & { edition?: string }) => {
      const runtime = await openRuntime(configFrom(options));
      try {
        const edition = options.edition ? runtime.editions.get(options.edition) : runtime.editions.all.find((e) => e.pathPrefix === '')!;
        const started = Date.now();
        const paths = (await runtime.files.list()).filter((p) => IMAGE_NAME.test(p));
        const counts = { imported: 0, exists: 0, skipped: 0 };
        const progress = startProgress('media import-files');
        for (const [i, path] of paths.entries()) {
          const bytes = await readFile(runtime.files.location(path)!);
          counts[await runtime.media.importFile(edition.code, path, bytes)] += 1;
          progress.update(i + 1, paths.length);
        }
        progress.stop();
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        process.stdout.write(`media import-files: ${counts.imported} imported, ${counts.exists} already in the library, ${counts.skipped} skipped (not a readable JPEG, PNG, WebP or AVIF) of ${paths.length} image files in ${runtime.files.root}, in ${seconds} s; derivatives in ${runtime.media.storage.describe}\n`);
      } finally {
        await runtime.close();
      }
    });
  return media;
}

import { generateDemo } from '../demo/index.ts';
import type { Runtime } from '../runtime.ts';
import { startProgress } from './progress.ts';

/** The largest demo edition `folio demo` accepts. */
export { DEMO_MAX_ITEMS } from '../demo/index.ts';

/** Generates the demo newspaper into the runtime's store with a progress bar; returns a summary line. */
export async function seedDemo(runtime: Runtime, options: { articles?: number; arabicArticles?: number; seed?: number }): Promise<string> {
  const progress = startProgress('Generating the demo newspaper');
  const started = Date.now();
  try {
    const report = await generateDemo({
      writer: runtime.seeding.writer,
      editions: { en: runtime.editions.get('en'), ar: runtime.editions.get('ar') },
      seed: options.seed ?? runtime.config.demoSeed,
      ...(options.articles !== undefined ? { articles: options.articles } : {}),
      ...(options.arabicArticles !== undefined ? { arabicArticles: options.arabicArticles } : {}),
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.stop();
    const indexing = startProgress('Building the search index');
    await runtime.search.reindex((done, total) => indexing.update(done, total));
    indexing.stop();
    // Related items and section neighbours are stored per article, ranked once here (issue 14).
    for (const edition of runtime.editions.all) await runtime.related.rebuild(edition.code);
    await runtime.seeding.recordSeed(options.seed ?? runtime.config.demoSeed, new Date());
    progress.stop();
    const en = await runtime.seeding.countItems('en');
    const ar = await runtime.seeding.countItems('ar');
    return `demo newspaper ready: ${en} English items, ${ar} Arabic articles, ${report.translations} translated pairs in ${((Date.now() - started) / 1000).toFixed(1)} s (${runtime.config.database.kind})`;
  } finally {
    progress.stop();
  }
}

import type { Edition } from '../domain/edition.ts';
import { Conflict, Invalid } from '../domain/errors.ts';
import { formatText } from '../filter/index.ts';
import type { ContentWriter } from '../store/types.ts';
import { seedArabicEdition } from './arabic-edition.ts';
import type { RenderComment } from './comment-maker.ts';
import type { DemoReport } from './demo-report.ts';
import { seedEnglishEdition } from './english-edition.ts';
import { IdAllocator } from './id-allocator.ts';
import { SeededRandom } from './seeded-random.ts';
import { pairTranslations } from './translation-pairs.ts';

/** English items of the default demo: the size the shares of docs/original-site.md are quoted at. */
export const DEMO_DEFAULT_ARTICLES = 1200;
/** Arabic articles of the default demo. */
export const DEMO_DEFAULT_ARABIC_ARTICLES = 200;
/** The seed the shipped demo uses. */
export const DEMO_DEFAULT_SEED = 2011;
/** Most items per edition: large enough for a load test, small enough that a typo cannot fill the disk. */
export const DEMO_MAX_ITEMS = 1_000_000;

/** Options of `generateDemo`. */
export interface DemoOptions {
  readonly writer: ContentWriter;
  readonly editions: { readonly en: Edition; readonly ar: Edition };
  readonly seed: number;
  /** English items in all (articles, blog posts, special pages); default 1,200. */
  readonly articles?: number;
  /** Arabic articles; default 200. */
  readonly arabicArticles?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Renders comment bodies; defaults to the Filtered HTML format. */
  readonly renderComment?: RenderComment;
  /** Milliseconds for the report's elapsed time only; nothing generated depends on it. */
  readonly clock?: () => number;
}

/**
 * Generates the fictional demo newspaper, "The Levant Ledger" / "دفتر المشرق": the English
 * archive (2011–2015) and the live Arabic edition (2024–2026), written batch by batch through
 * the store's writer. The same seed and sizes give the same content, ids and paths every time,
 * and the landmark items are exactly DEMO_FIXED_ITEMS. The store must hold no nodes yet.
 */
export async function generateDemo(options: DemoOptions): Promise<DemoReport> {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const articles = count(options.articles ?? DEMO_DEFAULT_ARTICLES, 'articles');
  const arabicArticles = count(options.arabicArticles ?? DEMO_DEFAULT_ARABIC_ARTICLES, 'arabicArticles');
  if (!Number.isInteger(options.seed)) throw new Invalid('The demo seed must be an integer.', 'seed');
  const render = options.renderComment ?? ((body: string) => formatText('filtered_html', body).html);

  const total = articles + arabicArticles;
  let done = 0;
  const progress = (nodes: number): void => {
    done += nodes;
    options.onProgress?.(Math.min(done, total), total);
  };
  // The demo's paths and landmark nids assume nothing is there yet; failing now beats a
  // unique-key error half-way through a long seed.
  if ((await options.writer.nextId('node')) > 1) throw new Conflict('The demo can only be generated into an empty store.');
  const root = new SeededRandom(options.seed);
  const ids = await IdAllocator.fromWriter(options.writer);
  const base = { writer: options.writer, ids, render, progress };
  // Each edition draws from its own stream, so resizing one leaves the other's text unchanged.
  const en = await seedEnglishEdition({ ...base, edition: options.editions.en, rng: root.fork('en'), items: articles });
  const ar = await seedArabicEdition({ ...base, edition: options.editions.ar, rng: root.fork('ar'), items: arabicArticles });
  const translations = await pairTranslations(options.writer, options.editions.ar, en.fixed, ar);
  options.onProgress?.(total, total);
  return { seed: options.seed, editions: { en: en.counts, ar }, fixed: en.fixed, translations, elapsedMs: Math.round(clock() - started) };
}

function count(n: number, field: string): number {
  if (!Number.isInteger(n) || n < 0 || n > DEMO_MAX_ITEMS) throw new Invalid(`The demo's ${field} must be a whole number from 0 to ${DEMO_MAX_ITEMS}.`, field);
  return n;
}

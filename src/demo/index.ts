// The demo generator's public surface; everything else in this folder is its machinery.
export { generateDemo, DEMO_DEFAULT_ARTICLES, DEMO_DEFAULT_ARABIC_ARTICLES, DEMO_DEFAULT_SEED, DEMO_MAX_ITEMS, type DemoOptions } from './generate-demo.ts';
export { DEMO_FIXED_ITEMS, fixedItemsFor, type DemoFixedItems, type FixedNode } from './demo-fixed-items.ts';
export type { DemoReport, EditionCounts } from './demo-report.ts';
export { SeededRandom } from './seeded-random.ts';

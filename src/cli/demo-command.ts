import { Command } from 'commander';
import { Conflict, Invalid } from '../domain/errors.ts';
import { openRuntime } from '../runtime.ts';
import { configFrom, parsePositiveInt, type StoreOptions } from './options.ts';
import { DEMO_MAX_ITEMS, seedDemo } from './seed-demo.ts';

/** The Arabic article count from --arabic-articles (or its older name --arabic), checked before anything opens. */
function arabicCount(options: { arabic?: string; arabicArticles?: string }): number | undefined {
  if (options.arabic !== undefined && options.arabicArticles !== undefined && options.arabic !== options.arabicArticles) {
    throw new Invalid(`--arabic and --arabic-articles disagree (${options.arabic} and ${options.arabicArticles}): give --arabic-articles only`);
  }
  const raw = options.arabicArticles ?? options.arabic;
  return raw === undefined ? undefined : parsePositiveInt(raw, options.arabicArticles !== undefined ? '--arabic-articles' : '--arabic', DEMO_MAX_ITEMS);
}

/** `folio demo`: generates the demo newspaper (or a larger archive for benchmarks) into an empty database. */
export function demoCommand(): Command {
  return new Command('demo')
    .description('generate the demo newspaper into an empty database')
    .option('--articles <n>', 'English archive items to generate (default about 1,200)')
    .option('--arabic-articles <n>', `Arabic articles to generate, up to ${DEMO_MAX_ITEMS.toLocaleString('en')} (default 200)`)
    .option('--arabic <n>', 'the same as --arabic-articles')
    .option('--seed <n>', 'random seed (same seed, same newspaper)')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (options: StoreOptions & { articles?: string; arabic?: string; arabicArticles?: string; seed?: string }) => {
      const articles = options.articles === undefined ? undefined : parsePositiveInt(options.articles, '--articles', DEMO_MAX_ITEMS);
      const arabicArticles = arabicCount(options);
      const seed = options.seed === undefined ? undefined : parsePositiveInt(options.seed, '--seed', 2 ** 31 - 1);
      const runtime = await openRuntime(configFrom(options));
      try {
        const existing = await runtime.seeding.countItems();
        if (existing > 0) {
          throw new Conflict(`${runtime.config.database.kind === 'sqlite' ? runtime.config.database.file : 'the database'} already holds ${existing} items: generate the demo into a new database (--database sqlite:./data/other.db)`);
        }
        const line = await seedDemo(runtime, { ...(articles !== undefined ? { articles } : {}), ...(arabicArticles !== undefined ? { arabicArticles } : {}), ...(seed !== undefined ? { seed } : {}) });
        process.stdout.write(`${line}\n`);
      } finally {
        await runtime.close();
      }
    });
}

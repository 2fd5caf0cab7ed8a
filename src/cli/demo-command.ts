import { Command } from 'commander';
import { Conflict } from '../domain/errors.ts';
import { openRuntime } from '../runtime.ts';
import { configFrom, parsePositiveInt, type StoreOptions } from './options.ts';
import { seedDemo } from './seed-demo.ts';

/** `folio demo`: generates the demo newspaper (or a larger archive for benchmarks) into an empty database. */
export function demoCommand(): Command {
  return new Command('demo')
    .description('generate the demo newspaper into an empty database')
    .option('--articles <n>', 'English archive items to generate (default about 1,200)')
    .option('--arabic <n>', 'Arabic articles to generate (default about 200)')
    .option('--seed <n>', 'random seed (same seed, same newspaper)')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (options: StoreOptions & { articles?: string; arabic?: string; seed?: string }) => {
      const articles = options.articles === undefined ? undefined : parsePositiveInt(options.articles, '--articles', 2_000_000);
      const arabicArticles = options.arabic === undefined ? undefined : parsePositiveInt(options.arabic, '--arabic', 2_000_000);
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

import { Command } from 'commander';
import { openRuntime } from '../runtime.ts';
import { configFrom, type StoreOptions } from './options.ts';

/**
 * `folio related`: ranks every article's related items and section neighbours again. Publishing,
 * imports and `folio demo` keep them current; this is for a database upgraded to migration 018
 * (until then its pages rank on every request) or changed by hand.
 */
export function relatedCommand(): Command {
  return new Command('related')
    .description("rank every article's related items and section neighbours again (stored per article)")
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (options: StoreOptions) => {
      const runtime = await openRuntime(configFrom(options));
      try {
        for (const edition of runtime.editions.all) {
          const started = Date.now();
          const count = await runtime.related.rebuild(edition.code);
          process.stdout.write(`${edition.code}: ranked ${count} articles in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        }
      } finally {
        await runtime.close();
      }
    });
}

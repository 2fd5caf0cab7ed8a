import { Command } from 'commander';
import { Invalid } from '../domain/errors.ts';
import { openRuntime } from '../runtime.ts';
import { configFrom, parsePositiveInt, type StoreOptions } from './options.ts';
import { startProgress } from './progress.ts';

/** `folio search "<query>"`: the same search as /search, on the command line. */
export function searchCommand(): Command {
  return new Command('search')
    .description('search an edition (words, "exact phrases", -exclusion, OR, prefix*)')
    .argument('<query>', 'the query, quoted')
    .option('--edition <code>', 'edition code', 'en')
    .option('--newest', 'newest first instead of by relevance')
    .option('--page <n>', 'zero-based page of 10 results', '0')
    .option('--json', 'print the results as JSON')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (query: string, options: StoreOptions & { edition: string; newest?: boolean; page: string; json?: boolean }) => {
      const runtime = await openRuntime(configFrom(options));
      try {
        const edition = runtime.editions.get(options.edition);
        const outcome = await runtime.search.query(edition, { q: query, page: parsePositiveInt(options.page, '--page', 100_000), sort: options.newest ? 'newest' : 'relevance' });
        if (outcome.kind === 'empty') throw new Invalid('the query is empty: give some words to search for');
        if (outcome.kind === 'invalid') throw new Invalid(`cannot search for ${JSON.stringify(query)}: ${outcome.error.message.en}`);
        if (options.json) {
          process.stdout.write(`${JSON.stringify({
            query: outcome.query, description: outcome.description, total: outcome.total, totalCapped: outcome.totalCapped, page: outcome.page, sort: outcome.sort,
            results: outcome.hits.map((h) => ({
              nid: h.node.nid, title: h.node.title, path: h.node.path ?? `node/${h.node.nid}`, published: new Date(h.node.publishedAt * 1000).toISOString(),
              authors: h.node.authors.map((a) => a.name), snippet: h.snippet.map((p) => p.text).join(''),
            })),
          }, null, 2)}\n`);
          return;
        }
        process.stdout.write(`${outcome.totalCapped ? 'more than ' : ''}${outcome.total} result${outcome.total === 1 && !outcome.totalCapped ? '' : 's'} for ${outcome.description}\n`);
        for (const h of outcome.hits) {
          process.stdout.write(`\n${h.node.title}\n  ${runtime.config.baseUrl}${edition.pathPrefix}/${h.node.path ?? `node/${h.node.nid}`}\n  ${h.snippet.map((p) => (p.match ? `[${p.text}]` : p.text)).join('').replace(/\s+/g, ' ')}\n`);
        }
      } finally {
        await runtime.close();
      }
    });
}

/** `folio reindex`: rebuilds the full-text index from the content. */
export function reindexCommand(): Command {
  return new Command('reindex')
    .description('rebuild the full-text search index')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (options: StoreOptions) => {
      const runtime = await openRuntime(configFrom(options));
      const progress = startProgress('Indexing');
      const started = Date.now();
      try {
        const count = await runtime.search.reindex((done, total) => progress.update(done, total));
        progress.stop();
        process.stdout.write(`indexed ${count} items in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      } finally {
        progress.stop();
        await runtime.close();
      }
    });
}

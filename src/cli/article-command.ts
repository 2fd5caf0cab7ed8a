import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { parseArticleInput } from '../domain/article-input.ts';
import { Invalid } from '../domain/errors.ts';
import { openRuntime } from '../runtime.ts';
import { configFrom, type StoreOptions } from './options.ts';

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new Invalid(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Invalid(`${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** `folio article add`: publishes an article in a live edition. */
export function articleCommand(): Command {
  const article = new Command('article').description('manage articles');
  article.command('add')
    .description('publish one article from a JSON file (title, body, published, section, authors, tags, credit, summary, slug, photo, comments, translationOf, promoted); dated in the future, it is scheduled')
    .requiredOption('--edition <code>', 'edition code, e.g. ar')
    .requiredOption('--file <path>', 'the article as JSON')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (options: StoreOptions & { edition: string; file: string }) => {
      const runtime = await openRuntime(configFrom(options));
      try {
        const edition = runtime.editions.get(options.edition);
        const input = parseArticleInput(await readJson(options.file));
        const result = await runtime.publishing.addArticle(edition, input);
        const url = `${runtime.config.baseUrl}${edition.pathPrefix}/${result.path}`;
        const made = Object.entries(result.created).filter(([, n]) => n > 0).map(([k, n]) => `${n} new ${k}`);
        const verb = result.scheduled ? `scheduled node ${result.nid} for ${input.published.toISOString()}` : `published node ${result.nid}`;
        process.stdout.write(`${verb} in ${edition.code}: ${url}${made.length ? ` (${made.join(', ')})` : ''}\n`);
      } finally {
        await runtime.close();
      }
    });
  return article;
}

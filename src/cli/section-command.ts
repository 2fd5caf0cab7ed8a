import { Command } from 'commander';
import { openRuntime } from '../runtime.ts';
import { configFrom, type StoreOptions } from './options.ts';
import { textTable } from './text-table.ts';

/** `folio section add|list`: sections are made on purpose, never by an article naming an unknown one. */
export function sectionCommand(): Command {
  const section = new Command('section').description("manage a live edition's sections");
  section.command('add')
    .description('add a section (it appears in the main menu); articles name it by its slug')
    .requiredOption('--edition <code>', 'edition code, e.g. ar')
    .requiredOption('--name <name>', 'the name readers see, e.g. سياسة')
    .option('--slug <slug>', 'the URL word, e.g. politics (default: from the name)')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (options: StoreOptions & { edition: string; name: string; slug?: string }) => {
      const runtime = await openRuntime(configFrom(options));
      try {
        const edition = runtime.editions.get(options.edition);
        const term = await runtime.publishing.addSection(edition, { name: options.name, slug: options.slug ?? null });
        process.stdout.write(`added section ${term.tid} in ${edition.code}: ${term.name} at ${runtime.config.baseUrl}${edition.pathPrefix}/${term.path}\n`);
      } finally {
        await runtime.close();
      }
    });
  section.command('list')
    .description("list an edition's sections: slug and name")
    .requiredOption('--edition <code>', 'edition code, e.g. ar')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (options: StoreOptions & { edition: string }) => {
      const runtime = await openRuntime(configFrom(options));
      try {
        const sections = await runtime.publishing.sections(runtime.editions.get(options.edition));
        process.stdout.write(sections.length === 0 ? 'no sections\n' : `${textTable(['slug', 'name'], sections.map((s) => [s.slug, s.name]))}\n${sections.length} section${sections.length === 1 ? '' : 's'}\n`);
      } finally {
        await runtime.close();
      }
    });
  return section;
}

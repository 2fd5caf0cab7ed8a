import { Command } from 'commander';
import { exportJson } from '../export/json-export.ts';
import { openRuntime } from '../runtime.ts';
import { configFrom, type StoreOptions } from './options.ts';
import { startProgress } from './progress.ts';
import { exportBagitCommand } from './export-bagit-command.ts';
import { exportStaticCommand } from './export-static-command.ts';
import { exportWarcCommand } from './export-warc-command.ts';

/** `folio export json <file>`: the whole archive as JSON lines, restorable with `folio import folio`. */
export function exportCommand(): Command {
  const command = new Command('export').description('export the archive so it outlives any server');
  command.command('json')
    .description('write every edition (items with all revisions, taxonomy, authors, blogs, comments, old paths) as JSON lines; .gz compresses')
    .argument('<file>', 'the file to write, e.g. folio-export.jsonl.gz')
    .option('--edition <code...>', 'only these editions (default: all)')
    .option('--include-secrets', 'include users\' password hashes, so a restore keeps their sign-ins (keep such a file private)')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (file: string, options: StoreOptions & { edition?: string[]; includeSecrets?: boolean }) => {
      const runtime = await openRuntime(configFrom(options));
      const progress = startProgress('Exporting');
      try {
        if (options.edition) for (const code of options.edition) runtime.editions.get(code);
        const summary = await exportJson(runtime.exports, file, { ...(options.edition ? { editions: options.edition } : {}), includeSecrets: options.includeSecrets ?? false, onProgress: (n) => progress.update(n, null) });
        progress.stop();
        const counts = Object.entries(summary.records).map(([type, n]) => `${n} ${type}`).join(', ');
        process.stdout.write(`exported ${summary.editions.join(', ')} to ${file}: ${counts} (${(summary.bytes / 1024 / 1024).toFixed(1)} MiB)\n`);
      } finally {
        progress.stop();
        await runtime.close();
      }
    });
  command.addCommand(exportStaticCommand());
  command.addCommand(exportBagitCommand());
  command.addCommand(exportWarcCommand());
  return command;
}

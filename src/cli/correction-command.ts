import { Command } from 'commander';
import { Invalid, ReadOnlyEdition } from '../domain/errors.ts';
import { openRuntime } from '../runtime.ts';
import { configFrom, parsePositiveInt, withOptionHints, type StoreOptions } from './options.ts';

/** An ISO 8601 date or date-time as epoch seconds, with a one-line error naming the option. */
function parseIsoDate(raw: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(ms)) throw new Invalid(`--date must be an ISO 8601 date such as 2014-11-20 or 2014-11-20T10:00:00+02:00 (got "${raw}")`);
  return Math.floor(ms / 1000);
}

type AddOptions = StoreOptions & { edition: string; nid: string; kind: string; text: string; date?: string; admin?: string };

/** `folio correction add`: records a correction or update on an article, and a revision that carries it. */
export function correctionCommand(): Command {
  const correction = new Command('correction').description('record corrections and updates to published articles');
  correction.command('add')
    .description('record a correction or an update on an article; in an archive only an admin may, with --admin')
    .requiredOption('--edition <code>', 'edition code, e.g. ar')
    .requiredOption('--nid <nid>', 'the article\'s node id')
    .requiredOption('--kind <kind>', 'correction | update')
    .requiredOption('--text <text>', 'what was wrong and what is right, as plain text')
    .option('--date <iso>', 'when it was published (ISO 8601); now when left out')
    .option('--admin <name>', 'the admin recording it (required in an archive edition)')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (options: AddOptions) => {
      const runtime = await openRuntime(configFrom(options));
      try {
        const edition = runtime.editions.get(options.edition);
        const request = {
          edition, nid: parsePositiveInt(options.nid, '--nid'), kind: options.kind, text: options.text,
          ...(options.date === undefined ? {} : { at: parseIsoDate(options.date) }),
          ...(options.admin === undefined ? {} : { admin: options.admin }),
        };
        const done = await withOptionHints({ kind: '--kind', text: '--text', admin: '--admin' }, () => runtime.corrections.add(request)).catch((err: unknown) => {
          // The service refuses an archive write as any write is refused; the way out is this command's.
          if (err instanceof ReadOnlyEdition && options.admin === undefined) throw new ReadOnlyEdition(err.edition, 'an admin may record a correction there with --admin <name>');
          throw err;
        });
        const url = `${runtime.config.baseUrl}${edition.pathPrefix}/${done.node.path ?? `node/${done.node.nid}`}`;
        process.stdout.write(`recorded ${options.kind} ${done.id} on node ${done.node.nid} in ${edition.code} as of ${new Date(done.at * 1000).toISOString()} (${done.revisions} revision${done.revisions === 1 ? '' : 's'} written): ${url}\n`);
      } finally {
        await runtime.close();
      }
    });
  return correction;
}

import { userInfo } from 'node:os';
import { Command } from 'commander';
import { COMMENT_STATUS, statusName, type CommentStatusName, type ModerationAction, type ModerationRecord } from '../domain/comment.ts';
import { Invalid, NotFound } from '../domain/errors.ts';
import { QUEUE_PAGE_SIZE, type Moderator } from '../services/moderation-service.ts';
import { openRuntime, type Runtime } from '../runtime.ts';
import { commentJson, isoUtc, terminalSafeJson } from './comment-json.ts';
import { configFrom, parsePositiveInt, withOptionHints, type StoreOptions } from './options.ts';
import { clip, textTable } from './text-table.ts';

/** Most comments one `comments list` prints: a whole queue at once, still small enough to hold. */
export const MAX_LIST_LIMIT = 10_000;

const STATUS_NAMES = Object.keys(COMMENT_STATUS) as CommentStatusName[];
const DATABASE_HELP = 'sqlite:<file> or postgres://…';

/** The CLI acts as the operating-system user running it: the moderation record names them. */
function cliModerator(): Moderator {
  let login: string;
  try {
    login = userInfo().username;
  } catch {
    // A container user with no passwd entry has no name; the uid still says who it was.
    login = process.env.USER ?? `uid ${process.getuid?.() ?? 'unknown'}`;
  }
  return { kind: 'cli', login };
}

async function withRuntime(options: StoreOptions, work: (runtime: Runtime) => Promise<void>): Promise<void> {
  const runtime = await openRuntime(configFrom(options));
  try {
    await work(runtime);
  } finally {
    await runtime.close();
  }
}

function parseCid(raw: string): number {
  const cid = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(cid) || cid === 0) throw new Invalid(`a comment id must be a whole number above 0 (got "${raw}")`);
  return cid;
}

function comments(n: number): string {
  return `${n} comment${n === 1 ? '' : 's'}`;
}

function listCommand(): Command {
  return new Command('list')
    .description('list comments with a status, newest first; shows commenters\' e-mail addresses, which the site keeps private (the operator has the database anyway)')
    .option('--status <status>', `${STATUS_NAMES.join(' | ')} (required)`)
    .option('--edition <code>', 'only this edition, e.g. ar')
    .option('--limit <n>', `comments per page (default ${QUEUE_PAGE_SIZE}, at most ${MAX_LIST_LIMIT})`)
    .option('--page <n>', 'zero-based page (default 0)')
    .option('--json', 'print a JSON array of comments, every field included')
    .option('--database <url>', DATABASE_HELP)
    .action(async (options: StoreOptions & { status?: string; edition?: string; limit?: string; page?: string; json?: boolean }) => {
      // Validated here, not with Commander's choices, so a mistake is one `folio:` line and exit 2.
      if (options.status === undefined) throw new Invalid(`--status is required: one of ${STATUS_NAMES.join(', ')}`);
      if (!(STATUS_NAMES as string[]).includes(options.status)) throw new Invalid(`--status must be one of ${STATUS_NAMES.join(', ')} (got "${options.status}")`);
      const status = options.status as CommentStatusName;
      const limit = options.limit === undefined ? QUEUE_PAGE_SIZE : parsePositiveInt(options.limit, '--limit', MAX_LIST_LIMIT);
      if (limit === 0) throw new Invalid('--limit must be at least 1');
      const page = options.page === undefined ? 0 : parsePositiveInt(options.page, '--page');
      await withRuntime(options, async (runtime) => {
        const edition = options.edition === undefined ? undefined : runtime.editions.get(options.edition).code;
        const { items, total } = await runtime.moderation.list(cliModerator(), { status, limit, page, ...(edition !== undefined ? { edition } : {}) });
        if (options.json) {
          const editions = new Map(runtime.editions.all.map((e) => [e.code, e]));
          process.stdout.write(`${terminalSafeJson(items.map((c) => commentJson(c, editions.get(c.edition), runtime.config.baseUrl)))}\n`);
          return;
        }
        const where = `${status} comments${edition !== undefined ? ` in ${edition}` : ''}`;
        if (items.length === 0) {
          process.stdout.write(total === 0 ? `no ${where}\n` : `no ${where} on page ${page} (${total} in all)\n`);
          return;
        }
        const rows = items.map((c) => [
          String(c.cid), isoUtc(c.createdAt).replace('T', ' ').slice(0, 16), c.edition, `${c.nid} ${clip(c.nodeTitle, 40)}`, clip(c.name, 30), c.email ?? '',
        ]);
        const first = page * limit + 1;
        const more = first + items.length - 1 < total ? `; next: --page ${page + 1}` : '';
        process.stdout.write(`${textTable(['cid', 'date (UTC)', 'edition', 'node', 'name', 'e-mail'], rows)}\n`);
        process.stdout.write(`${first}–${first + items.length - 1} of ${total} ${where}${more}\n`);
      });
    });
}

/** How each action reports itself: "approved 2 comments", "marked 1 comment as spam". */
const DONE: Readonly<Record<ModerationAction, readonly [verb: string, suffix: string]>> = {
  approve: ['approved', ''],
  unpublish: ['unpublished', ''],
  spam: ['marked', ' as spam'],
  delete: ['deleted', ''],
};

const ACTION_HELP: Readonly<Record<ModerationAction, string>> = {
  approve: 'publish comments',
  unpublish: 'take comments off the site, back to pending',
  spam: 'mark comments as spam (hidden, kept for the record)',
  delete: 'delete comments for good, with every reply to them',
};

function actionCommand(action: ModerationAction): Command {
  return new Command(action)
    .description(`${ACTION_HELP[action]}; says what changed`)
    .argument('[cid...]', 'comment ids')
    .option('--database <url>', DATABASE_HELP)
    .action(async (rawIds: string[], options: StoreOptions) => {
      if (rawIds.length === 0) throw new Invalid(`name at least one comment id: folio comments ${action} <cid...>`);
      const cids = [...new Set(rawIds.map(parseCid))];
      await withRuntime(options, async (runtime) => {
        // Every id is checked before anything changes, so a typo never leaves half a batch done.
        const found = await Promise.all(cids.map((cid) => runtime.moderation.find(cliModerator(), cid)));
        const unknown = cids.filter((_, i) => found[i] === undefined);
        if (unknown.length > 0) throw new NotFound(`no comment with id ${unknown.join(', ')}: nothing changed`);
        const changed = (await runtime.moderation.act(cliModerator(), action, cids)).sort((a, b) => a - b);
        const unchanged = cids.filter((cid) => !changed.includes(cid));
        const replies = changed.filter((cid) => !cids.includes(cid));
        const [verb, suffix] = DONE[action];
        let line = `${verb} ${comments(changed.length)}${suffix}${changed.length > 0 ? `: ${changed.join(', ')}` : ''}`;
        if (action === 'delete' && replies.length > 0) line += ` (${replies.join(', ')} ${replies.length === 1 ? 'was a reply' : 'were replies'})`;
        if (unchanged.length > 0) line += `; unchanged: ${unchanged.join(', ')}`;
        process.stdout.write(`${line}\n`);
      });
    });
}

function eraseCommand(): Command {
  return new Command('erase')
    .description('erase one person\'s personal data from every comment posted under an e-mail address (any edition, the archive included)')
    .option('--email <address>', 'the e-mail address, compared case-insensitively (required)')
    .option('--delete', 'delete their comments (and the replies to them) instead of anonymising them')
    .option('--database <url>', DATABASE_HELP)
    .addHelpText('after', '\nWithout --delete the comments stay: the name becomes "Anonymous" and the e-mail, homepage and host address are removed.')
    .action(async (options: StoreOptions & { email?: string; delete?: boolean }) => {
      if (options.email === undefined) throw new Invalid('--email is required: the address whose comments to erase');
      const email = options.email;
      await withRuntime(options, async (runtime) => {
        // Comments are not archive content: the archive takes moderated comments (README), so
        // erasure, like moderation, spans every edition.
        const cids = await withOptionHints({ email: '--email' }, () => runtime.moderation.erase(cliModerator(), email, options.delete ? 'delete' : 'anonymise'));
        if (cids.length === 0) {
          process.stdout.write(`no comments with the e-mail address ${email.trim()}: nothing changed\n`);
        } else if (options.delete) {
          process.stdout.write(`deleted ${comments(cids.length)} (replies to them included): ${cids.join(', ')}\n`);
        } else {
          process.stdout.write(`anonymised ${comments(cids.length)}: ${cids.join(', ')} (name now "Anonymous"; e-mail, homepage and host address removed)\n`);
        }
      });
    });
}

function statusLabel(code: number | null, record: ModerationRecord, side: 'from' | 'to'): string {
  if (code !== null) return statusName(code);
  if (side === 'from') return record.action === 'post' ? 'new' : '';
  return record.action === 'delete' ? 'deleted' : record.action === 'erase' ? 'personal data erased' : '';
}

function historyCommand(): Command {
  return new Command('history')
    .description('every moderation decision about one comment: when, who, what')
    .argument('[cid]', 'comment id')
    .option('--database <url>', DATABASE_HELP)
    .action(async (rawCid: string | undefined, options: StoreOptions) => {
      if (rawCid === undefined) throw new Invalid('name a comment id: folio comments history <cid>');
      const cid = parseCid(rawCid);
      await withRuntime(options, async (runtime) => {
        const records = await runtime.moderation.history(cliModerator(), cid);
        const comment = await runtime.moderation.find(cliModerator(), cid);
        // The record outlives a deleted comment, so only "no comment and no record" is unknown.
        if (records.length === 0 && comment === undefined) throw new NotFound(`no comment with id ${cid}, and no record of one`);
        const now = comment === undefined ? 'deleted' : `${statusName(comment.status)}, on node ${comment.nid} (${comment.edition})`;
        process.stdout.write(`comment ${cid}: ${now}\n`);
        if (records.length === 0) {
          process.stdout.write('no moderation record (it was imported or generated, not posted or moderated here)\n');
          return;
        }
        const rows = records.map((r) => {
          const from = statusLabel(r.fromStatus, r, 'from');
          const to = statusLabel(r.toStatus, r, 'to');
          return [isoUtc(r.at), r.action, r.actor, from === '' ? to : `${from} → ${to}`];
        });
        process.stdout.write(`${textTable(['at (UTC)', 'action', 'by', 'status'], rows)}\n`);
      });
    });
}

/** `folio comments`: the moderation queue from the command line, acting as the operating-system user. */
export function commentsCommand(): Command {
  const command = new Command('comments').description('moderate comments: list, approve, unpublish, spam, delete, erase, history');
  command.addCommand(listCommand());
  for (const action of ['approve', 'unpublish', 'spam', 'delete'] as const) command.addCommand(actionCommand(action));
  command.addCommand(eraseCommand());
  command.addCommand(historyCommand());
  return command;
}

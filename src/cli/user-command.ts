import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { Invalid } from '../domain/errors.ts';
import { ROLES } from '../domain/permissions.ts';
import { FilterInputError, decodeUtf8Strict } from '../filter/index.ts';
import { openRuntime, type Runtime } from '../runtime.ts';
import { NotFound } from '../domain/errors.ts';
import { INVITATION_SECONDS } from '../services/people-service.ts';
import { readFirstLine } from './byte-lines.ts';
import { configFrom, withOptionHints, type StoreOptions } from './options.ts';
import { textTable } from './text-table.ts';

/** Random bytes in a generated password: 144 bits, far beyond guessing, 24 characters as base64url. */
export const GENERATED_PASSWORD_BYTES = 18;

const EMAIL = /^[^\s@]+@[^\s@]+$/;

interface AddOptions extends StoreOptions {
  name?: string;
  role?: string;
  email?: string;
  passwordStdin?: boolean;
}

async function passwordFromStdin(): Promise<string> {
  const line = await readFirstLine(process.stdin);
  if (line === undefined || line.length === 0) throw new Invalid('--password-stdin: no password on the first line of stdin');
  try {
    return decodeUtf8Strict(line);
  } catch (err) {
    if (err instanceof FilterInputError) throw new Invalid(`--password-stdin: the password ${err.problem === 'nul' ? 'contains a NUL byte' : 'is not valid UTF-8'}`);
    throw err;
  }
}

function addCommand(): Command {
  return new Command('add')
    .description(`add a user who can sign in (role: ${ROLES.join(' | ')}); prints the new uid`)
    .option('--name <name>', 'the name to sign in with (required)')
    .option('--role <role>', `${ROLES.join(' | ')} (required)`)
    .option('--email <address>', 'e-mail address (optional)')
    .option('--password-stdin', 'read the password from the first line of stdin; without it a strong one is generated and printed once')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (options: AddOptions) => {
      // Checked here rather than with requiredOption so the error is one `folio:` line, exit 2.
      if (options.name === undefined) throw new Invalid('--name is required');
      if (options.role === undefined) throw new Invalid(`--role is required: one of ${ROLES.join(', ')}`);
      const email = options.email?.trim() || null;
      if (email !== null && !EMAIL.test(email)) throw new Invalid(`--email must be an e-mail address (got "${options.email}")`);
      const generated = options.passwordStdin ? null : randomBytes(GENERATED_PASSWORD_BYTES).toString('base64url');
      const password = generated ?? (await passwordFromStdin());
      const runtime = await openRuntime(configFrom(options));
      try {
        const uid = await withOptionHints({ name: '--name', role: '--role', password: '--password-stdin' }, () => runtime.auth.addUser({ name: options.name!, email, password, role: options.role! }));
        process.stdout.write(`added user ${uid}: ${options.name.trim()} (${options.role})\n`);
        // Only a password the operator has not seen is printed, and only now: just its hash is stored.
        if (generated !== null) process.stdout.write(`password (shown only this once): ${generated}\n`);
      } finally {
        await runtime.close();
      }
    });
}

function listCommand(): Command {
  return new Command('list')
    .description('list users: uid, name, role, e-mail (password hashes are never shown)')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (options: StoreOptions) => {
      const runtime = await openRuntime(configFrom(options));
      try {
        const users = await runtime.auth.listUsers();
        const now = Math.floor(Date.now() / 1000);
        // Picked field by field, so nothing added to UserRecord later (a hash) can leak into the listing.
        const rows = users.map((u) => [
          String(u.uid), u.name, u.role, u.email ?? '',
          u.status !== 'active' ? u.status : u.lockedUntil !== null && u.lockedUntil > now ? `locked until ${new Date(u.lockedUntil * 1000).toISOString()}` : '',
        ]);
        process.stdout.write(users.length === 0 ? 'no users\n' : `${textTable(['uid', 'name', 'role', 'e-mail', 'state'], rows)}\n${users.length} user${users.length === 1 ? '' : 's'}\n`);
      } finally {
        await runtime.close();
      }
    });
}

/** The user named on the command line: a uid (digits) or a name. */
async function userArg(runtime: Runtime, who: string): Promise<{ uid: number; name: string; role: string }> {
  const user = await runtime.people.findUser(/^\d{1,10}$/.test(who) ? Number(who) : who);
  if (!user) throw new NotFound(`there is no user "${who}" (give a uid or a name; \`folio user list\` shows them)`);
  return user;
}

/** The edition whose pages a one-time link opens in: the one named, or the first live edition. */
function linkBase(runtime: Runtime, code: string | undefined): string {
  const edition = code === undefined ? (runtime.editions.all.find((e) => e.mode === 'live') ?? runtime.editions.all[0]!) : runtime.editions.get(code);
  return `${runtime.config.baseUrl}${edition.pathPrefix}`;
}

function inviteCommand(): Command {
  return new Command('invite')
    .description('invite someone by e-mail: a one-time link (valid 7 days) where they choose their name and password; mailed when FOLIO_SMTP_URL is set, printed otherwise')
    .argument('<email>', 'their e-mail address')
    .option('--role <role>', `${ROLES.join(' | ')} (required)`)
    .option('--edition <code>', 'the edition whose pages the link opens in (default: the first live edition)')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (email: string, options: StoreOptions & { role?: string; edition?: string }) => {
      if (options.role === undefined) throw new Invalid(`--role is required: one of ${ROLES.join(', ')}`);
      const runtime = await openRuntime(configFrom(options));
      try {
        const base = linkBase(runtime, options.edition);
        const delivery = await runtime.people.invite({ kind: 'cli' }, { email, role: options.role }, (token) => `${base}/user/invite/${token}`);
        const days = INVITATION_SECONDS / 86_400;
        process.stdout.write(delivery.mailed
          ? `mailed an invitation to ${email.trim()} as ${options.role} (valid ${days} days)\n`
          : `invited ${email.trim()} as ${options.role}; no mail was sent (FOLIO_SMTP_URL is not set), so give them this link (works once, valid ${days} days):\n${delivery.link}\n`);
      } finally {
        await runtime.close();
      }
    });
}

function roleCommand(): Command {
  return new Command('role')
    .description(`change a user's role (${ROLES.join(' | ')}); the last active admin stays an admin`)
    .argument('<user>', 'uid or name')
    .argument('<role>', ROLES.join(' | '))
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (who: string, role: string, options: StoreOptions) => {
      const runtime = await openRuntime(configFrom(options));
      try {
        const user = await userArg(runtime, who);
        await runtime.people.changeRole({ kind: 'cli' }, user.uid, role);
        process.stdout.write(`user ${user.uid} (${user.name}): ${user.role} → ${role}\n`);
      } finally {
        await runtime.close();
      }
    });
}

function statusCommand(name: 'disable' | 'enable'): Command {
  return new Command(name)
    .description(name === 'disable' ? 'disable a user: they cannot sign in, and every session of theirs ends at once' : 'let a disabled user sign in again')
    .argument('<user>', 'uid or name')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (who: string, options: StoreOptions) => {
      const runtime = await openRuntime(configFrom(options));
      try {
        const user = await userArg(runtime, who);
        if (name === 'disable') {
          const { sessionsEnded } = await runtime.people.disable({ kind: 'cli' }, user.uid);
          process.stdout.write(`disabled user ${user.uid} (${user.name}); ${sessionsEnded} session${sessionsEnded === 1 ? '' : 's'} ended\n`);
        } else {
          await runtime.people.enable({ kind: 'cli' }, user.uid);
          process.stdout.write(`enabled user ${user.uid} (${user.name})\n`);
        }
      } finally {
        await runtime.close();
      }
    });
}

/** `folio user add|list|invite|role|disable|enable`: the people who sign in to write, edit, moderate and administer. */
export function userCommand(): Command {
  return new Command('user').description('manage users who sign in')
    .addCommand(addCommand()).addCommand(listCommand()).addCommand(inviteCommand()).addCommand(roleCommand())
    .addCommand(statusCommand('disable')).addCommand(statusCommand('enable'));
}

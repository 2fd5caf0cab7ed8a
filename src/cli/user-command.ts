import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { Invalid } from '../domain/errors.ts';
import { ROLES } from '../domain/permissions.ts';
import { FilterInputError, decodeUtf8Strict } from '../filter/index.ts';
import { openRuntime } from '../runtime.ts';
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
          u.lockedUntil !== null && u.lockedUntil > now ? `locked until ${new Date(u.lockedUntil * 1000).toISOString()}` : '',
        ]);
        process.stdout.write(users.length === 0 ? 'no users\n' : `${textTable(['uid', 'name', 'role', 'e-mail', 'state'], rows)}\n${users.length} user${users.length === 1 ? '' : 's'}\n`);
      } finally {
        await runtime.close();
      }
    });
}

/** `folio user add|list`: the people who sign in to moderate and publish. */
export function userCommand(): Command {
  return new Command('user').description('manage users who sign in').addCommand(addCommand()).addCommand(listCommand());
}

import { loadConfig, type Config } from '../config/config.ts';
import { Invalid } from '../domain/errors.ts';

/** Options every command that touches the store accepts. */
export interface StoreOptions {
  database?: string;
}

/** Config from the environment, with the command line's --database (and --port) on top. */
export function configFrom(options: StoreOptions & { port?: string }): Config {
  const overrides: { databaseUrl?: string; port?: number } = {};
  if (options.database) overrides.databaseUrl = options.database;
  if (options.port !== undefined) overrides.port = parsePositiveInt(options.port, '--port', 65535);
  return loadConfig(process.env, overrides);
}

/** Parses a whole number option, with a one-line error naming the option. */
export function parsePositiveInt(raw: string, name: string, max = 10_000_000): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n > max) throw new Invalid(`${name} must be a whole number from 0 to ${max} (got "${raw}")`);
  return n;
}

/**
 * Runs a service call, naming the command-line option behind a field it refuses. Services speak of
 * fields ("kind"), since the web calls them too; the command line adds which option that was.
 */
export async function withOptionHints<T>(options: Readonly<Record<string, string>>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof Invalid) || err.field === undefined || options[err.field] === undefined) throw err;
    throw new Invalid(`${options[err.field]}: ${err.message}`, err.field);
  }
}

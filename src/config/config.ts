import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import type { Edition } from '../domain/edition.ts';
import type { CommentConfig } from '../domain/comment.ts';

export type { CommentConfig };
import { ConfigError } from '../domain/errors.ts';
import { DEFAULT_EDITIONS } from './default-editions.ts';

/** Where content is stored. */
export type DatabaseConfig = { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };


/** Folio's validated, frozen configuration. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  /** Absolute base for canonical links, e.g. "https://example.com"; defaults to http://localhost:<port>. */
  readonly baseUrl: string;
  readonly editions: readonly Edition[];
  readonly demoSeed: number;
  readonly logLevel: string;
  /** Megabytes of rendered (compressed) pages kept in memory; 0 turns the cache off. */
  readonly pageCacheMegabytes: number;
  readonly comments: CommentConfig;
  /** Signs form tokens; when unset, one is generated once and kept in the database. */
  readonly secret: string | null;
  /** Redis for state shared by several app instances (rate limits); null for one instance. */
  readonly redisUrl: string | null;
  /**
   * Session cookies are always HttpOnly and SameSite=Lax; 'auto' adds Secure on HTTPS requests
   * (so http://localhost works in development), 'always' on every response (behind a TLS proxy).
   */
  readonly secureCookies: 'auto' | 'always';
  /**
   * Which proxies may set X-Forwarded-For: false (none; the default), or a comma-separated list
   * of addresses/CIDRs. Behind nginx, set it, or every reader shares the proxy's address and
   * flood control counts them as one.
   */
  readonly trustProxy: false | string;
}

/** Parses a FOLIO_DATABASE_URL: `sqlite:/path/file.db`, `sqlite::memory:`, or `postgres://…`. */
export function parseDatabaseUrl(url: string, problems: string[]): DatabaseConfig {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { kind: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '') problems.push('FOLIO_DATABASE_URL "sqlite:" needs a file, e.g. sqlite:./data/folio.db');
    return { kind: 'sqlite', file: file === ':memory:' ? file : resolve(file) };
  }
  problems.push(`FOLIO_DATABASE_URL "${url}" is neither sqlite:<file> nor postgres://…`);
  return { kind: 'sqlite', file: ':memory:' };
}

function intSetting(name: string, raw: string | undefined, fallback: number, min: number, max: number, problems: string[]): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return n;
}

/** Edition overrides a config file may give: anything but the code. */
type EditionOverride = Partial<Omit<Edition, 'code'>>;

/** What a FOLIO_CONFIG file may hold. */
interface FileConfig {
  editions?: Record<string, EditionOverride>;
  comments?: Partial<Pick<CommentConfig, 'blockedWords' | 'blockedEmails' | 'blockedNetworks'>>;
}

function stringList(value: unknown, name: string, problems: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    problems.push(`${name} must be a list of non-empty strings`);
    return [];
  }
  return value.map((v: string) => v.trim());
}

function validNetwork(entry: string): boolean {
  const [address, bits, extra] = entry.split('/');
  if (extra !== undefined || address === undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

function readFileOverrides(path: string | undefined, problems: string[]): FileConfig {
  if (!path) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) throw new Error('the file must hold a JSON object');
    return parsed as FileConfig;
  } catch (err) {
    problems.push(`FOLIO_CONFIG ${path}: ${err instanceof Error ? err.message : String(err)}`);
    return {};
  }
}

function validateEditions(editions: readonly Edition[], problems: string[]): void {
  const prefixes = new Set<string>();
  const hosts = new Set<string>();
  for (const e of editions) {
    if (!/^[a-z]{2,8}$/.test(e.code)) problems.push(`edition code "${e.code}" must be 2 to 8 lower-case letters`);
    if (e.lang !== 'en' && e.lang !== 'ar') problems.push(`edition ${e.code}: lang must be "en" or "ar"`);
    if (e.mode !== 'archive' && e.mode !== 'live') problems.push(`edition ${e.code}: mode must be "archive" or "live"`);
    if (e.pathPrefix !== '' && !/^\/[a-z0-9-]+$/.test(e.pathPrefix)) problems.push(`edition ${e.code}: pathPrefix must be "" or like "/ar"`);
    if (prefixes.has(e.pathPrefix)) problems.push(`edition ${e.code}: pathPrefix "${e.pathPrefix}" is used twice`);
    prefixes.add(e.pathPrefix);
    for (const h of e.hosts) {
      if (hosts.has(h)) problems.push(`host ${h} is bound to two editions`);
      hosts.add(h.toLowerCase());
    }
    try {
      new Intl.DateTimeFormat('en', { timeZone: e.timeZone });
    } catch {
      problems.push(`edition ${e.code}: unknown time zone "${e.timeZone}"`);
    }
    if (!['open', 'moderated', 'closed'].includes(e.commentPolicy)) problems.push(`edition ${e.code}: commentPolicy must be open, moderated or closed`);
  }
  if (!prefixes.has('')) problems.push('one edition must be served at the root (pathPrefix "")');
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Reads the environment (and the JSON file named by FOLIO_CONFIG) once, validates everything,
 * and returns a frozen Config. All problems are reported together.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: { databaseUrl?: string; port?: number } = {}): Config {
  const problems: string[] = [];
  const port = overrides.port ?? intSetting('PORT', env.PORT, 8080, 0, 65535, problems);
  const database = parseDatabaseUrl(overrides.databaseUrl ?? env.FOLIO_DATABASE_URL ?? 'sqlite:./data/folio.db', problems);
  const file = readFileOverrides(env.FOLIO_CONFIG, problems);
  const editions = DEFAULT_EDITIONS.map((e) => ({ ...e, ...(file.editions?.[e.code] ?? {}), code: e.code }));
  validateEditions(editions, problems);
  const baseUrl = (env.FOLIO_BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+$/.test(baseUrl)) problems.push(`FOLIO_BASE_URL must look like https://example.com (got "${baseUrl}")`);
  const config: Config = {
    port,
    host: env.HOST ?? '0.0.0.0',
    database,
    baseUrl,
    editions,
    demoSeed: intSetting('FOLIO_DEMO_SEED', env.FOLIO_DEMO_SEED, 20110818, 0, 2 ** 31 - 1, problems),
    logLevel: env.FOLIO_LOG_LEVEL ?? 'info',
    pageCacheMegabytes: intSetting('FOLIO_PAGE_CACHE_MB', env.FOLIO_PAGE_CACHE_MB, 48, 0, 65_536, problems),
    comments: {
      floodLimit: intSetting('FOLIO_FLOOD_LIMIT', env.FOLIO_FLOOD_LIMIT, 5, 1, 10_000, problems),
      floodWindowSeconds: intSetting('FOLIO_FLOOD_WINDOW', env.FOLIO_FLOOD_WINDOW, 600, 1, 86_400, problems),
      minSecondsToPost: intSetting('FOLIO_MIN_POST_SECONDS', env.FOLIO_MIN_POST_SECONDS, 3, 0, 3600, problems),
      maxLinks: intSetting('FOLIO_MAX_LINKS', env.FOLIO_MAX_LINKS, 3, 0, 1000, problems),
      blockedWords: stringList(file.comments?.blockedWords, 'comments.blockedWords', problems),
      blockedEmails: stringList(file.comments?.blockedEmails, 'comments.blockedEmails', problems),
      blockedNetworks: stringList(file.comments?.blockedNetworks, 'comments.blockedNetworks', problems),
    },
    secret: env.FOLIO_SECRET && env.FOLIO_SECRET.length > 0 ? env.FOLIO_SECRET : null,
    redisUrl: env.FOLIO_REDIS_URL && env.FOLIO_REDIS_URL.length > 0 ? env.FOLIO_REDIS_URL : null,
    secureCookies: env.FOLIO_SECURE_COOKIES === 'always' ? 'always' : 'auto',
    trustProxy: env.FOLIO_TRUST_PROXY && env.FOLIO_TRUST_PROXY.length > 0 ? env.FOLIO_TRUST_PROXY : false,
  };
  if (env.FOLIO_SECURE_COOKIES && !['auto', 'always'].includes(env.FOLIO_SECURE_COOKIES)) problems.push('FOLIO_SECURE_COOKIES must be "auto" or "always"');
  if (config.trustProxy !== false) for (const n of config.trustProxy.split(',')) if (!validNetwork(n.trim())) problems.push(`FOLIO_TRUST_PROXY: "${n.trim()}" is not an IP address or CIDR network`);
  for (const n of config.comments.blockedNetworks) if (!validNetwork(n)) problems.push(`comments.blockedNetworks: "${n}" is not an IP address or CIDR network`);
  if (config.secret !== null && config.secret.length < 32) problems.push('FOLIO_SECRET must be at least 32 characters');
  if (config.redisUrl !== null && !/^rediss?:\/\//.test(config.redisUrl)) problems.push('FOLIO_REDIS_URL must look like redis://127.0.0.1:6379');
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(config);
}
